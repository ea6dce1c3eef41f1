/// Eight bytes at a time (SWAR): the tests the record parsers skip runs of plain bytes with. Written here,
/// not taken from a library: the parsers keep every byte of their input in place and need only these few
/// word operations, inlined into their loops.
enum SWAR {
    static let ones: UInt64 = 0x0101_0101_0101_0101
    static let highs: UInt64 = 0x8080_8080_8080_8080

    /// Nonzero when some byte of `x` equals `byte` (exact as a yes or no; the bits above the first equal byte
    /// may be wrong).
    @inline(__always) static func has(_ x: UInt64, _ byte: UInt8) -> UInt64 {
        let v = x ^ (ones &* UInt64(byte))
        return (v &- ones) & ~v & highs
    }

    /// The index (0-7) of the lowest byte flagged in `flags` (nonzero, high bits of bytes). The tests here and
    /// the borrow-based ones built like them (`x - k*ones & ~x & highs`) are exact for the lowest flagged byte:
    /// only bytes above a true one can be flagged wrongly, by its borrow. So the lowest flag is where a scan
    /// stops, with no byte loop walking up to it.
    @inline(__always) static func firstByte(_ flags: UInt64) -> Int { flags.trailingZeroBitCount &>> 3 }

    /// From `from`, eight bytes at a time while all eight lie before `limit`, up to the first that is `a`, `b` or
    /// `c` (`firstByte`): where that stops (at such a byte, or where fewer than eight bytes are left), and
    /// whether a byte passed over is outside ASCII.
    @inline(__always)
    static func skip(_ raw: UnsafeRawPointer, from: Int, limit: Int, stops a: UInt8, _ b: UInt8, _ c: UInt8)
        -> (at: Int, nonASCII: Bool)
    {
        var j = from
        var union: UInt64 = 0
        while j &+ 8 <= limit {
            let w = raw.loadUnaligned(fromByteOffset: j, as: UInt64.self)
            let stop = has(w, a) | has(w, b) | has(w, c)
            if stop != 0 {
                // The bytes before the stop: the low 8k bits, k = the stop's byte index (at most 7).
                let k = firstByte(stop)
                union |= w & ((1 << UInt64(k &* 8)) &- 1)
                j &+= k
                break
            }
            union |= w
            j &+= 8
        }
        return (j, union & highs != 0)
    }
}
