/// The Damm check digit over the standard totally anti-symmetric quasigroup of order 10.
///
/// Detects every single-digit error and every adjacent transposition.
public enum Damm {
    /// The quasigroup table published by H. Michael Damm (2004), as given on Wikipedia.
    private static let table: [[UInt8]] = [
        [0, 3, 1, 7, 5, 9, 8, 6, 4, 2], [7, 0, 9, 2, 1, 5, 4, 8, 6, 3],
        [4, 2, 0, 6, 8, 7, 1, 3, 5, 9], [1, 7, 5, 0, 9, 8, 3, 4, 2, 6],
        [6, 1, 2, 3, 0, 4, 5, 9, 7, 8], [3, 6, 7, 4, 2, 0, 9, 5, 8, 1],
        [5, 8, 6, 9, 7, 2, 0, 1, 3, 4], [8, 9, 4, 5, 3, 6, 2, 0, 1, 7],
        [9, 4, 3, 8, 6, 1, 7, 2, 0, 5], [2, 5, 8, 1, 4, 3, 6, 7, 9, 0],
    ]

    /// Whether `digits` (ASCII `0`-`9`, at least two, the last being the check digit) pass.
    public static func isValid(_ digits: [UInt8]) -> Bool {
        guard digits.count >= 2, let interim = run(digits) else { return false }
        return interim == 0
    }

    /// The ASCII check digit to append to `payload` (ASCII `0`-`9`, at least one), or nil.
    public static func checkDigit(for payload: [UInt8]) -> UInt8? {
        guard !payload.isEmpty, let interim = run(payload) else { return nil }
        return ASCII.digitByte(Int(interim))
    }

    private static func run(_ digits: [UInt8]) -> UInt8? {
        var interim: UInt8 = 0
        for byte in digits {
            guard let value = ASCII.digit(byte) else { return nil }
            interim = table[Int(interim)][value]
        }
        return interim
    }
}
