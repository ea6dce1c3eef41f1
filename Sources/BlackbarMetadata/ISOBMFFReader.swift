/// Walks an ISO BMFF box tree (MP4, QuickTime, HEIF/AVIF) and collects its metadata fields, where each
/// lives (`FieldSite`), and the units the rewriter may change. Only the boxes that can hold metadata are read
/// beyond their headers; `stco`, `co64`, `mdat` and the sample tables are never parsed.
struct ISOBMFFReader {
    let view: ByteView
    let limits: MetadataLimits
    var fields: [MetadataField] = []
    var sites: [FieldSite] = []
    var units: [BMFFUnit] = []
    var warnings: [String] = []
    /// The file ranges of HEIF `Exif` items (4-byte offset, then a TIFF structure).
    var exifItems: [Range<Int>] = []

    /// Boxes whose content is only child boxes, walked for `udta`, `meta` and `uuid`.
    static let containers: Set<UInt32> = Set(
        ["moov", "trak", "mdia", "minf", "stbl", "dinf", "edts", "mvex", "moof", "traf", "iprp", "ipco", "tref", "mfra"].map(
            BMFF.code))
    /// Children a QuickTime-style (not full box) `meta` may start with.
    static let metaChildren: Set<UInt32> = Set(
        ["hdlr", "keys", "ilst", "iinf", "iloc", "pitm", "idat", "iref", "iprp", "dinf", "free", "skip", "xml ", "bxml", "uuid"]
            .map(BMFF.code))

    init(_ view: ByteView, limits: MetadataLimits) {
        self.view = view
        self.limits = limits
    }

    /// The contents of the top-level `mdat` boxes: where HEIF items may be rewritten in place.
    var mediaData: [Range<Int>] = []

    mutating func run() throws {
        let top = try BMFF.children(view, in: 0..<view.count, limits: limits, topLevel: true, warnings: &warnings)
        mediaData = top.filter { $0.type == BMFF.code("mdat") }.map(\.content)
        for box in top { try visit(box, parent: "", depth: 1) }
    }

    mutating func add(_ field: MetadataField, _ site: FieldSite) throws {
        guard fields.count < limits.maxFields else {
            throw MetadataError.tooLarge("metadata fields", offset: field.stored.lowerBound)
        }
        fields.append(field)
        sites.append(site)
    }

    mutating func childBoxes(_ range: Range<Int>, depth: Int) throws -> [BMFFBox] {
        guard depth <= limits.maxDepth else { throw MetadataError.tooLarge("box nesting", offset: range.lowerBound) }
        return try BMFF.children(view, in: range, limits: limits, warnings: &warnings)
    }

    static func join(_ parent: String, _ type: UInt32) -> String {
        parent.isEmpty ? BMFF.name(type) : parent + "/" + BMFF.name(type)
    }

    mutating func visit(_ box: BMFFBox, parent: String, depth: Int) throws {
        guard depth <= limits.maxDepth else { throw MetadataError.tooLarge("box nesting", offset: box.start) }
        let path = Self.join(parent, box.type)
        switch box.type {
        case _ where Self.containers.contains(box.type):
            for child in try childBoxes(box.content, depth: depth + 1) { try visit(child, parent: path, depth: depth + 1) }
        case BMFF.code("udta"):
            try visitUserData(box, path: path, depth: depth)
        case BMFF.code("meta"):
            try visitMeta(box, path: path, depth: depth)
        case BMFF.code("uuid"):
            if view.has(BMFF.xmpUUID, at: box.contentStart), box.contentStart + 16 <= box.end {
                try addXMPBox(box, packet: (box.contentStart + 16)..<box.end, path: parent)
            }
        default:
            break
        }
    }

    /// `udta`: QuickTime text atoms (`©xyz`), MP4 `©` atoms holding `data` boxes, `meta`, XMP (`XMP_`, `uuid`).
    mutating func visitUserData(_ box: BMFFBox, path: String, depth: Int) throws {
        for child in try childBoxes(box.content, depth: depth + 1) {
            if child.type >> 24 == 0xA9 {
                try addCopyrightAtom(child, path: path, depth: depth + 1)
            } else if child.type == BMFF.code("XMP_") {
                try addXMPBox(child, packet: child.content, path: path)
            } else {
                try visit(child, parent: path, depth: depth + 1)
            }
        }
    }

    /// A `©` atom of `udta`: `data` boxes when its content starts with one, else QuickTime strings.
    mutating func addCopyrightAtom(_ atom: BMFFBox, path: String, depth: Int) throws {
        let name = BMFF.name(atom.type)
        let tag = "QuickTime:" + name
        let meaning = ISOBMFFTags.meaning(ofAtom: name)
        if atom.size >= 24, view.has(Array("data".utf8), at: atom.contentStart + 4) {
            let unit = units.count
            let item = try readItem(atom, depth: depth)
            units.append(.dataAtom(item))
            try addValues(item, unit: unit, item: 0, tag: tag, path: path, meaning: meaning)
            return
        }
        var entries: [TextEntry] = []
        var offset = atom.contentStart
        while offset + 4 <= atom.end {
            let length = Int(try view.u16(offset, bigEndian: true))
            guard length <= atom.end - offset - 4 else {
                warnings.append("text atom at byte \(atom.start) has a string past its end; its strings are skipped")
                entries = []
                break
            }
            entries.append(TextEntry(start: offset, text: (offset + 4)..<(offset + 4 + length)))
            guard entries.count <= limits.maxEntries else {
                throw MetadataError.tooLarge("strings in a text atom", offset: offset)
            }
            offset += 4 + length
        }
        let unit = units.count
        units.append(.textAtom(TextAtom(box: atom, entries: entries)))
        for (k, entry) in entries.enumerated() {
            let text = try view.bytes(entry.text)
            try add(
                MetadataField(tag: tag, path: path, meaning: meaning, text: text, stored: entry.text, verbatim: true),
                .text(unit: unit, entry: k))
        }
    }

    /// An item box's `data` children (`mean`, `name` and others are kept as they are).
    mutating func readItem(_ box: BMFFBox, depth: Int) throws -> BMFFItem {
        var values: [DataValue] = []
        for child in try childBoxes(box.content, depth: depth + 1) where child.type == BMFF.code("data") {
            guard child.size - child.headerSize >= 8 else {
                throw MetadataError.malformed("data box shorter than its header", offset: child.start)
            }
            let indicator = try view.u32(child.contentStart, bigEndian: true) & 0x00FF_FFFF
            values.append(DataValue(box: child, typeIndicator: indicator))
        }
        return BMFFItem(box: box, values: values)
    }

    /// A field for each text `data` value of an item (UTF-8 as stored; UTF-16 decoded). Other types are binary
    /// or numbers: no field, though `strip: .all` still removes the item.
    mutating func addValues(_ item: BMFFItem, unit: Int, item index: Int, tag: String, path: String, meaning: TagMeaning) throws {
        for (k, value) in item.values.enumerated() {
            let raw = try view.bytes(value.value)
            switch value.typeIndicator {
            case 1:
                try add(
                    MetadataField(tag: tag, path: path, meaning: meaning, text: raw, stored: value.value, verbatim: true),
                    .data(unit: unit, item: index, value: k))
            case 2:
                var units16: [UInt16] = []
                var i = 0
                while i + 1 < raw.count {
                    units16.append(UInt16(raw[i]) << 8 | UInt16(raw[i + 1]))
                    i += 2
                }
                let text = Array(String(decoding: units16, as: UTF16.self).utf8)
                try add(
                    MetadataField(tag: tag, path: path, meaning: meaning, text: text, stored: value.value, verbatim: false),
                    .data(unit: unit, item: index, value: k))
            default:
                continue
            }
        }
    }

    mutating func addXMPBox(_ box: BMFFBox, packet: Range<Int>, path: String) throws {
        let unit = units.count
        var xmp: XMPPacket?
        do {
            xmp = try XMPPacket(view.bytes(packet), limits: limits)
        } catch let error as MetadataError {
            warnings.append("XMP in the box at byte \(box.start) was not read: \(error)")
        }
        units.append(.xmpBox(XMPBox(box: box, packet: packet, xmp: xmp)))
        guard let xmp else { return }
        for (k, field) in xmp.fields(offset: packet.lowerBound, path: Self.join(path, box.type)).enumerated() {
            try add(field, .xmp(unit: unit, property: k))
        }
    }
}
