import XCTest

@testable import BlackbarCore

/// Negative context words count in the value's own sentence only; abbreviations before a value do not end
/// one.
final class SentenceBoundsTests: XCTestCase {
    let detector = Detector(ruleSet: defaultRules)

    /// The sentence around the span marked `«…»`, as `SentenceBounds` cuts it.
    func sentence(_ marked: String) -> String {
        let open = marked.range(of: "«")!, close = marked.range(of: "»")!
        let text = marked.replacingOccurrences(of: "«", with: "").replacingOccurrences(of: "»", with: "")
        let start = marked.utf8.distance(from: marked.startIndex, to: open.lowerBound)
        let end = marked.utf8.distance(from: marked.startIndex, to: close.lowerBound) - "«".utf8.count
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBytes { raw in
            let from = SentenceBounds.start(raw, before: start, from: 0)
            let to = SentenceBounds.end(raw, after: end, upTo: raw.count)
            return String(decoding: bytes[from..<to], as: UTF8.self)
        }
    }

    func testSentencesEndAtATerminatorBeforeACapital() {
        let cases: [(marked: String, sentence: String)] = [
            ("on the last invoice. Neue Nummer: «+441176715874»", "Neue Nummer: +441176715874"),
            ("Order 12345. Phone «+44 117 671 5874». Invoice follows.", "Phone +44 117 671 5874"),
            ("(10 % off). Call «0039 06 47208268» later", "Call 0039 06 47208268 later"),
            ("Anruf erwünscht!  Über «+49 30 1234567»", "Über +49 30 1234567"),
            ("Can you call back? Tel «0171 2345678»", "Tel 0171 2345678"),
            // Not boundaries: a digit, a lower-case word or nothing after the terminator; abbreviations.
            ("invoice no. «4539 1488 0343 6467»", "invoice no. 4539 1488 0343 6467"),
            ("Ref. «2024-118»", "Ref. 2024-118"),
            ("Inv. Nr. «4539 1488 0343 6467»", "Inv. Nr. 4539 1488 0343 6467"),
            ("see the order. then «+441176715874»", "then +441176715874"),
            ("on the last invoice. plaque «GE 12 345»", "plaque GE 12 345"),
            ("auf der Rechnung. Neue Nummer «+441176715874»", "Neue Nummer +441176715874"),
            ("Lieferung kam beschädigt. Tel «+441176715874»", "Tel +441176715874"),
            ("Rappeler au «+442038451089» svp. Order split", "Rappeler au +442038451089 svp"),
            ("Bestellung inkl. Versand «4539 1488 0343 6467»", "Bestellung inkl. Versand 4539 1488 0343 6467"),
            ("Rechn. Nr. «4539 1488 0343 6467»", "Rechn. Nr. 4539 1488 0343 6467"),
            ("e.g. Card «4539 1488 0343 6467»", "e.g. Card 4539 1488 0343 6467"),
            ("order no. x. «+441176715874»", "order no. x. +441176715874"),
            ("delivered to reception. ת.ז. «123456782» Prefers", "ת.ז. 123456782 Prefers"),
            ("order.Tel «+441176715874»", "order.Tel +441176715874"),
            ("the order «+441176715874» Mentioned on the invoice", "the order +441176715874 Mentioned on the invoice"),
            ("version 1.2.3. «+441176715874»", "version 1.2.3. +441176715874"),
        ]
        for (marked, expected) in cases { XCTAssertEqual(sentence(marked), expected, marked) }
    }

    func testANegativeWordInTheSentenceBeforeDoesNotLowerTheValue() {
        func confidence(_ text: String) -> Double? { detector.scan(Array(text.utf8)).first?.confidence }
        let alone = confidence("Neue Nummer: +441176715874")
        XCTAssertNotNil(alone)
        XCTAssertEqual(confidence("Mentioned a typo on the last invoice. Neue Nummer: +441176715874"), alone)
        // In the same sentence the word still counts.
        XCTAssertLessThan(confidence("Neue Nummer laut invoice: +441176715874") ?? 0, alone!)
        XCTAssertEqual(confidence("invoice no. 4539148803436467"), 0.5, "an abbreviation is not a sentence end")
    }
}
