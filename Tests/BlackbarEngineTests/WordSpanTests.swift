import XCTest

@testable import BlackbarCore

/// Context words are matched against word spans; the eight-bytes-at-a-time path must give exactly the spans
/// the byte loop gives, on every segment it takes.
final class WordSpanTests: XCTestCase {
    func testFastPathAgreesWithTheByteLoop() {
        var random = SeededRandom(seed: 20261203)
        // Bytes that make word edges, placeholders and non-ASCII characters likely.
        let alphabet = Array("aZ09 _-.,:;@/\\\n\t<>ÄéAZaz".utf8) + [0x00, 0x7F, 0x40, 0x5B, 0x60, 0x7B, 0x2F, 0x3A]
        var fast = 0
        for round in 0..<20_000 {
            let count = round % 97
            let bytes = (0..<count).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] }
            let cut = count == 0 ? 0 : Int(random.next() % UInt64(count + 1))
            bytes.withUnsafeBytes { raw in
                let segments = [UnsafeRawBufferPointer(rebasing: raw[0..<cut]), UnsafeRawBufferPointer(rebasing: raw[cut...])]
                if segments.allSatisfy({ ContextWords.asciiWordMask($0) != nil }) { fast += 1 }
                let a = ContextWords.wordSpans(segments), b = ContextWords.wordSpans(segments, bytewise: true)
                XCTAssertEqual(a.map { [$0.segment, $0.start, $0.end, $0.ascii ? 1 : 0] },
                               b.map { [$0.segment, $0.start, $0.end, $0.ascii ? 1 : 0] }, "\(bytes)")
            }
        }
        XCTAssertGreaterThan(fast, 1000, "the fast path was hardly taken")
    }

    /// The word-mask prefilter of `firstMatch(segments:spans:)` never changes its answer: on random windows
    /// made of context words, near misses and other words, it says what matching every span says.
    func testPrefilteredMatchEqualsTheFullMatch() {
        let words = ContextWords(["phone", "tel", "e-mail", "mail", "date of birth", "dob", "iban", "numéro", "生年月日", "x"])
        let pieces = ["phone", "Phone", "PHONES", "tel", "Tel.", "telx", "e-mail", "E-Mail", "email", "date", "of", "birth",
                      "Date of Birth", "DOB", "do", "iban", "IBAN:", "numéro", "NUMÉRO", "生年月日", "x", "X", " ", "  ", "\n", "-",
                      "<EMAIL_ADDRESS>", "ADDRESS>", "<", ">", "123", "pho", "ne", "é",
                      // Words sharing a context word's first two letters and length, with another last letter.
                      "Marc", "MAIL", "Mail.", "main", "mai"]
        var random = SeededRandom(seed: 7)
        var matched = 0, missed = 0
        for _ in 0..<5000 {
            var text = ""
            for _ in 0..<Int(random.next() % 30) { text += pieces[Int(random.next() % UInt64(pieces.count))] }
            let bytes = Array(text.utf8)
            let cut = bytes.isEmpty ? 0 : Int(random.next() % UInt64(bytes.count + 1))
            bytes.withUnsafeBytes { raw in
                let segments = [UnsafeRawBufferPointer(rebasing: raw[0..<cut]), UnsafeRawBufferPointer(rebasing: raw[cut...])]
                var spans: [ContextWords.WordSpan] = []
                let fast = words.firstMatch(segments: segments, spans: &spans)
                let full = words.firstMatch(spans: ContextWords.wordSpans(segments), segments: segments, fieldTokens: [])
                XCTAssertEqual(fast, full, text)
                if full == nil { missed += 1 } else { matched += 1 }
            }
        }
        XCTAssertGreaterThan(matched, 500)
        XCTAssertGreaterThan(missed, 500)
    }

    /// Words with bytes outside ASCII match case-insensitively whether they start with an ASCII letter or not;
    /// a token whose first letter starts no word is passed over without being lower-cased.
    func testWordsWithAccentsMatchWhateverTheirFirstLetter() {
        let words = ContextWords(["numéro", "straße", "ünvan", "téléphone"])
        let cases: [(String, String?)] = [
            ("Numéro: ", "numéro"), ("NUMÉRO ", "numéro"), ("in der Straße 5", "straße"), ("STRASSE", nil),
            ("Ünvan", "ünvan"), ("Zürich Téléphone", "téléphone"), ("Zürich, Öl, Ärger", nil), ("numero", nil),
        ]
        for (text, expected) in cases {
            Array(text.utf8).withUnsafeBytes { raw in
                var spans: [ContextWords.WordSpan] = []
                XCTAssertEqual(words.firstMatch(segments: [raw], spans: &spans), expected, text)
            }
        }
    }

    func testMaskOfKnownSegments() {
        let cases: [(String, UInt64?)] = [
            ("", 0), ("a", 1), ("ab c", 0b1011), ("Tel: 030", 0b1110_0111), ("x<y", 0b101), ("a>b", 0b101), ("é", nil),
            ("<EMAIL_ADDRESS> x", 0b1_0000_0000_0000_0000), ("ADDRESS> 12", 0b110_0000_0000), ("<ab> c", 0b10_0110), ("<AB> c", 0b10_0000),
            (String(repeating: "a", count: 64), UInt64.max), (String(repeating: "a", count: 65), nil),
            ("@[`{/:", 0),
            // Placeholders at the 64-byte edge: a `<` as the last byte opens nothing; a body of 63 bytes cut by
            // the start and closed by the last byte takes every bit.
            (String(repeating: "a", count: 63) + "<", UInt64.max >> 1), (String(repeating: "A", count: 63) + ">", 0),
            ("a<" + String(repeating: "B", count: 62), 0b1),
        ]
        for (text, expected) in cases {
            let mask = Array(text.utf8).withUnsafeBytes { ContextWords.asciiWordMask($0) }
            XCTAssertEqual(mask, expected, text)
        }
    }

    /// Substring search for the words of scripts written without spaces: agrees with a naive search on random
    /// bytes from a small alphabet (many partial matches), and on the edges.
    func testSubstringSearchAgreesWithANaiveSearch() {
        func naive(_ hay: [UInt8], _ word: [UInt8]) -> Bool {
            guard !word.isEmpty, hay.count >= word.count else { return false }
            return (0...(hay.count - word.count)).contains { Array(hay[$0..<($0 + word.count)]) == word }
        }
        var random = SeededRandom(seed: 20261204)
        let alphabet: [UInt8] = [0x61, 0x62, 0xE8, 0x81, 0x94]
        for round in 0..<5_000 {
            let hay = (0..<(round % 40)).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] }
            let word = (0..<(1 + round % 4)).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] }
            hay.withUnsafeBytes { raw in XCTAssertEqual(ContextWords.contains(raw, word), naive(hay, word), "\(hay) \(word)") }
        }
        let cases: [(String, String, Bool)] = [
            ("联系电话", "电话", true), ("电话", "电话", true), ("电", "电话", false), ("", "电话", false),
            ("电话号码", "号码", true), ("电X话", "电话", false),
        ]
        for (hay, word, expected) in cases {
            Array(hay.utf8).withUnsafeBytes { XCTAssertEqual(ContextWords.contains($0, Array(word.utf8)), expected, hay) }
        }
    }
}
