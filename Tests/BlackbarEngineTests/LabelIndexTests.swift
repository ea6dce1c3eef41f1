import XCTest

@testable import BlackbarCore

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
}
