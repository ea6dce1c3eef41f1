import BlackbarCore
import BlackbarRegex
import BlackbarRisk
@testable import BlackbarRules
import Foundation
import XCTest

/// The default pack reaches the binary twice: as YAML texts (hashed into the digest, read by `--rules` packs'
/// loader) and as Swift values `scripts/embed-rules.py` reads from them (what start-up uses). The two must agree
/// for every file, as the YAML decoder reads the text.
final class GeneratedPackTests: XCTestCase {
    func testGeneratedSpecsAreWhatYamsReads() throws {
        let files = RulePack.defaultFiles()
        XCTAssertGreaterThan(files.count, 100)
        for file in files {
            let parsed = try RulePack.parse(path: file.path, text: file.text)
            XCTAssertEqual(file.spec, parsed.spec, file.path)
            XCTAssertEqual(file.jurisdiction, parsed.jurisdiction, file.path)
        }
        let patterns = DefaultPackSpecs.all.map { ($0.spec.pattern, $0.spec.unicode ?? false, $0.spec.caseInsensitive ?? false) }
        XCTAssertEqual(patterns.count, DefaultPackSpecs.patterns.count)
        for (a, b) in zip(patterns, DefaultPackSpecs.patterns) { XCTAssertTrue(a == b, a.0) }
    }

    func testGeneratedRegulationsAreWhatYamsReads() throws {
        let text = try XCTUnwrap(RulePack.embeddedRegulations)
        XCTAssertEqual(RegulationTable.builtIn.entries, try RegulationTable(yaml: text).entries)
        let onDisk = try String(contentsOfFile: rulesFolder + "/regulations.yaml", encoding: .utf8)
        XCTAssertEqual(text, onDisk.trimmingCharacters(in: .newlines), "run scripts/embed-rules.py")
    }

    /// The digest hashes each file's id and text, whatever reads its spec: the embedded pack's equals that of the
    /// rules/ folder read with the YAML decoder.
    func testDigestHashesTheTexts() throws {
        let set = try RulePack.compile(RulePack.defaultFiles())
        let files = try RulePack.load(extraDirectories: [rulesFolder], includeDefault: false)
        XCTAssertEqual(set.digest, try RulePack.compile(files.map {
            RuleFile(path: $0.path, jurisdiction: $0.jurisdiction, text: $0.text.trimmingCharacters(in: .newlines), spec: $0.spec)
        }).digest)
    }

    /// Patterns compiled ahead on the background thread are the ones `compile` would make, handed out once each;
    /// a rule file that is not a default one still compiles (and fails) at load.
    func testPatternsCompiledAheadMatchTheRules() throws {
        DefaultPatterns.start()
        let files = RulePack.defaultFiles()
        let ahead = try RulePack.compile(files)
        let again = try RulePack.compile(files)
        for (a, b) in zip(ahead.rules, again.rules) {
            XCTAssertEqual(a.pattern.source, b.pattern.source)
            XCTAssertEqual(a.pattern.options, b.pattern.options)
            XCTAssertFalse(a.pattern === b.pattern, "\(a.id): a pattern compiled ahead is handed out once")
        }
        let text = Array("mail jane.doe@example.com, IBAN DE44 5001 0517 5407 3249 31, https://example.org/a".utf8)
        let found = Detector(ruleSet: ahead).scan(text), expected = Detector(ruleSet: again).scan(text)
        XCTAssertEqual(found.map(\.ruleID), expected.map(\.ruleID))
        XCTAssertEqual(found.map(\.range), expected.map(\.range))
        XCTAssertGreaterThanOrEqual(found.count, 3)

        var broken = files[0]
        broken = RuleFile(path: "xx/bad.yaml", jurisdiction: "xx", text: broken.text, spec: {
            var spec = broken.spec
            spec.pattern = "T[0-9"
            return spec
        }())
        XCTAssertThrowsError(try RulePack.compile(broken)) { error in
            XCTAssertEqual((error as? RuleLoadError)?.field, "pattern")
        }
        // Of two broken files, the first in file order is named, whatever order the rules were built in.
        let second = RuleFile(path: "yy/worse.yaml", jurisdiction: "yy", text: broken.text, spec: broken.spec)
        XCTAssertThrowsError(try RulePack.compile([files[1], broken, files[2], second])) { error in
            XCTAssertEqual((error as? RuleLoadError)?.file, "xx/bad.yaml")
        }
    }
}
