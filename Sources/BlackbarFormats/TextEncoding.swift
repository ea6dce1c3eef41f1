/// How a text file's bytes encode its characters, as far as a byte-order mark tells.
public enum TextEncoding: Sendable, Equatable {
    /// UTF-8 without a byte-order mark (or any file without a mark: binary checks decide the rest).
    case utf8
    /// UTF-8 starting with EF BB BF.
    case utf8BOM
    /// UTF-16 little-endian, starting with FF FE.
    case utf16LE
    /// UTF-16 big-endian, starting with FE FF.
    case utf16BE

    /// The encoding a file's first bytes announce, by byte-order mark only.
    ///
    /// FF FE 00 00 is the UTF-32LE mark, not UTF-16LE followed by U+0000: it gives `.utf8`, and the
    /// caller's binary check decides what the file is. UTF-32BE (00 00 FE FF) has no UTF-16 prefix.
    public static func sniff(_ head: some Collection<UInt8>) -> TextEncoding {
        var bytes = head.makeIterator()
        let b0 = bytes.next(), b1 = bytes.next(), b2 = bytes.next(), b3 = bytes.next()
        switch (b0, b1) {
        case (0xEF, 0xBB) where b2 == 0xBF: return .utf8BOM
        case (0xFF, 0xFE): return b2 == 0 && b3 == 0 ? .utf8 : .utf16LE
        case (0xFE, 0xFF): return .utf16BE
        default: return .utf8
        }
    }

    /// Bytes of the byte-order mark this encoding is announced by (0 for `.utf8`).
    public var byteOrderMarkLength: Int {
        switch self {
        case .utf8: return 0
        case .utf8BOM: return 3
        case .utf16LE, .utf16BE: return 2
        }
    }
}
