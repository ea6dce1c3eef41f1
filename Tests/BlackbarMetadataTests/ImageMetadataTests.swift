import XCTest

@testable import BlackbarMetadata

/// JPEG, PNG and TIFF: fields read with their meanings and exact ranges; rewrites checked by exiftool
/// (personal tags gone, the rest kept) and by the payload's bytes.
final class ImageMetadataTests: XCTestCase {
    struct Case {
        let format: MediaFormat
        let ext: String
        let bytes: [UInt8]
        let payload: ([UInt8]) -> [UInt8]
    }

    nonisolated(unsafe) static let cases: [Case] = [
        Case(format: .jpeg, ext: "jpg", bytes: ImageFixtures.jpeg(), payload: ImageFixtures.jpegPayload),
        Case(format: .png, ext: "png", bytes: ImageFixtures.png(), payload: ImageFixtures.pngPayload),
        Case(format: .webp, ext: "webp", bytes: ImageFixtures.webp(), payload: ImageFixtures.webpPayload),
        Case(format: .tiff, ext: "tif", bytes: ImageFixtures.tiff(image: ImageFixtures.scan), payload: { Array($0.suffix(ImageFixtures.scan.count)) }),
    ]

    /// The redaction a run would ask for: tag-known personal fields removed, text holding the email or phone
    /// replaced.
    static func personalChanges(_ doc: MetadataDocument) -> [Int: FieldChange] {
        var changes: [Int: FieldChange] = [:]
        for (i, f) in doc.fields.enumerated() {
            switch f.meaning {
            case .person, .deviceID, .location: changes[i] = .remove
            case .text:
                var text = String(decoding: f.text, as: UTF8.self)
                for (value, entity) in [(ImageFixtures.email, "<EMAIL_ADDRESS>"), (ImageFixtures.phone, "<PHONE_NUMBER>")] {
                    if let r = text.range(of: value) { text.replaceSubrange(r, with: entity) }
                }
                if text.utf8.count != f.text.count || Array(text.utf8) != f.text { changes[i] = .replace(Array(text.utf8)) }
            default: break
            }
        }
        return changes
    }

    func testFieldsHaveMeaningsAndExactRanges() throws {
        for c in Self.cases {
            let doc = try read(c.bytes, as: c.format)
            let byTag = Dictionary(doc.fields.map { ($0.tag, $0) }, uniquingKeysWith: { a, _ in a })
            XCTAssertEqual(byTag["EXIF:Artist"]?.meaning, .person, "\(c.format)")
            XCTAssertEqual(byTag["EXIF:OwnerName"]?.meaning, .person, "\(c.format)")
            XCTAssertEqual(byTag["EXIF:SerialNumber"]?.meaning, .deviceID, "\(c.format)")
            XCTAssertEqual(byTag["EXIF:LensSerialNumber"]?.meaning, .deviceID, "\(c.format)")
            XCTAssertEqual(byTag["EXIF:GPSLatitude"]?.meaning, .location, "\(c.format)")
            XCTAssertEqual(byTag["EXIF:GPSLatitude"].map { String(decoding: $0.text, as: UTF8.self) }, "48.857700", "\(c.format)")
            XCTAssertEqual(byTag["EXIF:MakerNote"]?.meaning, .opaque, "\(c.format)")
            XCTAssertEqual(byTag["EXIF:Orientation"]?.meaning, .needed, "\(c.format)")
            XCTAssertEqual(byTag["EXIF:DateTimeOriginal"]?.meaning, .captureDate, "\(c.format)")
            XCTAssertEqual(byTag["EXIF:UserComment"].map { String(decoding: $0.text, as: UTF8.self) }, "call \(ImageFixtures.phone) after six")
            if c.format != .tiff { XCTAssertEqual(byTag["XMP:dc:creator"]?.meaning, .person, "\(c.format)") }
            XCTAssertEqual(doc.warnings, [], "\(c.format)")
            for f in doc.fields where f.verbatim {
                XCTAssertEqual(Array(c.bytes[f.stored].prefix(f.text.count)), f.text, "\(c.format) \(f.tag)")
            }
        }
        let jpeg = try read(ImageFixtures.jpeg(), as: .jpeg)
        XCTAssertEqual(jpeg.fields.first { $0.tag == "IPTC:By-line" }?.meaning, .person)
        XCTAssertEqual(jpeg.fields.first { $0.tag == "JPEG:Comment" }?.meaning, .text)
        let png = try read(ImageFixtures.png(), as: .png)
        XCTAssertEqual(png.fields.first { $0.tag == "PNG:Author" }?.meaning, .person)
        // The keywords exiftool writes are known too.
        for (keyword, meaning) in [("Artist", TagMeaning.person), ("SerialNumber", .deviceID), ("Make", .technical), ("Notes", .text)] {
            let chunk = ImageFixtures.pngChunk("tEXt", Array(keyword.utf8) + [0] + Array("x".utf8))
            let file = Array(ImageFixtures.png().prefix(33)) + chunk + ImageFixtures.pngChunk("IEND", [])
            XCTAssertEqual(try read(file, as: .png).fields.first?.meaning, meaning, keyword)
        }
        XCTAssertEqual(png.fields.first { $0.tag == "PNG:Comment" }.map { String(decoding: $0.text, as: UTF8.self) }, "reach me at \(ImageFixtures.email)")
    }

    func testPersonalRedactionIsCleanKeepsTheRestAndThePayload() throws {
        for c in Self.cases {
            let (_, out, output) = try rewritten(c.bytes, format: c.format) { Self.personalChanges($0) }
            XCTAssertEqual(c.payload(out), c.payload(c.bytes), "\(c.format): payload changed")
            XCTAssertFalse(c.payload(out).isEmpty)
            for secret in ["Jane Roe", ImageFixtures.email, ImageFixtures.phone, "093021001234", "0000c12345", "VENDOR-SERIAL"] {
                XCTAssertNil(XMPPacket.find(Array(secret.utf8), in: out), "\(c.format): \(secret) still in the bytes")
            }
            XCTAssertTrue(output.removedInstead.isEmpty, "\(c.format)")
            let tags = try ExifTool.tags(out, ext: c.ext)
            for gone in ["GPSLatitude", "GPSLongitude", "GPSAltitude", "Artist", "OwnerName", "SerialNumber", "LensSerialNumber", "MakerNote", "Creator", "By-line"] {
                XCTAssertTrue(ExifTool.values(tags, gone).isEmpty, "\(c.format): \(gone) still there: \(ExifTool.values(tags, gone))")
            }
            XCTAssertEqual(ExifTool.values(tags, "Make"), ["Canon"], "\(c.format)")
            XCTAssertEqual(ExifTool.values(tags, "Model"), ["Canon EOS R5"], "\(c.format)")
            XCTAssertEqual(ExifTool.values(tags, "Orientation"), ["6"], "\(c.format)")
            XCTAssertEqual(ExifTool.values(tags, "LensModel"), ["RF24-105mm F4L IS USM"], "\(c.format)")
            XCTAssertEqual(ExifTool.values(tags, "DateTimeOriginal"), ["2024:05:01 10:00:00"], "\(c.format)")
            XCTAssertEqual(ExifTool.values(tags, "ImageDescription"), ["Holiday, write to <EMAIL_ADDRESS>"], "\(c.format)")
            XCTAssertEqual(ExifTool.values(tags, "UserComment"), ["call <PHONE_NUMBER> after six"], "\(c.format)")
            XCTAssertNil(tags["ExifTool:Warning"], "\(c.format): \(tags["ExifTool:Warning"] ?? "")")
            // The output reads again, and a second pass finds nothing more to do.
            let again = try read(out, as: c.format)
            XCTAssertTrue(Self.personalChanges(again).isEmpty, "\(c.format)")
        }
    }

    func testStripAllKeepsOnlyWhatShowsThePicture() throws {
        for c in Self.cases {
            let (_, out, output) = try rewritten(c.bytes, format: c.format, strip: .all) { _ in [:] }
            XCTAssertEqual(c.payload(out), c.payload(c.bytes), "\(c.format): payload changed")
            XCTAssertFalse(output.stripped.isEmpty)
            let tags = try ExifTool.tags(out, ext: c.ext)
            for gone in ["Make", "Model", "Artist", "GPSLatitude", "DateTimeOriginal", "Creator", "ImageDescription", "Comment", "Author"] {
                XCTAssertTrue(ExifTool.values(tags, gone).isEmpty, "\(c.format): \(gone) still there")
            }
            XCTAssertEqual(ExifTool.values(tags, "Orientation"), ["6"], "\(c.format)")
        }
    }

    func testReplacementTooLongForItsSpaceIsRemovedInstead() throws {
        let bytes = ImageFixtures.jpeg()
        let (doc, out, output) = try rewritten(bytes, format: .jpeg) { doc in
            [doc.index(of: "EXIF:Make")!: .replace(Array(String(repeating: "x", count: 40).utf8))]
        }
        XCTAssertEqual(output.removedInstead, [doc.index(of: "EXIF:Make")!])
        XCTAssertTrue(ExifTool.values(try ExifTool.tags(out, ext: "jpg"), "Make").isEmpty)
    }

    /// A sub-IFD at the very end of the block without its 4-byte next-IFD offset (libpng's own test image is
    /// written so): read as ending there, and rewritten without writing past it.
    func testSubIFDWithoutNextOffsetAtTheEnd() throws {
        var tiff: [UInt8] = Array("MM".utf8) + [0, 42, 0, 0, 0, 8]
        tiff += [0, 2] + [0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, 5, 0, 0] + [0x87, 0x69, 0, 4, 0, 0, 0, 1, 0, 0, 0, 38] + [0, 0, 0, 0]
        tiff += [0, 1] + [0xA4, 0x31, 0, 2, 0, 0, 0, 4, 0x41, 0x42, 0x43, 0]  // SerialNumber "ABC", then the end
        let doc = try read(tiff, as: .tiff)
        XCTAssertEqual(doc.fields.map(\.tag), ["EXIF:Orientation", "EXIF:SerialNumber"])
        let (_, out, _) = try rewritten(tiff, format: .tiff) { [$0.index(of: "EXIF:SerialNumber")!: .remove] }
        XCTAssertEqual(out.count, tiff.count)
        XCTAssertEqual(try read(out, as: .tiff).fields.map(\.tag), ["EXIF:Orientation"])
    }

    /// Hostile variants of each fixture: cut at every length, every byte flipped in the metadata, an IFD
    /// that points at itself: reading and rewriting throw or succeed, never crash or hang.
    func testHostileFilesAreErrorsNotCrashes() throws {
        for c in Self.cases {
            let metadataEnd = min(c.bytes.count, 700)
            for cut in stride(from: 0, to: c.bytes.count, by: 7) {
                _ = try? rewritten(Array(c.bytes[..<cut]), format: c.format, strip: .all) { Self.personalChanges($0) }
            }
            for at in 0..<metadataEnd {
                for value: UInt8 in [0x00, 0xFF, 0x7F] {
                    var mutated = c.bytes
                    mutated[at] = value
                    _ = try? rewritten(mutated, format: c.format) { Self.personalChanges($0) }
                }
            }
        }
        // IFD0's next-IFD pointer aimed back at IFD0.
        var loop = ImageFixtures.tiff(image: ImageFixtures.scan)
        let n = Int(loop[8]) | Int(loop[9]) << 8
        let next = 8 + 2 + 12 * n
        loop.replaceSubrange(next..<(next + 4), with: ImageFixtures.le32(8))
        XCTAssertThrowsError(try read(loop, as: .tiff)) { XCTAssertTrue("\($0)".contains("loop"), "\($0)") }
        // An entry whose count makes its value run past the end.
        var huge = ImageFixtures.tiff(image: ImageFixtures.scan)
        huge.replaceSubrange(14..<18, with: ImageFixtures.le32(0x4000_0000))
        XCTAssertThrowsError(try read(huge, as: .tiff))
    }
}
