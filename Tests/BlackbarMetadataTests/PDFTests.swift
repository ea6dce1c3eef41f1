import XCTest

@testable import BlackbarMetadata

final class PDFTests: XCTestCase {
    typealias F = PDFFixtures

    static func find(_ needle: String, in bytes: [UInt8], from: Int = 0) -> Int? {
        let n = Array(needle.utf8)
        guard bytes.count >= n.count, from <= bytes.count - n.count else { return nil }
        return (from...(bytes.count - n.count)).first { bytes[$0..<($0 + n.count)].elementsEqual(n) }
    }

    static func contains(_ needle: [UInt8], in bytes: [UInt8]) -> Bool {
        guard bytes.count >= needle.count else { return false }
        return (0...(bytes.count - needle.count)).contains { bytes[$0..<($0 + needle.count)].elementsEqual(needle) }
    }

    func testFieldsTagsMeaningsAndStoredRanges() throws {
        let bytes = F.pdf()
        let doc = try read(bytes, as: .pdf)
        XCTAssertEqual(doc.fields.map(\.tag), ["XMP:pdf:Producer", "XMP:dc:creator", "PDF:Info/Author", "PDF:Info/Title",
                                               "PDF:Info/Subject", "PDF:Info/Producer", "PDF:Info/CreationDate"])
        XCTAssertEqual(doc.fields.map(\.meaning), [.technical, .person, .person, .text, .text, .technical, .captureDate])
        XCTAssertEqual(doc.fields.map(\.path), ["obj 5 0", "obj 5 0", "obj 6 0", "obj 6 0", "obj 6 0", "obj 6 0", "obj 6 0"])
        let author = try XCTUnwrap(Self.find("(Jane Roe)", in: bytes))
        XCTAssertEqual(doc.fields[2].stored, (author + 1)..<(author + 9))
        XCTAssertEqual(doc.fields[2].text, Array(F.name.utf8))
        XCTAssertTrue(doc.fields[2].verbatim)
        let creator = try XCTUnwrap(Self.find(">Jane Roe<", in: bytes))
        XCTAssertEqual(doc.fields[1].stored, (creator + 1)..<(creator + 9))
        XCTAssertTrue(doc.fields[1].verbatim)
        for f in doc.fields where f.verbatim { XCTAssertEqual(Array(bytes[f.stored]), f.text, f.tag) }
        XCTAssertEqual(String(decoding: doc.fields[3].text, as: UTF8.self), "Mail " + F.email)
        XCTAssertTrue(doc.warnings.isEmpty, "\(doc.warnings)")
    }

    func testUTF16HexAuthorAndEscapes() throws {
        let bytes = F.pdf(utf16Author: true)
        let doc = try read(bytes, as: .pdf)
        let i = try XCTUnwrap(doc.index(of: "PDF:Info/Author"))
        XCTAssertEqual(String(decoding: doc.fields[i].text, as: UTF8.self), "Jane Roé")
        XCTAssertFalse(doc.fields[i].verbatim)
        let hex = try XCTUnwrap(Self.find("<FEFF004A", in: bytes))
        XCTAssertEqual(doc.fields[i].stored, (hex + 1)..<(hex + 1 + 4 + 8 * 4))
        let cases: [(String, String)] = [("a\\(b\\)c\\\\", "a(b)c\\"), ("x\\ny\\101\\0612", "x\ny\u{41}12"), ("li\\\nne", "line"),
                                         ("caf\\351", "café"), ("(nested)", "(nested)")]
        for (raw, text) in cases {
            let decoded = Array(raw.utf8).withUnsafeBytes { PDFStrings.text(PDFStrings.literalBytes($0[...])) }
            XCTAssertEqual(String(decoding: decoded, as: UTF8.self), text, raw)
        }
        XCTAssertEqual(PDFStrings.encode(Array("a(b)\\".utf8)), Array("(a\\(b\\)\\\\)".utf8))
        XCTAssertEqual(PDFStrings.encode(Array("é".utf8)), Array("<FEFF00E9>".utf8))
    }

    func testIncrementalUpdateFindsEveryRevision() throws {
        let doc = try read(F.pdf(incremental: true), as: .pdf)
        let authors = doc.fields.filter { $0.tag == "PDF:Info/Author" }.map { String(decoding: $0.text, as: UTF8.self) }
        XCTAssertEqual(authors, ["Jane Roe", "Jane Q. Roe"])
        XCTAssertEqual(doc.fields.filter { $0.tag == "PDF:Info/Title" }.count, 2)
    }

    /// A deflated XMP stream with an indirect `/Length`: rewritten through the length object when it is an
    /// integer, else refused (`unsupported`), never left with the old values.
    func testIndirectLengthOfADeflatedXMPStream() throws {
        let good = F.indirectLengthPDF { "\($0)" }
        let (_, out, _) = try rewritten(good, format: .pdf) { [$0.index(of: "XMP:dc:creator")!: .remove] }
        try checkStructure(good, out, "indirect length")
        try checkGone([F.name], out, "indirect length")
        let tags = try ExifTool.tags(out, ext: "pdf")
        XCTAssertEqual(ExifTool.values(tags, "Creator"), [])
        XCTAssertEqual(tags["XMP-pdf:Producer"], "Blackbar fixture")
        let length = { (bytes: [UInt8]) throws -> (Int, Range<Int>) in
            let doc = try XCTUnwrap(try read(bytes, as: .pdf) as? PDFDocument)
            return (try XCTUnwrap(doc.scan.objects.first { $0.ref.num == 9 }?.value.integer), doc.streams[0].data)
        }
        let (old, _) = try length(good), (new, data) = try length(out)
        XCTAssertLessThan(new, old, "the length object holds the new length")
        XCTAssertEqual(Array(out[(data.lowerBound + new)..<data.upperBound]), [UInt8](repeating: 0x20, count: old - new))
        let packet = try out.withUnsafeBytes { try Zlib.inflate(Array($0[data.lowerBound..<(data.lowerBound + new)]), limit: 1 << 20, offset: 0) }
        XCTAssertEqual(try XMPPacket(packet).properties.map(\.name), ["pdf:Producer"])

        let bad = F.indirectLengthPDF { _ in "(not a number)" }
        let doc = try read(bad, as: .pdf)
        XCTAssertThrowsError(try doc.rewrite([doc.index(of: "XMP:dc:creator")!: .remove], strip: .personal)) { error in
            guard case .unsupported(let what)? = error as? MetadataError else { return XCTFail("\(error)") }
            XCTAssertTrue(what.contains("obj 5 0"), what)
        }
    }

    /// No change and `strip: .personal`: the input as one range.
    func testNoChangesCopiesTheInput() throws {
        for input in [F.pdf(), F.pdf(xmp: .flate, incremental: true), F.objectStreamPDF()] {
            let (_, out, output) = try rewritten(input, format: .pdf) { _ in [:] }
            XCTAssertEqual(output.pieces, [.input(0..<input.count)])
            XCTAssertEqual(out, input)
        }
    }

    /// Info dictionaries no trailer names, found by their keys; a value in a string object.
    func testUnreferencedInfoAndIndirectValue() throws {
        let input = PDFHostileTests.file("1 0 obj\n<< /Author (Jane Roe) /Producer (x) >>\nendobj\n2 0 obj\n<< /Author 3 0 R >>\nendobj\n"
            + "3 0 obj\n(jane.roe@example.net)\nendobj", trailer: "trailer\n<< /Info 2 0 R >>\n")
        let doc = try read(input, as: .pdf)
        XCTAssertEqual(doc.fields.map(\.tag), ["PDF:Info/Author", "PDF:Info/Producer", "PDF:Info/Author"])
        XCTAssertEqual(doc.fields.map(\.path), ["obj 1 0", "obj 1 0", "obj 2 0/obj 3 0"])
        let at = try XCTUnwrap(Self.find("(jane.roe", in: input))
        XCTAssertEqual(doc.fields[2].stored, (at + 1)..<(at + 1 + F.email.utf8.count))
        let (_, out, _) = try rewritten(input, format: .pdf) { _ in [0: .remove, 2: .remove] }
        XCTAssertEqual(out.count, input.count)
        XCTAssertFalse(Self.contains(Array(F.email.utf8), in: out))
        XCTAssertFalse(Self.contains(Array(F.name.utf8), in: out))
        XCTAssertEqual(try read(out, as: .pdf).fields.map(\.tag), ["PDF:Info/Producer"])
    }

    /// Author removed, Title replaced (fits), Subject replaced (does not fit: removed instead), XMP creator
    /// removed, in every revision, for every fixture variant.
    func testRewriteVariants() throws {
        let variants: [(String, [UInt8], [String])] = [
            ("plain", F.pdf(), [F.name, F.email, F.phone]),
            ("incremental", F.pdf(incremental: true), [F.name, F.email, F.phone, "Jane Q. Roe"]),
            ("flate", F.pdf(xmp: .flate), [F.name, F.email, F.phone]),
            ("flate stored", F.pdf(xmp: .flateStored), [F.name, F.email, F.phone]),
            ("utf16", F.pdf(utf16Author: true), [F.name, "Jane Roé", F.email, F.phone]),
        ]
        for (label, input, values) in variants {
            let before = try ExifTool.tags(input, ext: "pdf")
            XCTAssertEqual(before["PDF:Author"].map { values.contains($0) }, true, "\(label): exiftool reads the fixture")
            XCTAssertEqual(before["XMP-dc:Creator"], F.name, label)
            let (doc, out, output) = try rewritten(input, format: .pdf) { doc in
                var changes: [Int: FieldChange] = [:]
                for (i, f) in doc.fields.enumerated() {
                    switch f.tag {
                    case "PDF:Info/Author", "XMP:dc:creator": changes[i] = .remove
                    case "PDF:Info/Title": changes[i] = .replace(Array("Mail <EMAIL_ADDRESS>".utf8))
                    case "PDF:Info/Subject": changes[i] = .replace(Array("Call <PHONE_NUMBER> and a much longer tail than before".utf8))
                    default: break
                    }
                }
                return changes
            }
            XCTAssertEqual(output.removedInstead, Set(doc.fields.indices.filter { doc.fields[$0].tag == "PDF:Info/Subject" }), label)
            try checkStructure(input, out, label)
            try checkGone(values, out, label)
            let tags = try ExifTool.tags(out, ext: "pdf")
            XCTAssertEqual(ExifTool.values(tags, "Author"), [], label)
            XCTAssertEqual(ExifTool.values(tags, "Subject"), [], label)
            XCTAssertEqual(tags["PDF:Title"], "Mail <EMAIL_ADDRESS>", label)
            XCTAssertEqual(ExifTool.values(tags, "Creator"), [], label)
            XCTAssertEqual(tags["XMP-pdf:Producer"], "Blackbar fixture", label)
            let again = try read(out, as: .pdf)
            XCTAssertEqual(again.fields.filter { ["PDF:Info/Author", "PDF:Info/Subject", "XMP:dc:creator"].contains($0.tag) }.count, 0, label)
            XCTAssertTrue(again.fields.contains { $0.tag == "XMP:pdf:Producer" }, label)
        }
    }

    func testStripAllRemovesEveryInfoEntryAndXMPProperty() throws {
        for (input, trapped) in [(F.pdf(incremental: true), false), (F.pdf(xmp: .flate, utf16Author: true), true), (F.objectStreamPDF(), true)] {
            let (doc, out, output) = try rewritten(input, format: .pdf, strip: .all) { _ in [:] }
            XCTAssertEqual(output.stripped, Set(doc.fields.indices))
            XCTAssertEqual(out.count, input.count)
            if !F.xrefEntries(input).isEmpty { try checkStructure(input, out, "strip all") }
            try checkGone([F.name, "Jane Roé", F.email, F.phone, "Blackbar fixture"], out, "strip all")
            XCTAssertEqual(try read(out, as: .pdf).fields.count, 0)
            let tags = try ExifTool.tags(out, ext: "pdf")
            if trapped { XCTAssertNotNil(try ExifTool.tags(input, ext: "pdf")["PDF:Trapped"], "the latest Info has /Trapped") }
            for t in ["Author", "Title", "Subject", "Producer", "Creator", "CreateDate", "ModifyDate", "Trapped"] {
                XCTAssertEqual(ExifTool.values(tags, t), [], t)
            }
        }
    }

    /// Info replacements: ASCII as a literal, other text as UTF-16BE hex when it fits, else removed.
    func testInfoReplacements() throws {
        let cases: [(tag: String, text: String, exif: String?, removed: Bool)] = [
            ("PDF:Info/Author", "J. R.", "J. R.", false),
            ("PDF:Info/Author", "Zoë", nil, true),
            ("PDF:Info/Title", "Café", "Café", false),
            ("PDF:Info/Title", "Café (a longer one)", nil, true),
            ("PDF:Info/Title", "a\\b(c", "a\\b(c", false),
        ]
        for c in cases {
            let input = F.pdf()
            let (_, out, output) = try rewritten(input, format: .pdf) { doc in [doc.index(of: c.tag)!: .replace(Array(c.text.utf8))] }
            XCTAssertEqual(output.removedInstead.count, c.removed ? 1 : 0, c.text)
            try checkStructure(input, out, c.text)
            let tags = try ExifTool.tags(out, ext: "pdf")
            XCTAssertEqual(tags["PDF:" + c.tag.dropFirst(9)], c.exif, c.text)
        }
    }

    func testInfoInsideAnObjectStream() throws {
        let input = F.objectStreamPDF()
        let before = try ExifTool.tags(input, ext: "pdf")
        XCTAssertEqual(before["PDF:Author"], F.name, "exiftool reads the fixture")
        let doc = try read(input, as: .pdf)
        XCTAssertEqual(doc.fields.map(\.tag), ["PDF:Info/Author", "PDF:Info/Title", "PDF:Info/Producer"])
        XCTAssertEqual(doc.fields.map(\.path), ["obj 7 0/obj 6 0", "obj 7 0/obj 6 0", "obj 7 0/obj 6 0"])
        XCTAssertFalse(doc.fields[0].verbatim)
        XCTAssertTrue(doc.warnings.isEmpty, "\(doc.warnings)")
        let (_, out, _) = try rewritten(input, format: .pdf) { _ in [0: .remove, 1: .replace(Array("Mail <EMAIL_ADDRESS>".utf8))] }
        XCTAssertEqual(out.count, input.count)
        let c = try XCTUnwrap(Self.find(String(decoding: F.content, as: UTF8.self), in: input))
        XCTAssertEqual(Array(out[c..<(c + F.content.count)]), F.content)
        let tags = try ExifTool.tags(out, ext: "pdf")
        XCTAssertEqual(ExifTool.values(tags, "Author"), [])
        XCTAssertEqual(tags["PDF:Title"], "Mail <EMAIL_ADDRESS>")
        XCTAssertEqual(tags["PDF:Producer"], "Blackbar fixture")
        let again = try read(out, as: .pdf)
        XCTAssertEqual(again.fields.map(\.tag), ["PDF:Info/Title", "PDF:Info/Producer"])
        try checkGone([F.name, F.email], out, "object stream")
        XCTAssertEqual((again as? PDFDocument)?.objectStreams.count, 1, "the object stream was read again")
    }

    /// Same length, the content stream untouched, every classic xref entry still at `N G obj`.
    func checkStructure(_ input: [UInt8], _ out: [UInt8], _ label: String, file: StaticString = #filePath, line: UInt = #line) throws {
        XCTAssertEqual(out.count, input.count, label, file: file, line: line)
        let c = try XCTUnwrap(Self.find(String(decoding: F.content, as: UTF8.self), in: input))
        XCTAssertEqual(Array(out[c..<(c + F.content.count)]), F.content, label, file: file, line: line)
        let entries = F.xrefEntries(out)
        XCTAssertFalse(entries.isEmpty, label, file: file, line: line)
        for (num, offset) in entries {
            XCTAssertNotNil(Self.find("\(num) 0 obj", in: Array(out[offset..<min(out.count, offset + 12)])).flatMap { $0 == 0 ? $0 : nil },
                            "\(label): xref entry of obj \(num) at \(offset)", file: file, line: line)
        }
        _ = try read(out, as: .pdf)
    }

    /// None of `values` in any literal or hex form in `out`, nor in any inflated metadata stream of it.
    func checkGone(_ values: [String], _ out: [UInt8], _ label: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let doc = try XCTUnwrap(try read(out, as: .pdf) as? PDFDocument)
        let inflated = try out.withUnsafeBytes { raw in
            try doc.streams.filter(\.compressed).map { try Zlib.inflate(Array(raw[$0.data]), limit: 1 << 20, offset: 0) }
        } + doc.objectStreams.map(\.inflated)
        for v in values {
            for form in F.forms(v) {
                XCTAssertFalse(Self.contains(form, in: out), "\(label): \(String(decoding: form, as: UTF8.self))", file: file, line: line)
                for s in inflated { XCTAssertFalse(Self.contains(form, in: s), "\(label): inflated XMP", file: file, line: line) }
            }
        }
    }
}
