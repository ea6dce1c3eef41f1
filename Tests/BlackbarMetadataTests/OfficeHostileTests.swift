import XCTest

@testable import BlackbarMetadata

/// Hostile and broken packages: each is a `MetadataError` (whose message holds no value) or a warning,
/// never a crash, a hang or an unbounded allocation.
final class OfficeHostileTests: XCTestCase {
    private func assertError(
        _ bytes: [UInt8], limits: MetadataLimits = MetadataLimits(), _ check: (MetadataError) -> Bool, line: UInt = #line
    ) {
        XCTAssertThrowsError(try bytes.withUnsafeBytes { try OfficeDocument(ByteView($0), format: .docx, limits: limits) }, line: line) {
            guard let error = $0 as? MetadataError else { return XCTFail("not a MetadataError: \($0)", line: line) }
            XCTAssertTrue(check(error), "\(error)", line: line)
            XCTAssertFalse("\(error)".contains("Jane"), "an error message holds a value", line: line)
        }
    }

    /// The offset of the end of central directory record of a fixture (no comment).
    private func eocd(_ bytes: [UInt8]) -> Int { bytes.count - 22 }

    func testTruncatedEndOfCentralDirectory() {
        let bytes = OfficeFixtures.docx()
        assertError(Array(bytes.dropLast(5))) { if case .malformed = $0 { return true }; return false }
        assertError(Array(bytes.prefix(10))) { if case .truncated = $0 { return true }; return false }
    }

    func testCentralDirectoryPastTheEnd() {
        var bytes = OfficeFixtures.docx()
        let at = eocd(bytes)
        bytes.replaceSubrange((at + 16)..<(at + 20), with: OfficeFixtures.le32(0x7000_0000))
        assertError(bytes) { if case .truncated = $0 { return true }; return false }
    }

    func testHugeEntryCount() {
        var bytes = OfficeFixtures.docx()
        let at = eocd(bytes)
        bytes.replaceSubrange((at + 8)..<(at + 12), with: OfficeFixtures.le16(0xFFFE) + OfficeFixtures.le16(0xFFFE))
        assertError(bytes) { if case .malformed = $0 { return true }; return false }
        var limits = MetadataLimits()
        limits.maxEntries = 4
        assertError(OfficeFixtures.docx(), limits: limits) { if case .tooLarge = $0 { return true }; return false }
        bytes.replaceSubrange((at + 8)..<(at + 12), with: OfficeFixtures.le16(0xFFFF) + OfficeFixtures.le16(0xFFFF))
        assertError(bytes) { $0 == .unsupported("ZIP64") }
    }

    func testLocalHeaderMismatch() throws {
        var bytes = OfficeFixtures.docx()
        let zip = try bytes.withUnsafeBytes { try ZIPArchive(ByteView($0), limits: MetadataLimits()) }
        let entry = zip.entries.first { $0.name == "word/document.xml" }!
        bytes[entry.localHeader.lowerBound + 30] = UInt8(ascii: "W")
        assertError(bytes) { if case .malformed = $0 { return true }; return false }
        var noSignature = OfficeFixtures.docx()
        noSignature[entry.localHeader.lowerBound] = 0
        assertError(noSignature) { if case .malformed = $0 { return true }; return false }
    }

    func testEncryptedEntryIsUnsupported() throws {
        var bytes = OfficeFixtures.docx()
        let zip = try bytes.withUnsafeBytes { try ZIPArchive(ByteView($0), limits: MetadataLimits()) }
        bytes[zip.entries[2].central.lowerBound + 8] |= 1
        assertError(bytes) { $0 == .unsupported("encrypted ZIP entry") }
    }

    func testDeflateBombInCoreProperties() {
        let bomb = OfficeFixtures.core.replacingOccurrences(
            of: "<dc:description>Draft", with: "<dc:description>" + String(repeating: " ", count: (16 << 20) + 10))
        let bytes = OfficeFixtures.docx(core: bomb)
        XCTAssertLessThan(bytes.count, 100_000)
        assertError(bytes) { if case .tooLarge = $0 { return true }; return false }
    }

    func testMalformedCoreXML() {
        for core in ["<cp:coreProperties><dc:creator>Jane Roe</dc:title></cp:coreProperties>",
                     "<cp:coreProperties><dc:creator>Jane Roe", "<cp:coreProperties a=\"Jane Roe></cp:coreProperties>",
                     "<!DOCTYPE x [<!ENTITY a \"Jane Roe\">]><cp:coreProperties/>", "Jane Roe"] {
            assertError(OfficeFixtures.docx(core: core)) { _ in true }
        }
    }

    func testDotDotEntryNameIsAWarning() throws {
        let bytes = OfficeFixtures.zip([
            OfficeFixtures.Entry(name: "../../evil.sh", data: Array("echo".utf8)),
            OfficeFixtures.Entry(name: "docProps/core.xml", data: Array(OfficeFixtures.core.utf8)),
        ])
        let doc = try read(bytes, as: .docx)
        XCTAssertEqual(doc.warnings.count, 1)
        XCTAssertFalse(doc.warnings[0].contains("evil"))
        XCTAssertEqual(doc.fields.first { $0.tag == "DOCX:core/creator" }.map { String(decoding: $0.text, as: UTF8.self) }, "Jane Roe")
    }

    func testOverlappingEntriesAreMalformed() throws {
        // Two central records pointing at the same local header.
        var bytes = OfficeFixtures.zip([
            OfficeFixtures.Entry(name: "a.xml", data: Array("<a/>".utf8)), OfficeFixtures.Entry(name: "a.xml", data: Array("<a/>".utf8)),
        ])
        let zip = try bytes.withUnsafeBytes { try ZIPArchive(ByteView($0), limits: MetadataLimits()) }
        bytes.replaceSubrange((zip.entries[1].central.lowerBound + 42)..<(zip.entries[1].central.lowerBound + 46), with: OfficeFixtures.le32(0))
        assertError(bytes) { if case .malformed = $0 { return true }; return false }
    }

    /// Every truncation and a spread of single-byte corruptions: an error or a document, and a rewrite that
    /// works or throws.
    func testTruncationsAndCorruptionsNeverCrash() {
        let bytes = OfficeFixtures.docx(storedCore: true, descriptor: true, comment: "c")
        var cases: [[UInt8]] = stride(from: 0, to: bytes.count, by: 7).map { Array(bytes.prefix($0)) }
        for at in stride(from: 0, to: bytes.count, by: 3) {
            for value: UInt8 in [0x00, 0xFF, bytes[at] ^ 0x01] {
                var c = bytes
                c[at] = value
                cases.append(c)
            }
        }
        var read = 0
        for c in cases {
            c.withUnsafeBytes { raw in
                guard let doc = try? OfficeDocument(ByteView(raw), format: .docx, limits: MetadataLimits()) else { return }
                read += 1
                _ = try? doc.rewrite([:], strip: .all)
            }
        }
        XCTAssertGreaterThan(read, 0)
    }
}
