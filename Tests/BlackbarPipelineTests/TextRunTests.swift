import BlackbarCore
import BlackbarRedaction
import BlackbarRisk
import BlackbarRules
import XCTest

@testable import BlackbarPipeline

/// The run as a library user drives it: no CLI, outputs in memory.
final class TextRunTests: ScratchFolderTestCase {
    static let detector = Detector(ruleSet: try! RulePack.compile(try! RulePack.load(extraDirectories: [])))

    /// Bytes written to memory.
    final class Collected: ByteOutput {
        var bytes: [UInt8] = []
        func write(_ bytes: UnsafeRawBufferPointer) throws { self.bytes += bytes }
        func flush() throws {}
    }

    func makeRun(policy: RedactionPolicy?) throws -> TextRun {
        let table = try RegulationTable(yaml: RulePack.embeddedRegulations!)
        return TextRun(
            detector: Self.detector, policy: policy, riskLog: RiskLog(sinks: [], regulations: table),
            context: RunContext(fingerprinter: try Fingerprinter(environment: ["BLACKBAR_KEY": "text-run-test-key-0123"])),
            workers: 2, allowBinary: false)
    }

    func testRedactsToAFixedPointAndCountsPasses() throws {
        let email = "a.very.long.address.of.someone.at.a.company@example-company.com"
        try file("a.txt", "ssn \(email) 536221234\n")
        let run = try makeRun(policy: RedactionPolicy(defaultOperator: .remove))
        let out = Collected()
        let outcome = try run.redact(run.input("a.txt"), to: out, outputName: "mem", streaming: false)
        XCTAssertEqual(String(decoding: out.bytes, as: UTF8.self), "ssn  \n")
        XCTAssertEqual(outcome.passes, 2)
        XCTAssertEqual(outcome.byEntity, ["EMAIL_ADDRESS": 1])
        XCTAssertEqual(run.report.written, 1)
    }

    func testAResidualFindingIsAnErrorWithItsStatus() throws {
        let email = "a.very.long.address.of.someone.at.a.company@example-company.com"
        try file("a.txt", "x\nssn \(email) 536221234\n")
        let run = try makeRun(policy: RedactionPolicy(defaultOperator: .remove))
        run.maxPasses = 1
        XCTAssertThrowsError(try run.redact(run.input("a.txt"), to: Collected(), outputName: "mem", streaming: false)) {
            let error = $0 as? RunError
            XCTAssertEqual(error?.status, .residual)
            XCTAssertTrue(error?.message.contains("a.txt: line 2:") == true, error?.message ?? "")
        }
        XCTAssertEqual(run.report.status, .residual)
    }

    func testKeptEntitiesAreNotResidual() throws {
        try file("a.txt", "mail jane@example.com\n")
        let run = try makeRun(policy: RedactionPolicy(defaultOperator: .placeholder, perEntity: ["EMAIL_ADDRESS": .keep]))
        let out = Collected()
        try run.redact(run.input("a.txt"), to: out, outputName: "mem", streaming: false)
        XCTAssertEqual(String(decoding: out.bytes, as: UTF8.self), "mail jane@example.com\n")
    }

    func testScanReportsValuesOnlyWhenAsked() throws {
        try file("a.txt", "mail jane@example.com\n")
        let run = try makeRun(policy: nil)
        var found: [ReportedFinding] = []
        try run.scan(run.input("a.txt"), values: false) { found.append($0) }
        XCTAssertEqual(found.map(\.finding.entity), ["EMAIL_ADDRESS"])
        XCTAssertNil(found.first?.value)
        found = []
        try run.scan(run.input("a.txt"), values: true) { found.append($0) }
        XCTAssertEqual(found.first?.value, Array("jane@example.com".utf8))
        XCTAssertEqual(found.first?.location, Location(line: 1, column: 6))
    }
}
