/// Small byte helpers shared by the checksum algorithms. Internal: callers work in ASCII bytes.
enum ASCIIValue {
    /// The value of an ASCII decimal digit, or nil.
    @inline(__always)
    static func digit(_ byte: UInt8) -> Int? {
        byte >= 0x30 && byte <= 0x39 ? Int(byte &- 0x30) : nil
    }

    /// The value of `0`-`9` (0-9) or upper-case `A`-`Z` (10-35), or nil.
    @inline(__always)
    static func alphanumeric(_ byte: UInt8) -> Int? {
        if byte >= 0x30 && byte <= 0x39 { return Int(byte &- 0x30) }
        if byte >= 0x41 && byte <= 0x5A { return Int(byte &- 0x41) + 10 }
        return nil
    }

    /// Whether the byte is an upper-case ASCII letter.
    @inline(__always)
    static func isUpper(_ byte: UInt8) -> Bool { byte >= 0x41 && byte <= 0x5A }

    /// Whether the byte is a lower-case ASCII letter.
    @inline(__always)
    static func isLower(_ byte: UInt8) -> Bool { byte >= 0x61 && byte <= 0x7A }

    /// The ASCII byte for a value 0-9.
    @inline(__always)
    static func digitByte(_ value: Int) -> UInt8 { UInt8(0x30 + value) }

    /// The ASCII byte for a value 0-35 (`0`-`9`, `A`-`Z`).
    @inline(__always)
    static func alphanumericByte(_ value: Int) -> UInt8 {
        value < 10 ? UInt8(0x30 + value) : UInt8(0x41 + value - 10)
    }

    /// Whether every byte is an ASCII decimal digit (false for an empty array).
    static func allDigits(_ bytes: [UInt8]) -> Bool {
        guard !bytes.isEmpty else { return false }
        for byte in bytes where digit(byte) == nil { return false }
        return true
    }
}
