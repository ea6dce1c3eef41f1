/// A ZIP archive's structure read byte by byte: the end of central directory record, each central directory
/// record and the local header, data and data descriptor it points to, all as byte ranges of the file.
///
/// Ours rather than ZIPFoundation's: the office rewrite must copy every unchanged entry (the document body,
/// images) as its compressed bytes verbatim, so the payload stays byte-identical, and ZIPFoundation's API only
/// adds entries by compressing them again. Reading is bounded: the EOCD search looks at most 65,557 bytes
/// back, the entry count is capped by `MetadataLimits.maxEntries`, every offset is checked against the file,
/// and entries may not overlap each other or the central directory.
struct ZIPArchive {
    /// One entry: its central directory record and where its local header, data and descriptor are.
    struct Entry {
        /// The name as stored (UTF-8 or CP437; OOXML part names are ASCII).
        var name: String
        /// General purpose flags (bit 0 encrypted, bit 3 data descriptor, bit 11 UTF-8).
        var flags: UInt16
        /// Compression method (0 stored, 8 deflate).
        var method: UInt16
        var crc: UInt32
        var compressedSize: Int
        var uncompressedSize: Int
        /// The central directory record (fixed part, name, extra, comment).
        var central: Range<Int>
        /// The local header (fixed part, name, extra).
        var localHeader: Range<Int>
        /// The compressed data.
        var data: Range<Int>
        /// The whole entry as it is copied: local header, data and data descriptor if any.
        var span: Range<Int>
    }

    static let eocdSignature: UInt32 = 0x0605_4B50
    static let centralSignature: UInt32 = 0x0201_4B50
    static let localSignature: UInt32 = 0x0403_4B50
    static let descriptorSignature: UInt32 = 0x0807_4B50
    static let zip64LocatorSignature: UInt32 = 0x0706_4B50

    /// The entries in central directory order.
    let entries: [Entry]
    /// The end of central directory record (22 bytes and the comment).
    let eocd: Range<Int>
    /// The archive comment.
    let comment: Range<Int>
    /// Names that would escape a directory if extracted (`..`, absolute paths), by entry index; reported as
    /// warnings (this reader never extracts).
    let unsafeNames: [Int]

    /// Reads the archive in `view`.
    init(_ view: ByteView, limits: MetadataLimits) throws {
        let eocdAt = try Self.findEOCD(view)
        let disk = try view.u16(eocdAt + 4, bigEndian: false), cdDisk = try view.u16(eocdAt + 6, bigEndian: false)
        let onDisk = try view.u16(eocdAt + 8, bigEndian: false), total = try view.u16(eocdAt + 10, bigEndian: false)
        let cdSize = try view.u32(eocdAt + 12, bigEndian: false), cdOffset = try view.u32(eocdAt + 16, bigEndian: false)
        let commentLength = Int(try view.u16(eocdAt + 20, bigEndian: false))
        if total == 0xFFFF || onDisk == 0xFFFF || cdSize == 0xFFFF_FFFF || cdOffset == 0xFFFF_FFFF
            || (eocdAt >= 20 && (try? view.u32(eocdAt - 20, bigEndian: false)) == Self.zip64LocatorSignature)
        {
            throw MetadataError.unsupported("ZIP64")
        }
        guard disk == 0, cdDisk == 0, onDisk == total else { throw MetadataError.unsupported("multi-disk ZIP") }
        guard Int(total) <= limits.maxEntries else { throw MetadataError.tooLarge("ZIP entry count", offset: eocdAt + 10) }
        try view.check(eocdAt + 22, commentLength, "ZIP comment")
        eocd = eocdAt..<(eocdAt + 22 + commentLength)
        comment = (eocdAt + 22)..<(eocdAt + 22 + commentLength)
        let cdStart = Int(cdOffset), cdEnd = Int(cdOffset) + Int(cdSize)
        guard cdEnd <= eocdAt else { throw MetadataError.truncated("ZIP central directory", offset: cdStart) }
        guard Int(total) * 46 <= Int(cdSize) else { throw MetadataError.malformed("ZIP entry count", offset: eocdAt + 10) }

        var entries: [Entry] = []
        var unsafe: [Int] = []
        var at = cdStart
        for index in 0..<Int(total) {
            guard at + 46 <= cdEnd else { throw MetadataError.truncated("ZIP central directory record", offset: at) }
            let entry = try Self.readEntry(view, central: at, cdEnd: cdEnd)
            if Self.isUnsafe(entry.name) { unsafe.append(index) }
            entries.append(entry)
            at = entry.central.upperBound
        }
        // Entries must not overlap each other or the central directory (overlapping entries are a bomb trick,
        // and copying them would duplicate bytes).
        var cursor = 0
        for entry in entries.sorted(by: { $0.span.lowerBound < $1.span.lowerBound }) {
            guard entry.span.lowerBound >= cursor else {
                throw MetadataError.malformed("ZIP entries overlap", offset: entry.span.lowerBound)
            }
            cursor = entry.span.upperBound
        }
        guard cursor <= cdStart else { throw MetadataError.malformed("ZIP entry overlaps the central directory", offset: cdStart) }
        self.entries = entries
        unsafeNames = unsafe
    }

    /// The offset of the end of central directory record: searched backwards from the end, at most 65,557
    /// bytes (the record and the longest comment); the first candidate whose comment ends the file wins,
    /// else the last one found.
    private static func findEOCD(_ view: ByteView) throws -> Int {
        guard view.count >= 22 else { throw MetadataError.truncated("ZIP end of central directory", offset: 0) }
        let lowest = max(0, view.count - 65_557)
        var fallback: Int?
        var at = view.count - 22
        while at >= lowest {
            if try view.u32(at, bigEndian: false) == eocdSignature {
                let commentLength = Int(try view.u16(at + 20, bigEndian: false))
                if at + 22 + commentLength == view.count { return at }
                if fallback == nil && at + 22 + commentLength <= view.count { fallback = at }
            }
            at -= 1
        }
        guard let fallback else { throw MetadataError.malformed("ZIP end of central directory (not found)", offset: view.count) }
        return fallback
    }

    private static func readEntry(_ view: ByteView, central at: Int, cdEnd: Int) throws -> Entry {
        guard try view.u32(at, bigEndian: false) == centralSignature else {
            throw MetadataError.malformed("ZIP central directory record", offset: at)
        }
        let flags = try view.u16(at + 8, bigEndian: false), method = try view.u16(at + 10, bigEndian: false)
        let crc = try view.u32(at + 16, bigEndian: false)
        let csize = try view.u32(at + 20, bigEndian: false), usize = try view.u32(at + 24, bigEndian: false)
        let nameLength = Int(try view.u16(at + 28, bigEndian: false)), extraLength = Int(try view.u16(at + 30, bigEndian: false))
        let commentLength = Int(try view.u16(at + 32, bigEndian: false))
        let localOffset = try view.u32(at + 42, bigEndian: false)
        if csize == 0xFFFF_FFFF || usize == 0xFFFF_FFFF || localOffset == 0xFFFF_FFFF { throw MetadataError.unsupported("ZIP64") }
        guard flags & 1 == 0 else { throw MetadataError.unsupported("encrypted ZIP entry") }
        let recordEnd = at + 46 + nameLength + extraLength + commentLength
        guard recordEnd <= cdEnd else { throw MetadataError.truncated("ZIP central directory record", offset: at) }
        let nameBytes = try view.bytes((at + 46)..<(at + 46 + nameLength))

        // The local header it points to.
        let local = Int(localOffset)
        try view.check(local, 30, "ZIP local header")
        guard try view.u32(local, bigEndian: false) == localSignature else {
            throw MetadataError.malformed("ZIP local header", offset: local)
        }
        let localName = Int(try view.u16(local + 26, bigEndian: false)), localExtra = Int(try view.u16(local + 28, bigEndian: false))
        let dataStart = local + 30 + localName + localExtra
        try view.check(local, 30 + localName + localExtra, "ZIP local header")
        guard try view.bytes((local + 30)..<(local + 30 + localName)) == nameBytes,
              try view.u16(local + 8, bigEndian: false) == method
        else { throw MetadataError.malformed("ZIP local header (does not match its central record)", offset: local) }
        try view.check(dataStart, Int(csize), "ZIP entry data")
        var end = dataStart + Int(csize)
        if flags & 8 != 0 {
            let length = view.has([0x50, 0x4B, 0x07, 0x08], at: end) ? 16 : 12
            try view.check(end, length, "ZIP data descriptor")
            end += length
        }
        return Entry(
            name: String(decoding: nameBytes, as: UTF8.self), flags: flags, method: method, crc: crc,
            compressedSize: Int(csize), uncompressedSize: Int(usize), central: at..<recordEnd,
            localHeader: local..<dataStart, data: dataStart..<(dataStart + Int(csize)), span: local..<end)
    }

    /// Whether extracting `name` could write outside the target directory.
    static func isUnsafe(_ name: String) -> Bool {
        let parts = name.split(whereSeparator: { $0 == "/" || $0 == "\\" })
        return name.hasPrefix("/") || name.hasPrefix("\\") || name.contains(":") || parts.contains("..")
    }

    /// An entry's uncompressed bytes (stored or deflated), at most `limits.maxInflated`, checked against its
    /// CRC-32 and size.
    func contents(of entry: Entry, in view: ByteView, limits: MetadataLimits) throws -> [UInt8] {
        let out: [UInt8]
        switch entry.method {
        case 0:
            guard entry.data.count <= limits.maxInflated else {
                throw MetadataError.tooLarge("ZIP entry size", offset: entry.data.lowerBound)
            }
            out = try view.bytes(entry.data)
        case 8:
            guard entry.uncompressedSize <= limits.maxInflated else {
                throw MetadataError.tooLarge("ZIP entry inflated size", offset: entry.data.lowerBound)
            }
            let data = UnsafeRawBufferPointer(rebasing: view.base[entry.data])
            out = try Zlib.inflate(data, raw: true, limit: limits.maxInflated, offset: entry.data.lowerBound)
        default:
            throw MetadataError.unsupported("ZIP compression method \(entry.method)")
        }
        guard out.count == entry.uncompressedSize, Zlib.crc32(out) == entry.crc else {
            throw MetadataError.malformed("ZIP entry (CRC-32 or size mismatch)", offset: entry.localHeader.lowerBound)
        }
        return out
    }
}
