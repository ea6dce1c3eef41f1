import XCTest

@testable import BlackbarValidators

/// Payment card brand prefixes, lengths, Luhn and repeated digits.
final class PaymentCardTests: XCTestCase {
    // Test numbers from the networks' and processors' public test lists (PayPal/Braintree
    // "Credit card numbers for testing", Stripe "Testing" cards).
    let cards: [(String, PaymentCard.Brand)] = [
        ("4111111111111111", .visa), ("4012888888881881", .visa), ("4222222222222", .visa), ("4242424242424242", .visa),
        ("5555555555554444", .mastercard), ("5105105105105100", .mastercard), ("2223003122003222", .mastercard),
        ("378282246310005", .amex), ("371449635398431", .amex), ("378734493671000", .amex),
        ("6011111111111117", .discover), ("6011000990139424", .discover),
        ("3530111333300000", .jcb), ("3566002020360505", .jcb),
        ("30569309025904", .diners), ("38520000023237", .diners), ("36227206271667", .diners),
        ("6200000000000005", .unionPay),
        ("6759649826438453", .maestro),
    ]

    func testIssuerTestNumbers() {
        for (number, brand) in cards {
            XCTAssertEqual(PaymentCard.brand(of: ascii(number)), brand, number)
            XCTAssertTrue(PaymentCard.isValid(ascii(number)), number)
        }
    }

    func testPrefixBoundariesAndLengths() {
        func make(_ prefix: String, length: Int) -> [UInt8] {
            let payload = ascii(prefix + String(repeating: "3", count: length - prefix.count - 1))
            return payload + [Luhn.checkDigit(for: payload)!]
        }
        XCTAssertEqual(PaymentCard.brand(of: make("2221", length: 16)), .mastercard)
        XCTAssertEqual(PaymentCard.brand(of: make("2720", length: 16)), .mastercard)
        XCTAssertNil(PaymentCard.brand(of: make("2220", length: 16)))
        XCTAssertNil(PaymentCard.brand(of: make("2721", length: 16)))
        XCTAssertNil(PaymentCard.brand(of: make("51", length: 15)))
        XCTAssertEqual(PaymentCard.brand(of: make("622126", length: 16)), .discover)
        XCTAssertEqual(PaymentCard.brand(of: make("622925", length: 19)), .discover)
        XCTAssertEqual(PaymentCard.brand(of: make("622927", length: 16)), .unionPay)
        XCTAssertEqual(PaymentCard.brand(of: make("644", length: 16)), .discover)
        XCTAssertEqual(PaymentCard.brand(of: make("65", length: 19)), .discover)
        XCTAssertNil(PaymentCard.brand(of: make("643", length: 16)))
        XCTAssertEqual(PaymentCard.brand(of: make("3528", length: 19)), .jcb)
        XCTAssertEqual(PaymentCard.brand(of: make("3589", length: 16)), .jcb)
        XCTAssertNil(PaymentCard.brand(of: make("3527", length: 16)))
        XCTAssertEqual(PaymentCard.brand(of: make("305", length: 14)), .diners)
        XCTAssertNil(PaymentCard.brand(of: make("306", length: 14)))
        XCTAssertEqual(PaymentCard.brand(of: make("39", length: 16)), .diners)
        XCTAssertNil(PaymentCard.brand(of: make("36", length: 13)))
        XCTAssertNil(PaymentCard.brand(of: make("34", length: 16)))
        XCTAssertEqual(PaymentCard.brand(of: make("4", length: 19)), .visa)
        XCTAssertNil(PaymentCard.brand(of: make("4", length: 15)))
        XCTAssertEqual(PaymentCard.brand(of: make("5018", length: 12)), .maestro)
        XCTAssertNil(PaymentCard.brand(of: make("1", length: 16)))
    }

    func testRejections() {
        XCTAssertFalse(PaymentCard.isValid(ascii("4111111111111112")))  // Luhn
        XCTAssertFalse(PaymentCard.isValid(ascii("0000000000000000")))  // no brand, repeated
        // Repeated digits: no brand's prefix/length admits one that also passes Luhn, so the
        // repetition rule is a backstop; these fail on prefix or Luhn already.
        for digit in "0123456789" {
            for length in [13, 14, 15, 16, 19] {
                XCTAssertFalse(PaymentCard.isValid(ascii(String(repeating: digit, count: length))), "\(digit) x \(length)")
            }
        }
        XCTAssertFalse(PaymentCard.isValid(ascii("4111 1111 1111 1111")))
        XCTAssertFalse(PaymentCard.isValid(ascii("411111111111111")))
        XCTAssertFalse(PaymentCard.isValid([]))
    }
}
