import Foundation
import XCTest

@testable import BlackbarMetadata

/// Synthetic OOXML packages built with a small ZIP writer of the tests' own (only the deflate is zlib's).
enum OfficeFixtures {
    /// An entry to write: name, uncompressed bytes, deflated or stored, with a data descriptor or not.
    struct Entry {
        var name: String
        var data: [UInt8]
        var deflate = true
        var descriptor = false
    }

    /// A ZIP of `entries` in order, with `comment`.
    static func zip(_ entries: [Entry], comment: String = "") -> [UInt8] {
        var out: [UInt8] = []
        var central: [UInt8] = []
        for e in entries {
            let name = Array(e.name.utf8)
            let data = e.deflate ? try! Zlib.deflate(e.data, raw: true) : e.data
            let crc = Zlib.crc32(e.data)
            let flags: UInt16 = (e.descriptor ? 8 : 0) | 0x800
            let method: UInt16 = e.deflate ? 8 : 0
            let offset = out.count
            out += le32(0x0403_4B50) + le16(20) + le16(flags) + le16(method) + le16(0x6000) + le16(0x5A81)
            out += e.descriptor ? le32(0) + le32(0) + le32(0) : le32(crc) + le32(UInt32(data.count)) + le32(UInt32(e.data.count))
            out += le16(UInt16(name.count)) + le16(0) + name + data
            if e.descriptor { out += le32(0x0807_4B50) + le32(crc) + le32(UInt32(data.count)) + le32(UInt32(e.data.count)) }
            central += le32(0x0201_4B50) + le16(0x031E) + le16(20) + le16(flags) + le16(method) + le16(0x6000) + le16(0x5A81)
            central += le32(crc) + le32(UInt32(data.count)) + le32(UInt32(e.data.count))
            central += le16(UInt16(name.count)) + le16(0) + le16(0) + le16(0) + le16(0) + le32(0) + le32(UInt32(offset)) + name
        }
        let c = Array(comment.utf8)
        return out + central + le32(0x0605_4B50) + le16(0) + le16(0) + le16(UInt16(entries.count)) + le16(UInt16(entries.count))
            + le32(UInt32(central.count)) + le32(UInt32(out.count)) + le16(UInt16(c.count)) + c
    }

    static func le16(_ v: UInt16) -> [UInt8] { [UInt8(v & 0xFF), UInt8(v >> 8)] }
    static func le32(_ v: UInt32) -> [UInt8] { (0..<4).map { UInt8((v >> (8 * UInt32($0))) & 0xFF) } }

    static let contentTypes = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
        <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
        <Default Extension="xml" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/>\
        <Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>\
        <Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/>\
        <Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>\
        <Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>\
        <Override PartName="/docProps/custom.xml" ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/>\
        </Types>
        """

    static let rels = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>\
        <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>\
        <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>\
        <Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties" Target="docProps/custom.xml"/>\
        </Relationships>
        """

    static let document = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>\
        <w:p><w:r><w:t>The quarterly report is attached; call Jane Roe for details.</w:t></w:r></w:p></w:body></w:document>
        """

    static let core = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" \
        xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" \
        xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\
        <dc:title>Report for jane.roe@example.net</dc:title><dc:subject>Q3 &amp; Q4</dc:subject>\
        <dc:creator>Jane Roe</dc:creator><cp:keywords>finance, quarterly</cp:keywords>\
        <dc:description>Draft</dc:description><cp:lastModifiedBy>John Smith</cp:lastModifiedBy>\
        <cp:revision>3</cp:revision><dcterms:created xsi:type="dcterms:W3CDTF">2024-03-01T09:30:00Z</dcterms:created>\
        <dcterms:modified xsi:type="dcterms:W3CDTF">2024-03-02T10:00:00Z</dcterms:modified></cp:coreProperties>
        """

    static let app = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" \
        xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">\
        <Template>Normal.dotm</Template><TotalTime>42</TotalTime><Pages>1</Pages><Words>9</Words>\
        <Application>Microsoft Office Word</Application><DocSecurity>0</DocSecurity>\
        <Manager>Mary Major</Manager><Company>Roe &amp; Partners Ltd</Company>\
        <AppVersion>16.0000</AppVersion></Properties>
        """

    static let custom = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" \
        xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">\
        <property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="ContactPhone"><vt:lpwstr>+1 415 555 0100</vt:lpwstr></property>\
        <property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="3" name="Reviewed"><vt:bool>true</vt:bool></property>\
        </Properties>
        """

    static let comments = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:comments xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">\
        <w:comment w:id="0" w:author="Jane Roe" w:date="2024-03-01T09:31:00Z" w:initials="JR">\
        <w:p><w:r><w:t>Check the figures.</w:t></w:r></w:p></w:comment></w:comments>
        """

    /// A tiny PNG-like blob (its bytes are never read, only copied).
    static let image: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + (0..<300).map { UInt8(($0 * 7) & 0xFF) }

    /// A DOCX with core, app and custom properties and comments; `storedCore` stores core.xml uncompressed.
    static func docx(storedCore: Bool = false, descriptor: Bool = false, core: String = core, comment: String = "") -> [UInt8] {
        zip([
            Entry(name: "[Content_Types].xml", data: Array(contentTypes.utf8)),
            Entry(name: "_rels/.rels", data: Array(rels.utf8)),
            Entry(name: "word/document.xml", data: Array(document.utf8), descriptor: descriptor),
            Entry(name: "word/media/image1.png", data: image, deflate: false),
            Entry(name: "word/comments.xml", data: Array(comments.utf8), descriptor: descriptor),
            Entry(name: "docProps/core.xml", data: Array(core.utf8), deflate: !storedCore, descriptor: descriptor),
            Entry(name: "docProps/app.xml", data: Array(app.utf8)),
            Entry(name: "docProps/custom.xml", data: Array(custom.utf8)),
        ], comment: comment)
    }

    /// An XLSX with core properties and a comments part with two authors.
    static func xlsx() -> [UInt8] {
        let sheet = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>\
            <row r="1"><c r="A1" t="inlineStr"><is><t>Total</t></is></c></row></sheetData></worksheet>
            """
        let comments = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><authors>\
            <author>Jane Roe</author><author>John Smith</author></authors><commentList>\
            <comment ref="A1" authorId="0"><text><r><t>Jane Roe: check</t></r></text></comment></commentList></comments>
            """
        return zip([
            Entry(name: "[Content_Types].xml", data: Array(contentTypes.utf8)),
            Entry(name: "_rels/.rels", data: Array(rels.utf8)),
            Entry(name: "xl/worksheets/sheet1.xml", data: Array(sheet.utf8)),
            Entry(name: "xl/comments1.xml", data: Array(comments.utf8)),
            Entry(name: "docProps/core.xml", data: Array(core.utf8)),
            Entry(name: "docProps/app.xml", data: Array(app.utf8)),
        ])
    }

    /// A PPTX with core properties and comment authors.
    static func pptx() -> [UInt8] {
        let slide = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <p:sld xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main" \
            xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><p:cSld><p:spTree>\
            <p:sp><p:txBody><a:p><a:r><a:t>Welcome</a:t></a:r></a:p></p:txBody></p:sp></p:spTree></p:cSld></p:sld>
            """
        let authors = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <p:cmAuthorLst xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main">\
            <p:cmAuthor id="1" name="Jane Roe" initials="JR" lastIdx="1" clrIdx="0"/></p:cmAuthorLst>
            """
        return zip([
            Entry(name: "[Content_Types].xml", data: Array(contentTypes.utf8)),
            Entry(name: "_rels/.rels", data: Array(rels.utf8)),
            Entry(name: "ppt/slides/slide1.xml", data: Array(slide.utf8)),
            Entry(name: "ppt/media/image1.png", data: image, deflate: false),
            Entry(name: "ppt/commentAuthors.xml", data: Array(authors.utf8)),
            Entry(name: "docProps/core.xml", data: Array(core.utf8)),
            Entry(name: "docProps/app.xml", data: Array(app.utf8)),
        ])
    }

    /// Each entry's name, CRC-32 and compressed data, as Python's `zipfile` reads them, after `testzip()`
    /// (which must find no bad entry: "OK" is printed first).
    static func pythonZip(_ bytes: [UInt8]) throws -> (ok: Bool, entries: [String: (crc: UInt32, data: [UInt8])]) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("blackbar-zip-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("file.zip")
        try Data(bytes).write(to: url)
        let script = """
            import sys, zipfile, json
            z = zipfile.ZipFile(sys.argv[1])
            bad = z.testzip()
            out = {"ok": bad is None, "entries": {}}
            raw = open(sys.argv[1], "rb").read()
            for i in z.infolist():
                h = i.header_offset
                n = int.from_bytes(raw[h+26:h+28], "little"); x = int.from_bytes(raw[h+28:h+30], "little")
                s = h + 30 + n + x
                out["entries"][i.filename] = [i.CRC, raw[s:s+i.compress_size].hex()]
            print(json.dumps(out))
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, url.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { throw XCTSkip("python3 is not available") }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0, let object = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            return (false, [:])
        }
        var entries: [String: (UInt32, [UInt8])] = [:]
        for (name, value) in object["entries"] as? [String: [Any]] ?? [:] {
            let crc = (value[0] as? NSNumber)?.uint32Value ?? 0
            let hex = Array((value[1] as? String ?? "").utf8)
            var data: [UInt8] = []
            var k = 0
            while k + 1 < hex.count {
                data.append(UInt8(String(decoding: hex[k..<(k + 2)], as: UTF8.self), radix: 16) ?? 0)
                k += 2
            }
            entries[name] = (crc, data)
        }
        return ((object["ok"] as? Bool) ?? false, entries)
    }
}
