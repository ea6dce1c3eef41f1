/// A PDF file's document metadata: every Info dictionary and every XMP metadata stream of every revision.
///
/// The file is scanned for indirect objects (`PDFScan`) rather than read through the cross-reference chain, so
/// the Info dictionaries and XMP packets that incremental updates left behind are found too (exiftool's
/// `-all=` appends an update and leaves the old values in the bytes). Info dictionaries are the objects any
/// trailer (or cross-reference stream) names as `/Info`, plus dictionaries that look like one (no `/Type`,
/// only string or name values, a standard Info key); XMP streams are the streams with `/Type /Metadata`.
///
/// The rewrite edits in place and keeps every object's byte length (see `rewrite`), so the cross-reference
/// offsets stay valid and content streams are copied as input ranges. Encrypted files are not supported.
final class PDFDocument: MetadataDocument {
    let format: MediaFormat = .pdf
    var fields: [MetadataField] = []
    var warnings: [String] = []

    /// Where a field lives, for the rewrite.
    enum Site {
        /// An Info dictionary entry; inside `objectStreams[container]` (ranges in its inflated bytes) or not.
        case info(PDFEntry, container: Int?)
        /// An Info dictionary entry whose value is a reference to the string object `string` (in the file).
        case infoIndirect(PDFEntry, string: PDFNode)
        /// A property of the XMP stream `streams[stream]`.
        case xmp(stream: Int, property: Int)
    }

    /// An XMP metadata stream.
    struct XMPStream {
        let object: PDFObject
        let data: Range<Int>
        let packet: XMPPacket
        let compressed: Bool
    }

    let view: ByteView
    let limits: MetadataLimits
    let scan: PDFScan
    private(set) var sites: [Site] = []
    /// The top-level objects by number and generation (several when revisions rewrote one), in file order.
    private(set) lazy var byRef: [PDFRef: [PDFObject]] = Dictionary(grouping: scan.objects, by: \.ref)
    private(set) var streams: [XMPStream] = []
    /// Every Info dictionary read, with its object stream (for `strip: .all`, which blanks its other entries too).
    var infoDicts: [(dict: PDFNode, container: Int?)] = []
    /// Object streams holding an Info dictionary.
    var objectStreams: [PDFObjectStream] = []

    static let standardInfo: [String: TagMeaning] = [
        "Author": .person, "Creator": .technical, "Producer": .technical, "Title": .text, "Subject": .text,
        "Keywords": .text, "CreationDate": .captureDate, "ModDate": .captureDate,
    ]

    init(_ view: ByteView, limits: MetadataLimits) throws {
        self.view = view
        self.limits = limits
        scan = try PDFScan(view, limits: limits)
        warnings = scan.warnings
        var infoRefs = Set<PDFRef>()
        for t in scan.trailers {
            if t["Encrypt"] != nil { throw MetadataError.unsupported("encrypted PDF") }
            if let r = t["Info"]?.ref { infoRefs.insert(r) }
        }
        if scan.trailers.isEmpty {
            warnings.append("no trailer found; Info dictionaries recognised by their keys only")
        } else if infoRefs.isEmpty {
            warnings.append("no trailer names an Info dictionary")
        }
        var found = Set<PDFRef>()
        for object in scan.objects {
            if object.stream == nil, object.value.isDict, infoRefs.contains(object.ref) || Self.looksLikeInfo(object.value) {
                found.insert(object.ref)
                try readInfo(object.value, path: object.ref.description, bytes: view.base, container: nil)
            } else if let data = object.stream, object.value["Type"]?.name == "Metadata" {
                try readXMP(object, data: data)
            } else if let data = object.stream, object.value["Type"]?.name == "ObjStm", !infoRefs.isEmpty {
                found.formUnion(try readObjectStream(object, data: data, infoRefs: infoRefs))
            }
        }
        for r in infoRefs.subtracting(found).sorted(by: { $0.num < $1.num }) {
            warnings.append("Info dictionary \(r) not found")
        }
    }

    /// A dictionary without `/Type` whose values are all strings or names, with a standard Info key.
    static func looksLikeInfo(_ dict: PDFNode) -> Bool {
        guard case .dict(let entries) = dict.kind, !entries.isEmpty, dict["Type"] == nil else { return false }
        var standard = false
        for e in entries {
            switch e.value.kind {
            case .literal, .hex, .name: break
            default: return false
            }
            if standardInfo[e.key] != nil { standard = true }
        }
        return standard
    }

    func add(_ field: MetadataField, _ site: Site) throws {
        guard fields.count < limits.maxFields else { throw MetadataError.tooLarge("PDF metadata fields", offset: field.stored.lowerBound) }
        fields.append(field)
        sites.append(site)
    }

    /// The string entries of an Info dictionary whose ranges are in `bytes` (the file, or an object stream's
    /// inflated bytes: then the fields' stored range is the object stream's data, not verbatim). An entry
    /// whose value is a reference to a string object (in the file) is read from that object.
    func readInfo(_ dict: PDFNode, path: String, bytes: UnsafeRawBufferPointer, container: Int?) throws {
        guard case .dict(let entries) = dict.kind else { return }
        infoDicts.append((dict, container))
        for entry in entries {
            let meaning = Self.standardInfo[entry.key] ?? .text
            if let r = entry.value.ref {
                let strings = container == nil ? (byRef[r] ?? []).filter { $0.stream == nil && $0.value.isString } : []
                if strings.isEmpty { warnings.append("\(path): Info entry /\(entry.key) refers to \(r), not a string read here") }
                for s in strings {
                    let (inner, text) = Self.decode(s.value, view.base)!
                    try add(MetadataField(tag: "PDF:Info/" + entry.key, path: "\(path)/\(r)", meaning: meaning, text: text, stored: inner,
                                          verbatim: text.elementsEqual(view.base[inner])), .infoIndirect(entry, string: s.value))
                }
                continue
            }
            guard let (inner, text) = Self.decode(entry.value, bytes) else { continue }
            var stored = inner, verbatim = text.elementsEqual(bytes[inner])
            if let container {
                stored = objectStreams[container].data
                verbatim = false
            }
            try add(MetadataField(tag: "PDF:Info/" + entry.key, path: path, meaning: meaning, text: text,
                                  stored: stored, verbatim: verbatim), .info(entry, container: container))
        }
    }

    /// A string value's inside and its text as UTF-8; nil for other values.
    static func decode(_ node: PDFNode, _ bytes: UnsafeRawBufferPointer) -> (Range<Int>, [UInt8])? {
        switch node.kind {
        case .literal(let r): return (r, PDFStrings.text(PDFStrings.literalBytes(bytes[r])))
        case .hex(let r): return (r, PDFStrings.text(PDFStrings.hexBytes(bytes[r])))
        default: return nil
        }
    }

    private func readXMP(_ object: PDFObject, data: Range<Int>) throws {
        let dict = object.value
        var compressed = false
        if let filter = dict["Filter"] {
            let names: [String?]
            if case .array(let items) = filter.kind { names = items.map(\.name) } else { names = [filter.name] }
            guard names == ["FlateDecode"], dict["DecodeParms"] == nil || dict["DecodeParms"]?.kind.isNull == true else {
                warnings.append("\(object.ref): XMP metadata stream with a filter other than plain FlateDecode: not read")
                return
            }
            compressed = true
        }
        let bytes = compressed
            ? try inflate(data, what: "PDF metadata stream")
            : try view.bytes(data)
        let packet = try XMPPacket(bytes, limits: limits)
        let index = streams.count
        streams.append(XMPStream(object: object, data: data, packet: packet, compressed: compressed))
        let path = object.ref.description
        for (i, var field) in packet.fields(offset: data.lowerBound, path: path).enumerated() {
            if compressed {
                field.stored = data
                field.verbatim = false
            }
            try add(field, .xmp(stream: index, property: i))
        }
    }
}

extension PDFDocument {
    /// A `/FlateDecode` stream's data inflated (bounded by `maxInflated`), errors naming `what`.
    func inflate(_ data: Range<Int>, what: String) throws -> [UInt8] {
        do {
            return try Zlib.inflate(UnsafeRawBufferPointer(rebasing: view.base[data]), limit: limits.maxInflated, offset: data.lowerBound)
        } catch let error as MetadataError {
            switch error {
            case .tooLarge(_, let at): throw MetadataError.tooLarge("\(what) (inflated)", offset: at)
            case .malformed(_, let at): throw MetadataError.malformed("\(what) (deflate data)", offset: at)
            case .truncated(_, let at): throw MetadataError.truncated("\(what) (deflate data)", offset: at)
            case .unsupported: throw error
            }
        }
    }
}

extension PDFNode.Kind {
    var isNull: Bool { if case .null = self { return true } else { return false } }
}
