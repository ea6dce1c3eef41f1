@testable import BlackbarMetadata

/// Builds small synthetic images with known metadata: a TIFF structure (IFD0, Exif IFD, GPS IFD), and
/// JPEG, PNG, WebP and TIFF files around it. The image data is a fixed byte pattern: exiftool reads
/// metadata without decoding it, and the tests check that it comes out unchanged.
enum ImageFixtures {
    struct Entry {
        var tag: UInt16
        var type: UInt16
        var count: Int
        var bytes: [UInt8]

        static func ascii(_ tag: UInt16, _ s: String) -> Entry {
            let b = Array(s.utf8) + [0]
            return Entry(tag: tag, type: 2, count: b.count, bytes: b)
        }
        static func short(_ tag: UInt16, _ v: UInt16) -> Entry { Entry(tag: tag, type: 3, count: 1, bytes: [UInt8(v & 0xFF), UInt8(v >> 8), 0, 0]) }
        static func rationals(_ tag: UInt16, _ values: [(UInt32, UInt32)]) -> Entry {
            var b: [UInt8] = []
            for (n, d) in values { b += le32(n) + le32(d) }
            return Entry(tag: tag, type: 5, count: values.count, bytes: b)
        }
        static func undefined(_ tag: UInt16, _ b: [UInt8]) -> Entry { Entry(tag: tag, type: 7, count: b.count, bytes: b) }
    }

    static func le32(_ v: UInt32) -> [UInt8] { [UInt8(v & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v >> 16 & 0xFF), UInt8(v >> 24)] }
    static func le16(_ v: Int) -> [UInt8] { [UInt8(v & 0xFF), UInt8(v >> 8 & 0xFF)] }

    static let email = "jane.roe@example.net"
    static let phone = "+44 20 7946 0958"

    static var ifd0: [Entry] {
        [.ascii(0x010E, "Holiday, write to \(email)"), .ascii(0x010F, "Canon"), .ascii(0x0110, "Canon EOS R5"), .short(0x0112, 6),
         .ascii(0x0131, "Firmware 1.8"), .ascii(0x013B, "Jane Roe")]
    }
    static var exif: [Entry] {
        [.ascii(0x9003, "2024:05:01 10:00:00"),
         .undefined(0x9286, Array("ASCII".utf8) + [0, 0, 0] + Array("call \(phone) after six".utf8)),
         .undefined(0x927C, Array("VENDOR-SERIAL-0123456789".utf8)),
         .ascii(0xA430, "Jane Roe"), .ascii(0xA431, "093021001234"), .ascii(0xA434, "RF24-105mm F4L IS USM"),
         .ascii(0xA435, "0000c12345")]
    }
    static var gps: [Entry] {
        [Entry(tag: 0x0000, type: 1, count: 4, bytes: [2, 3, 0, 0]), .ascii(0x0001, "N"),
         .rationals(0x0002, [(48, 1), (51, 1), (2772, 100)]), .ascii(0x0003, "E"),
         .rationals(0x0004, [(2, 1), (17, 1), (4020, 100)]), .rationals(0x0006, [(35, 1)])]
    }

    /// A little-endian TIFF structure: IFD0 (with pointers to the Exif and GPS IFDs), then those IFDs, each
    /// followed by its out-of-line values; `image` is appended after them and IFD0 points its one strip at it.
    static func tiff(ifd0: [Entry] = ifd0, exif: [Entry] = exif, gps: [Entry] = gps, image: [UInt8]? = nil) -> [UInt8] {
        var zeroth = ifd0
        zeroth.append(Entry(tag: 0x8769, type: 4, count: 1, bytes: [0, 0, 0, 0]))
        zeroth.append(Entry(tag: 0x8825, type: 4, count: 1, bytes: [0, 0, 0, 0]))
        if image != nil {
            zeroth += [.short(0x0100, 4), .short(0x0101, 4), .short(0x0103, 1), .short(0x0106, 1),
                       Entry(tag: 0x0111, type: 4, count: 1, bytes: [0, 0, 0, 0]), .short(0x0115, 1), .short(0x0116, 4),
                       Entry(tag: 0x0117, type: 4, count: 1, bytes: le32(UInt32(image!.count)))]
        }
        zeroth.sort { $0.tag < $1.tag }
        let groups = [zeroth, exif.sorted { $0.tag < $1.tag }, gps.sorted { $0.tag < $1.tag }]
        func valuesSize(_ g: [Entry]) -> Int { g.reduce(0) { $0 + ($1.bytes.count > 4 ? ($1.bytes.count + 1) & ~1 : 0) } }
        var offsets: [Int] = []
        var at = 8
        for g in groups {
            offsets.append(at)
            at += 2 + 12 * g.count + 4 + valuesSize(g)
        }
        let imageAt = at
        var out: [UInt8] = [0x49, 0x49, 42, 0] + le32(8)
        for (k, var g) in groups.enumerated() {
            for j in g.indices {
                if g[j].tag == 0x8769 && k == 0 { g[j].bytes = le32(UInt32(offsets[1])) }
                if g[j].tag == 0x8825 && k == 0 { g[j].bytes = le32(UInt32(offsets[2])) }
                if g[j].tag == 0x0111 && k == 0 { g[j].bytes = le32(UInt32(imageAt)) }
            }
            var values: [UInt8] = []
            var valueAt = offsets[k] + 2 + 12 * g.count + 4
            out += le16(g.count)
            for e in g {
                out += le16(Int(e.tag)) + le16(Int(e.type)) + le32(UInt32(e.count))
                if e.bytes.count <= 4 {
                    out += e.bytes + [UInt8](repeating: 0, count: 4 - e.bytes.count)
                } else {
                    out += le32(UInt32(valueAt))
                    values += e.bytes
                    if e.bytes.count & 1 == 1 { values.append(0) }
                    valueAt += (e.bytes.count + 1) & ~1
                }
            }
            out += [0, 0, 0, 0]
            out += values
        }
        if let image { out += image }
        return out
    }

    static let scan: [UInt8] = (0..<600).map { UInt8(($0 * 37 + 11) % 251) }

    static func segment(_ marker: UInt8, _ body: [UInt8]) -> [UInt8] {
        let n = body.count + 2
        return [0xFF, marker, UInt8(n >> 8), UInt8(n & 0xFF)] + body
    }

    static let xmp = """
        <?xpacket begin="\u{FEFF}" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF \
        xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description rdf:about="" \
        xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:xmp="http://ns.adobe.com/xap/1.0/" \
        xmp:CreatorTool="Blackbar fixtures"><dc:creator><rdf:Seq><rdf:li>Jane Roe</rdf:li></rdf:Seq></dc:creator>\
        <dc:title><rdf:Alt><rdf:li xml:lang="x-default">Mail \(email)</rdf:li></rdf:Alt></dc:title>\
        </rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>
        """

    static func iptc() -> [UInt8] {
        func ds(_ n: UInt8, _ s: String) -> [UInt8] { let b = Array(s.utf8); return [0x1C, 2, n, 0, UInt8(b.count)] + b }
        let data = ds(0, "\u{0}\u{4}") + ds(80, "Jane Roe") + ds(120, "Caption: call \(phone)") + ds(90, "Paris")
        var irb = Array("8BIM".utf8) + [0x04, 0x04, 0, 0]
        irb += [UInt8(data.count >> 24), UInt8(data.count >> 16 & 0xFF), UInt8(data.count >> 8 & 0xFF), UInt8(data.count & 0xFF)] + data
        if data.count & 1 == 1 { irb.append(0) }
        return Array("Photoshop 3.0".utf8) + [0] + irb
    }

    /// A JPEG with JFIF, EXIF, XMP, IPTC, a comment, tables and a scan.
    static func jpeg() -> [UInt8] {
        var out: [UInt8] = [0xFF, 0xD8]
        out += segment(0xE0, Array("JFIF".utf8) + [0, 1, 1, 0, 0, 1, 0, 1, 0, 0])
        out += segment(0xE1, Array("Exif".utf8) + [0, 0] + tiff())
        out += segment(0xE1, Array("http://ns.adobe.com/xap/1.0/".utf8) + [0] + Array(xmp.utf8))
        out += segment(0xED, iptc())
        out += segment(0xFE, Array("Shot by Jane, \(email)".utf8))
        out += segment(0xDB, [0] + [UInt8](repeating: 1, count: 64))
        out += segment(0xC0, [8, 0, 4, 0, 4, 1, 1, 0x11, 0])
        out += segment(0xDA, [1, 1, 0, 0, 63, 0])
        return out + scan + [0xFF, 0xD9]
    }

    /// The bytes from the first SOS marker on (the compressed image and what follows).
    static func jpegPayload(_ bytes: [UInt8]) -> [UInt8] {
        var i = 2
        while i + 3 < bytes.count {
            if bytes[i] == 0xFF && bytes[i + 1] == 0xDA { return Array(bytes[i...]) }
            i += 2 + (Int(bytes[i + 2]) << 8 | Int(bytes[i + 3]))
        }
        return []
    }

    static func riffChunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
        Array(type.utf8) + le32(UInt32(data.count)) + data + (data.count & 1 == 1 ? [0] : [])
    }

    /// A WebP (extended format): VP8X with the EXIF and XMP flags, a lossless image chunk, EXIF, XMP.
    static func webp() -> [UInt8] {
        let vp8x: [UInt8] = [0x0C, 0, 0, 0, 3, 0, 0, 3, 0, 0]  // EXIF and XMP flags, 4 x 4 canvas
        let body = Array("WEBP".utf8) + riffChunk("VP8X", vp8x) + riffChunk("VP8L", webpImage)
            + riffChunk("EXIF", tiff()) + riffChunk("XMP ", Array(xmp.utf8))
        return Array("RIFF".utf8) + le32(UInt32(body.count)) + body
    }

    /// A VP8L chunk's data: the signature byte, a 4 x 4 size, then a fixed pattern.
    static let webpImage: [UInt8] = [0x2F, 0x03, 0xC0, 0x00, 0x00] + (0..<40).map { UInt8(($0 * 29 + 3) % 251) }

    /// The VP8L chunk, as a payload check.
    static func webpPayload(_ bytes: [UInt8]) -> [UInt8] {
        guard let i = XMPPacket.find(Array("VP8L".utf8), in: bytes) else { return [] }
        return Array(bytes[i..<(i + 8 + webpImage.count + 1)])
    }

    static func pngChunk(_ type: String, _ data: [UInt8]) -> [UInt8] { PNGDocument.chunk(type, data) }

    /// A PNG with IHDR, eXIf, tEXt Author, zTXt Comment, iTXt XMP, IDAT and IEND.
    static func png() -> [UInt8] {
        var out: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        out += pngChunk("IHDR", [0, 0, 0, 4, 0, 0, 0, 4, 8, 0, 0, 0, 0])
        out += pngChunk("eXIf", tiff())
        out += pngChunk("tEXt", Array("Author".utf8) + [0] + Array("Jane Roe".utf8))
        out += pngChunk("zTXt", Array("Comment".utf8) + [0, 0] + (try! Zlib.deflate(Array("reach me at \(email)".utf8))))
        out += pngChunk("iTXt", Array("XML:com.adobe.xmp".utf8) + [0, 0, 0, 0, 0] + Array(xmp.utf8))
        out += pngChunk("IDAT", try! Zlib.deflate([UInt8](repeating: 0, count: 20)))
        out += pngChunk("IEND", [])
        return out
    }

    /// Every IDAT chunk's bytes, in order.
    static func pngPayload(_ bytes: [UInt8]) -> [UInt8] {
        var i = 8
        var out: [UInt8] = []
        while i + 12 <= bytes.count {
            let n = Int(bytes[i]) << 24 | Int(bytes[i + 1]) << 16 | Int(bytes[i + 2]) << 8 | Int(bytes[i + 3])
            if bytes[(i + 4)..<(i + 8)].elementsEqual("IDAT".utf8) { out += bytes[i..<(i + 12 + n)] }
            i += 12 + n
        }
        return out
    }
}
