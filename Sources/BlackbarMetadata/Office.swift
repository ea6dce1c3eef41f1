/// An OOXML package (DOCX, XLSX, PPTX): a ZIP whose core, extended and custom property parts and
/// comment-author parts are read for metadata.
///
/// Tags are `<FORMAT>:<part>/<name>` (`DOCX:core/creator`, `XLSX:comments/author`, `PPTX:commentAuthors/name`,
/// `DOCX:custom/<property name>`, and `<FORMAT>:zip/comment` for the archive comment); a field's path is its
/// part name. Values are the entity-decoded text; `stored` is the ZIP entry's compressed data (not verbatim),
/// or for an entry stored uncompressed the value's exact bytes. The document body is payload and is not read.
///
/// The rewrite edits the changed parts' XML, deflates them again and writes a new ZIP whose other entries are
/// the input's bytes unchanged (see `ZIPArchive.rewrite`).
final class OfficeDocument: MetadataDocument {
    let format: MediaFormat
    private(set) var fields: [MetadataField] = []
    private(set) var warnings: [String] = []

    private let view: ByteView
    private let zip: ZIPArchive

    /// A part read for metadata: its entry, its XML and its values (fields `firstField...`).
    private struct Part {
        var entry: Int
        var xml: OfficeXML
        var values: [OfficeValue]
        var firstField: Int
    }
    private var parts: [Part] = []
    /// The index of the archive comment's field, if it has one.
    private var commentField: Int?

    /// Reads the package in `view`.
    init(_ view: ByteView, format: MediaFormat, limits: MetadataLimits) throws {
        self.view = view
        self.format = format
        zip = try ZIPArchive(view, limits: limits)
        for i in zip.unsafeNames { warnings.append("ZIP entry \(i) has a name that would leave its folder if extracted (kept as is)") }
        let prefix = format.displayName + ":"

        // The package relationships say where the property parts are.
        var rels: OfficeXML?
        if let i = zip.entries.firstIndex(where: { $0.name.lowercased() == "_rels/.rels" }) {
            do { rels = try OfficeXML(zip.contents(of: zip.entries[i], in: view, limits: limits), limits: limits) }
            catch { warnings.append("_rels/.rels could not be read (\(error)); the usual property part names are used") }
        }
        let properties = OfficePart.propertyParts(rels: rels)

        for (index, entry) in zip.entries.enumerated() {
            guard let kind = OfficePart.of(entry.name, properties: properties) else { continue }
            let xml: OfficeXML
            do {
                xml = try OfficeXML(zip.contents(of: entry, in: view, limits: limits), limits: limits)
            } catch let error as MetadataError {
                throw Self.inPart(error, entry)
            }
            let values = kind.values(in: xml)
            parts.append(Part(entry: index, xml: xml, values: values, firstField: fields.count))
            for v in values {
                let (text, plain) = xml.text(v.value)
                let stored = entry.method == 0
                    ? (entry.data.lowerBound + v.value.lowerBound)..<(entry.data.lowerBound + v.value.upperBound) : entry.data
                fields.append(MetadataField(
                    tag: prefix + v.tag, path: entry.name, meaning: v.meaning, text: text, stored: stored,
                    verbatim: entry.method == 0 && plain))
            }
            guard fields.count <= limits.maxFields else {
                throw MetadataError.tooLarge("metadata fields", offset: entry.localHeader.lowerBound)
            }
        }
        if !zip.comment.isEmpty {
            let raw = try view.bytes(zip.comment)
            let text = Array(String(decoding: raw, as: UTF8.self).utf8)
            commentField = fields.count
            fields.append(MetadataField(
                tag: prefix + "zip/comment", path: "ZIP", meaning: .text, text: text, stored: zip.comment, verbatim: text == raw))
        }
    }

    /// The error with the part named (part names are fixed package names, not personal data).
    private static func inPart(_ error: MetadataError, _ entry: ZIPArchive.Entry) -> MetadataError {
        let at = entry.localHeader.lowerBound
        switch error {
        case .truncated(let what, _): return .truncated("\(what) in \(entry.name)", offset: at)
        case .malformed(let what, _): return .malformed("\(what) in \(entry.name)", offset: at)
        case .tooLarge(let what, _): return .tooLarge("\(what) in \(entry.name)", offset: at)
        case .unsupported(let what): return .unsupported("\(what) in \(entry.name)")
        }
    }

    func rewrite(_ changes: [Int: FieldChange], strip: StripMode) throws -> MetadataOutput {
        var effective: [Int: FieldChange] = [:]
        var stripped = Set<Int>()
        for (i, change) in changes where fields.indices.contains(i) { effective[i] = change }
        if strip == .all {
            for part in parts {
                for (k, v) in part.values.enumerated() where !v.keptByStrip && effective[part.firstField + k] == nil {
                    effective[part.firstField + k] = .remove
                    stripped.insert(part.firstField + k)
                }
            }
            if let c = commentField, effective[c] == nil {
                effective[c] = .remove
                stripped.insert(c)
            }
        }
        guard !effective.isEmpty else { return MetadataOutput(pieces: [.input(0..<view.count)]) }

        var removedInstead = Set<Int>()
        var replacements: [Int: ZIPReplacement] = [:]
        for part in parts {
            var edits: [(Range<Int>, [UInt8])] = []
            for (k, v) in part.values.enumerated() {
                guard let change = effective[part.firstField + k] else { continue }
                switch change {
                case .remove: edits.append((v.dropElement ?? v.value, []))
                case .replace(let text):
                    if let element = v.dropElement {
                        edits.append((element, []))
                        removedInstead.insert(part.firstField + k)
                    } else {
                        edits.append((v.value, XMPPacket.escape(text)))
                    }
                }
            }
            guard !edits.isEmpty else { continue }
            replacements[part.entry] = try ZIPReplacement(applyEdits(edits, to: part.xml.bytes))
        }
        var newComment: [UInt8]?
        if let c = commentField, let change = effective[c] {
            switch change {
            case .remove: newComment = []
            case .replace(let text):
                // A ZIP comment holds at most 65,535 bytes: a longer one is removed instead.
                newComment = text.count <= 0xFFFF ? text : []
                if text.count > 0xFFFF { removedInstead.insert(c) }
            }
        }
        let pieces = try zip.rewrite(view, replacing: replacements, newComment: newComment)
        return MetadataOutput(pieces: pieces, removedInstead: removedInstead, stripped: stripped)
    }
}
