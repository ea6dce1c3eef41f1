/// A TIFF structure read in place: a TIFF or DNG file, or the EXIF block inside a JPEG, PNG, WebP or HEIF.
///
/// Rewrites never move anything: a removed entry leaves its IFD (the later entries move up, the count drops,
/// the freed slots become zeros), its value bytes are zeroed, and a replaced value is written over the old one
/// and padded. Every offset in the file (strips, tiles, sub-IFDs, the thumbnail, maker notes of other
/// entries) stays valid, and the image data is never touched.
struct TIFFStructure {
    struct Entry {
        var tag: UInt16
        var type: UInt16
        var count: Int
        /// The entry's 12 bytes.
        var at: Int
        /// The value's bytes (inside the entry when they fit in 4).
        var value: Range<Int>
        var isInline: Bool
    }

    struct IFD {
        var kind: EXIFTags.IFDKind
        var offset: Int
        var entries: [Entry]
        /// The entry (IFD index, entry index) that points here; nil for the IFD0/IFD1 chain.
        var pointer: (ifd: Int, entry: Int)?
        /// Whether the 4-byte next-IFD offset follows the entries (some writers leave it out of a sub-IFD at
        /// the very end of an EXIF block; readers take it as 0).
        var hasNext: Bool
        var directory: Range<Int> { offset..<(offset + 2 + 12 * entries.count + (hasNext ? 4 : 0)) }
    }

    let view: ByteView
    /// Where the TIFF header starts; offsets in the structure count from here.
    let base: Int
    let end: Int
    let bigEndian: Bool
    /// An EXIF block inside another container (its IFD1 is a thumbnail, not a page).
    let embedded: Bool
    private(set) var ifds: [IFD] = []
    /// Fields: the entry each comes from, and the XMP packet inside the XMP tag (700).
    private(set) var fields: [MetadataField] = []
    private(set) var fieldEntry: [(ifd: Int, entry: Int)] = []
    private(set) var xmp: (ifd: Int, entry: Int, packet: XMPPacket, firstField: Int)?
    private(set) var warnings: [String] = []
    /// Ranges that are image data (strips, tiles, the thumbnail): never zeroed.
    private(set) var payload: [Range<Int>] = []

    static let typeSizes: [UInt16: Int] = [1: 1, 2: 1, 3: 2, 4: 4, 5: 8, 6: 1, 7: 1, 8: 2, 9: 4, 10: 8, 11: 4, 12: 8, 13: 4]

    init(_ view: ByteView, base: Int, end: Int, embedded: Bool, path: String, limits: MetadataLimits) throws {
        self.view = view
        self.base = base
        self.end = min(end, view.count)
        self.embedded = embedded
        try view.check(base, 8, "TIFF header")
        if view.has([0x49, 0x49], at: base) { bigEndian = false } else if view.has([0x4D, 0x4D], at: base) { bigEndian = true } else {
            throw MetadataError.malformed("TIFF byte order", offset: base)
        }
        let magic = try view.u16(base + 2, bigEndian: bigEndian)
        if magic == 43 { throw MetadataError.unsupported("BigTIFF") }
        guard magic == 42 else { throw MetadataError.malformed("TIFF header", offset: base) }
        var visited = Set<Int>()
        var queue: [(offset: Int, kind: EXIFTags.IFDKind, pointer: (Int, Int)?, depth: Int)] = []
        queue.append((Int(try view.u32(base + 4, bigEndian: bigEndian)), .ifd0, nil, 0))
        var chainIndex = 0
        while !queue.isEmpty {
            let (rel, kind, pointer, depth) = queue.removeFirst()
            guard rel != 0 else { continue }
            let offset = base + rel
            guard depth <= limits.maxDepth else { throw MetadataError.tooLarge("TIFF IFD nesting", offset: offset) }
            guard visited.insert(offset).inserted else { throw MetadataError.malformed("TIFF IFD loop", offset: offset) }
            guard ifds.count < 1024 else { throw MetadataError.tooLarge("TIFF IFD count", offset: offset) }
            guard offset >= base, offset + 2 <= self.end else { throw MetadataError.truncated("TIFF IFD", offset: offset) }
            let n = Int(try view.u16(offset, bigEndian: bigEndian))
            guard n <= limits.maxEntries else { throw MetadataError.tooLarge("TIFF IFD entries", offset: offset) }
            guard offset + 2 + 12 * n <= self.end else { throw MetadataError.truncated("TIFF IFD", offset: offset) }
            let hasNext = offset + 2 + 12 * n + 4 <= self.end
            guard hasNext || (kind != .ifd0 && kind != .ifd1) else { throw MetadataError.truncated("TIFF IFD", offset: offset) }
            var entries: [Entry] = []
            for k in 0..<n {
                let at = offset + 2 + 12 * k
                let tag = try view.u16(at, bigEndian: bigEndian)
                let type = try view.u16(at + 2, bigEndian: bigEndian)
                let count = Int(try view.u32(at + 4, bigEndian: bigEndian))
                guard let size = Self.typeSizes[type] else {
                    // An unknown type has no known size: kept as it is, never read.
                    entries.append(Entry(tag: tag, type: type, count: 0, at: at, value: (at + 8)..<(at + 8), isInline: true))
                    continue
                }
                let (total, overflow) = size.multipliedReportingOverflow(by: count)
                guard !overflow, total <= self.end - base else { throw MetadataError.truncated("TIFF value", offset: at) }
                if total <= 4 {
                    entries.append(Entry(tag: tag, type: type, count: count, at: at, value: (at + 8)..<(at + 8 + total), isInline: true))
                } else {
                    let start = base + Int(try view.u32(at + 8, bigEndian: bigEndian))
                    guard start >= base, start + total <= self.end else { throw MetadataError.truncated("TIFF value", offset: at) }
                    entries.append(Entry(tag: tag, type: type, count: count, at: at, value: start..<(start + total), isInline: false))
                }
            }
            let index = ifds.count
            ifds.append(IFD(kind: kind, offset: offset, entries: entries, pointer: pointer, hasNext: hasNext))
            for (k, e) in entries.enumerated() {
                if let child = EXIFTags.pointerTags[e.tag], kind != .gps, kind != .interop, e.type == 4 || e.type == 13 || e.type == 3 {
                    let size = Self.typeSizes[e.type]!
                    for j in 0..<min(e.count, 64) {
                        let at = e.value.lowerBound + j * size
                        let rel = size == 2 ? Int(try view.u16(at, bigEndian: bigEndian)) : Int(try view.u32(at, bigEndian: bigEndian))
                        queue.append((rel, child, (index, k), depth + 1))
                    }
                }
            }
            if kind == .ifd0 || kind == .ifd1 {
                let next = Int(try view.u32(offset + 2 + 12 * n, bigEndian: bigEndian))
                chainIndex += 1
                if next != 0 { queue.append((next, .ifd1, nil, depth + 1)) }
            }
        }
        try collectPayload()
        try makeFields(path: path, limits: limits)
    }

    /// Strips, tiles and the thumbnail: ranges never zeroed.
    private mutating func collectPayload() throws {
        for ifd in ifds {
            func values(_ tag: UInt16) throws -> [Int]? {
                guard let e = ifd.entries.first(where: { $0.tag == tag }), e.type == 3 || e.type == 4 else { return nil }
                let size = e.type == 3 ? 2 : 4
                return try (0..<min(e.count, 1 << 20)).map {
                    size == 2 ? Int(try view.u16(e.value.lowerBound + $0 * 2, bigEndian: bigEndian))
                        : Int(try view.u32(e.value.lowerBound + $0 * 4, bigEndian: bigEndian))
                }
            }
            for (o, c) in [(UInt16(0x0111), UInt16(0x0117)), (0x0144, 0x0145), (0x0201, 0x0202)] {
                guard let offsets = try values(o), let counts = try values(c) else { continue }
                for (a, n) in zip(offsets, counts) where n > 0 && a < end - base {
                    let start = base + a
                    payload.append(start..<(start + min(n, end - start)))
                }
            }
        }
    }

    private mutating func makeFields(path: String, limits: MetadataLimits) throws {
        for (i, ifd) in ifds.enumerated() {
            let kind: EXIFTags.IFDKind = ifd.kind == .ifd1 && !embedded ? .ifd0 : ifd.kind
            for (k, e) in ifd.entries.enumerated() where EXIFTags.pointerTags[e.tag] == nil || kind == .gps || kind == .interop {
                let (name, meaning) = EXIFTags.describe(e.tag, in: kind, ascii: e.type == 2)
                let fieldPath = path + "/" + ifd.kind.rawValue
                if e.tag == 0x02BC, kind != .gps, kind != .interop {
                    // XMP in TIFF: its properties are the fields.
                    let bytes = try view.bytes(e.value)
                    if let packet = try? XMPPacket(bytes) {
                        xmp = (i, k, packet, fields.count)
                        for f in packet.fields(offset: e.value.lowerBound, path: fieldPath + "/XMP") {
                            fields.append(f)
                            fieldEntry.append((i, k))
                        }
                        continue
                    }
                    warnings.append("\(fieldPath): XMP at byte \(e.value.lowerBound) could not be read; it is removed when redacting")
                    fields.append(MetadataField(tag: "EXIF:XMP", path: fieldPath, meaning: .opaque, text: [], stored: e.value, verbatim: false))
                    fieldEntry.append((i, k))
                    continue
                }
                let (text, verbatim) = try self.text(of: e, name: name)
                // An ASCII value's range is its text, without the NUL and padding after it.
                let stored = verbatim ? e.value.lowerBound..<(e.value.lowerBound + text.count) : e.value
                fields.append(MetadataField(
                    tag: "EXIF:" + name, path: fieldPath, meaning: meaning, text: text, stored: stored, verbatim: verbatim))
                fieldEntry.append((i, k))
                guard fields.count <= limits.maxFields else { throw MetadataError.tooLarge("metadata fields", offset: e.at) }
            }
        }
    }

    /// The value as text: ASCII up to its NUL, UTF-16LE for the XP tags, UserComment after its code, GPS
    /// coordinates as decimal degrees.
    private func text(of e: Entry, name: String) throws -> ([UInt8], Bool) {
        switch e.type {
        case 2:
            let bytes = try view.bytes(e.value)
            let cut = bytes.firstIndex(of: 0) ?? bytes.count
            var text = Array(bytes[..<cut])
            while text.last == 0x20 { text.removeLast() }
            return (text, true)
        case 1 where name.hasPrefix("XP"):
            let bytes = try view.bytes(e.value)
            var units: [UInt16] = []
            var k = 0
            while k + 1 < bytes.count {
                let u = UInt16(bytes[k]) | UInt16(bytes[k + 1]) << 8
                if u == 0 { break }
                units.append(u)
                k += 2
            }
            return (Array(String(decoding: units, as: UTF16.self).utf8), false)
        case 7 where name == "UserComment" || name == "GPSProcessingMethod" || name == "GPSAreaInformation":
            let bytes = try view.bytes(e.value)
            guard bytes.count >= 8 else { return ([], false) }
            let body = Array(bytes[8...])
            if bytes.starts(with: Array("UNICODE".utf8)) {
                var units: [UInt16] = []
                var k = 0
                while k + 1 < body.count {
                    let u = bigEndian ? UInt16(body[k]) << 8 | UInt16(body[k + 1]) : UInt16(body[k]) | UInt16(body[k + 1]) << 8
                    if u == 0 { break }
                    units.append(u)
                    k += 2
                }
                return (Array(String(decoding: units, as: UTF16.self).utf8), false)
            }
            var text = Array(body.prefix { $0 != 0 })
            while text.last == 0x20 { text.removeLast() }
            return (text, false)
        case 5 where name == "GPSLatitude" || name == "GPSLongitude" || name == "GPSDestLatitude" || name == "GPSDestLongitude":
            guard e.count == 3 else { return ([], false) }
            var degrees = 0.0
            for (j, scale) in [1.0, 60.0, 3600.0].enumerated() {
                let num = Double(try view.u32(e.value.lowerBound + 8 * j, bigEndian: bigEndian))
                let den = Double(try view.u32(e.value.lowerBound + 8 * j + 4, bigEndian: bigEndian))
                if den != 0 { degrees += num / den / scale }
            }
            let scaled = (degrees * 1_000_000).rounded()
            let whole = Int(scaled) / 1_000_000, frac = Int(scaled) % 1_000_000
            let fracText = String(frac)
            return (Array("\(whole).\(String(repeating: "0", count: 6 - fracText.count))\(fracText)".utf8), false)
        default:
            return ([], false)
        }
    }
}
