/// Bounds-checked reads over a file's bytes: every read that would leave the buffer throws a
/// `MetadataError` naming the offset, so a truncated or hostile file is an error, never a crash.
///
/// The bytes are borrowed (a mapped file, or an array the caller keeps alive for the view's lifetime).
public struct ByteView: @unchecked Sendable {
    /// The bytes.
    public let base: UnsafeRawBufferPointer

    /// A view of `base`.
    public init(_ base: UnsafeRawBufferPointer) { self.base = base }

    /// Number of bytes.
    public var count: Int { base.count }

    /// Throws unless `offset..<offset+length` lies inside the view.
    @inline(__always)
    public func check(_ offset: Int, _ length: Int, _ what: @autoclosure () -> String) throws {
        guard offset >= 0, length >= 0, offset <= count, length <= count - offset else {
            throw MetadataError.truncated(what(), offset: offset)
        }
    }

    /// One byte.
    public func u8(_ offset: Int) throws -> UInt8 {
        try check(offset, 1, "byte")
        return base[offset]
    }

    /// A 16-bit unsigned integer, big- or little-endian.
    public func u16(_ offset: Int, bigEndian: Bool) throws -> UInt16 {
        try check(offset, 2, "16-bit value")
        let a = UInt16(base[offset]), b = UInt16(base[offset + 1])
        return bigEndian ? a << 8 | b : b << 8 | a
    }

    /// A 32-bit unsigned integer, big- or little-endian.
    public func u32(_ offset: Int, bigEndian: Bool) throws -> UInt32 {
        try check(offset, 4, "32-bit value")
        var v: UInt32 = 0
        for i in 0..<4 {
            let byte = UInt32(base[offset + (bigEndian ? i : 3 - i)])
            v = v << 8 | byte
        }
        return v
    }

    /// A 64-bit unsigned integer, big-endian (ISO BMFF large sizes).
    public func u64BE(_ offset: Int) throws -> UInt64 {
        try check(offset, 8, "64-bit value")
        var v: UInt64 = 0
        for i in 0..<8 { v = v << 8 | UInt64(base[offset + i]) }
        return v
    }

    /// A copy of `range`.
    public func bytes(_ range: Range<Int>) throws -> [UInt8] {
        try check(range.lowerBound, range.count, "bytes")
        return Array(base[range])
    }

    /// Whether the bytes at `offset` are `prefix`.
    public func has(_ prefix: [UInt8], at offset: Int) -> Bool {
        guard offset >= 0, offset <= count, prefix.count <= count - offset else { return false }
        for (i, b) in prefix.enumerated() where base[offset + i] != b { return false }
        return true
    }
}

extension Array where Element == UInt8 {
    /// The bytes of an ASCII string literal.
    init(ascii: StaticString) {
        self = ascii.withUTF8Buffer { Array($0) }
    }
}
