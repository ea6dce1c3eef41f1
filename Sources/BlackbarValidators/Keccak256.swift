/// A compact Keccak-256 (the original Keccak submission padding `0x01`, as used by Ethereum; not
/// FIPS 202 SHA3-256, which pads with `0x06`). Used only for EIP-55 address checksums.
///
/// Written here rather than imported because the validator target is deliberately free of
/// dependencies: it must build alone and stay pure. Not meant for secrets.
public enum Keccak256 {
    private static let roundConstants: [UInt64] = [
        0x0000_0000_0000_0001, 0x0000_0000_0000_8082, 0x8000_0000_0000_808A, 0x8000_0000_8000_8000,
        0x0000_0000_0000_808B, 0x0000_0000_8000_0001, 0x8000_0000_8000_8081, 0x8000_0000_0000_8009,
        0x0000_0000_0000_008A, 0x0000_0000_0000_0088, 0x0000_0000_8000_8009, 0x0000_0000_8000_000A,
        0x0000_0000_8000_808B, 0x8000_0000_0000_008B, 0x8000_0000_0000_8089, 0x8000_0000_0000_8003,
        0x8000_0000_0000_8002, 0x8000_0000_0000_0080, 0x0000_0000_0000_800A, 0x8000_0000_8000_000A,
        0x8000_0000_8000_8081, 0x8000_0000_0000_8080, 0x0000_0000_8000_0001, 0x8000_0000_8000_8008,
    ]
    /// Rotation offsets r[x][y], indexed as `x + 5 * y`.
    private static let rotations: [UInt64] = [
        0, 1, 62, 28, 27,
        36, 44, 6, 55, 20,
        3, 10, 43, 25, 39,
        41, 45, 15, 21, 8,
        18, 2, 61, 56, 14,
    ]
    private static let rate = 136  // bytes: 1600 - 2 * 256 bits

    /// The 32-byte Keccak-256 digest of `message`.
    public static func hash(_ message: [UInt8]) -> [UInt8] {
        var state = [UInt64](repeating: 0, count: 25)
        var padded = message
        padded.append(0x01)
        while padded.count % rate != 0 { padded.append(0) }
        padded[padded.count - 1] |= 0x80
        for block in stride(from: 0, to: padded.count, by: rate) {
            for lane in 0 ..< rate / 8 {
                var word: UInt64 = 0
                for byte in 0 ..< 8 { word |= UInt64(padded[block + lane * 8 + byte]) << UInt64(8 * byte) }
                state[lane] ^= word
            }
            permute(&state)
        }
        var digest: [UInt8] = []
        digest.reserveCapacity(32)
        for lane in 0 ..< 4 { for byte in 0 ..< 8 { digest.append(UInt8(truncatingIfNeeded: state[lane] >> UInt64(8 * byte))) } }
        return digest
    }

    /// Keccak-f[1600]: 24 rounds of theta, rho, pi, chi, iota over lanes `a[x + 5y]`.
    private static func permute(_ a: inout [UInt64]) {
        var c = [UInt64](repeating: 0, count: 5)
        var b = [UInt64](repeating: 0, count: 25)
        for round in 0 ..< 24 {
            for x in 0 ..< 5 { c[x] = a[x] ^ a[x + 5] ^ a[x + 10] ^ a[x + 15] ^ a[x + 20] }
            for x in 0 ..< 5 {
                let d = c[(x + 4) % 5] ^ rotl(c[(x + 1) % 5], 1)
                for y in 0 ..< 5 { a[x + 5 * y] ^= d }
            }
            for x in 0 ..< 5 {
                for y in 0 ..< 5 {
                    // pi: B[y][2x + 3y] = rot(A[x][y], r[x][y])
                    b[y + 5 * ((2 * x + 3 * y) % 5)] = rotl(a[x + 5 * y], rotations[x + 5 * y])
                }
            }
            for x in 0 ..< 5 {
                for y in 0 ..< 5 {
                    a[x + 5 * y] = b[x + 5 * y] ^ (~b[(x + 1) % 5 + 5 * y] & b[(x + 2) % 5 + 5 * y])
                }
            }
            a[0] ^= roundConstants[round]
        }
    }

    @inline(__always)
    private static func rotl(_ x: UInt64, _ n: UInt64) -> UInt64 { n == 0 ? x : (x << n) | (x >> (64 - n)) }
}
