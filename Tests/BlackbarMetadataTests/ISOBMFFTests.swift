import XCTest

@testable import BlackbarMetadata

final class ISOBMFFTests: XCTestCase {
    typealias F = BMFFFixtures
    typealias Expected = (tag: String, meaning: TagMeaning, text: String)

    static let userData: [Expected] = [
        ("QuickTime:©xyz", .location, "+48.8577+002.2950/"), ("QuickTime:©ART", .person, "Jane Roe"),
        ("QuickTime:©cmt", .text, "write to jane.roe@example.net"),
    ]
    static let keyed: [Expected] = [
        ("QuickTime:com.apple.quicktime.location.ISO6709", .location, "+48.8577+002.2950+035.000/"),
        ("QuickTime:com.apple.quicktime.author", .person, "Jane Roe"),
        ("QuickTime:com.apple.quicktime.make", .technical, "Apple"),
        ("QuickTime:com.apple.quicktime.model", .technical, "iPhone 15 Pro"),
    ]
    static let xmp: [Expected] = [
        ("XMP:tiff:Orientation", .needed, "1"), ("XMP:dc:creator", .person, "Jane Roe"),
        ("XMP:dc:description", .text, "Call +44 20 7946 0958"),
    ]
    static let iTunes: [Expected] = [
        ("QuickTime:©nam", .text, "Holiday in Paris"), ("QuickTime:©too", .technical, "Lavf60.3.100"),
    ]

    func testFieldsTagsMeaningsAndStoredRanges() throws {
        let cases: [(String, F.File, MediaFormat, [Expected])] = [
            ("QuickTime", F.movie(quickTime: true), .mov, Self.userData + Self.keyed + Self.xmp),
            ("MP4", F.movie(quickTime: false), .mp4, Self.userData + Self.iTunes + Self.keyed + Self.xmp),
            // The Exif item's tags come after the box fields (read by the TIFF reader).
            ("HEIF", F.heif(), .heif, Self.xmp + [("EXIF:Artist", .person, "Jane Roe")]),
        ]
        for (name, file, format, expected) in cases {
            let doc = try read(file.bytes, as: format)
            XCTAssertEqual(doc.warnings, [], name)
            XCTAssertEqual(doc.fields.map(\.tag), expected.map(\.tag), name)
            XCTAssertEqual(doc.fields.map(\.meaning), expected.map(\.meaning), name)
            XCTAssertEqual(doc.fields.map { String(decoding: $0.text, as: UTF8.self) }, expected.map(\.text), name)
            let boxFields = doc.fields.filter { !$0.tag.hasPrefix("EXIF:") }
            XCTAssertEqual(
                boxFields.map(\.stored.lowerBound), boxFields.map(\.stored.lowerBound).sorted(), "\(name): file order")
            for field in doc.fields where field.verbatim {
                XCTAssertEqual(Array(file.bytes[field.stored]), field.text, "\(name) \(field.tag)")
            }
        }
        let heif = try XCTUnwrap(read(F.heif().bytes, as: .heif) as? ISOBMFFDocument)
        let exif = F.heif().chunkOffsets[1]..<F.heif().chunkOffsets[2]
        let artist = try XCTUnwrap(heif.fields.first { $0.tag == "EXIF:Artist" })
        XCTAssertTrue(exif.contains(artist.stored.lowerBound) && artist.stored.upperBound <= exif.upperBound)
        XCTAssertEqual(heif.exifItems, [exif])
        XCTAssertEqual(artist.path, "meta/item 2/IFD0")
        XCTAssertEqual(try read(F.movie(quickTime: true).bytes, as: .mov).fields[0].path, "moov/udta")
    }

    /// MP4 writers may write the keyed `meta` as a full box (version and flags before `hdlr`); both are read.
    func testKeyedMetaAsFullBoxOrPlainContainer() throws {
        for quickTime in [true, false] {
            let bytes = F.box("ftyp", F.latin1("mp42"), F.be32(0)) + F.box("moov", F.keyedMeta(quickTime: quickTime))
            let doc = try read(bytes, as: .mp4)
            XCTAssertEqual(doc.fields.map(\.tag), Self.keyed.map(\.tag), "quickTime \(quickTime)")
        }
    }

    /// The payload is copied as it was: `mdat` byte for byte, and every `stco` offset still points at the
    /// same bytes (the file has not grown or shrunk, and `stco` is unchanged).
    func assertPayloadKept(_ file: F.File, _ out: [UInt8], _ name: String, line: UInt = #line) {
        XCTAssertEqual(out.count, file.bytes.count, name, line: line)
        guard out.count >= file.mdat.upperBound else { return }
        XCTAssertEqual(Array(out[file.mdat]).hashValue, Array(file.bytes[file.mdat]).hashValue, name, line: line)
        XCTAssertEqual(Array(out[file.mdat]), Array(file.bytes[file.mdat]), name, line: line)
        guard let stco = XMPPacket.find(Array("stco".utf8), in: out) else { return }
        // The type, then version and flags, then the entry count and the offsets.
        let count = Int(out[stco + 11])
        let offsets = (0..<count).map { k in (0..<4).reduce(0) { $0 << 8 | Int(out[stco + 12 + 4 * k + $1]) } }
        XCTAssertEqual(offsets, file.chunkOffsets, name, line: line)
        for offset in offsets { XCTAssertEqual(out[offset..<offset + 128], file.bytes[offset..<offset + 128], name, line: line) }
    }

    func contains(_ bytes: [UInt8], _ text: String) -> Bool { XMPPacket.find(Array(text.utf8), in: bytes) != nil }

    func testRemoveAndReplaceKeepsPayloadAndChunkOffsets() throws {
        for (file, format) in [(F.movie(quickTime: true), MediaFormat.mov), (F.movie(quickTime: false), .mp4)] {
            let name = format.rawValue
            let (doc, out, output) = try rewritten(file.bytes, format: format) { doc in
                [
                    doc.index(of: "QuickTime:©xyz")!: .remove, doc.index(of: "QuickTime:©ART")!: .remove,
                    doc.index(of: "QuickTime:©cmt")!: .replace(Array("write to <EMAIL>".utf8)),
                    doc.index(of: "QuickTime:com.apple.quicktime.location.ISO6709")!: .remove,
                    doc.index(of: "QuickTime:com.apple.quicktime.author")!: .replace(Array("<PERSON>".utf8)),
                    doc.index(of: "XMP:dc:creator")!: .remove,
                    doc.index(of: "XMP:dc:description")!: .replace(Array("Call <PHONE>".utf8)),
                ]
            }
            XCTAssertEqual(output.removedInstead, [], name)
            XCTAssertEqual(output.stripped, [], name)
            assertPayloadKept(file, out, name)
            for gone in ["Jane Roe", "jane.roe", "48.8577", "7946"] { XCTAssertFalse(contains(out, gone), "\(name): \(gone)") }
            let tags = try ExifTool.tags(out, ext: format.rawValue)
            for gone in [
                "UserData:GPSCoordinates", "UserData:Artist", "Keys:GPSCoordinates", "XMP-dc:Creator", "Composite:GPSLatitude",
            ] {
                XCTAssertNil(tags[gone], "\(name): \(gone)")
            }
            XCTAssertEqual(tags["UserData:Comment"], "write to <EMAIL>", name)
            XCTAssertEqual(tags["Keys:Author"], "<PERSON>", name)
            XCTAssertEqual(tags["XMP-dc:Description"], "Call <PHONE>", name)
            XCTAssertEqual(tags["Keys:Make"], "Apple", name)
            XCTAssertEqual(tags["Keys:Model"], "iPhone 15 Pro", name)
            XCTAssertEqual(tags["XMP-tiff:Orientation"], "1", name)
            XCTAssertNil(tags["ExifTool:Warning"], name)
            if format == .mp4 { XCTAssertEqual(tags["ItemList:Title"], "Holiday in Paris") }
            // Our own reader reads the output back: the kept fields, nothing broken.
            let again = try read(out, as: format)
            XCTAssertEqual(again.warnings, [], name)
            XCTAssertEqual(again.fields.count, doc.fields.count - 4, name)
        }
    }

    /// A removed `ilst` item shrinks the `ilst`; a `free` box of the difference follows it inside `meta`, whose
    /// size does not change. A removed text atom becomes a `free` box of its size.
    func testRemovalsLeaveFreeBoxesInPlace() throws {
        let file = F.movie(quickTime: true)
        let (_, out, _) = try rewritten(file.bytes, format: .mov) { doc in
            [
                doc.index(of: "QuickTime:com.apple.quicktime.location.ISO6709")!: .remove,
                doc.index(of: "QuickTime:©ART")!: .remove,
            ]
        }
        try out.withUnsafeBytes { raw in
            let view = ByteView(raw)
            var w: [String] = []
            let moov = try BMFF.children(view, in: 0..<view.count, limits: MetadataLimits(), topLevel: true, warnings: &w)[1]
            let kids = try BMFF.children(view, in: moov.content, limits: MetadataLimits(), warnings: &w)
            let udta = kids[2]
            let meta = kids[3]
            let udtaKids = try BMFF.children(view, in: udta.content, limits: MetadataLimits(), warnings: &w)
            XCTAssertEqual(udtaKids.map { BMFF.name($0.type) }, ["©xyz", "free", "©cmt"])
            XCTAssertEqual(udtaKids[1].size, F.qtText("©ART", "Jane Roe").count)
            XCTAssertTrue(out[udtaKids[1].content].allSatisfy { $0 == 0 })
            let metaKids = try BMFF.children(view, in: meta.content, limits: MetadataLimits(), warnings: &w)
            XCTAssertEqual(metaKids.map { BMFF.name($0.type) }, ["hdlr", "keys", "ilst", "free"])
            XCTAssertEqual(metaKids[3].size, 8 + F.data("+48.8577+002.2950+035.000/").count)
            XCTAssertEqual(meta.size, F.keyedMeta(quickTime: true).count)
            XCTAssertEqual(w, [])
        }
    }

    /// A shorter value is written in place (a `free` box after the shrunk box, or spaces when the difference is
    /// under 8 bytes); a longer one removes the field and says so.
    func testReplacementsFitOrAreRemovedInstead() throws {
        let cases: [(tag: String, new: String, exiftool: String, stored: String?)] = [
            ("QuickTime:©cmt", "see <EMAIL>", "UserData:Comment", "see <EMAIL>"),
            ("QuickTime:©cmt", "write to <EMAIL_ADDRESS>xx", "UserData:Comment", "write to <EMAIL_ADDRESS>xx   "),
            ("QuickTime:©cmt", String(repeating: "x", count: 40), "UserData:Comment", nil),
            ("QuickTime:com.apple.quicktime.author", "", "Keys:Author", ""),
            ("QuickTime:com.apple.quicktime.author", "<P>", "Keys:Author", "<P>     "),
            ("QuickTime:com.apple.quicktime.author", "<PERSON_NAME>", "Keys:Author", nil),
            ("XMP:dc:description", String(repeating: "y", count: 3000), "XMP-dc:Description", nil),
        ]
        let file = F.movie(quickTime: true)
        for c in cases {
            let label = c.tag + " " + c.new.prefix(30)
            let (doc, out, output) = try rewritten(file.bytes, format: .mov) { doc in
                [doc.index(of: c.tag)!: .replace(Array(c.new.utf8))]
            }
            let index = doc.index(of: c.tag)!
            assertPayloadKept(file, out, label)
            let again = try read(out, as: .mov)
            let value = again.fields.first { $0.tag == c.tag }.map { String(decoding: $0.text, as: UTF8.self) }
            XCTAssertEqual(value, c.stored, label)
            XCTAssertEqual(output.removedInstead, c.stored == nil ? Set([index]) : Set<Int>(), c.tag)
            let tags = try ExifTool.tags(out, ext: "mov")
            if c.stored == nil {
                XCTAssertNil(tags[c.exiftool], c.tag)
            } else if !c.new.isEmpty {
                XCTAssertEqual(tags[c.exiftool]?.hasPrefix(c.new), true, c.tag)
            }
            XCTAssertEqual(tags["Keys:Make"], "Apple")
            XCTAssertNil(tags["ExifTool:Warning"], label)
        }
    }

    /// Several changes in one box compose: two `ilst` items replaced and one removed in the same rewrite.
    func testChangesInOneBoxCompose() throws {
        let file = F.movie(quickTime: true)
        let (_, out, output) = try rewritten(file.bytes, format: .mov) { doc in
            [
                doc.index(of: "QuickTime:com.apple.quicktime.author")!: .replace(Array("<PER>".utf8)),
                doc.index(of: "QuickTime:com.apple.quicktime.model")!: .replace(Array("iPhone".utf8)),
                doc.index(of: "QuickTime:com.apple.quicktime.location.ISO6709")!: .remove,
            ]
        }
        XCTAssertEqual(output.removedInstead, [])
        assertPayloadKept(file, out, "compose")
        let tags = try ExifTool.tags(out, ext: "mov")
        XCTAssertEqual(tags["Keys:Author"], "<PER>")
        XCTAssertEqual(tags["Keys:Model"], "iPhone")
        XCTAssertEqual(tags["Keys:Make"], "Apple")
        XCTAssertNil(tags["Keys:GPSCoordinates"])
    }

    func testStripAllLeavesOnlyNeededFields() throws {
        for (file, format) in [(F.movie(quickTime: true), MediaFormat.mov), (F.movie(quickTime: false), .mp4), (F.heif(), .heif)]
        {
            let name = format.rawValue
            let (doc, out, output) = try rewritten(file.bytes, format: format, strip: .all) { _ in [:] }
            XCTAssertEqual(output.stripped, Set(doc.fields.indices.filter { doc.fields[$0].meaning != .needed }), name)
            if format == .heif {
                XCTAssertEqual(out.count, file.bytes.count)
                XCTAssertEqual(
                    out[file.chunkOffsets[0]..<file.chunkOffsets[1]], file.bytes[file.chunkOffsets[0]..<file.chunkOffsets[1]])
            } else {
                assertPayloadKept(file, out, name)
            }
            for gone in ["Jane Roe", "jane.roe", "48.8577", "7946", "Apple", "Holiday", "Lavf"] {
                XCTAssertFalse(contains(out, gone), "\(name): \(gone)")
            }
            let tags = try ExifTool.tags(out, ext: format == .heif ? "heic" : format.rawValue)
            let groups = ["UserData:", "Keys:", "ItemList:", "XMP-dc:", "IFD0:"]
            XCTAssertEqual(tags.keys.filter { k in groups.contains { k.hasPrefix($0) } }, [], name)
            XCTAssertEqual(tags["XMP-tiff:Orientation"], "1", name)
            XCTAssertNil(tags["ExifTool:Warning"], name)
            // The HEIF Exif item stays (iloc points at it), its IFD0 emptied in place.
            XCTAssertEqual(try read(out, as: format).fields.map(\.tag), ["XMP:tiff:Orientation"], name)
        }
    }

    func testExifItemTagsAreEditedInPlace() throws {
        let file = F.heif()
        let (_, out, output) = try rewritten(file.bytes, format: .heif, strip: .personal) { doc in
            [doc.index(of: "EXIF:Artist")!: .remove]
        }
        XCTAssertEqual(output.stripped, [])
        XCTAssertEqual(out.count, file.bytes.count)
        XCTAssertEqual(out[file.chunkOffsets[0]..<file.chunkOffsets[1]], file.bytes[file.chunkOffsets[0]..<file.chunkOffsets[1]])
        let tags = try ExifTool.tags(out, ext: "heic")
        XCTAssertNil(tags["IFD0:Artist"])
        XCTAssertEqual(tags["XMP-dc:Creator"], "Jane Roe")
        XCTAssertNil(tags["ExifTool:Warning"])
        // A movie has nothing opaque: nothing changes.
        let movie = F.movie(quickTime: true)
        let (_, _, none) = try rewritten(movie.bytes, format: .mov, strip: .personal) { _ in [:] }
        XCTAssertEqual(none.pieces, [.input(0..<movie.bytes.count)])
    }

    func testHEIFXMPItemRewrittenInPlace() throws {
        let file = F.heif()
        let (_, out, output) = try rewritten(file.bytes, format: .heif) { doc in
            [
                doc.index(of: "XMP:dc:creator")!: .remove,
                doc.index(of: "XMP:dc:description")!: .replace(Array("Call <PHONE>".utf8)),
            ]
        }
        XCTAssertEqual(output.stripped, [], "nothing opaque in this file")
        XCTAssertEqual(out.count, file.bytes.count)
        let tags = try ExifTool.tags(out, ext: "heic")
        XCTAssertNil(tags["XMP-dc:Creator"])
        XCTAssertEqual(tags["XMP-dc:Description"], "Call <PHONE>")
        XCTAssertEqual(tags["XMP-tiff:Orientation"], "1")
    }

    /// QuickTime's `udta/XMP_` atom holds a bare packet; MP4 `----` items are named by their `name` box; UTF-16
    /// values are decoded (not verbatim) and a replacement is written as UTF-8.
    func testXMPAtomFreeformItemAndUTF16Value() throws {
        let utf16: [UInt8] = Array("Jane Roe".utf16).flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        let ilst = F.box(
            "ilst",
            F.box(
                "----", F.full("mean", Array("com.apple.iTunes".utf8)), F.full("name", Array("Owner".utf8)), F.data("Jane Roe")),
            F.box("©wrt", F.box("data", F.be32(2), F.be32(0), utf16)))
        let udta = F.box("udta", F.box("XMP_", Array(F.xmp.utf8)), F.full("meta", F.hdlr("mdir"), ilst))
        let bytes = F.box("ftyp", F.latin1("qt  "), F.be32(0)) + F.box("moov", F.mvhd(), udta) + F.box("mdat", F.zeros(16))
        let doc = try read(bytes, as: .mov)
        XCTAssertEqual(doc.fields.map(\.tag), Self.xmp.map(\.tag) + ["QuickTime:Owner", "QuickTime:©wrt"])
        XCTAssertEqual(doc.fields[0].path, "moov/udta/XMP_")
        XCTAssertEqual(doc.fields.last.map { String(decoding: $0.text, as: UTF8.self) }, "Jane Roe")
        XCTAssertEqual(doc.fields.last?.verbatim, false)
        XCTAssertEqual(doc.fields.last?.meaning, .person)
        let (_, out, _) = try rewritten(bytes, format: .mov) { doc in
            [doc.index(of: "XMP:dc:creator")!: .remove, doc.index(of: "QuickTime:©wrt")!: .replace(Array("<PERSON>".utf8))]
        }
        XCTAssertEqual(out.count, bytes.count)
        let tags = try ExifTool.tags(out, ext: "mov")
        XCTAssertNil(tags["XMP-dc:Creator"])
        XCTAssertEqual(tags["XMP-dc:Description"], "Call +44 20 7946 0958")
        XCTAssertEqual(tags["ItemList:Composer"], "<PERSON>")
        XCTAssertNil(tags["ExifTool:Warning"])
    }

    func testUnknownFieldIndexIsAnError() throws {
        XCTAssertThrowsError(try rewritten(F.heif().bytes, format: .heif) { _ in [99: .remove] })
    }
}
