import XCTest

@testable import BlackbarMetadata

final class PDFHostileTests: XCTestCase {
    typealias F = PDFFixtures

    enum Outcome { case error, warning, either }

    /// Reads `bytes`: a `MetadataError` or a document with a warning (as `expect` says), never anything else.
    func check(_ bytes: [UInt8], _ expect: Outcome, _ label: String, limits: MetadataLimits = MetadataLimits()) {
        do {
            let doc = try bytes.withUnsafeBytes { try MetadataReader.read(ByteView($0), format: .pdf, limits: limits) }
            if expect == .error { XCTFail("\(label): read without an error") }
            if expect == .warning { XCTAssertFalse(doc.warnings.isEmpty, label) }
            if expect == .either { _ = try doc.rewrite([:], strip: .all) }
        } catch let e as MetadataError {
            if expect == .warning { XCTFail("\(label): \(e)") }
        } catch {
            XCTFail("\(label): not a MetadataError: \(error)")
        }
    }

    static func file(_ body: String, trailer: String = "trailer\n<< /Root 1 0 R /Info 1 0 R >>\n") -> [UInt8] {
        Array(("%PDF-1.7\n" + body + "\n" + trailer + "%%EOF\n").utf8)
    }

    func testHostileInputs() throws {
        let big = try Zlib.deflate([UInt8](repeating: 0x20, count: 4 << 20))
        var b = PDFBuilder()
        b.object(1, "<< /Type /Catalog /Metadata 2 0 R >>")
        b.stream(2, "/Type /Metadata /Subtype /XML /Filter /FlateDecode", big)
        b.xref(size: 3, trailer: "/Root 1 0 R")
        let bomb = b.bytes
        var small = MetadataLimits()
        small.maxInflated = 1 << 20
        let cases: [(String, [UInt8], Outcome)] = [
            ("unbalanced parentheses", Self.file("1 0 obj\n<< /Author (Jane (Roe) >>\nendobj"), .error),
            ("Length past the end, endstream present",
             Self.file("1 0 obj\n<< /Type /Metadata /Length 99999 >>\nstream\nabc\nendstream\nendobj"), .warning),
            ("Length past the end, no endstream", Self.file("1 0 obj\n<< /Type /Metadata /Length 99999 >>\nstream\nabc"), .error),
            ("object stream referencing itself",
             Self.file("1 0 obj\n<< /Type /ObjStm /N 1 /First 4 /Extends 1 0 R /Length 7 >>\nstream\n1 0 (x)\nendstream\nendobj"), .warning),
            ("nested arrays", Self.file("1 0 obj\n" + String(repeating: "[", count: 200) + String(repeating: "]", count: 200) + "\nendobj"), .error),
            ("nested dictionaries", Self.file("1 0 obj\n" + String(repeating: "<< /A ", count: 100) + String(repeating: ">>", count: 100) + "\nendobj"), .error),
            ("trailer without Info", Self.file("1 0 obj\n<< /Type /Catalog >>\nendobj", trailer: "trailer\n<< /Root 1 0 R >>\n"), .warning),
            ("no trailer", Self.file("1 0 obj\n<< /Type /Catalog >>\nendobj", trailer: ""), .warning),
            ("Info not found", Self.file("1 0 obj\n<< /Type /Catalog >>\nendobj", trailer: "trailer\n<< /Info 9 0 R >>\n"), .warning),
            ("trailer not a dictionary", Self.file("1 0 obj\n<< >>\nendobj", trailer: "trailer\n[1 2]\n"), .error),
            ("unterminated hex string", Self.file("1 0 obj\n<< /Author <4A61"), .error),
            ("unterminated dictionary", Self.file("1 0 obj\n<< /Author (x) /Title"), .error),
            ("garbage", Array("%PDF-1.4\n".utf8) + Self.noise(4096, seed: 7), .either),
            ("empty", Array("%PDF-".utf8), .error),
            ("metadata stream not XMP", Self.file("1 0 obj\n<< /Type /Metadata /Length 9 >>\nstream\n<a:b x=\"1\nendstream\nendobj"), .error),
        ]
        for (label, bytes, outcome) in cases { check(bytes, outcome, label) }
        check(bomb, .error, "deflate bomb", limits: small)
    }

    func testEncryptedIsUnsupported() {
        XCTAssertThrowsError(try read(F.pdf(trailerExtra: " /Encrypt 9 0 R"), as: .pdf)) { error in
            XCTAssertEqual(error as? MetadataError, .unsupported("encrypted PDF"))
        }
    }

    /// Every prefix and many single-byte mutations of a fixture: an error or a document, never a crash or hang.
    func testTruncationsAndMutations() {
        for input in [F.pdf(), F.pdf(xmp: .flate, incremental: true)] {
            for n in stride(from: 0, to: input.count, by: 5) { check(Array(input[0..<n]), .either, "prefix \(n)") }
            var state: UInt64 = 0x9E37_79B9_7F4A_7C15
            for k in 0..<400 {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                var m = input
                m[Int(state >> 33) % m.count] = UInt8(truncatingIfNeeded: state >> 17)
                check(m, .either, "mutation \(k)")
            }
        }
    }

    /// Errors name structures and offsets, never a value.
    func testErrorsCarryNoValues() {
        let bytes = Self.file("1 0 obj\n<< /Author (Jane Roe (secret) >>\nendobj")
        XCTAssertThrowsError(try read(bytes, as: .pdf)) { error in
            XCTAssertFalse("\(error)".contains("Jane"))
            XCTAssertFalse("\(error)".contains("secret"))
        }
    }

    static func noise(_ n: Int, seed: UInt64) -> [UInt8] {
        var s = seed
        return (0..<n).map { _ in
            s = s &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return UInt8(truncatingIfNeeded: s >> 40)
        }
    }
}
