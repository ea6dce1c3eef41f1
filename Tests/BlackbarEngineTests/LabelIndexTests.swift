import XCTest

@testable import BlackbarCore
import BlackbarRegex

/// A label decides the kind of the bare number right after it, also when the label is bracketed, quoted as a
/// JSON key or written as a key with underscores.
final class LabelIndexTests: XCTestCase {
    func testLabelsThroughBracketsQuotesAndUnderscores() {
        let detector = Detector(ruleSet: defaultRules)
        // (text, entities that must not be reported: the label names another kind and the value fails its check)
        let cases: [(String, String)] = [
            ("taxpayer identification number (ITIN): 663-83-4574", "US_SSN"),
            ("nhs_number: 943 476 5910", "PHONE_NUMBER"),
            ("{\"nhs_number\": \"943 476 5910\"}", "PHONE_NUMBER"),
            ("[NHS number] 943 476 5910", "PHONE_NUMBER"),
        ]
        for (text, entity) in cases {
            let found = detector.scan(Array(text.utf8))
            XCTAssertFalse(found.contains { $0.entity == entity }, "\(text): \(found.map(\.ruleID))")
        }
        // The label's own kind is still reported when its check passes.
        let ssn = detector.scan(Array("{\"ssn\": \"078-05-1121\"}".utf8))
        XCTAssertEqual(ssn.map(\.entity), ["US_SSN"])
    }
    /// The index looks a label up by the words before a value; the word nearest the value is tested first
    /// against the phrases' last words (by key), so a value after no label costs one test. Matching stays
    /// case-insensitive, also for a label word outside ASCII, and a longer phrase still wins.
    func testLabelLookupByLastWord() {
        let rules = [
            labelRule("a", entity: "ALPHA", labels: ["tax number", "número de cuit"]),
            labelRule("b", entity: "BETA", labels: ["number", "führerschein"]),
        ]
        let index = LabelIndex(rules: rules)
        func named(_ text: String) -> Set<String>? {
            let bytes = Array(text.utf8)
            return bytes.withUnsafeBytes { index.entities(before: bytes.count, in: $0, lowerBound: 0) }
        }
        XCTAssertEqual(named("Tax Number: "), ["ALPHA"])
        XCTAssertEqual(named("phone NUMBER "), ["BETA"])
        XCTAssertEqual(named("FÜHRERSCHEIN: "), ["BETA"])
        XCTAssertEqual(named("Número de CUIT: "), ["ALPHA"])
        XCTAssertNil(named("order: "))
        XCTAssertNil(named("numbers: "))
        XCTAssertNil(named("Straße "))
        XCTAssertNil(named(": "))
    }

    private func labelRule(_ id: String, entity: String, labels: [String]) -> Rule {
        Rule(
            id: id, entity: entity, name: id, jurisdiction: "test", pattern: try! CompiledPattern("x"), prefilter: .none,
            window: 64, normalize: [], validator: nil, base: 0.6, context: .empty, negativeContext: .empty,
            contextRequired: false, priority: 0, labels: labels)
    }
}
