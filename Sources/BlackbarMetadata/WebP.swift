/// A WebP file (RIFF): its EXIF and XMP chunks as fields. EXIF is edited in place (same length); XMP is
/// rewritten to the same length where it fits; with `--strip-metadata all` the XMP chunk goes (the RIFF size
/// and the VP8X flag are updated) and EXIF keeps only orientation and resolution. The image chunks (VP8, VP8L, ALPH, ANIM frames) are copied byte for byte.
final class WebPDocument: MetadataDocument {
    let format = MediaFormat.webp
    private(set) var fields: [MetadataField] = []
    private(set) var warnings: [String] = []
    private let view: ByteView
    private var exif: (chunk: Range<Int>, tiff: TIFFStructure, first: Int)?
    private var xmp: (chunk: Range<Int>, data: Range<Int>, packet: XMPPacket, first: Int)?
    private var vp8xFlags: Int?

    init(_ view: ByteView, limits: MetadataLimits) throws {
        self.view = view
        guard view.has(Array("RIFF".utf8), at: 0), view.has(Array("WEBP".utf8), at: 8) else {
            throw MetadataError.malformed("WebP header", offset: 0)
        }
        let riffEnd = min(view.count, 8 + Int(try view.u32(4, bigEndian: false)))
        var at = 12
        var count = 0
        while at + 8 <= riffEnd {
            let type = String(decoding: try view.bytes(at..<(at + 4)), as: UTF8.self)
            let size = Int(try view.u32(at + 4, bigEndian: false))
            let data = (at + 8)..<(at + 8 + size)
            try view.check(data.lowerBound, size, "WebP chunk")
            let chunk = at..<min(riffEnd, data.upperBound + (size & 1))
            count += 1
            guard count <= limits.maxEntries else { throw MetadataError.tooLarge("WebP chunks", offset: at) }
            switch type {
            case "VP8X": vp8xFlags = data.lowerBound
            case "EXIF":
                let base = view.has(Array("Exif".utf8) + [0, 0], at: data.lowerBound) ? data.lowerBound + 6 : data.lowerBound
                let tiff = try TIFFStructure(view, base: base, end: data.upperBound, embedded: true, path: "EXIF", limits: limits)
                exif = (chunk, tiff, fields.count)
                fields += tiff.fields
                warnings += tiff.warnings
            case "XMP ":
                let packet = try XMPPacket(try view.bytes(data), limits: limits)
                xmp = (chunk, data, packet, fields.count)
                fields += packet.fields(offset: data.lowerBound, path: "XMP")
            default: break
            }
            at = chunk.upperBound
        }
    }

    func rewrite(_ changes: [Int: FieldChange], strip: StripMode) throws -> MetadataOutput {
        var instead = Set<Int>(), stripped = Set<Int>()
        var patches: [(Range<Int>, [UInt8])] = []
        var removedBytes = 0
        var clearFlags: UInt8 = 0
        if let exif {
            let span = exif.first..<(exif.first + exif.tiff.fields.count)
            do {
                // Edited in place in every mode: orientation stays with strip all.
                let local = changes.local(span)
                var li = Set<Int>(), ls = Set<Int>()
                patches += try exif.tiff.patches(local, strip: strip, removedInstead: &li, stripped: &ls)
                instead.formUnion(li.map { $0 + exif.first })
                stripped.formUnion(ls.map { $0 + exif.first })
            }
        }
        if let xmp {
            let span = xmp.first..<(xmp.first + xmp.packet.properties.count)
            let local = changes.local(span)
            if strip == .all {
                patches.append((xmp.chunk, []))
                removedBytes += xmp.chunk.count
                clearFlags |= 0x04
                for i in span where changes[i] == nil { stripped.insert(i) }
            } else if !local.isEmpty {
                guard let (out, removed) = xmp.packet.rewrite(local, fitting: xmp.data.count) else {
                    throw MetadataError.unsupported("WebP XMP that cannot be rewritten in place")
                }
                patches.append((xmp.data, out))
                instead.formUnion(removed.map { $0 + xmp.first })
            }
        }
        if removedBytes > 0 {
            let size = Int(try view.u32(4, bigEndian: false)) - removedBytes
            patches.append((4..<8, [UInt8(size & 0xFF), UInt8(size >> 8 & 0xFF), UInt8(size >> 16 & 0xFF), UInt8(size >> 24 & 0xFF)]))
            if let flags = vp8xFlags {
                patches.append((flags..<(flags + 1), [try view.u8(flags) & ~clearFlags]))
            }
        }
        return MetadataOutput(pieces: MetadataOutput.patched(view.count, patches), removedInstead: instead, stripped: stripped)
    }
}
