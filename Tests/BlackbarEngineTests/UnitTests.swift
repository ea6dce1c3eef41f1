import BlackbarCore
import BlackbarRedaction
import BlackbarValidators
import XCTest

final class NormalizationTests: XCTestCase {
    func testSteps() {
        let raw = Array("de89 3704-0044.0532/0130 (00)\u{00A0}x".utf8)
        XCTAssertEqual(String(decoding: NormalizeStep.apply([.removeSeparators, .upper], to: raw), as: UTF8.self),
                       "DE89370400440532013000X")
        XCTAssertEqual(String(decoding: NormalizeStep.apply([.digits], to: raw), as: UTF8.self), "89370400440532013000")
        XCTAssertEqual(String(decoding: NormalizeStep.apply([.alnum, .lower], to: Array("A-b.C".utf8)), as: UTF8.self), "abc")
    }

    /// In place (the detector's path) gives what the copying steps give, for every step alone and in pairs, on
    /// values with separators, no-break spaces (U+00A0, U+202F, and their lead bytes alone), line breaks,
    /// letters of both cases and bytes outside ASCII.
    func testInPlaceEqualsCopying() {
        let pieces: [[UInt8]] = [[0x41], [0x62], [0x35], [0x20], [0x2D], [0x2E], [0x2F], [0x28], [0x29], [0x09], [0x0A], [0x0D],
                                 [0xC2, 0xA0], [0xE2, 0x80, 0xAF], [0xC2], [0xE2, 0x80], [0xC3, 0xA9], [0x5F]]
        var random = SeededRandom(seed: 3)
        let steps = NormalizeStep.allCases
        for _ in 0..<2000 {
            var value: [UInt8] = []
            for _ in 0..<Int(random.next() % 24) { value += pieces[Int(random.next() % UInt64(pieces.count))] }
            let chosen = [steps[Int(random.next() % UInt64(steps.count))], steps[Int(random.next() % UInt64(steps.count))]]
            for list in [[chosen[0]], chosen] {
                var inPlace = value
                NormalizeStep.apply(list, inPlace: &inPlace)
                XCTAssertEqual(inPlace, NormalizeStep.apply(list, to: value), "\(list) on \(value)")
            }
        }
    }
}

final class EmailDomainTests: XCTestCase {
    func testTopLevelDomainsFromIANA() {
        for good in ["a@example.com", "x@mail.example.co.uk", "y@EXAMPLE.DE", "z@b.museum"] {
            XCTAssertTrue(EmailDomain.isValid(Array(good.utf8)), good)
        }
        for bad in ["icon@2x.png", "user@localhost", "a@b.invalidtld", "a@-x.com", "a@x-.com", "a@.com", "a@x..com"] {
            XCTAssertFalse(EmailDomain.isValid(Array(bad.utf8)), bad)
        }
    }

    /// The in-place table holds exactly the IANA list: every TLD in lower and upper case, and none of the
    /// same words cut by a byte or grown by one.
    func testTableAgreesWithTheList() {
        XCTAssertGreaterThan(EmailDomain.topLevelDomains.count, 1000)
        for tld in EmailDomain.topLevelDomains {
            let upper = tld.map { $0 &- 0x61 < 26 ? $0 - 0x20 : $0 }
            for word in [tld, upper] {
                XCTAssertTrue(EmailDomain.isValid(Array("a@b.".utf8) + word), String(decoding: word, as: UTF8.self))
            }
            for near in [Array(tld.dropLast()), tld + [0x71], [0x71] + tld] where !EmailDomain.topLevelDomains.contains(near) {
                XCTAssertFalse(EmailDomain.isValid(Array("a@b.".utf8) + near), String(decoding: near, as: UTF8.self))
            }
        }
    }
}

final class IPv6Tests: XCTestCase {
    // Forms from RFC 4291 section 2.2 and RFC 5952.
    func testValidForms() {
        for good in ["2001:db8:85a3:0:0:8a2e:370:7334", "2001:db8::8a2e:370:7334", "::ffff:192.0.2.128", "fe80::1ff:fe23:4567:890a",
                     "2001:0db8:0000:0000:0000:ff00:0042:8329", "1:2:3:4:5:6:7::", "::2:3:4:5:6:7:8"] {
            XCTAssertTrue(IPv6Address.isValid(Array(good.utf8)), good)
        }
    }

    func testInvalidForms() {
        for bad in ["::", "::1", "1::2::3", "00:1a:2b:3c:4d:5e", "12345::1", "1:2:3:4:5:6:7:8:9", "::ffff:300.1.1.1", "a::b:"] {
            XCTAssertFalse(IPv6Address.isValid(Array(bad.utf8)), bad)
        }
    }
}

final class RedactorTests: XCTestCase {
    let text = Array("Pay Jürgen at jürgen@example.com or +44 20 7946 0958.".utf8)

    func findings() -> [Finding] {
        let d = Detector(ruleSet: defaultRules)
        return d.scan(text)
    }

    func testPlaceholderKeepsEveryOtherByte() {
        let out = Redactor(policy: RedactionPolicy(defaultOperator: .placeholder)).redact(text, findings: findings())
        XCTAssertEqual(String(decoding: out, as: UTF8.self), "Pay Jürgen at <EMAIL_ADDRESS> or <PHONE_NUMBER>.")
    }

    func testMaskKeepsShapeOneStarPerCharacter() {
        let out = Redactor(policy: RedactionPolicy(defaultOperator: .mask())).redact(text, findings: findings())
        XCTAssertEqual(String(decoding: out, as: UTF8.self), "Pay Jürgen at ******@*******.*** or +** ** **** ****.")
    }

    func testRemoveAndPerEntityPolicy() {
        guard case .success(let policy) = RedactionPolicy.parse(["remove", "PHONE_NUMBER=keep"]) else {
            return XCTFail("policy did not parse")
        }
        let out = Redactor(policy: policy).redact(text, findings: findings())
        XCTAssertEqual(String(decoding: out, as: UTF8.self), "Pay Jürgen at  or +44 20 7946 0958.")
    }

    func testRejectsUnknownOperators() {
        for bad in ["blur", "EMAIL=blur", "=mask"] {
            guard case .failure = RedactionPolicy.parse([bad]) else { return XCTFail(bad) }
        }
    }
}
