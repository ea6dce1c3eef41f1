import BlackbarCore
import BlackbarRecords
import BlackbarRedaction
import BlackbarRisk
import BlackbarRules
import Foundation
import XCTest

@testable import BlackbarPipeline

/// Every `match` example of every text rule, placed in a CSV cell (quotes doubled, CRLF rows) and in a JSON
/// string (escaped as a JSON encoder writes it, `\n`, `\"`, `\u00e9` and all), read back through the record
/// readers: the whole pack must report the rule's entity at exactly the marked span of the decoded value, and
/// the file's bytes at the finding's range must be the value's encoded bytes.
final class RecordExamplesTests: ScratchFolderTestCase {
    struct Case {
        let rule: String
        let entity: String
        let example: MarkedExample
    }

    static let cases: [Case] = {
        let files = try! RulePack.load(extraDirectories: [])
        var out: [Case] = []
        for file in files where file.spec.fields == nil {
            for text in file.spec.examples.match {
                guard let example = MarkedExample(text) else { continue }
                out.append(Case(rule: file.spec.id, entity: file.spec.entity, example: example))
            }
        }
        return out
    }()

    /// A JSON string's contents as `JSONSerialization` would escape the example, with every non-ASCII letter
    /// written as `\uXXXX` (surrogate pairs beyond the BMP) so the readers' decoding is what is tested.
    static func jsonEscaped(_ bytes: [UInt8]) -> String {
        var out = ""
        for scalar in String(decoding: bytes, as: UTF8.self).unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "/": out += "\\/"
            default:
                if scalar.value < 0x20 || scalar.value > 0x7E {
                    for unit in String(scalar).utf16 { out += String(format: "\\u%04x", unit) }
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }

    func check(_ format: RecordFormat, file name: String, body: String) throws {
        try Data(body.utf8).write(to: URL(fileURLWithPath: name))
        let table = try RegulationTable(yaml: RulePack.embeddedRegulations!)
        let run = TextRun(
            detector: TextRunTests.detector, policy: nil, riskLog: RiskLog(sinks: [], regulations: table),
            context: RunContext(fingerprinter: try Fingerprinter(environment: ["BLACKBAR_KEY": "examples-in-records-01"])),
            workers: 2, allowBinary: false)
        var byRecord: [Int: [ReportedFinding]] = [:]
        var options = RecordOptions()
        options.batchBytes = 8192
        try run.scanRecords(run.input(name), format: format, options: options, values: true) {
            byRecord[$0.location.record ?? 0, default: []].append($0)
        }
        XCTAssertGreaterThan(Self.cases.count, 700)
        let file = Array(body.utf8)
        var failures: [String] = []
        for found in byRecord.values.joined() {
            // The file's bytes at the finding's range read back (unquoted, unescaped) as the value.
            let raw = String(decoding: file[found.finding.range.start..<found.finding.range.end], as: UTF8.self)
            let decoded: String? =
                format == .csv
                ? raw.replacingOccurrences(of: "\"\"", with: "\"")
                : (try? JSONSerialization.jsonObject(with: Data(("\"" + raw + "\"").utf8), options: .fragmentsAllowed)) as? String
            if decoded != String(decoding: found.value ?? [], as: UTF8.self) {
                failures.append("record \(found.location.record ?? 0): bytes \(found.finding.range) do not read back as the value")
            }
        }
        for (i, c) in Self.cases.enumerated() {
            let found = (byRecord[i + 1] ?? []).filter { $0.location.field == (format == .csv ? "note" : "$.note") }
            for (s, e) in c.example.spans where !found.contains(where: { $0.finding.entity == c.entity && $0.location.inValue == s..<e }) {
                let got = found.map { "\($0.finding.ruleID)@\($0.location.inValue.map { "\($0)" } ?? "-")" }
                failures.append("\(c.rule) record \(i + 1): span \(s)..<\(e) not found (got \(got))")
            }
        }
        XCTAssertTrue(failures.isEmpty, "\(format): \(failures.count) of \(Self.cases.count) examples:\n" + failures.prefix(40).joined(separator: "\n"))
    }

    func testEveryExampleInACSVCell() throws {
        var body = "id,note\r\n"
        for (i, c) in Self.cases.enumerated() {
            let text = String(decoding: c.example.bytes, as: UTF8.self).replacingOccurrences(of: "\"", with: "\"\"")
            body += "\(i + 1),\"\(text)\"\r\n"
        }
        try check(.csv, file: "examples.csv", body: body)
    }

    func testEveryExampleInAJSONString() throws {
        var body = ""
        for (i, c) in Self.cases.enumerated() {
            body += "{\"id\":\(i + 1),\"note\":\"\(Self.jsonEscaped(c.example.bytes))\"}\n"
        }
        try check(.jsonl, file: "examples.jsonl", body: body)
    }
}
