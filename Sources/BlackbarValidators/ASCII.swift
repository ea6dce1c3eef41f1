/// ASCII byte classes and values: the one set of helpers every target uses (validators, the detector's
/// hot path, operators).
///
/// Every function is `@inlinable` and `@inline(__always)`, so a caller in another module compiles it in
/// place, as if the comparison were written there.
public enum ASCII {
    /// Whether the byte is an ASCII decimal digit `0`-`9`.
    @inlinable @inline(__always)
    public static func isDigit(_ byte: UInt8) -> Bool { byte &- 0x30 < 10 }

    /// Whether the byte is an upper-case ASCII letter `A`-`Z`.
    @inlinable @inline(__always)
    public static func isUpper(_ byte: UInt8) -> Bool { byte &- 0x41 < 26 }

    /// Whether the byte is a lower-case ASCII letter `a`-`z`.
    @inlinable @inline(__always)
    public static func isLower(_ byte: UInt8) -> Bool { byte &- 0x61 < 26 }

    /// Whether the byte is an ASCII letter of either case.
    @inlinable @inline(__always)
    public static func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) &- 0x61 < 26 }

    /// Whether the byte is an ASCII letter of either case or a digit.
    @inlinable @inline(__always)
    public static func isAlnum(_ byte: UInt8) -> Bool { isDigit(byte) || isLetter(byte) }

    /// Whether the byte is a hexadecimal digit of either case.
    @inlinable @inline(__always)
    public static func isHexDigit(_ byte: UInt8) -> Bool { isDigit(byte) || (byte | 0x20) &- 0x61 < 6 }

    /// Whether the byte belongs to a word for context matching: an ASCII letter or digit, or any
    /// byte outside ASCII.
    @inlinable @inline(__always)
    public static func isWordByte(_ byte: UInt8) -> Bool { isAlnum(byte) || byte >= 0x80 }

    /// The byte in lower case when it is an upper-case ASCII letter; any other byte as it is.
    @inlinable @inline(__always)
    public static func lower(_ byte: UInt8) -> UInt8 { isUpper(byte) ? byte | 0x20 : byte }

    /// The byte in upper case when it is a lower-case ASCII letter; any other byte as it is.
    @inlinable @inline(__always)
    public static func upper(_ byte: UInt8) -> UInt8 { isLower(byte) ? byte & 0xDF : byte }

    /// The value of an ASCII decimal digit, or nil.
    @inlinable @inline(__always)
    public static func digit(_ byte: UInt8) -> Int? { isDigit(byte) ? Int(byte &- 0x30) : nil }

    /// The position of an upper-case ASCII letter in the alphabet (`A` = 0 ... `Z` = 25), or nil.
    @inlinable @inline(__always)
    public static func letterIndex(_ byte: UInt8) -> Int? { isUpper(byte) ? Int(byte &- 0x41) : nil }

    /// The value of `0`-`9` (0-9) or upper-case `A`-`Z` (10-35), or nil.
    @inlinable @inline(__always)
    public static func alphanumeric(_ byte: UInt8) -> Int? {
        if isDigit(byte) { return Int(byte &- 0x30) }
        if isUpper(byte) { return Int(byte &- 0x41) + 10 }
        return nil
    }

    /// The value of a hexadecimal digit of either case (`0`-`9` 0-9, `A`-`F` or `a`-`f` 10-15), or nil.
    @inlinable @inline(__always)
    public static func hexDigit(_ byte: UInt8) -> Int? {
        guard isHexDigit(byte) else { return nil }
        return isDigit(byte) ? Int(byte &- 0x30) : Int((byte | 0x20) &- 0x61) + 10
    }

    /// The ASCII byte for a value 0-9.
    @inlinable @inline(__always)
    public static func digitByte(_ value: Int) -> UInt8 { UInt8(0x30 + value) }

    /// The ASCII byte for a value 0-35 (`0`-`9`, `A`-`Z`).
    @inlinable @inline(__always)
    public static func alphanumericByte(_ value: Int) -> UInt8 {
        value < 10 ? UInt8(0x30 + value) : UInt8(0x41 + value - 10)
    }

    /// Whether every byte is an ASCII decimal digit (false for an empty array).
    @inlinable
    public static func allDigits(_ bytes: [UInt8]) -> Bool {
        !bytes.isEmpty && bytes.allSatisfy(isDigit)
    }
}
