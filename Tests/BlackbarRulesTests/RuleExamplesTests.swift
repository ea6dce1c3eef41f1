import BlackbarCore
import BlackbarRisk
import BlackbarRules
import Foundation
import XCTest

let rulesFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("rules").path

final class RuleExamplesTests: XCTestCase {
    /// Every example of every rule under rules/, with every variant: one failure per broken example.
    func testEveryExampleOfEveryRule() throws {
        let files = try RulePack.load(extraDirectories: [rulesFolder], includeDefault: false)
        XCTAssertGreaterThan(files.count, 10)
        let failures = try ExampleRunner(files: files).run()
        for failure in failures { XCTFail(failure.description) }
    }

    /// The binary's embedded pack is the rules/ folder (run scripts/embed-rules.py when this fails).
    func testEmbeddedPackMatchesTheRulesFolder() throws {
        let onDisk = try RulePack.load(extraDirectories: [rulesFolder], includeDefault: false)
        let embedded = RulePack.defaultFiles()
        XCTAssertEqual(embedded.map(\.spec.id), onDisk.map(\.spec.id))
        XCTAssertEqual(embedded.map(\.text), onDisk.map { $0.text.trimmingCharacters(in: .newlines) })
    }

    /// Every entity a rule reports has its legal mapping and severity.
    func testEveryEntityIsInRegulations() throws {
        let table = try RegulationTable(yaml: try String(contentsOfFile: rulesFolder + "/regulations.yaml", encoding: .utf8))
        let files = try RulePack.load(extraDirectories: [rulesFolder], includeDefault: false)
        for entity in Set(files.map(\.spec.entity)).sorted() {
            XCTAssertNotNil(table.entries[entity], "\(entity) is missing from rules/regulations.yaml")
        }
        for (entity, entry) in table.entries {
            XCTAssertFalse(entry.reason.isEmpty, entity)
            XCTAssertFalse(entry.gdpr.art4.isEmpty, entity)
        }
    }

    func testRuleIDsAreUnique() throws {
        let files = try RulePack.load(extraDirectories: [rulesFolder], includeDefault: false)
        var seen = Set<String>()
        for file in files { XCTAssertTrue(seen.insert(file.spec.id).inserted, "duplicate id \(file.spec.id)") }
    }
}

final class RuleLoadingTests: XCTestCase {
    func write(_ files: [String: String]) throws -> String {
        let dir = NSTemporaryDirectory() + "blackbar-rules-\(UUID().uuidString)"
        for (path, text) in files {
            let full = dir + "/" + path
            try FileManager.default.createDirectory(
                atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try text.write(toFile: full, atomically: true, encoding: .utf8)
        }
        return dir
    }

    func loadError(_ text: String, name: String = "bad") throws -> String {
        let dir = try write(["xx/\(name).yaml": text])
        do {
            _ = try RulePack.compile(try RulePack.load(extraDirectories: [dir], includeDefault: false))
            return "no error"
        } catch {
            return error.description
        }
    }

    let valid = """
        id: bad
        entity: TEST_THING
        name: test
        pattern: 'T[0-9]{4}'
        base: 0.6
        examples:
          match: ['x «T1234» y']
          no-match: [{text: 'T12', why: short}]
        """

    func testErrorsNameFileRuleAndField() throws {
        XCTAssertEqual(try loadError(valid), "no error")
        XCTAssertTrue(try loadError(valid.replacingOccurrences(of: "T[0-9]{4}", with: "T[0-9")).contains("rule bad: field pattern"))
        XCTAssertTrue(try loadError(valid + "\nvalidator: nope").contains("field validator: unknown validator 'nope'"))
        XCTAssertTrue(try loadError(valid.replacingOccurrences(of: "base: 0.6", with: "base: 3")).contains("field base"))
        XCTAssertTrue(try loadError(valid, name: "other").contains("field id: must equal the file name 'other'"))
        let missing = try loadError(valid.replacingOccurrences(of: "entity: TEST_THING\n", with: ""))
        XCTAssertTrue(missing.contains("bad.yaml") && missing.contains("entity"), missing)
    }

    func testKeywordPrefilterReadsAtStart() throws {
        let spec = valid.replacingOccurrences(of: "base: 0.6", with: "base: 0.6\nprefilter: { keywords: [Ref], at-start: true }")
            .replacingOccurrences(of: "T[0-9]{4}", with: "(?i)ref T[0-9]{4}").replacingOccurrences(of: "«T1234»", with: "«ref T1234»")
        let dir = try write(["xx/bad.yaml": spec])
        let rules = try RulePack.compile(try RulePack.load(extraDirectories: [dir], includeDefault: false)).rules
        XCTAssertEqual(rules.first?.prefilter, .keywords([Array("ref".utf8)], atStart: true))
        let builtIn = try RulePack.compile(try RulePack.load(extraDirectories: [])).rules.first { $0.id == "date-of-birth" }
        guard case .keywords(_, let atStart)? = builtIn?.prefilter else { return XCTFail("date-of-birth has keywords") }
        XCTAssertTrue(atStart)
    }

    func testAGivenPackOverridesABuiltInRuleByID() throws {
        let override = valid.replacingOccurrences(of: "id: bad", with: "id: email")
        let dir = try write(["global/email.yaml": override])
        let files = try RulePack.load(extraDirectories: [dir])
        XCTAssertEqual(files.filter { $0.spec.id == "email" }.map(\.spec.entity), ["TEST_THING"])
    }

    func testHarnessReportsAFailingExampleByFile() throws {
        let broken = valid.replacingOccurrences(of: "'x «T1234» y'", with: "'x «T123» y'")
        let dir = try write(["xx/bad.yaml": broken])
        let failures = try ExampleRunner(files: try RulePack.load(extraDirectories: [dir], includeDefault: false)).run()
        XCTAssertTrue(failures.contains { $0.file.hasSuffix("xx/bad.yaml") && $0.example == "match[0]" }, "\(failures)")
    }

    /// A prefilter that misses what the pattern matches hides findings whenever the shape gate is off (it turns
    /// itself off on ID-heavy input): the harness names the example the pack finds only with the gate.
    func testHarnessReportsAnExampleFoundOnlyWithTheGate() throws {
        // `AB C1234`: the capitals meeting a digit are a run of one, so `mixed: 2` misses it.
        let spec = valid.replacingOccurrences(of: "T[0-9]{4}", with: #"(?<![\w])AB ?C[0-9]{4}(?![\w])"#)
            .replacingOccurrences(of: "«T1234»", with: "«AB C1234»")
            .replacingOccurrences(of: "base: 0.6", with: "base: 0.6\nprefilter: { mixed: 2 }")
        let dir = try write(["xx/bad.yaml": spec])
        let failures = try ExampleRunner(files: try RulePack.load(extraDirectories: [dir], includeDefault: false)).run()
        XCTAssertEqual(failures.map(\.variant), ["gate off"], "\(failures)")
        XCTAssertEqual(failures.first?.example, "match[0]")
    }

    func testValidatorRuleWithoutARejectedNearMissFails() throws {
        let noNearMiss = """
            id: bad
            entity: TEST_CARD
            name: test
            pattern: '[0-9]{16}'
            prefilter: { digits: 16 }
            validator: luhn
            base: 0.6
            examples:
              match: ['card «4111111111111111»']
              no-match: [{text: 'card 1234', why: short}]
            """
        let dir = try write(["xx/bad.yaml": noNearMiss])
        let failures = try ExampleRunner(files: try RulePack.load(extraDirectories: [dir], includeDefault: false)).run()
        XCTAssertTrue(failures.contains { $0.message.contains("validator rejects") }, "\(failures)")
    }
}
