import XCTest

@testable import BlackbarCore

/// The bound on where a match's first digit may stand (`ShapeNode.firstIndexBound`), which lets a label
/// rule's window without a digit close after it skip PCRE2.
final class DigitReachTests: XCTestCase {
    func testFirstDigitBoundOfShapes() throws {
        // (pattern, the largest index of a match's first digit; nil when some match has none or no bound)
        let cases: [(String, Int?)] = [
            ("[0-9]{3}", 0),
            ("ab[0-9]", 2),
            ("a?[0-9]", 1),
            ("(?:id|number)[ :]{0,3}[0-9]{4}", 9),
            ("(?:x|[0-9])[0-9]", 1),
            ("(?<![0-9])ab(?=x)[0-9]", 2),
            ("(?:ab){2,3}[0-9]", 6),
            ("(?:a[0-9]){1,5}", 1),
            ("(?:a[0-9]?){3}", nil),
            ("[a-z]+[0-9]", nil),
            ("[0-9]|abc", nil),
            ("(?:[0-9]|a)*b[0-9]", nil),
            ("abc", nil),
            ("(?i:no)\\.?[ ]{0,2}(?<value>[0-9]{9})", 5),
        ]
        for (pattern, expected) in cases {
            let shape = try XCTUnwrap(ShapeParser.parse(pattern, unicode: false, caseless: false), pattern)
            XCTAssertEqual(shape.firstIndexBound(of: .digits), expected, pattern)
        }
    }

    func testGenericLabelRulesSkipWindowsWithoutADigit() {
        let planner = WindowPlanner(ruleSet: defaultRules, shapeGate: true)
        for (k, rule) in defaultRules.rules.enumerated() where rule.id.hasSuffix("generic-label") {
            XCTAssertNotNil(planner.digitReach(k), rule.id)
        }
        // Rules that are not `at-start` keyword rules get no bound (their windows are not label starts).
        let email = defaultRules.rules.firstIndex { $0.id == "email" }!
        XCTAssertNil(planner.digitReach(email))
        // Their findings stay: a number after a label, and none after a label with no digit near.
        let detector = Detector(ruleSet: defaultRules)
        XCTAssertEqual(detector.spans("user_id: 123456782"), ["NL_BSN:123456782"])
        XCTAssertEqual(detector.spans("no longer needed, id: main"), [])
    }
}
