@testable import BlackbarMetadata

/// Synthetic MP4, QuickTime and HEIF files, written box by box, with the metadata the ISO BMFF tests read and
/// rewrite and a payload whose bytes and chunk offsets the tests check are untouched.
enum BMFFFixtures {
    /// A built file: its bytes, where `mdat` is, and the absolute offsets its `stco` (or `iloc`) holds.
    struct File {
        var bytes: [UInt8]
        var mdat: Range<Int>
        var chunkOffsets: [Int]
    }

    static func latin1(_ s: String) -> [UInt8] { s.unicodeScalars.map { UInt8($0.value & 0xFF) } }
    static func be32(_ v: Int) -> [UInt8] { BMFF.be32(UInt32(v)) }
    static func be16(_ v: Int) -> [UInt8] { BMFF.be16(UInt16(v)) }
    static func zeros(_ n: Int) -> [UInt8] { [UInt8](repeating: 0, count: n) }
    /// Concatenation (long `+` chains of arrays are slow to type-check).
    static func cat(_ parts: [UInt8]...) -> [UInt8] { parts.flatMap { $0 } }

    static func box(_ type: String, _ content: [UInt8]...) -> [UInt8] { raw(latin1(type), content.flatMap { $0 }) }
    static func raw(_ type: [UInt8], _ content: [UInt8]) -> [UInt8] { be32(8 + content.count) + type + content }
    static func full(_ type: String, version: UInt8 = 0, flags: Int = 0, _ content: [UInt8]...) -> [UInt8] {
        raw(latin1(type), cat([version], Array(be32(flags).dropFirst()), content.flatMap { $0 }))
    }
    /// A QuickTime text atom with one string (language 0x55C4, "und").
    static func qtText(_ type: String, _ text: String) -> [UInt8] {
        box(type, cat(be16(text.utf8.count), be16(0x55C4), Array(text.utf8)))
    }
    /// A UTF-8 `data` box.
    static func data(_ text: String) -> [UInt8] { box("data", cat(be32(1), be32(0), Array(text.utf8))) }
    static func hdlr(_ handler: String) -> [UInt8] { full("hdlr", cat(be32(0), latin1(handler), zeros(12), [0])) }
    static func xmpUUID(_ packet: String) -> [UInt8] { box("uuid", BMFF.xmpUUID + Array(packet.utf8)) }

    static let xmp = """
        <?xpacket begin="\u{FEFF}" id="W5M0MpCehiHzreSzNTczkc9d"?>
        <x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
        <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:tiff="http://ns.adobe.com/tiff/1.0/"
         tiff:Orientation="1">
        <dc:creator><rdf:Seq><rdf:li>Jane Roe</rdf:li></rdf:Seq></dc:creator>
        <dc:description><rdf:Alt><rdf:li xml:lang="x-default">Call +44 20 7946 0958</rdf:li></rdf:Alt></dc:description>
        </rdf:Description></rdf:RDF></x:xmpmeta>
        <?xpacket end="w"?>
        """

    static let keys = [
        ("com.apple.quicktime.location.ISO6709", "+48.8577+002.2950+035.000/"),
        ("com.apple.quicktime.author", "Jane Roe"),
        ("com.apple.quicktime.make", "Apple"),
        ("com.apple.quicktime.model", "iPhone 15 Pro"),
    ]

    /// The `mdta` metadata: `hdlr`, `keys`, `ilst` (QuickTime writes `meta` without version and flags).
    static func keyedMeta(quickTime: Bool) -> [UInt8] {
        let keyBox = full(
            "keys", be32(keys.count), keys.flatMap { cat(be32(8 + $0.0.utf8.count), latin1("mdta"), Array($0.0.utf8)) })
        let ilst = box("ilst", keys.enumerated().flatMap { raw(be32($0.offset + 1), data($0.element.1)) })
        return quickTime ? box("meta", hdlr("mdta"), keyBox, ilst) : full("meta", hdlr("mdta"), keyBox, ilst)
    }

    static func mvhd() -> [UInt8] {
        let matrix = [0x10000, 0, 0, 0, 0x10000, 0, 0, 0, 0x4000_0000].flatMap(be32)
        return full(
            "mvhd", cat(zeros(8), be32(1000), be32(1000), be32(0x10000), be16(0x100), zeros(10), matrix, zeros(24), be32(2)))
    }

    static func trak(offsets: [Int]) -> [UInt8] {
        let matrix = [0x10000, 0, 0, 0, 0x10000, 0, 0, 0, 0x4000_0000].flatMap(be32)
        let tkhd = full("tkhd", flags: 3, cat(zeros(8), be32(1), zeros(4), be32(1000), zeros(16), matrix, be32(0), be32(0)))
        let stbl = box(
            "stbl", full("stsd", be32(0)), full("stts", be32(0)), full("stsc", cat(be32(1), be32(1), be32(1), be32(1))),
            full("stsz", be32(128) + be32(offsets.count)), full("stco", be32(offsets.count) + offsets.flatMap(be32)))
        let mdia = box(
            "mdia", full("mdhd", cat(zeros(8), be32(1000), be32(1000), be16(0x55C4), be16(0))), hdlr("vide"), box("minf", stbl))
        return box("trak", tkhd, mdia)
    }

    /// A movie: `ftyp` (`qt  ` or `isom`), `moov` (`mvhd`, a `trak` whose `stco` points into `mdat`, `udta` with
    /// text atoms, and in MP4 an iTunes `meta`; a keyed `meta`), a top-level XMP `uuid` box, then `mdat`.
    static func movie(quickTime: Bool) -> File {
        let payload: [UInt8] = (0..<256).map { UInt8(($0 * 37 + 11) & 0xFF) }
        let ftyp =
            quickTime
            ? box("ftyp", latin1("qt  "), be32(0x200), latin1("qt  "))
            : box("ftyp", latin1("isom"), be32(0x200), latin1("isommp41"))
        var udtaContent =
            qtText("©xyz", "+48.8577+002.2950/") + qtText("©ART", "Jane Roe") + qtText("©cmt", "write to jane.roe@example.net")
        if quickTime {
            udtaContent += zeros(4)  // QuickTime's udta terminator
        } else {
            udtaContent += full(
                "meta", hdlr("mdir"), box("ilst", box("©nam", data("Holiday in Paris")), box("©too", data("Lavf60.3.100"))))
        }
        func moov(_ offsets: [Int]) -> [UInt8] {
            box("moov", mvhd(), trak(offsets: offsets), raw(latin1("udta"), udtaContent), keyedMeta(quickTime: true))
        }
        let uuid = xmpUUID(xmp)
        let mdatStart = ftyp.count + moov([0, 0]).count + uuid.count
        let offsets = [mdatStart + 8, mdatStart + 8 + 128]
        let bytes = ftyp + moov(offsets) + uuid + box("mdat", payload)
        return File(bytes: bytes, mdat: (mdatStart + 8)..<bytes.count, chunkOffsets: offsets)
    }

    /// A HEIF file: `ftyp` `heic`, `meta` (`hdlr` pict, `pitm`, `iinf` with an image, an `Exif` and an XMP
    /// `mime` item, `iloc` version 0 pointing into `mdat`), then `mdat`. `chunkOffsets` are the image's,
    /// the Exif item's and the XMP item's offsets.
    static func heif(exifExtent: (offset: Int, length: Int)? = nil) -> File {
        let image: [UInt8] = (0..<200).map { UInt8(($0 * 13 + 5) & 0xFF) }
        let artist = Array("Jane Roe\u{0}".utf8)
        let tiff = cat(
            Array("MM".utf8), [0, 42], be32(8), be16(1), be16(0x013B), be16(2), be32(artist.count), be32(26), be32(0), artist)
        let exif = cat(be32(6), Array("Exif".utf8), [0, 0], tiff)
        let packet = Array(xmp.utf8)
        let ftyp = box("ftyp", latin1("heic"), be32(0), latin1("mif1heic"))
        let iinf = full(
            "iinf", be16(3),
            full("infe", version: 2, be16(1), be16(0), latin1("hvc1"), [0]),
            full("infe", version: 2, be16(2), be16(0), latin1("Exif"), [0]),
            full("infe", version: 2, be16(3), be16(0), latin1("mime"), [0], Array("application/rdf+xml".utf8), [0]))
        func meta(_ offsets: [Int]) -> [UInt8] {
            var offsets = offsets
            var lengths = [image.count, exif.count, packet.count]
            if let exifExtent { (offsets[1], lengths[1]) = exifExtent }
            let entries: [UInt8] = (0..<3).flatMap { (i: Int) -> [UInt8] in
                cat(be16(i + 1), be16(0), be16(1), be32(offsets[i]), be32(lengths[i]))
            }
            let iloc = full("iloc", [0x44, 0x00], be16(3), entries)
            return full("meta", hdlr("pict"), full("pitm", be16(1)), iinf, iloc)
        }
        let mdatStart = ftyp.count + meta([0, 0, 0]).count
        let offsets = [mdatStart + 8, mdatStart + 8 + image.count, mdatStart + 8 + image.count + exif.count]
        let bytes = ftyp + meta(offsets) + box("mdat", image, exif, packet)
        return File(bytes: bytes, mdat: (mdatStart + 8)..<bytes.count, chunkOffsets: offsets)
    }
}
