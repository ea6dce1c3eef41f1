/// A JPEG file: EXIF (APP1), XMP (APP1, extended XMP), IPTC in Photoshop resources (APP13) and comments
/// (COM) as fields. Rewritten segment by segment: the EXIF block keeps its length (its offsets stay valid);
/// XMP, IPTC and comment segments are rebuilt; every other segment and everything from the first scan on
/// (the compressed image, EOI and any trailer) is copied byte for byte.
final class JPEGDocument: MetadataDocument {
    let format = MediaFormat.jpeg
    private(set) var fields: [MetadataField] = []
    private(set) var warnings: [String] = []
    private let view: ByteView

    private enum Block {
        case exif(TIFFStructure)
        case xmp(XMPPacket, header: Int)
        case iptc(IPTCBlock, range: Range<Int>)
        case comment
        case opaque
    }
    /// A segment holding metadata: its bytes (marker to end), what it holds, its first field.
    private struct Segment {
        var range: Range<Int>
        var marker: UInt8
        var block: Block
        var firstField: Int
        var fieldCount: Int
    }
    private var segments: [Segment] = []

    static let exifHeader = Array("Exif".utf8) + [0, 0]
    static let xmpHeader = Array("http://ns.adobe.com/xap/1.0/".utf8) + [0]
    static let extendedXMPHeader = Array("http://ns.adobe.com/xmp/extension/".utf8) + [0]
    static let photoshopHeader = Array("Photoshop 3.0".utf8) + [0]

    init(_ view: ByteView, limits: MetadataLimits) throws {
        self.view = view
        guard view.has([0xFF, 0xD8], at: 0) else { throw MetadataError.malformed("JPEG start", offset: 0) }
        var at = 2
        var count = 0
        while true {
            guard try view.u8(at) == 0xFF else { throw MetadataError.malformed("JPEG marker", offset: at) }
            var marker = try view.u8(at + 1)
            while marker == 0xFF {  // fill bytes
                at += 1
                marker = try view.u8(at + 1)
            }
            if marker == 0xD9 || marker == 0xDA { break }  // end of image, start of scan: the rest is payload
            if marker == 0x01 || (0xD0...0xD7).contains(marker) {
                at += 2
                continue
            }
            let length = Int(try view.u16(at + 2, bigEndian: true))
            guard length >= 2 else { throw MetadataError.malformed("JPEG segment length", offset: at) }
            let range = at..<(at + 2 + length)
            try view.check(at, 2 + length, "JPEG segment")
            count += 1
            guard count <= limits.maxEntries else { throw MetadataError.tooLarge("JPEG segments", offset: at) }
            try read(marker: marker, range: range, limits: limits)
            at = range.upperBound
        }
    }

    private func add(_ range: Range<Int>, _ marker: UInt8, _ block: Block, _ made: [MetadataField]) {
        segments.append(Segment(range: range, marker: marker, block: block, firstField: fields.count, fieldCount: made.count))
        fields += made
    }

    private func read(marker: UInt8, range: Range<Int>, limits: MetadataLimits) throws {
        let body = range.lowerBound + 4
        let name = "APP\(Int(marker) - 0xE0)"
        switch marker {
        case 0xE1 where view.has(Self.exifHeader, at: body):
            do {
                let tiff = try TIFFStructure(
                    view, base: body + 6, end: range.upperBound, embedded: true, path: "APP1", limits: limits)
                warnings += tiff.warnings
                add(range, marker, .exif(tiff), tiff.fields)
            } catch let error as MetadataError {
                warnings.append("APP1 EXIF at byte \(range.lowerBound) could not be read (\(error)); it is removed when redacting")
                add(range, marker, .opaque, [opaqueField("EXIF", range)])
            }
        case 0xE1 where view.has(Self.xmpHeader, at: body):
            let header = body + Self.xmpHeader.count
            do {
                let packet = try XMPPacket(try view.bytes(header..<range.upperBound), limits: limits)
                add(range, marker, .xmp(packet, header: header), packet.fields(offset: header, path: "APP1"))
            } catch let error as MetadataError {
                warnings.append("APP1 XMP at byte \(range.lowerBound) could not be read (\(error)); it is removed when redacting")
                add(range, marker, .opaque, [opaqueField("XMP", range)])
            }
        case 0xE1 where view.has(Self.extendedXMPHeader, at: body):
            add(range, marker, .opaque, [opaqueField("XMP:ExtendedXMP", range)])
        case 0xED where view.has(Self.photoshopHeader, at: body):
            try readPhotoshop(range, body: body + Self.photoshopHeader.count, limits: limits)
        case 0xFE:
            let text = try view.bytes(body..<range.upperBound)
            add(range, marker, .comment, [MetadataField(
                tag: "JPEG:Comment", path: "COM", meaning: .text, text: Array(text.prefix { $0 != 0 }),
                stored: body..<range.upperBound, verbatim: !text.contains(0))])
        case 0xE0, 0xE2, 0xEE:
            break  // JFIF, ICC profile, Adobe colour transform: needed to show the picture
        case 0xE1...0xEF:
            add(range, marker, .opaque, [opaqueField("JPEG:" + name, range)])
        default:
            break  // tables and frame headers: payload
        }
    }

    private func opaqueField(_ tag: String, _ range: Range<Int>) -> MetadataField {
        MetadataField(tag: tag, path: "APP", meaning: .opaque, text: [], stored: range, verbatim: false)
    }

    /// Photoshop image resources: the IPTC block (resource 0x0404) is read; the others are opaque.
    private func readPhotoshop(_ range: Range<Int>, body: Int, limits: MetadataLimits) throws {
        var at = body
        while at + 12 <= range.upperBound, view.has(Array("8BIM".utf8), at: at) {
            let id = try view.u16(at + 4, bigEndian: true)
            let nameLength = Int(try view.u8(at + 6))
            let nameSize = (nameLength + 2) & ~1
            let sizeAt = at + 6 + nameSize
            let size = Int(try view.u32(sizeAt, bigEndian: true))
            let data = (sizeAt + 4)..<(sizeAt + 4 + size)
            guard data.upperBound <= range.upperBound else { throw MetadataError.truncated("Photoshop resource", offset: at) }
            if id == 0x0404 {
                let iptc = try IPTCBlock(view, range: data, limits: limits)
                let made = try iptc.datasets.map { try iptc.field($0, view: view, path: "APP13") }
                add(range, 0xED, .iptc(iptc, range: data), made)
                return
            }
            at = data.upperBound + (size & 1)
        }
        add(range, 0xED, .opaque, [opaqueField("Photoshop", range)])
    }

    func rewrite(_ changes: [Int: FieldChange], strip: StripMode) throws -> MetadataOutput {
        var instead = Set<Int>(), stripped = Set<Int>()
        var patches: [(Range<Int>, [UInt8])] = []
        for segment in segments {
            let span = segment.firstField..<(segment.firstField + segment.fieldCount)
            let local = changes.local(span)
            func markStripped() { for i in span where changes[i] == nil { stripped.insert(i) } }
            switch segment.block {
            case .exif(let tiff):
                var localInstead = Set<Int>(), localStripped = Set<Int>()
                patches += try tiff.patches(local, strip: strip, removedInstead: &localInstead, stripped: &localStripped)
                instead.formUnion(localInstead.map { $0 + segment.firstField })
                stripped.formUnion(localStripped.map { $0 + segment.firstField })
            case .xmp(let packet, let header):
                if strip == .all {
                    patches.append((segment.range, []))
                    markStripped()
                } else if !local.isEmpty {
                    let out = packet.rewrite(local)
                    patches.append((segment.range, try Self.segment(0xE1, view.bytes(segment.range.lowerBound + 4..<header) + out)))
                }
            case .iptc(let iptc, let data):
                if strip == .all {
                    patches.append((segment.range, []))
                    markStripped()
                } else if !local.isEmpty {
                    let rebuilt = try iptc.rebuilt(view, range: data, changes: local)
                    let sizeAt = data.lowerBound - 4
                    var body = try view.bytes(segment.range.lowerBound + 4..<sizeAt)
                    body += [UInt8(rebuilt.count >> 24 & 0xFF), UInt8(rebuilt.count >> 16 & 0xFF), UInt8(rebuilt.count >> 8 & 0xFF), UInt8(rebuilt.count & 0xFF)]
                    body += rebuilt
                    if rebuilt.count & 1 == 1 { body.append(0) }
                    let afterData = data.upperBound + ((data.count & 1 == 1) ? 1 : 0)
                    body += try view.bytes(min(afterData, segment.range.upperBound)..<segment.range.upperBound)
                    patches.append((segment.range, try Self.segment(0xED, body)))
                }
            case .comment:
                switch changes[segment.firstField] {
                case .replace(let text)?: patches.append((segment.range, try Self.segment(0xFE, text)))
                case .remove?: patches.append((segment.range, []))
                case nil:
                    if strip == .all {
                        patches.append((segment.range, []))
                        markStripped()
                    }
                }
            case .opaque:
                patches.append((segment.range, []))
                markStripped()
            }
        }
        return MetadataOutput(pieces: MetadataOutput.patched(view.count, patches), removedInstead: instead, stripped: stripped)
    }

    /// A segment: marker, length, body (at most 65,533 bytes).
    static func segment(_ marker: UInt8, _ body: [UInt8]) throws -> [UInt8] {
        guard body.count + 2 <= 0xFFFF else { throw MetadataError.tooLarge("JPEG segment", offset: 0) }
        let length = body.count + 2
        return [0xFF, marker, UInt8(length >> 8), UInt8(length & 0xFF)] + body
    }
}
