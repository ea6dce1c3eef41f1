/// The Luhn (mod 10) check digit of ISO/IEC 7812-1, used by payment cards, IMEI and ICCID.
///
/// Detects every single-digit error and every adjacent transposition except `09` <-> `90`.
public enum Luhn {
    /// Whether `digits` (ASCII `0`-`9`, at least two, the last being the check digit) pass the Luhn check.
    /// Any non-digit byte makes the result false.
    public static func isValid(_ digits: [UInt8]) -> Bool {
        guard digits.count >= 2, let sum = weightedSum(digits, doubleFirst: false) else { return false }
        return sum % 10 == 0
    }

    /// The ASCII check digit to append to `payload` (ASCII `0`-`9`, at least one), or nil on any non-digit.
    public static func checkDigit(for payload: [UInt8]) -> UInt8? {
        guard !payload.isEmpty, let sum = weightedSum(payload, doubleFirst: true) else { return nil }
        return ASCII.digitByte((10 - sum % 10) % 10)
    }

    /// Sum with every second digit doubled, counting from the right; `doubleFirst` doubles the rightmost.
    private static func weightedSum(_ digits: [UInt8], doubleFirst: Bool) -> Int? {
        var sum = 0
        var double = doubleFirst
        for byte in digits.reversed() {
            guard var value = ASCII.digit(byte) else { return nil }
            if double {
                value *= 2
                if value > 9 { value -= 9 }
            }
            sum += value
            double.toggle()
        }
        return sum
    }
}

/// Luhn mod N: the Luhn algorithm generalised to an alphabet of N characters (N even or odd, 2...256).
///
/// Each character's code point is its index in the alphabet. With the alphabet `0123456789` it is
/// exactly ``Luhn``; with `0123456789ABCDEF` it is the hexadecimal variant used for MEIDs.
public struct LuhnModN: Sendable {
    /// The characters, in code-point order.
    public let alphabet: [UInt8]
    private let codePoints: [Int16]

    /// Creates the check for an alphabet of 2 to 256 distinct bytes; nil otherwise.
    public init?(alphabet: [UInt8]) {
        guard alphabet.count >= 2, alphabet.count <= 256 else { return nil }
        var table = [Int16](repeating: -1, count: 256)
        for (index, byte) in alphabet.enumerated() {
            guard table[Int(byte)] < 0 else { return nil }
            table[Int(byte)] = Int16(index)
        }
        self.alphabet = alphabet
        self.codePoints = table
    }

    /// Hexadecimal, upper case: `0123456789ABCDEF` (N = 16).
    public static let hexadecimal = LuhnModN(alphabet: Array("0123456789ABCDEF".utf8))!
    /// Digits then upper-case letters: `0-9A-Z` (N = 36).
    public static let alphanumeric = LuhnModN(alphabet: Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ".utf8))!

    /// Whether `input` (at least two alphabet characters, the last being the check character) passes.
    /// A byte outside the alphabet makes the result false.
    public func isValid(_ input: [UInt8]) -> Bool {
        guard input.count >= 2, let sum = weightedSum(input, doubleFirst: false) else { return false }
        return sum % alphabet.count == 0
    }

    /// The check character to append to `payload` (at least one alphabet character), or nil.
    public func checkCharacter(for payload: [UInt8]) -> UInt8? {
        guard !payload.isEmpty, let sum = weightedSum(payload, doubleFirst: true) else { return nil }
        let n = alphabet.count
        return alphabet[(n - sum % n) % n]
    }

    private func weightedSum(_ input: [UInt8], doubleFirst: Bool) -> Int? {
        let n = alphabet.count
        var sum = 0
        var double = doubleFirst
        for byte in input.reversed() {
            let point = Int(codePoints[Int(byte)])
            guard point >= 0 else { return nil }
            var addend = double ? point * 2 : point
            addend = addend / n + addend % n
            sum = (sum + addend) % n
            double.toggle()
        }
        return sum
    }
}
