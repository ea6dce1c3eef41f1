/// A PNG file: text chunks (tEXt, zTXt, iTXt, with XMP in `XML:com.adobe.xmp`) and EXIF (eXIf) as fields.
/// Rewritten chunk by chunk: a changed text chunk is rebuilt (new length and CRC), a removed one left out,
/// the eXIf chunk edited in place (same length, new CRC); IHDR, PLTE, IDAT, IEND and the colour chunks are
/// copied byte for byte.
final class PNGDocument: MetadataDocument {
    let format = MediaFormat.png
    private(set) var fields: [MetadataField] = []
    private(set) var warnings: [String] = []
    private let view: ByteView

    private enum Block {
        /// tEXt/zTXt/iTXt: keyword, the header bytes before the text (for iTXt: flags, language, translation).
        case text(type: String, keyword: [UInt8], header: [UInt8], compressed: Bool)
        case xmp(XMPPacket, type: String, keyword: [UInt8], header: [UInt8], compressed: Bool)
        case exif(TIFFStructure)
        case time
    }
    private struct Chunk {
        var range: Range<Int>
        var data: Range<Int>
        var block: Block
        var firstField: Int
        var fieldCount: Int
    }
    private var chunks: [Chunk] = []

    /// The PNG specification's keywords, and the ones exiftool writes (lower-cased).
    static let keywordMeanings: [String: TagMeaning] = [
        "author": .person, "artist": .person, "owner": .person, "ownername": .person,
        "creation time": .captureDate, "createdate": .captureDate, "modifydate": .captureDate, "datetimeoriginal": .captureDate,
        "software": .technical, "source": .technical, "make": .technical, "model": .technical,
        "serialnumber": .deviceID, "cameraserialnumber": .deviceID, "lensserialnumber": .deviceID, "imageuniqueid": .deviceID,
        "title": .text, "description": .text, "comment": .text, "copyright": .text, "disclaimer": .text, "warning": .text,
    ]

    init(_ view: ByteView, limits: MetadataLimits) throws {
        self.view = view
        guard view.has([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], at: 0) else { throw MetadataError.malformed("PNG signature", offset: 0) }
        var at = 8
        var count = 0
        while at < view.count {
            let length = Int(try view.u32(at, bigEndian: true))
            guard length <= 0x7FFF_FFFF else { throw MetadataError.malformed("PNG chunk length", offset: at) }
            try view.check(at, 12 + length, "PNG chunk")
            let type = String(decoding: try view.bytes((at + 4)..<(at + 8)), as: UTF8.self)
            let data = (at + 8)..<(at + 8 + length)
            let range = at..<(at + 12 + length)
            count += 1
            guard count <= limits.maxEntries else { throw MetadataError.tooLarge("PNG chunks", offset: at) }
            do {
                try read(type, range: range, data: data, limits: limits)
            } catch let error as MetadataError {
                if case .tooLarge = error { throw error }
                warnings.append("PNG \(type) chunk at byte \(at) could not be read (\(error)); it is removed when redacting")
                add(range, data, .text(type: type, keyword: [], header: [], compressed: false), [
                    MetadataField(tag: "PNG:" + type, path: type, meaning: .opaque, text: [], stored: data, verbatim: false)])
            }
            at = range.upperBound
            if type == "IEND" { break }
        }
    }

    private func add(_ range: Range<Int>, _ data: Range<Int>, _ block: Block, _ made: [MetadataField]) {
        chunks.append(Chunk(range: range, data: data, block: block, firstField: fields.count, fieldCount: made.count))
        fields += made
    }

    private func read(_ type: String, range: Range<Int>, data: Range<Int>, limits: MetadataLimits) throws {
        switch type {
        case "eXIf":
            let tiff = try TIFFStructure(view, base: data.lowerBound, end: data.upperBound, embedded: true, path: "eXIf", limits: limits)
            warnings += tiff.warnings
            add(range, data, .exif(tiff), tiff.fields)
        case "tEXt", "zTXt", "iTXt":
            let bytes = try view.bytes(data)
            guard let nul = bytes.firstIndex(of: 0), nul > 0, nul < 80 else { throw MetadataError.malformed("PNG text keyword", offset: data.lowerBound) }
            let keyword = Array(bytes[..<nul])
            var header: [UInt8] = []
            var textStart = nul + 1
            var compressed = false
            if type == "zTXt" {
                compressed = true
                header = [0]
                textStart = nul + 2
            } else if type == "iTXt" {
                guard nul + 2 < bytes.count else { throw MetadataError.truncated("PNG iTXt", offset: data.lowerBound) }
                compressed = bytes[nul + 1] == 1
                var k = nul + 3
                guard let langEnd = bytes[k...].firstIndex(of: 0) else { throw MetadataError.truncated("PNG iTXt", offset: data.lowerBound) }
                k = langEnd + 1
                guard let transEnd = bytes[k...].firstIndex(of: 0) else { throw MetadataError.truncated("PNG iTXt", offset: data.lowerBound) }
                header = Array(bytes[(nul + 1)...transEnd])
                header[0] = 0  // written uncompressed
                textStart = transEnd + 1
            }
            guard textStart <= bytes.count else { throw MetadataError.truncated("PNG text", offset: data.lowerBound) }
            let raw = Array(bytes[textStart...])
            let stored = (data.lowerBound + textStart)..<data.upperBound
            var text = compressed ? try Zlib.inflate(raw, limit: limits.maxInflated, offset: stored.lowerBound) : raw
            if type != "iTXt" {
                // tEXt and zTXt hold Latin-1.
                var latin1 = ""
                latin1.unicodeScalars.append(contentsOf: text.map { Unicode.Scalar($0) })
                text = Array(latin1.utf8)
            }
            let name = String(decoding: keyword, as: UTF8.self)
            if name == "XML:com.adobe.xmp" {
                let packet = try XMPPacket(text, limits: limits)
                let made = packet.fields(offset: compressed ? 0 : stored.lowerBound, path: type).map { f -> MetadataField in
                    var g = f
                    if compressed { g.stored = stored; g.verbatim = false }
                    return g
                }
                add(range, data, .xmp(packet, type: type, keyword: keyword, header: header, compressed: compressed), made)
                return
            }
            let meaning = Self.keywordMeanings[name.lowercased()] ?? .text
            let verbatim = !compressed && text == raw
            add(range, data, .text(type: type, keyword: keyword, header: header, compressed: compressed), [
                MetadataField(tag: "PNG:" + name, path: type, meaning: meaning, text: text, stored: stored, verbatim: verbatim)])
        case "tIME":
            add(range, data, .time, [MetadataField(tag: "PNG:ModifyDate", path: type, meaning: .captureDate, text: [], stored: data, verbatim: false)])
        default:
            break
        }
    }

    func rewrite(_ changes: [Int: FieldChange], strip: StripMode) throws -> MetadataOutput {
        var instead = Set<Int>(), stripped = Set<Int>()
        var patches: [(Range<Int>, [UInt8])] = []
        for chunk in chunks {
            let span = chunk.firstField..<(chunk.firstField + chunk.fieldCount)
            let local = changes.local(span)
            func removeWhole() {
                patches.append((chunk.range, []))
                for i in span where changes[i] == nil { stripped.insert(i) }
            }
            if case .exif(let tiff) = chunk.block {
                // Edited in place in every mode (orientation stays with strip all); run without changes too:
                // a maker note (opaque) goes in every mode.
                var li = Set<Int>(), ls = Set<Int>()
                let p = try tiff.patches(local, strip: strip, removedInstead: &li, stripped: &ls)
                instead.formUnion(li.map { $0 + chunk.firstField })
                stripped.formUnion(ls.map { $0 + chunk.firstField })
                if !p.isEmpty { patches.append((chunk.range, try patchedChunk(chunk, p))) }
                continue
            }
            if strip == .all || span.contains(where: { fields[$0].meaning == .opaque }) {
                removeWhole()
                continue
            }
            guard !local.isEmpty else { continue }
            switch chunk.block {
            case .exif:
                continue
            case .text(let type, let keyword, let header, _):
                switch local[0]! {
                case .remove: patches.append((chunk.range, []))
                case .replace(let text):
                    // Rewritten uncompressed; tEXt holds Latin-1, so non-Latin-1 text moves to iTXt.
                    if type == "iTXt" || !text.allSatisfy({ $0 < 0x80 }) {
                        let h = type == "iTXt" ? header : [0, 0, 0, 0]
                        patches.append((chunk.range, Self.chunk("iTXt", keyword + [0] + h + text)))
                    } else {
                        patches.append((chunk.range, Self.chunk("tEXt", keyword + [0] + text)))
                    }
                }
            case .xmp(let packet, let type, let keyword, let header, _):
                let out = packet.rewrite(local)
                let h = type == "iTXt" ? header : [0, 0, 0, 0]
                patches.append((chunk.range, Self.chunk("iTXt", keyword + [0] + h + out)))
            case .time:
                patches.append((chunk.range, []))
            }
        }
        return MetadataOutput(pieces: MetadataOutput.patched(view.count, patches), removedInstead: instead, stripped: stripped)
    }

    /// The chunk with same-length patches applied to its data and a new CRC.
    private func patchedChunk(_ chunk: Chunk, _ patches: [(Range<Int>, [UInt8])]) throws -> [UInt8] {
        var data = try view.bytes(chunk.data)
        for (r, bytes) in patches where r.lowerBound >= chunk.data.lowerBound && r.upperBound <= chunk.data.upperBound {
            data.replaceSubrange((r.lowerBound - chunk.data.lowerBound)..<(r.upperBound - chunk.data.lowerBound), with: bytes)
        }
        return Self.chunk("eXIf", data)
    }

    /// A chunk: length, type, data, CRC over type and data.
    static func chunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
        let typeBytes = Array(type.utf8)
        let n = data.count
        let crc = Zlib.crc32(typeBytes + data)
        return [UInt8(n >> 24 & 0xFF), UInt8(n >> 16 & 0xFF), UInt8(n >> 8 & 0xFF), UInt8(n & 0xFF)] + typeBytes + data
            + [UInt8(crc >> 24 & 0xFF), UInt8(crc >> 16 & 0xFF), UInt8(crc >> 8 & 0xFF), UInt8(crc & 0xFF)]
    }
}
