import BlackbarCore
@testable import BlackbarRedaction
import BlackbarRisk
import XCTest

final class PathNamesTests: XCTestCase {
    let fingerprinter = try! Fingerprinter(environment: ["BLACKBAR_KEY": "path-names-test-key-0123456789"])
    /// Keyed on the entity and the value, as the risk log keys findings.
    func fingerprint(_ entity: String, _ value: [UInt8]) -> String {
        fingerprinter.fingerprint(Array(entity.utf8) + [0x3A] + value)
    }

    /// Built once for all tests (a detector over the default pack takes a while to build).
    static let detector = Detector(ruleSet: defaultRules)
    lazy var screen = PathNameScreen(detector: Self.detector, fingerprint: fingerprint)

    /// A path written with `«ENTITY:value»` markers, rendered without them and in both screened forms.
    func render(_ marked: String) -> (path: String, display: String, safe: String, entities: [String]) {
        var path = "", display = "", safe = "", entities: [String] = []
        var rest = Substring(marked)
        while let open = rest.firstIndex(of: "«") {
            let close = rest[open...].firstIndex(of: "»")!
            let before = String(rest[..<open])
            let inner = rest[rest.index(after: open)..<close]
            let colon = inner.firstIndex(of: ":")!
            let entity = String(inner[..<colon]), value = String(inner[inner.index(after: colon)...])
            let short = fingerprint(entity, Array(value.utf8)).prefix(8)
            path += before + value
            display += before + "<\(entity):\(short)>"
            safe += before + "\(entity)-\(short)"
            entities.append(entity)
            rest = rest[rest.index(after: close)...]
        }
        return (path + rest, display + rest, safe + rest, entities)
    }

    func testReplacesValuesInNamesAndKeepsTheRest() {
        let cases: [(marked: String, why: String)] = [
            ("pn/«EMAIL_ADDRESS:jane.doe@gmail.com».txt", "email in a file name, the extension glued to the domain"),
            ("exports/«EMAIL_ADDRESS:j.smith@example.co.uk».csv.gz", "two extensions"),
            ("mail/«EMAIL_ADDRESS:info@example.de»", "no extension"),
            ("mail/«EMAIL_ADDRESS:info@example.de».txt~", "an editor's backup"),
            ("logs/«EMAIL_ADDRESS:info@example.de».log.1", "a rotated log"),
            ("«EMAIL_ADDRESS:jane_doe@gmail.com».txt", "an underscore inside the address is kept in it"),
            ("John_Smith_SSN_«US_SSN:123-45-6789».pdf", "underscores between words"),
            ("Jane_Doe_«PHONE_NUMBER:+44_20_7946_0958».vcf", "underscores inside the value"),
            ("mail/from «EMAIL_ADDRESS:anna.berg@example.se» (2).eml", "words around the address"),
            ("calls/«PHONE_NUMBER:+44 20 7946 0958»/notes.txt", "phone number in a folder name"),
            ("invoices/«IBAN_CODE:DE89370400440532013000».pdf", "IBAN in a file name"),
            ("invoices/pay «IBAN_CODE:GB82 WEST 1234 5698 7654 32».pdf", "IBAN with spaces"),
            (
                "/home/«EMAIL_ADDRESS:jane.doe@gmail.com»/«PHONE_NUMBER:+33 6 12 34 56 78».vcf",
                "values in two components of an absolute path"
            ),
        ]
        for c in cases {
            let expected = render(c.marked)
            let result = screen.screen(expected.path)
            XCTAssertEqual(result.original, expected.path, c.why)
            XCTAssertEqual(result.display, expected.display, c.why)
            XCTAssertEqual(result.safeName, expected.safe, c.why)
            XCTAssertEqual(result.safeNameBytes, Array(expected.safe.utf8), c.why)
            XCTAssertEqual(result.findings.map(\.entity), expected.entities, c.why)
            XCTAssertTrue(result.hasPersonalData, c.why)
            for forbidden in "<>:" { XCTAssertFalse(result.safeName.contains(forbidden), c.why) }
        }
    }

    func testKeepsDatesVersionsAndHashesInNames() {
        let paths = [
            "data/2024-11-05/report.csv",
            "releases/v1.2.3/app-1.2.3-x86_64.tar.gz",
            ".git/objects/3f/2a9c1e4b7d8f0a1b2c3d4e5f60718293a4b5c6d7",
            "cache/sha256-e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855.bin",
            "photos/IMG_20241105_123456.jpg",
            "backups/db-2024-11-05T10-30-00Z.sql.gz",
            "/var/log/nginx/access.log.1",
            "node_modules/@types/node/index.d.ts",
            "logs/2024/11/05/app.20241105.log",
            "photos/DSC_0001.JPG",
            "app_v1.2.3_x86_64.tar.gz",
            "report_2024-11-05_final_v2.docx",
            "video/1999-12-31_23-59-59.mp4",
            "scans/scan_001.pdf.001",
            "sha256_e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            "",
            "/",
            "a//b/./../c",
        ]
        for path in paths {
            let result = screen.screen(path)
            XCTAssertEqual(result.display, path)
            XCTAssertEqual(result.safeName, path)
            XCTAssertFalse(result.hasPersonalData, "\(path): \(result.findings)")
        }
    }

    func testFindsAValueHiddenByTheExtensionOnlyWithoutIt() {
        let name = Array("jane.doe@gmail.com.txt".utf8)
        XCTAssertEqual(screen.detector.scan(name).count, 0, "the whole name alone: .txt is read as the domain's end")
        XCTAssertEqual(screen.findings(inName: name).map(\.range), [ByteRange(0, 18)])
    }

    func testDifferentValuesGetDifferentNamesAndEqualValuesEqualNames() {
        let a = screen.screen("pn/jane.doe@gmail.com.txt")
        let b = screen.screen("pn/john.roe@gmail.com.txt")
        let again = screen.screen("other/jane.doe@gmail.com.txt")
        XCTAssertNotEqual(a.safeName, b.safeName)
        XCTAssertEqual(a.safeName.split(separator: "/").last, again.safeName.split(separator: "/").last)
    }

    func testCountsComponentsFromTheFirstIncludingEmptyOnes() {
        let result = screen.screen("/x/+44 20 7946 0958/y/jane.doe@gmail.com")
        XCTAssertEqual(result.findings.map(\.component), [2, 4])
        XCTAssertEqual(result.findings.map(\.entity), ["PHONE_NUMBER", "EMAIL_ADDRESS"])
    }

    func testBytesThatAreNotUTF8SurviveInTheSafeName() {
        // Latin-1 "résumé" and "café": names a UTF-8 string cannot hold.
        let resume: [UInt8] = [0x72, 0xE9, 0x73, 0x75, 0x6D, 0xE9]
        let cafe: [UInt8] = [0x63, 0x61, 0x66, 0xE9]
        let path = cafe + [0x2F] + resume + Array(" jane.doe@gmail.com.txt".utf8)
        let result = screen.screen(bytes: path)
        let short = fingerprint("EMAIL_ADDRESS", Array("jane.doe@gmail.com".utf8)).prefix(8)
        XCTAssertEqual(result.safeNameBytes, cafe + [0x2F] + resume + Array(" EMAIL_ADDRESS-\(short).txt".utf8))
        XCTAssertEqual(result.display, "caf\u{FFFD}/r\u{FFFD}sum\u{FFFD} <EMAIL_ADDRESS:\(short)>.txt")
        XCTAssertEqual(result.findings.map(\.component), [1])
        // Nothing found: every byte back.
        XCTAssertEqual(screen.screen(bytes: cafe + [0x2F] + resume).safeNameBytes, cafe + [0x2F] + resume)
    }

    func testTakesOffOnlyExtensionsThatLookLikeExtensions() {
        let cases: [(name: String, ends: [Int])] = [
            ("a@b.com.txt", [7, 3]),
            ("a@b.com.tar.gz", [11, 7, 3]),
            ("a.txt~", [5, 1]),
            ("access.log.1", [10, 6]),
            ("part.001", [4]),
            ("report.2024", []),
            ("v1.2.3", [4, 2]),
            (".bashrc", []),
            ("~", []),
            ("name.verylongext", []),
            ("a.b-c", []),
            ("noext", []),
            ("x.a.b.c.d.e", [9, 7, 5, 3]),
        ]
        for c in cases { XCTAssertEqual(PathNameScreen.stemEnds(Array(c.name.utf8)), c.ends, c.name) }
    }
}
