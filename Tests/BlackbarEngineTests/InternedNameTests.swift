import XCTest

@testable import BlackbarCore

/// Findings name their rule, entity, note and explanation through interned objects: one per distinct value,
/// so a finding copies as plain bytes and compares names by identity.
final class InternedNameTests: XCTestCase {
    func testEqualStringsShareOneObject() {
        XCTAssertTrue(InternedName.of("EMAIL_ADDRESS") === InternedName.of(String("EMAIL_" + "ADDRESS")))
        XCTAssertFalse(InternedName.of("email") === InternedName.of("Email"))
        XCTAssertEqual(InternedName.of("plate-de-context").string, "plate-de-context")
    }

    func testFindingFieldsReadBackAndCompareByValue() {
        let why = Explanation(
            pattern: "[0-9]+", validator: "luhn", outcome: .valid, contextWord: "card", negativeWord: nil, base: 0.5)
        var a = Finding(
            ruleID: "credit-card", entity: "CREDIT_CARD", range: ByteRange(3, 19), confidence: 0.9, validated: true,
            priority: 2, explanation: why)
        a.lowRisk = "well-known test card number"
        XCTAssertEqual(a.ruleID, "credit-card")
        XCTAssertEqual(a.entity, "CREDIT_CARD")
        XCTAssertEqual(a.explanation, why)
        XCTAssertEqual(a.lowRisk, "well-known test card number")
        var b = Finding(
            ruleID: String("credit-" + "card"), entity: "CREDIT_CARD", range: ByteRange(3, 19), confidence: 0.9,
            validated: true, priority: 2, explanation: why)
        XCTAssertNotEqual(a, b)  // no note yet
        b.lowRisk = "well-known test " + "card number"
        XCTAssertEqual(a, b)
        b.entity = "IBAN_CODE"
        XCTAssertNotEqual(a, b)
        XCTAssertEqual(b.entity, "IBAN_CODE")
        b.entity = "CREDIT_CARD"
        b.explanation = nil
        XCTAssertNil(b.explanation)
        XCTAssertNotEqual(a, b)
        a.lowRisk = nil
        XCTAssertNil(a.lowRisk)
    }

    func testNamesAreSharedAcrossThreads() {
        // Interning from many threads at once gives every caller the same object per name.
        let names = (0..<64).map { "rule-\($0 % 8)" }
        var seen = [ObjectIdentifier?](repeating: nil, count: names.count)
        seen.withUnsafeMutableBufferPointer { out in
            let out = UncheckedBox(out)
            DispatchQueue.concurrentPerform(iterations: names.count) { k in
                out.value[k] = ObjectIdentifier(InternedName.of(names[k]))
            }
        }
        for k in names.indices { XCTAssertEqual(seen[k], ObjectIdentifier(InternedName.of(names[k % 8]))) }
    }

    func testNamesAreNumberedWithoutGaps() {
        // Numbers index the printer's tables: one per name, each new name the next number, from any thread.
        let names = (0..<200).map { "numbered-name-\($0)" }
        DispatchQueue.concurrentPerform(iterations: names.count) { k in _ = InternedName.of(names[k]) }
        let numbers = names.map { InternedName.of($0).index }
        XCTAssertEqual(Set(numbers).count, names.count)
        XCTAssertEqual(InternedName.of(names[7]).index, numbers[7])
        let next = InternedName.of("numbered-name-after").index
        XCTAssertEqual(next, numbers.max()! + 1)
    }
}

/// A buffer handed to concurrent iterations that each write their own element.
private struct UncheckedBox<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}
