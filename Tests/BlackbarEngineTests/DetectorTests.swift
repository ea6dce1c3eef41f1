import BlackbarCore
import XCTest

final class DetectorTests: XCTestCase {
    let detector = Detector(ruleSet: defaultRules)

    func testFindsEachFoundationEntityInText() {
        let text = """
            Mail jane.doe@example.com, call +44 20 7946 0958, card 4111 1111 1111 1111,
            IBAN DE89 3704 0044 0532 0130 00, SSN 536-22-1234, host 192.168.10.23, \
            mac 00:1a:2b:3c:4d:5e, v6 2001:db8::8a2e:370:7334, https://example.com/u/jane
            """
        XCTAssertEqual(
            detector.spans(text),
            [
                "EMAIL_ADDRESS:jane.doe@example.com", "PHONE_NUMBER:+44 20 7946 0958", "CREDIT_CARD:4111 1111 1111 1111",
                "IBAN_CODE:DE89 3704 0044 0532 0130 00", "US_SSN:536-22-1234", "IP_ADDRESS:192.168.10.23",
                "MAC_ADDRESS:00:1a:2b:3c:4d:5e", "IP_ADDRESS:2001:db8::8a2e:370:7334", "URL:https://example.com/u/jane",
            ])
    }

    func testRejectsLuhnFailureEvenWhenPatternMatches() {
        XCTAssertEqual(detector.spans("card 4111 1111 1111 1112"), [])
    }

    func testValidatedIBANBeatsPhoneNumberInsideIt() {
        // "0044 0532 0130 00" inside the IBAN is phone-shaped; the validated, longer IBAN wins.
        XCTAssertEqual(detector.spans("DE89 3704 0044 0532 0130 00"), ["IBAN_CODE:DE89 3704 0044 0532 0130 00"])
    }

    func testNegativeContextLowersAStrongCheckOnlyToTheMinimum() {
        XCTAssertEqual(detector.spans("card 4111111111111111"), ["CREDIT_CARD:4111111111111111"])
        // The card check (issuer, length, Luhn) is strong: the order word lowers it to the minimum.
        let ordered = detector.scan(Array("order number 4539148803436467".utf8))
        XCTAssertEqual(ordered.map(\.entity), ["CREDIT_CARD"])
        XCTAssertEqual(ordered.first?.confidence, 0.5)
        // Without a strong check the word costs its whole 0.35 (an SSN: 0.85 to 0.5), and below the minimum
        // nothing holds it up.
        XCTAssertEqual(detector.scan(Array("536-22-1234".utf8)).first?.confidence, 0.85)
        XCTAssertEqual(detector.scan(Array("tracking 536-22-1234".utf8)).first?.confidence, 0.5)
    }

    func testContextRequiredRuleNeedsItsWordOrItsFieldName() {
        XCTAssertEqual(detector.spans("ref 536221234"), [])
        XCTAssertEqual(detector.spans("SSN 536221234"), ["US_SSN:536221234"])
        // A column named for the data counts as context, even with no word in the cell.
        XCTAssertEqual(detector.spans("536221234", field: "customer_ssn"), ["US_SSN:536221234"])
    }

    func testContextWordsAreWholeWords() {
        let rule = makeRule(
            "lic", entity: "TEST_LICENCE", pattern: "\\b[A-Z][0-9]{7}\\b", base: 0.3, context: ["lic"], required: true)
        let d = Detector(ruleSet: RuleSet(rules: [rule], digest: ""))
        XCTAssertEqual(d.spans("lic A1234567"), ["TEST_LICENCE:A1234567"])
        XCTAssertEqual(d.spans("public A1234567"), [], "'lic' inside 'public' must not count")
        XCTAssertEqual(d.spans("Lic. A1234567"), ["TEST_LICENCE:A1234567"])
    }

    func testPhrasesAndSpacelessScripts() {
        let rule = makeRule(
            "dob", entity: "TEST_DOB", pattern: "[0-9]{4}-[0-9]{2}-[0-9]{2}", base: 0.3,
            context: ["date of birth", "生年月日"], required: true)
        let d = Detector(ruleSet: RuleSet(rules: [rule], digest: ""))
        XCTAssertEqual(d.spans("Date of Birth: 1985-03-12"), ["TEST_DOB:1985-03-12"])
        XCTAssertEqual(d.spans("date of 1985-03-12"), [])
        XCTAssertEqual(d.spans("生年月日：1985-03-12"), ["TEST_DOB:1985-03-12"])
    }

    /// Keyword prefilters: around a keyword at a word start (either side), or with `atStart` only right at it;
    /// the same with the shape gate's anchor automaton and with the keyword table (gate off).
    func testKeywordWindowsAroundOrAtStart() {
        let born = [Array("born".utf8)]
        let around = makeRule(
            "around", entity: "TEST_AROUND", pattern: "(?i)(?<value>[0-9]{4}) born", prefilter: .keywords(born))
        let atStart = makeRule(
            "at", entity: "TEST_AT", pattern: "(?i)born (?<value>[0-9]{4})", prefilter: .keywords(born, atStart: true))
        // Misdeclared on purpose: its matches begin before the keyword, so `atStart` never lets it run there.
        let wrong = makeRule(
            "wrong", entity: "TEST_WRONG", pattern: "(?i)(?<value>[0-9]{4}) born", prefilter: .keywords(born, atStart: true))
        for gate in [true, false] {
            let d = Detector(
                ruleSet: RuleSet(rules: [around, atStart, wrong], digest: ""), options: DetectorOptions(shapeGate: gate))
            XCTAssertEqual(d.spans("in 1985 BORN"), ["TEST_AROUND:1985"], "gate \(gate): a value before the keyword")
            XCTAssertEqual(d.spans("x Born 1985"), ["TEST_AT:1985"], "gate \(gate)")
            XCTAssertEqual(d.spans("stubborn 1985"), [], "gate \(gate): not at a word start")
        }
    }

    /// An at-start phrase's words may be apart by up to 16 white-space characters, on every path: with the
    /// anchor automaton (gate on) and with the keyword table plus the phrase check (gate off).
    func testAtStartPhrasesAllowSixteenSpacesOnEveryPath() {
        let dob = RuleSet(rules: defaultRules.rules.filter { $0.id == "date-of-birth" }, digest: "")
        for gate in [true, false] {
            let d = Detector(ruleSet: dob, options: DetectorOptions(shapeGate: gate))
            for (spaces, found) in [(1, true), (16, true), (17, false)] {
                let text = "Date" + String(repeating: " ", count: spaces) + "of birth: 12/03/1985"
                XCTAssertEqual(d.spans(text).count, found ? 1 : 0, "gate \(gate), \(spaces) spaces")
            }
            XCTAssertEqual(d.spans("data\u{3000}di nascita 12/03/1985").count, 1, "gate \(gate): an ideographic space")
            XCTAssertEqual(d.spans("data export 12/03/1985").count, 0, "gate \(gate)")
        }
    }

    func testMinimumConfidenceAndExplanation() {
        let strict = Detector(ruleSet: defaultRules, options: DetectorOptions(minConfidence: 0.7, explain: true))
        let text = Array("host 192.168.10.23 mail jane@example.com".utf8)
        let found = strict.scan(text)
        XCTAssertEqual(found.map(\.entity), ["IP_ADDRESS", "EMAIL_ADDRESS"], "context word 'host' lifts the IP to 0.8")
        let email = found[1].explanation!
        XCTAssertEqual(email.validator, "email-domain")
        XCTAssertEqual(email.outcome, .valid)
    }

    func testFindingsAreByteOffsetsAfterMultibyteText() {
        let bytes = Array("Größe 東京 jane@example.com".utf8)
        let f = detector.scan(bytes)
        XCTAssertEqual(f.first?.range, ByteRange(15, 31))  // G r ö(2) ß(2) e, space, 東京(6), space
    }

    func testOverlapResolverKeepsNonOverlappingWinners() {
        func f(_ id: String, _ s: Int, _ e: Int, validated: Bool = false, c: Double = 0.6) -> Finding {
            Finding(ruleID: id, entity: id, range: ByteRange(s, e), confidence: c, validated: validated)
        }
        let resolved = OverlapResolver.resolve([
            f("phone", 5, 15), f("iban", 0, 27, validated: true), f("email", 30, 40), f("url", 28, 50),
        ])
        XCTAssertEqual(resolved.map(\.ruleID), ["iban", "url"])
    }

    /// Resolving cluster by cluster (with buffers kept between clusters) gives what ranking every candidate at
    /// once gives: random candidates of few rules, in chains and piles of overlaps and alone.
    func testOverlapResolverByClustersEqualsRankingAll() {
        var random = SeededRandom(seed: 11)
        for _ in 0..<300 {
            var candidates: [Finding] = []
            for k in 0..<Int(random.next() % 40) {
                let start = Int(random.next() % 200), length = 1 + Int(random.next() % 12)
                var finding = Finding(
                    ruleID: "rule-\(k)", entity: "E\(random.next() % 3)", range: ByteRange(start, start + length),
                    confidence: Double(random.next() % 5) / 4, validated: random.next() % 3 == 0)
                finding.priority = Int(random.next() % 3)
                candidates.append(finding)
            }
            // The reference: rank all, keep each that overlaps no kept one, by start.
            var kept: [Finding] = []
            for c in candidates.sorted(by: OverlapResolver.beats) where !kept.contains(where: { $0.range.overlaps(c.range) }) {
                kept.append(c)
            }
            kept.sort { $0.range.start < $1.range.start }
            XCTAssertEqual(OverlapResolver.resolve(candidates), kept)
        }
    }
}
