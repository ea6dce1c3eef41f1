/// The Verhoeff check digit (dihedral group D5), used by Aadhaar and others.
///
/// Detects every single-digit error and every adjacent transposition.
public enum Verhoeff {
    /// Multiplication table of D5.
    private static let d: [[UInt8]] = [
        [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 2, 3, 4, 0, 6, 7, 8, 9, 5],
        [2, 3, 4, 0, 1, 7, 8, 9, 5, 6], [3, 4, 0, 1, 2, 8, 9, 5, 6, 7],
        [4, 0, 1, 2, 3, 9, 5, 6, 7, 8], [5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
        [6, 5, 9, 8, 7, 1, 0, 4, 3, 2], [7, 6, 5, 9, 8, 2, 1, 0, 4, 3],
        [8, 7, 6, 5, 9, 3, 2, 1, 0, 4], [9, 8, 7, 6, 5, 4, 3, 2, 1, 0],
    ]
    /// Position permutation, applied `i mod 8` times.
    private static let p: [[UInt8]] = [
        [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 5, 7, 6, 2, 8, 3, 0, 9, 4],
        [5, 8, 0, 3, 7, 9, 6, 1, 4, 2], [8, 9, 1, 6, 0, 4, 3, 5, 2, 7],
        [9, 4, 5, 3, 1, 2, 6, 8, 7, 0], [4, 2, 8, 6, 5, 7, 3, 9, 0, 1],
        [2, 7, 9, 3, 8, 0, 6, 4, 1, 5], [7, 0, 4, 6, 9, 1, 3, 2, 5, 8],
    ]
    /// Inverses in D5.
    private static let inverse: [UInt8] = [0, 4, 3, 2, 1, 5, 6, 7, 8, 9]

    /// Whether `digits` (ASCII `0`-`9`, at least two, the last being the check digit) pass.
    public static func isValid(_ digits: [UInt8]) -> Bool {
        guard digits.count >= 2, let c = run(digits, offset: 0) else { return false }
        return c == 0
    }

    /// The ASCII check digit to append to `payload` (ASCII `0`-`9`, at least one), or nil.
    public static func checkDigit(for payload: [UInt8]) -> UInt8? {
        guard !payload.isEmpty, let c = run(payload, offset: 1) else { return nil }
        return ASCII.digitByte(Int(inverse[Int(c)]))
    }

    private static func run(_ digits: [UInt8], offset: Int) -> UInt8? {
        var c: UInt8 = 0
        for (i, byte) in digits.reversed().enumerated() {
            guard let value = ASCII.digit(byte) else { return nil }
            c = d[Int(c)][Int(p[(i + offset) % 8][value])]
        }
        return c
    }
}
