import XCTest

@testable import BlackbarMetadata

final class OfficeTests: XCTestCase {
    private func text(_ doc: MetadataDocument, _ tag: String) -> String? {
        doc.index(of: tag).map { String(decoding: doc.fields[$0].text, as: UTF8.self) }
    }

    func testDocxFieldsTagsAndMeanings() throws {
        let bytes = OfficeFixtures.docx()
        let doc = try read(bytes, as: .docx)
        XCTAssertEqual(doc.warnings, [])
        let expected: [(String, TagMeaning, String)] = [
            ("DOCX:comments/author", .person, "Jane Roe"), ("DOCX:comments/initials", .person, "JR"),
            ("DOCX:core/title", .text, "Report for jane.roe@example.net"), ("DOCX:core/subject", .text, "Q3 & Q4"),
            ("DOCX:core/creator", .person, "Jane Roe"), ("DOCX:core/keywords", .text, "finance, quarterly"),
            ("DOCX:core/description", .text, "Draft"), ("DOCX:core/lastModifiedBy", .person, "John Smith"),
            ("DOCX:core/revision", .technical, "3"), ("DOCX:core/created", .captureDate, "2024-03-01T09:30:00Z"),
            ("DOCX:core/modified", .captureDate, "2024-03-02T10:00:00Z"),
            ("DOCX:app/Template", .technical, "Normal.dotm"), ("DOCX:app/TotalTime", .technical, "42"),
            ("DOCX:app/Pages", .technical, "1"), ("DOCX:app/Words", .technical, "9"),
            ("DOCX:app/Application", .technical, "Microsoft Office Word"), ("DOCX:app/DocSecurity", .technical, "0"),
            ("DOCX:app/Manager", .person, "Mary Major"), ("DOCX:app/Company", .text, "Roe & Partners Ltd"),
            ("DOCX:app/AppVersion", .technical, "16.0000"),
            ("DOCX:custom/ContactPhone", .text, "+1 415 555 0100"), ("DOCX:custom/Reviewed", .text, "true"),
        ]
        XCTAssertEqual(doc.fields.map(\.tag), expected.map(\.0))
        XCTAssertEqual(doc.fields.map(\.meaning), expected.map(\.1))
        XCTAssertEqual(doc.fields.map { String(decoding: $0.text, as: UTF8.self) }, expected.map(\.2))
        let creator = doc.fields[doc.index(of: "DOCX:core/creator")!]
        XCTAssertEqual(creator.path, "docProps/core.xml")
        XCTAssertFalse(creator.verbatim, "a deflated part's values are not the stored bytes")
        // The stored range is the deflated entry data.
        let zip = try bytes.withUnsafeBytes { try ZIPArchive(ByteView($0), limits: MetadataLimits()) }
        XCTAssertEqual(creator.stored, zip.entries.first { $0.name == "docProps/core.xml" }!.data)
    }

    func testStoredEntryValuesHaveExactRanges() throws {
        let bytes = OfficeFixtures.docx(storedCore: true)
        let doc = try read(bytes, as: .docx)
        let creator = doc.fields[doc.index(of: "DOCX:core/creator")!]
        XCTAssertTrue(creator.verbatim)
        XCTAssertEqual(Array(bytes[creator.stored]), Array("Jane Roe".utf8))
        let subject = doc.fields[doc.index(of: "DOCX:core/subject")!]
        XCTAssertFalse(subject.verbatim, "an entity makes the text differ from the stored bytes")
        XCTAssertEqual(Array(bytes[subject.stored]), Array("Q3 &amp; Q4".utf8))
    }

    func testDocxRewriteRemovesAndReplacesKeepingThePayload() throws {
        let input = OfficeFixtures.docx()
        let (doc, out, output) = try rewritten(input, format: .docx) { doc in
            [doc.index(of: "DOCX:core/creator")!: .remove,
             doc.index(of: "DOCX:core/title")!: .replace(Array("Report for <EMAIL_ADDRESS>".utf8)),
             doc.index(of: "DOCX:comments/author")!: .remove,
             doc.index(of: "DOCX:app/Company")!: .replace(Array("[COMPANY]".utf8)),
             doc.index(of: "DOCX:custom/ContactPhone")!: .replace(Array("<PHONE_NUMBER>".utf8)),
             doc.index(of: "DOCX:core/created")!: .remove,
             doc.index(of: "DOCX:core/modified")!: .replace(Array("<DATE>".utf8))]
        }
        XCTAssertEqual(output.removedInstead, [doc.index(of: "DOCX:core/modified")!], "a date cannot hold the redaction text")
        XCTAssertEqual(output.stripped, [])

        let again = try read(out, as: .docx)
        XCTAssertNil(text(again, "DOCX:core/creator"))
        XCTAssertNil(text(again, "DOCX:comments/author"))
        XCTAssertNil(text(again, "DOCX:core/created"))
        XCTAssertNil(text(again, "DOCX:core/modified"))
        XCTAssertEqual(text(again, "DOCX:core/title"), "Report for <EMAIL_ADDRESS>")
        XCTAssertEqual(text(again, "DOCX:app/Company"), "[COMPANY]")
        XCTAssertEqual(text(again, "DOCX:custom/ContactPhone"), "<PHONE_NUMBER>")
        XCTAssertEqual(text(again, "DOCX:core/lastModifiedBy"), "John Smith")
        XCTAssertEqual(text(again, "DOCX:app/Manager"), "Mary Major")
        XCTAssertEqual(text(again, "DOCX:comments/initials"), "JR")

        let tags = try officeTags(out, ext: "docx")
        let all = tags.values.joined(separator: "\n")
        XCTAssertFalse(all.contains("Jane Roe"), "\(tags)")
        XCTAssertFalse(all.contains("jane.roe@example.net"))
        XCTAssertFalse(all.contains("415 555"))
        XCTAssertFalse(all.contains("Partners"))
        XCTAssertEqual(ExifTool.values(tags, "Title"), ["Report for <EMAIL_ADDRESS>"])
        XCTAssertEqual(ExifTool.values(tags, "Company"), ["[COMPANY]"])
        XCTAssertEqual(ExifTool.values(tags, "ContactPhone"), ["<PHONE_NUMBER>"])
        XCTAssertEqual(ExifTool.values(tags, "LastModifiedBy"), ["John Smith"])
        XCTAssertEqual(ExifTool.values(tags, "Manager"), ["Mary Major"])
        XCTAssertEqual(ExifTool.values(tags, "Application"), ["Microsoft Office Word"])
        XCTAssertEqual(ExifTool.values(tags, "Creator").filter { !$0.isEmpty }, [], "emptied")
        XCTAssertEqual(ExifTool.values(tags, "CreateDate") + ExifTool.values(tags, "ModifyDate"), [], "typed elements cut")
        try assertPayloadIdentical(input, out, ["word/document.xml", "word/media/image1.png", "[Content_Types].xml"])
        try assertOutputPieces(output, input: input, unchanged: ["word/document.xml", "word/media/image1.png"])
    }

    func testStripAllEmptiesEverythingButWhatOpensTheFile() throws {
        let input = OfficeFixtures.docx(comment: "Sent by Jane Roe")
        let (doc, out, output) = try rewritten(input, format: .docx, strip: .all) { _ in [:] }
        let kept = Set(["DOCX:app/Application", "DOCX:app/AppVersion"])
        XCTAssertEqual(output.stripped, Set(doc.fields.indices.filter { !kept.contains(doc.fields[$0].tag) }))
        let again = try read(out, as: .docx)
        XCTAssertEqual(Set(again.fields.map(\.tag)), kept)
        let tags = try officeTags(out, ext: "docx")
        let all = tags.values.joined(separator: "\n")
        for gone in ["Jane Roe", "John Smith", "Mary Major", "Partners", "415 555", "jane.roe", "2024:03", "2024-03", "Normal.dotm"] {
            XCTAssertFalse(all.contains(gone), gone)
        }
        XCTAssertEqual(ExifTool.values(tags, "CreateDate") + ExifTool.values(tags, "TotalEditTime"), [])
        XCTAssertEqual(ExifTool.values(tags, "Application"), ["Microsoft Office Word"])
        XCTAssertEqual(ExifTool.values(tags, "AppVersion").map { $0.hasPrefix("16") }, [true])
        try assertPayloadIdentical(input, out, ["word/document.xml", "word/media/image1.png"])
        // The XML elements stay (emptied), typed ones go: the parts still read as XML.
        let core = try entryText(out, "docProps/core.xml")
        XCTAssertTrue(core.contains("<dc:creator></dc:creator>"))
        XCTAssertFalse(core.contains("dcterms:created"))
        XCTAssertTrue(try entryText(out, "word/comments.xml").contains("w:author=\"\""))
    }

    func testNoChangeCopiesTheFile() throws {
        let input = OfficeFixtures.docx()
        let (_, out, output) = try rewritten(input, format: .docx) { _ in [:] }
        XCTAssertEqual(out, input)
        XCTAssertEqual(output.pieces, [.input(0..<input.count)])
    }

    func testDataDescriptorsAndZipComment() throws {
        let input = OfficeFixtures.docx(descriptor: true, comment: "Sent by Jane Roe")
        let doc = try read(input, as: .docx)
        XCTAssertEqual(text(doc, "DOCX:zip/comment"), "Sent by Jane Roe")
        XCTAssertEqual(text(doc, "DOCX:core/creator"), "Jane Roe")
        let (_, out, _) = try rewritten(input, format: .docx) { doc in
            [doc.index(of: "DOCX:core/creator")!: .replace(Array("<PERSON>".utf8)),
             doc.index(of: "DOCX:zip/comment")!: .remove]
        }
        let again = try read(out, as: .docx)
        XCTAssertEqual(text(again, "DOCX:core/creator"), "<PERSON>")
        XCTAssertNil(text(again, "DOCX:zip/comment"))
        XCTAssertFalse(try entryText(out, "docProps/core.xml").isEmpty)
        try assertPayloadIdentical(input, out, ["word/document.xml", "word/media/image1.png", "word/comments.xml"])
        XCTAssertEqual(ExifTool.values(try officeTags(out, ext: "docx"), "Creator"), ["<PERSON>"])
    }

    func testXlsxCommentAuthors() throws {
        let input = OfficeFixtures.xlsx()
        let doc = try read(input, as: .xlsx)
        let authors = doc.fields.filter { $0.tag == "XLSX:comments/author" }
        XCTAssertEqual(authors.map { String(decoding: $0.text, as: UTF8.self) }, ["Jane Roe", "John Smith"])
        XCTAssertEqual(authors.map(\.meaning), [.person, .person])
        XCTAssertEqual(authors.first?.path, "xl/comments1.xml")
        XCTAssertEqual(text(doc, "XLSX:core/creator"), "Jane Roe")
        let (_, out, _) = try rewritten(input, format: .xlsx) { doc in
            Dictionary(uniqueKeysWithValues: doc.fields.indices.filter { doc.fields[$0].meaning == .person }.map { ($0, FieldChange.remove) })
        }
        let again = try read(out, as: .xlsx)
        XCTAssertTrue(again.fields.allSatisfy { $0.meaning != .person })
        XCTAssertTrue(try entryText(out, "xl/comments1.xml").contains("<author></author><author></author>"))
        let tags = try officeTags(out, ext: "xlsx")
        XCTAssertFalse(tags.values.joined().contains("John Smith"))
        XCTAssertEqual(ExifTool.values(tags, "Company"), ["Roe & Partners Ltd"])
        try assertPayloadIdentical(input, out, ["xl/worksheets/sheet1.xml"])
    }

    func testPptxCommentAuthors() throws {
        let input = OfficeFixtures.pptx()
        let doc = try read(input, as: .pptx)
        XCTAssertEqual(text(doc, "PPTX:commentAuthors/name"), "Jane Roe")
        XCTAssertEqual(text(doc, "PPTX:commentAuthors/initials"), "JR")
        XCTAssertEqual(doc.fields[doc.index(of: "PPTX:commentAuthors/name")!].meaning, .person)
        let (_, out, _) = try rewritten(input, format: .pptx) { doc in
            [doc.index(of: "PPTX:commentAuthors/name")!: .replace(Array("<PERSON>".utf8)),
             doc.index(of: "PPTX:commentAuthors/initials")!: .remove,
             doc.index(of: "PPTX:core/creator")!: .remove]
        }
        let again = try read(out, as: .pptx)
        XCTAssertEqual(text(again, "PPTX:commentAuthors/name"), "<PERSON>")
        XCTAssertNil(text(again, "PPTX:commentAuthors/initials"))
        XCTAssertTrue(try entryText(out, "ppt/commentAuthors.xml").contains("name=\"&lt;PERSON&gt;\" initials=\"\""))
        let tags = try officeTags(out, ext: "pptx")
        XCTAssertEqual(ExifTool.values(tags, "Creator").filter { !$0.isEmpty }, [], "emptied")
        XCTAssertEqual(ExifTool.values(tags, "LastModifiedBy"), ["John Smith"])
        try assertPayloadIdentical(input, out, ["ppt/slides/slide1.xml", "ppt/media/image1.png"])
    }

    func testPeopleTypedCustomValuesAndModernAuthors() throws {
        let people = """
            <w15:people xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml">\
            <w15:person w15:author="Jane Roe"><w15:presenceInfo w15:providerId="AD" w15:userId="S::jane.roe@example.net::1"/>\
            </w15:person></w15:people>
            """
        let authors = """
            <p188:authorLst xmlns:p188="http://schemas.microsoft.com/office/powerpoint/2018/8/main">\
            <p188:author id="{1}" name="Jane Roe" initials="JR" userId="jane.roe@example.net" providerId="AD"/></p188:authorLst>
            """
        let core = "<cp:coreProperties xmlns:cp=\"c\" xmlns:dc=\"d\"><dc:title><![CDATA[A <b> & c]]><!-- x --> d</dc:title></cp:coreProperties>"
        let input = OfficeFixtures.zip([
            .init(name: "word/people.xml", data: Array(people.utf8), deflate: false),
            .init(name: "ppt/authors.xml", data: Array(authors.utf8)),
            .init(name: "docProps/custom.xml", data: Array(OfficeFixtures.custom.utf8)),
            .init(name: "docProps/core.xml", data: Array(core.utf8)),
        ])
        let doc = try read(input, as: .docx)
        XCTAssertEqual(doc.fields.map(\.tag), [
            "DOCX:people/author", "DOCX:people/userId", "DOCX:authors/name", "DOCX:authors/initials", "DOCX:authors/userId",
            "DOCX:custom/ContactPhone", "DOCX:custom/Reviewed", "DOCX:core/title"])
        XCTAssertEqual(doc.fields.prefix(5).map(\.meaning), Array(repeating: .person, count: 5))
        XCTAssertEqual(text(doc, "DOCX:people/userId"), "S::jane.roe@example.net::1")
        XCTAssertEqual(text(doc, "DOCX:core/title"), "A <b> & c d", "CDATA unwrapped, comment dropped")
        let userId = doc.fields[1]
        XCTAssertTrue(userId.verbatim)
        XCTAssertEqual(Array(input[userId.stored]), Array("S::jane.roe@example.net::1".utf8))
        let (_, out, output) = try rewritten(input, format: .docx) { doc in
            [doc.index(of: "DOCX:custom/Reviewed")!: .replace(Array("x".utf8)), doc.index(of: "DOCX:people/userId")!: .remove,
             doc.index(of: "DOCX:core/title")!: .replace(Array("<TITLE>".utf8))]
        }
        XCTAssertEqual(output.removedInstead, [6], "a typed custom value goes with its property")
        let custom = try entryText(out, "docProps/custom.xml")
        XCTAssertFalse(custom.contains("Reviewed"))
        XCTAssertTrue(custom.contains("ContactPhone"))
        XCTAssertTrue(try entryText(out, "word/people.xml").contains("w15:userId=\"\""))
        XCTAssertTrue(try entryText(out, "docProps/core.xml").contains("<dc:title>&lt;TITLE&gt;</dc:title>"))
        XCTAssertTrue(try OfficeFixtures.pythonZip(out).ok)
    }

    func testUTF16PartIsUnsupported() {
        var utf16: [UInt8] = [0xFF, 0xFE]
        for unit in "<a>Jane</a>".utf16 { utf16 += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let input = OfficeFixtures.zip([.init(name: "docProps/core.xml", data: utf16)])
        XCTAssertThrowsError(try read(input, as: .docx)) {
            XCTAssertEqual($0 as? MetadataError, .unsupported("UTF-16 office part in docProps/core.xml"))
        }
    }

    // MARK: - Helpers

    /// exiftool's tags of an office file. exiftool reads OOXML only with Perl's Archive::Zip (Debian's
    /// libarchive-zip-perl); without it the test is skipped, or fails on CI.
    private func officeTags(_ bytes: [UInt8], ext: String, line: UInt = #line) throws -> [String: String] {
        let tags = try ExifTool.tags(bytes, ext: ext, line: line)
        if ExifTool.values(tags, "Warning").contains(where: { $0.contains("Archive::Zip") }) {
            if ProcessInfo.processInfo.environment["CI"] != nil {
                XCTFail("exiftool needs Archive::Zip to read OOXML (apt-get install libarchive-zip-perl)", line: line)
            }
            throw XCTSkip("exiftool cannot read OOXML without Archive::Zip")
        }
        return tags
    }

    /// Python's zipfile tests the output OK, and the named entries have the input's CRC-32 and compressed bytes.
    private func assertPayloadIdentical(_ input: [UInt8], _ output: [UInt8], _ names: [String], line: UInt = #line) throws {
        let before = try OfficeFixtures.pythonZip(input), after = try OfficeFixtures.pythonZip(output)
        XCTAssertTrue(before.ok, line: line)
        XCTAssertTrue(after.ok, "zipfile.testzip() found a bad entry in the output", line: line)
        XCTAssertEqual(Set(after.entries.keys), Set(before.entries.keys), line: line)
        for name in names {
            XCTAssertEqual(after.entries[name]?.crc, before.entries[name]?.crc, name, line: line)
            XCTAssertEqual(after.entries[name]?.data, before.entries[name]?.data, name, line: line)
            XCTAssertNotNil(after.entries[name], name, line: line)
        }
    }

    /// The unchanged entries travel as input pieces (their local header through their data).
    private func assertOutputPieces(_ output: MetadataOutput, input: [UInt8], unchanged: [String]) throws {
        let zip = try input.withUnsafeBytes { try ZIPArchive(ByteView($0), limits: MetadataLimits()) }
        for name in unchanged {
            let entry = zip.entries.first { $0.name == name }!
            XCTAssertTrue(output.pieces.contains(.input(entry.span)), name)
        }
    }

    /// An entry's uncompressed text, read with the production reader.
    private func entryText(_ bytes: [UInt8], _ name: String) throws -> String {
        try bytes.withUnsafeBytes { raw in
            let view = ByteView(raw)
            let zip = try ZIPArchive(view, limits: MetadataLimits())
            guard let entry = zip.entries.first(where: { $0.name == name }) else { return "" }
            return String(decoding: try zip.contents(of: entry, in: view, limits: MetadataLimits()), as: UTF8.self)
        }
    }
}
