import Foundation
import XCTest

/// Tables and record files from the command line: formats by extension and by flag, a streaming filter,
/// per-column options, bad records, the profile, and where findings go.
final class RecordCLITests: CLITestCase {
    let table = "id,name,email,ssn,notes\r\n1,Jane Example,jane@example.com,536-22-1234,\"call +44 20 7946 0958, \"\"ok\"\"\"\r\n2,,,,\r\n"

    func testScanNamesRecordAndField() throws {
        let path = try file("t.csv", table)
        let r = try run(["scan", "--format", "jsonl", path])
        XCTAssertEqual(r.status, 1, r.stderr)
        let lines = r.stdout.split(separator: "\n").map { try! JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
        XCTAssertEqual(lines.map { $0["field"] as? String }, ["name", "email", "ssn", "notes"])
        XCTAssertEqual(lines.map { $0["record"] as? Int }, [1, 1, 1, 1])
        XCTAssertEqual(lines[3]["value_start"] as? Int, 5)
        XCTAssertFalse(r.stdout.contains("jane@example.com"), "no values without --show-values")
    }

    /// Column names reach each finding's line escaped and in full, for more columns than the printer keeps
    /// escaped names of, in an order that makes it drop and escape them again.
    func testEveryColumnNameIsPrintedEscaped() throws {
        let names = (0..<40).map { k in k % 3 == 0 ? "c\(k) \"q\" \\ é" : "col\(k)" }
        func quoted(_ s: String) -> String { "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
        var text = names.map(quoted).joined(separator: ",") + "\n"
        for row in 0..<3 {
            text += names.indices.map { k in (k + row) % 2 == 0 ? "mail jane\(k)@example.com" : "" }.joined(separator: ",") + "\n"
        }
        let path = try file("wide.csv", text)
        let r = try run(["scan", "--format", "jsonl", path])
        XCTAssertEqual(r.status, 1, r.stderr)
        var expected: [String] = []
        for row in 0..<3 { for k in names.indices where (k + row) % 2 == 0 { expected.append(names[k]) } }
        let lines = r.stdout.split(separator: "\n").map { try! JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
        XCTAssertEqual(lines.map { $0["field"] as? String }, expected)
    }

    /// A record's line is written from kept pieces (entity, field, note, rule); with `--show-values` the printer
    /// takes its general path, key by key. Apart from the value, both write the same bytes: for CSV (with a field
    /// index), for JSON Lines (paths with array indices, a key with escapes), for look-alike notes, over more
    /// fields and entities than a table of pieces would hold without reusing slots.
    func testRecordLinesAreTheSameBytesOnBothPrinterPaths() throws {
        var csv = "id,\"e\"\"mail\",phone,note\n"
        var jsonl = ""
        for k in 0..<300 {
            csv += "\(k),jane\(k)@example.com,+1 415 555 01\(k % 90 + 10),ssn 536-22-\(1000 + k)\n"
            jsonl += #"{"u\#(k % 70)":{"tags":["+44 20 7946 0958","x"],"e\"m":"bob\#(k)@example.org"},"ip":"192.0.2.\#(k % 200)"}"# + "\n"
        }
        for (name, text) in [("p.csv", csv), ("p.jsonl", jsonl)] {
            let path = try file(name, text)
            let plain = try run(["scan", "--format", "jsonl", path])
            let shown = try run(["scan", "--format", "jsonl", "--show-values", path])
            XCTAssertEqual(plain.status, 1, plain.stderr)
            let lines = plain.stdout.split(separator: "\n").map(String.init)
            let general = shown.stdout.split(separator: "\n").map { line in
                String(line).replacingOccurrences(of: #","value":"[^"\\]*(\\.[^"\\]*)*""#, with: "", options: .regularExpression)
            }
            XCTAssertGreaterThan(lines.count, 600, name)
            XCTAssertEqual(lines, general, name)
            XCTAssertTrue(lines.contains { $0.contains(#""low_risk":"#) }, name)
        }
    }

    func testRedactAsAStreamingFilterKeepsStructure() throws {
        let jsonl = #"{"a":"jane@example.com","n":2}"# + "\n\n" + #"{"a":"x","t":"call +44 20 7946 0958"}"# + "\n"
        let r = try run(["redact", "--input-format", "jsonl", "--findings", "f.jsonl", "-"], stdin: Data(jsonl.utf8))
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(r.stdout, #"{"a":"<EMAIL_ADDRESS>","n":2}"# + "\n\n" + #"{"a":"x","t":"call <PHONE_NUMBER>"}"# + "\n")
        let findings = try String(contentsOf: scratch.appendingPathComponent("f.jsonl"), encoding: .utf8)
        XCTAssertEqual(findings.split(separator: "\n").count, 2)
        XCTAssertFalse(findings.contains("jane@"))
    }

    func testColumnOptions() throws {
        let path = try file("t.csv", table)
        let r = try run(["redact", path, "--drop-column", "ssn", "--keep-column", "email", "--column", "notes=mask"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(r.stdout, "id,name,email,notes\r\n1,<PERSON>,jane@example.com,\"call +** ** **** ****, \"\"ok\"\"\"\r\n2,,,\r\n")
        let typo = try run(["redact", path, "--drop-column", "sssn"])
        XCTAssertTrue(typo.stderr.contains("no field named sssn"), typo.stderr)
    }

    func testABadRecordFailsTheFileOrIsSkipped() throws {
        let path = try file("bad.csv", "a,b\n1,\"open\n2,3\n")
        let failed = try run(["redact", path, "-o", "out.csv"])
        XCTAssertEqual(failed.status, 2)
        XCTAssertTrue(failed.stderr.contains("bad.csv: line 2, record 1"), failed.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: scratch.appendingPathComponent("out.csv").path))
        let skipped = try run(["redact", path, "-o", "out.csv", "--on-error", "skip", "--risk-log", "r.jsonl"])
        XCTAssertEqual(skipped.status, 3, skipped.stderr)
        XCTAssertEqual(try String(contentsOf: scratch.appendingPathComponent("out.csv"), encoding: .utf8), "a,b\n2,3\n")
        let log = try String(contentsOf: scratch.appendingPathComponent("r.jsonl"), encoding: .utf8)
        XCTAssertTrue(log.contains(#""skipped":[{"line":2,"reason":"unterminated quoted field","record":1}]"#), log)
    }

    func testATableInALegacyEncodingSaysHowToConvertIt() throws {
        // "Jürgen" in Windows-1252, as a spreadsheet program saves it: the error names the place and the way out.
        let path = scratch.appendingPathComponent("cp1252.csv").path
        try Data("Name;Telefon\nJ".utf8 + [0xFC] + Data("rgen;030 1234567\n".utf8)).write(to: URL(fileURLWithPath: path))
        let r = try run(["scan", path])
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.stderr.contains("cp1252.csv: line 2, record 1 (byte 14): invalid UTF-8 in a value"), r.stderr)
        XCTAssertTrue(r.stderr.contains("iconv -f WINDOWS-1252 -t UTF-8"), r.stderr)
    }

    func testProfileIsJSONWhenPiped() throws {
        let path = try file("t.csv", table)
        let r = try run(["scan", "--profile", path])
        XCTAssertEqual(r.status, 0, r.stderr)
        let profile = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [String: Any]
        XCTAssertEqual(profile["records"] as? Int, 2)
        let fields = profile["fields"] as! [[String: Any]]
        XCTAssertEqual(fields.map { $0["field"] as? String }, ["id", "name", "email", "ssn", "notes"])
        let text = try file("a.txt", "hello\n")
        XCTAssertEqual(try run(["scan", "--profile", text]).status, 2)
    }
}
