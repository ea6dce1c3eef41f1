/// Payment card numbers (PAN): issuer prefix and length plus the Luhn check.
public enum PaymentCard {
    /// The card networks recognised by prefix.
    public enum Brand: String, Sendable, CaseIterable {
        /// Visa: 4; 13, 16 or 19 digits.
        case visa
        /// Mastercard: 51-55 and 2221-2720; 16 digits.
        case mastercard
        /// American Express: 34, 37; 15 digits.
        case amex
        /// Discover: 6011, 644-649, 65, 622126-622925; 16-19 digits.
        case discover
        /// JCB: 3528-3589; 16-19 digits.
        case jcb
        /// Diners Club International: 300-305, 36, 38-39; 14-19 digits.
        case diners
        /// UnionPay: 62 (outside the Discover co-branded range); 16-19 digits.
        case unionPay
        /// Maestro: 5018, 5020, 5038, 5893, 6304, 6759, 6761-6763; 12-19 digits.
        case maestro
    }

    /// The brand whose prefix and length rules `digits` satisfy, or nil. Does not run Luhn.
    public static func brand(of digits: [UInt8]) -> Brand? {
        guard digits.count >= 12, digits.count <= 19, ASCII.allDigits(digits) else { return nil }
        let n = digits.count
        let p2 = prefix(digits, 2), p3 = prefix(digits, 3), p4 = prefix(digits, 4), p6 = prefix(digits, 6)
        if digits[0] == UInt8(ascii: "4") { return [13, 16, 19].contains(n) ? .visa : nil }
        if (51...55).contains(p2) || (2221...2720).contains(p4) { return n == 16 ? .mastercard : nil }
        if p2 == 34 || p2 == 37 { return n == 15 ? .amex : nil }
        if [5018, 5020, 5038, 5893, 6304, 6759, 6761, 6762, 6763].contains(p4) { return .maestro }
        let longish = (16...19).contains(n)
        if p4 == 6011 || (644...649).contains(p3) || p2 == 65 || (622126...622925).contains(p6) {
            return longish ? .discover : nil
        }
        if (3528...3589).contains(p4) { return longish ? .jcb : nil }
        if (300...305).contains(p3) || p2 == 36 || p2 == 38 || p2 == 39 { return n >= 14 ? .diners : nil }
        if p2 == 62 { return longish ? .unionPay : nil }
        return nil
    }

    /// Whether `digits` is a plausible card number: a known brand prefix and length, a passing Luhn
    /// check, and not one digit repeated.
    public static func isValid(_ digits: [UInt8]) -> Bool {
        guard brand(of: digits) != nil, Luhn.isValid(digits) else { return false }
        return digits.contains { $0 != digits[0] }
    }

    private static func prefix(_ digits: [UInt8], _ length: Int) -> Int {
        var value = 0
        for byte in digits.prefix(length) { value = value * 10 + Int(byte &- 0x30) }
        return value
    }
}
