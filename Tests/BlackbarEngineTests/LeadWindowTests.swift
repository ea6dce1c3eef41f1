import BlackbarCore
import BlackbarRules
import Foundation
import XCTest

/// `lead:` narrows a rule's windows to the run of lead bytes before each anchor; it must never change what
/// is found. These tests scan the same texts with the default pack and with the pack's lead-bearing rules
/// rebuilt without their lead, whole and in small blocks.
final class LeadWindowTests: XCTestCase {
    /// The default pack with `lead` dropped from every rule.
    private static let withoutLead: RuleSet = RuleSet(
        rules: defaultRules.rules.map { r in
            guard r.lead != nil else { return r }
            return Rule(
                id: r.id, entity: r.entity, name: r.name, jurisdiction: r.jurisdiction, pattern: r.pattern,
                prefilter: r.prefilter, window: r.window, normalize: r.normalize, validator: r.validator, base: r.base,
                context: r.context, negativeContext: r.negativeContext, contextRequired: r.contextRequired,
                priority: r.priority, fieldWords: r.fieldWords, strongCheck: r.strongCheck, labels: r.labels)
        }, digest: "no-lead")

    func testTheDefaultPackNarrowsEmailAndURLWindows() {
        let ids = Set(defaultRules.rules.filter { $0.lead != nil }.map(\.id))
        XCTAssertTrue(ids.isSuperset(of: ["email", "url"]), "\(ids.sorted())")
    }

    /// Text around e-mail addresses and URLs with every kind of byte before them: local-part bytes, non-ASCII
    /// letters, punctuation, long runs that reach past the rule's window, escapes and invalid UTF-8.
    private func noisyText(seed: UInt64, count: Int) -> [UInt8] {
        var random = SeededRandom(seed: seed)
        let befores: [[UInt8]] = [
            [], Array(" ".utf8), Array("<".utf8), Array("mailto:".utf8), Array("Müller.".utf8), Array("иван".utf8),
            Array("联系".utf8), Array("\\n".utf8), [0xFF, 0xFE], Array(String(repeating: "a", count: 70).utf8),
            Array(String(repeating: "x.", count: 80).utf8), Array("(see ".utf8), Array("\"".utf8), Array("+".utf8),
        ]
        let values: [[UInt8]] = [
            Array("jane.doe@example.com".utf8), Array("J.Smith+news@mail.example.co.uk".utf8),
            Array("müller@example.ch".utf8), Array("bob@corp.de".utf8), Array("a@b".utf8), Array("@example.org".utf8),
            Array("https://example.org/users/jane.doe?x=1".utf8), Array("ftp://files.example.net/a".utf8),
            Array("xhttps://example.org".utf8), Array("www.example.com/path".utf8), Array("awww.example.com".utf8),
            Array("://".utf8), Array("www.".utf8),
        ]
        var text: [UInt8] = []
        for _ in 0..<count {
            text += befores[Int(random.next() % UInt64(befores.count))]
            text += values[Int(random.next() % UInt64(values.count))]
            text += Array([" ", ", ", ".\n", ">", "\t"][Int(random.next() % 5)].utf8)
        }
        return text
    }

    func testLeadChangesNoFinding() throws {
        let narrowed = Detector(ruleSet: defaultRules), wide = Detector(ruleSet: Self.withoutLead)
        for seed in 1...6 as ClosedRange<UInt64> {
            let text = noisyText(seed: seed, count: 400)
            let expected = wide.scan(text)
            XCTAssertGreaterThan(expected.count, 100, "seed \(seed)")
            XCTAssertEqual(narrowed.scan(text), expected, "seed \(seed)")
            // Blocks cut anywhere, so anchors fall near block starts.
            XCTAssertEqual(try scanStream(narrowed, text, blockSize: 4096 + Int(seed) * 37, workers: 2), expected, "seed \(seed)")
        }
    }

    func testLeadClassIsReadByPCRE2AndChecked() throws {
        func load(_ lead: String, prefilter: String = "{ bytes: \"@\" }") throws -> Rule {
            let root = NSTemporaryDirectory() + "blackbar-lead-\(UUID().uuidString)", folder = root + "/test"
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(atPath: root) }
            let yaml = """
                id: lead-rule
                entity: EMAIL_ADDRESS
                name: test
                pattern: '[a-z]+@[a-z]+'
                prefilter: \(prefilter)
                lead: '\(lead)'
                base: 0.5
                examples:
                  match: ['«ab@cd»']
                  no-match: [{ text: 'x', why: 'no at' }]
                """
            try yaml.write(toFile: folder + "/lead-rule.yaml", atomically: true, encoding: .utf8)
            let files = try RulePack.files(in: root)
            return try RulePack.compile(XCTUnwrap(files.first))
        }
        let rule = try load("[a-c.\\x80-\\xFF]")
        let lead = try XCTUnwrap(rule.lead)
        XCTAssertEqual((0...255).filter { lead.contains(UInt8($0)) }, [0x2E, 0x61, 0x62, 0x63] + Array(0x80...0xFF))
        XCTAssertEqual(try load("").lead.map { l in (0...255).filter { l.contains(UInt8($0)) } }, [])
        for bad in ["[a-z]+", "ab", "[a-z", "(?:)", "[a-z]]"] {
            XCTAssertThrowsError(try load(bad), bad) { XCTAssertTrue("\($0)".contains("lead"), "\($0)") }
        }
        XCTAssertThrowsError(try load("[a-z]", prefilter: "{ digits: 3 }")) { XCTAssertTrue("\($0)".contains("lead")) }
        XCTAssertThrowsError(try load("[a-z]", prefilter: "{ bytes: \":\", count: 3, span: 24 }"))
    }
}
