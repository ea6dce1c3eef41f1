/// New contents for one ZIP entry: raw-deflated data with the CRC-32 and size of the uncompressed bytes.
struct ZIPReplacement {
    var deflated: [UInt8]
    var crc: UInt32
    var uncompressedSize: Int

    /// Deflates `bytes` for an entry.
    init(_ bytes: [UInt8]) throws {
        deflated = try Zlib.deflate(bytes, raw: true)
        crc = Zlib.crc32(bytes)
        uncompressedSize = bytes.count
    }
}

extension ZIPArchive {
    /// The archive with some entries' contents replaced (by entry index), as output pieces: every other entry
    /// (local header, compressed data, descriptor) is an input range copied verbatim, in central directory
    /// order; replaced entries get a new local header (same name and extra field, no data descriptor, method
    /// 8, new CRC-32 and sizes) and their new data. Then a new central directory (records copied with the
    /// local header offset moved, and for replaced entries the new flags, method, CRC-32 and sizes) and end of
    /// central directory record (the comment kept, or `newComment`).
    func rewrite(_ view: ByteView, replacing: [Int: ZIPReplacement], newComment: [UInt8]? = nil) throws -> [OutputPiece] {
        var pieces: [OutputPiece] = []
        var central: [UInt8] = []
        var offset = 0
        for (index, entry) in entries.enumerated() {
            var record = try view.bytes(entry.central)
            guard offset <= 0xFFFF_FFFE else { throw MetadataError.unsupported("ZIP64 (output over 4 GB)") }
            Self.put32(&record, 42, UInt32(offset))
            if let new = replacing[index] {
                guard new.deflated.count < 0xFFFF_FFFF, new.uncompressedSize < 0xFFFF_FFFF else {
                    throw MetadataError.unsupported("ZIP64 (entry over 4 GB)")
                }
                var header = try view.bytes(entry.localHeader)
                let flags = entry.flags & ~UInt16(8)
                Self.patch(&header, 4, flags: flags, new: new)
                Self.patch(&record, 6, flags: flags, new: new)
                pieces.append(.bytes(header + new.deflated))
                offset += header.count + new.deflated.count
            } else {
                pieces.append(.input(entry.span))
                offset += entry.span.count
            }
            central += record
        }
        guard offset <= 0xFFFF_FFFE, central.count < 0xFFFF_FFFF else { throw MetadataError.unsupported("ZIP64 (output over 4 GB)") }
        var end = try view.bytes(eocd.lowerBound..<(eocd.lowerBound + 22))
        Self.put32(&end, 12, UInt32(central.count))
        Self.put32(&end, 16, UInt32(offset))
        let commentBytes = try newComment ?? view.bytes(comment)
        Self.put16(&end, 20, UInt16(min(commentBytes.count, 0xFFFF)))
        pieces.append(.bytes(central + end + commentBytes.prefix(0xFFFF)))
        return pieces
    }

    /// Patches "version needed" (at `at`), flags, method, CRC-32 and sizes: the same layout in a local header
    /// (from byte 4) and a central record (from byte 6).
    private static func patch(_ b: inout [UInt8], _ at: Int, flags: UInt16, new: ZIPReplacement) {
        let needed = UInt16(b[at]) | UInt16(b[at + 1]) << 8
        put16(&b, at, max(needed, 20))
        put16(&b, at + 2, flags)
        put16(&b, at + 4, 8)
        put32(&b, at + 10, new.crc)
        put32(&b, at + 14, UInt32(new.deflated.count))
        put32(&b, at + 18, UInt32(new.uncompressedSize))
    }

    static func put16(_ b: inout [UInt8], _ at: Int, _ v: UInt16) {
        b[at] = UInt8(v & 0xFF)
        b[at + 1] = UInt8(v >> 8)
    }

    static func put32(_ b: inout [UInt8], _ at: Int, _ v: UInt32) {
        for k in 0..<4 { b[at + k] = UInt8((v >> (8 * UInt32(k))) & 0xFF) }
    }
}
