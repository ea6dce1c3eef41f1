import XCTest

@testable import BlackbarCore

/// Values of a personal entity's shape that no person holds: reported at low severity with the reason.
final class LookAlikeTests: XCTestCase {
    func testReasons() {
        // (entity, value, low risk?)
        let cases: [(String, String, Bool)] = [
            ("EMAIL_ADDRESS", "jane@example.com", true),  // RFC 2606
            ("EMAIL_ADDRESS", "jane@mail.example.org", true),
            ("EMAIL_ADDRESS", "bob@host.test", true),  // RFC 6761 TLD
            ("EMAIL_ADDRESS", "noreply@shop.de", true),  // a role mailbox
            ("EMAIL_ADDRESS", "Support@Acme.io", true),
            ("EMAIL_ADDRESS", "jane@gmx.de", false),
            ("EMAIL_ADDRESS", "jane@examples.com", false),
            ("EMAIL_ADDRESS", "supporter@acme.io", false),
            ("EMAIL_ADDRESS", "Jane@Mail.EXAMPLE.Net", true),  // compared without case
            ("EMAIL_ADDRESS", "bob@HOST.TEST", true),
            ("EMAIL_ADDRESS", "jane@notexample.com", false),  // a suffix, not a subdomain
            ("EMAIL_ADDRESS", "jane@example.com.de", false),
            ("EMAIL_ADDRESS", "NO-REPLY@shop.de", true),
            ("EMAIL_ADDRESS", "a@b@example.org", true),  // the last @ starts the domain
            ("EMAIL_ADDRESS", "mailer-daemon@host.de", true),  // the longest role mailbox
            ("EMAIL_ADDRESS", "u@host.de", false),
            ("EMAIL_ADDRESS", "careers@host.de", true),
            ("EMAIL_ADDRESS", "career@host.de", false),
            ("IP_ADDRESS", "192.0.2.7", true),  // RFC 5737
            ("IP_ADDRESS", "198.51.100.200", true),
            ("IP_ADDRESS", "203.0.113.1", true),
            ("IP_ADDRESS", "2001:db8::1", true),  // RFC 3849
            ("IP_ADDRESS", "192.0.20.7", false),
            ("IP_ADDRESS", "8.8.4.4", false),
            ("PHONE_NUMBER", "(212) 555-0123", true),  // NANP fiction range
            ("PHONE_NUMBER", "+1 212 555 0199", true),
            ("PHONE_NUMBER", "(212) 555-0200", false),
            ("PHONE_NUMBER", "+44 20 7946 0958", true),  // Ofcom drama range
            ("PHONE_NUMBER", "07700 900123", true),
            ("PHONE_NUMBER", "0113 496 0123", true),
            ("PHONE_NUMBER", "+44 113 496 0123", true),
            ("PHONE_NUMBER", "0044 7700 900123", true),
            ("PHONE_NUMBER", "1-212-555-0100", true),
            ("PHONE_NUMBER", "(212) 555-0099", false),
            ("PHONE_NUMBER", "0113 496 1123", false),
            ("PHONE_NUMBER", "+49 20 7946 0958", false),
            ("PHONE_NUMBER", "+44 20 7946 1958", false),
            ("CREDIT_CARD", "4111 1111 1111 1111", true),  // published test numbers
            ("CREDIT_CARD", "5555-5555-5555-4444", true),
            ("CREDIT_CARD", "4539 1488 0343 6467", false),
            ("CREDIT_CARD", "378282246310005", true),  // 15 digits (Amex)
            ("CREDIT_CARD", "04111111111111111", false),  // the same number, one digit more
            ("CREDIT_CARD", "41111111111111110", false),
            ("CREDIT_CARD", "4111 1111 1111 1111 1111 1111", false),  // more digits than a number holds
            ("US_SSN", "078-05-1120", false),  // not an entity this classifies
            // A web address is low unless it points at someone.
            ("URL", "https://shop.example.de/offers/winter?page=2&sort=price", true),
            ("URL", "www.example-shop.com/path", true),
            ("URL", "ftp://files.example.org/pub/report.csv", true),
            ("URL", "https://jane.doe@mail.host.de/inbox", false),  // a user in the authority
            ("URL", "https://shop.de/a?EMAIL=jane.doe%40gmx.de&x=1", false),
            ("URL", "https://api.host.io/v1?access_token=abc123", false),
            ("URL", "https://crm.host.io/x#user_id=4711", false),
            ("URL", "https://host.de/lookup?phone=0301234567", false),
            ("URL", "https://example.com/users/jane.doe", false),  // a profile path
            ("URL", "https://social.example/@jane", false),
            ("URL", "http://www.uni.edu/~jsmith/cv.html", false),
            ("URL", "https://host.de/users", true),  // the list, not someone
            ("URL", "https://host.de/search?q=&name=", true),  // parameters without values
        ]
        for (entity, value, low) in cases {
            XCTAssertEqual(LookAlike.reason(entity: entity, value: Array(value.utf8)) != nil, low, "\(entity) \(value)")
        }
    }

    func testDetectorMarksAndCanHideThem() throws {
        let rules = defaultRules
        let text = Array("mail jane@example.com or jane@gmx.de".utf8)
        let marked = Detector(ruleSet: rules).scan(text)
        XCTAssertEqual(marked.map { $0.lowRisk != nil }, [true, false])
        var options = DetectorOptions()
        options.hideLowRisk = true
        let hidden = Detector(ruleSet: rules, options: options).scan(text)
        XCTAssertEqual(hidden.count, 1)
        XCTAssertNil(hidden[0].lowRisk)
    }
}
