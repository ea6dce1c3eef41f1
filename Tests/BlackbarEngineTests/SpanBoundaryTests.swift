import BlackbarCore
import BlackbarRedaction
import Foundation
import XCTest

/// A finding's span is the value and nothing else, whatever real text puts around it (issue 8, defects 1-3).
final class SpanBoundaryTests: XCTestCase {
    let detector = Detector(ruleSet: defaultRules)

    /// The bytes of each finding.
    func values(_ text: String) -> [String] {
        let bytes = Array(text.utf8)
        return detector.scan(bytes).map { String(decoding: bytes[$0.range.start..<$0.range.end], as: UTF8.self) }
    }

    func testSpansStopAtUnicodePunctuationSpacesAndOtherScripts() {
        let cases: [(String, String)] = [
            ("邮箱：bob@example.com", "bob@example.com"),
            ("联系bob@example.com", "bob@example.com"),
            ("«bob@corp.de»", "bob@corp.de"),
            ("see—bob@corp.de", "bob@corp.de"),
            ("“bob@corp.de”", "bob@corp.de"),
            ("mail\u{A0}bob@corp.de", "bob@corp.de"),
            ("\u{FEFF}bob@corp.de", "bob@corp.de"),
            ("Grüße an müller@example.ch", "müller@example.ch"),
            ("see https://example.com/a/b” and more", "https://example.com/a/b"),
            ("（HMRC reference 5118273645K）", "5118273645"),
        ]
        for (text, value) in cases {
            XCTAssertEqual(values(text), [value], text)
        }
    }

    func testValuesAfterJSONEscapesAreFoundWhole() {
        let cases: [(String, String)] = [
            (#"{"note":"Regards,\njane@corp.de"}"#, "jane@corp.de"),
            (#"{"note":"x\tjane@corp.de"}"#, "jane@corp.de"),
            (#"{"note":"caf\u00e9jane@corp.de"}"#, "jane@corp.de"),
            (#"{"note":"call\n+44 20 7946 0958"}"#, "+44 20 7946 0958"),
            (#"{"note":"call\r+44 20 7946 0958"}"#, "+44 20 7946 0958"),
            (#"{"note":"call\t+44 20 7946 0958"}"#, "+44 20 7946 0958"),
            (#"{"note":"see \/+44 20 7946 0958"}"#, "+44 20 7946 0958"),
            (#"{"note":"say \"+44 20 7946 0958\""}"#, "+44 20 7946 0958"),
        ]
        for (text, value) in cases {
            XCTAssertEqual(values(text), [value], text)
        }
    }

    func testRedactedJSONLinesStayValidJSON() throws {
        let lines = [
            #"{"note":"Regards,\njane@corp.de","n":1}"#,
            #"{"note":"call\n+44 20 7946 0958 or \u00e9bob@example.org\t"}"#,
            #"{"a":["邮箱：bob@example.com","«bob@corp.de»"]}"#,
        ]
        let redactor = Redactor(policy: RedactionPolicy(defaultOperator: .placeholder))
        for line in lines {
            let bytes = Array(line.utf8)
            let findings = detector.scan(bytes)
            XCTAssertFalse(findings.isEmpty, line)
            let output = redactor.redact(bytes, findings: findings)
            XCTAssertNoThrow(try JSONSerialization.jsonObject(with: Data(output)), String(decoding: output, as: UTF8.self))
            XCTAssertTrue(detector.scan(output).isEmpty, String(decoding: output, as: UTF8.self))
        }
    }

    func testPlaceholdersAreNeverContext() {
        // `ADDRESS` in a placeholder must not make a postcode (a context-required rule) a finding.
        XCTAssertEqual(values("<EMAIL_ADDRESS> SW1A 1AA"), [])
        XCTAssertEqual(values("<HOME_ADDRESS_3> SW1A 1AA"), [])
        XCTAssertEqual(values("home address: SW1A 1AA"), ["SW1A 1AA"])
        // A placeholder cut by the context window's start is a placeholder still.
        let padding = String(repeating: "x", count: 60)
        XCTAssertEqual(values("<EMAIL_ADDRESS>" + padding + " SW1A 1AA"), [])
    }

    func testMaskingKeepsOffsetsAndLeavesPlainTextAlone() {
        var buffer: [UInt8] = []
        let plain = Array("plain ASCII text with no escapes at all, long enough for eight-byte steps".utf8)
        XCTAssertFalse(plain.withUnsafeBytes { SubjectMask.apply($0, into: &buffer) })
        let text = Array(#"a\nb\\n “c” d\u00e9e ’f’ \q"#.utf8) + [0xEF, 0xBB, 0xBF]
        XCTAssertTrue(text.withUnsafeBytes { SubjectMask.apply($0, into: &buffer) })
        XCTAssertEqual(buffer.count, text.count)
        // `“` is spaces; `”` and `’` stay (rules read them as second and minute marks).
        let expected = Array("a  b  n    c” d      e ’f’ \\q".utf8) + [0x20, 0x20, 0x20]
        XCTAssertEqual(String(decoding: buffer, as: UTF8.self), String(decoding: expected, as: UTF8.self))
        // In place (a batch's joined values), the same bytes; plain text stays as it is.
        var inPlace = text
        inPlace.withUnsafeMutableBytes { SubjectMask.applyInPlace($0) }
        XCTAssertEqual(inPlace, expected)
        var untouched = plain
        untouched.withUnsafeMutableBytes { SubjectMask.applyInPlace($0) }
        XCTAssertEqual(untouched, plain)
    }
}
