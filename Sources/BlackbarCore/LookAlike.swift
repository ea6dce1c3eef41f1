/// Values with the shape (and the checks) of personal data that no person holds, or that stand for an
/// organisation rather than a person: reserved example domains, role mailboxes, documentation address
/// ranges, fictional telephone ranges and well-known test card numbers. They are still findings (a
/// dataset full of them says something), but at low severity with the reason, so `--min-severity
/// moderate` can hide them.
public enum LookAlike {
    /// The entities this knows look-alikes of.
    enum Kind: Sendable {
        case email, ip, phone, card, url
    }

    static func kind(of entity: String) -> Kind? {
        switch entity {
        case "EMAIL_ADDRESS": return .email
        case "IP_ADDRESS": return .ip
        case "PHONE_NUMBER": return .phone
        case "CREDIT_CARD": return .card
        case "URL": return .url
        default: return nil
        }
    }

    /// Why `value` (a finding's bytes) of `entity` is low risk, or nil when it is not a known look-alike.
    public static func reason(entity: String, value: [UInt8]) -> String? {
        guard let kind = kind(of: entity) else { return nil }
        return reason(kind, value)
    }

    static func reason(_ kind: Kind, _ value: [UInt8]) -> String? {
        switch kind {
        case .email: return email(value)
        case .ip: return ip(value)
        case .phone: return phone(value.filter { $0 >= 0x30 && $0 <= 0x39 })
        case .card: return testCards.contains(value.filter { $0 >= 0x30 && $0 <= 0x39 }) ? "well-known test card number" : nil
        case .url: return WebAddress.carriesPersonalData(value) ? nil : "web address without a user, e-mail or identifier in it"
        }
    }

    /// RFC 2606 and RFC 6761: names reserved for documentation and testing (lower case).
    static let reservedDomains: [[UInt8]] = ["example.com", "example.net", "example.org"].map { Array($0.utf8) }
    static let reservedTLDs: Set<[UInt8]> = Set(["test", "example", "invalid", "localhost"].map { Array($0.utf8) })
    /// Mailboxes of a function, not a person (RFC 2142 and common practice), lower case.
    static let roleMailboxes: Set<[UInt8]> = Set([
        "noreply", "no-reply", "donotreply", "do-not-reply", "support", "info", "admin", "administrator", "sales",
        "contact", "webmaster", "postmaster", "hostmaster", "abuse", "help", "helpdesk", "office", "hello", "team",
        "press", "security", "billing", "jobs", "careers", "privacy", "marketing", "newsletter", "mailer-daemon",
        "notifications", "service", "enquiries", "inquiries",
    ].map { Array($0.utf8) })
    /// The longest role mailbox: a longer local part is not looked up.
    private static let longestRoleMailbox = roleMailboxes.map(\.count).max() ?? 0

    /// Bytes, ASCII letters lower-cased (this runs for every e-mail finding, so no `String`).
    private static func lowered(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
        bytes.map { $0 &- 0x41 < 26 ? $0 | 0x20 : $0 }
    }

    static func email(_ value: [UInt8]) -> String? {
        guard let at = value.lastIndex(of: UInt8(ascii: "@")) else { return nil }
        let domain = lowered(value[(at + 1)...])
        let tld = domain.lastIndex(of: UInt8(ascii: ".")).map { Array(domain[($0 + 1)...]) } ?? domain
        if reservedTLDs.contains(tld) || reservedDomains.contains(where: { reserved in
            domain == reserved
                || (domain.count > reserved.count && domain[domain.count - reserved.count - 1] == UInt8(ascii: ".")
                    && domain.suffix(reserved.count).elementsEqual(reserved))
        }) {
            return "reserved example domain (RFC 2606)"
        }
        if at <= longestRoleMailbox, roleMailboxes.contains(lowered(value[..<at])) { return "role mailbox of an organisation" }
        return nil
    }

    /// RFC 5737 (192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24) and RFC 3849 (2001:db8::/32).
    static func ip(_ value: [UInt8]) -> String? {
        let text = String(decoding: value, as: UTF8.self).lowercased()
        if text.hasPrefix("2001:db8:") || text.hasPrefix("2001:0db8:") { return "documentation address range (RFC 3849)" }
        for prefix in ["192.0.2.", "198.51.100.", "203.0.113."] where text.hasPrefix(prefix) {
            return "documentation address range (RFC 5737)"
        }
        return nil
    }

    /// The digits of a number reserved for fiction: NANP 555-0100 to 555-0199, and Ofcom's drama ranges
    /// (020 7946 0xxx, 0113 to 0191 496 0xxx, 01632 960xxx, 07700 900xxx, 029 2018 0xxx, 028 9649 6xxx).
    static func phone(_ digits: [UInt8]) -> String? {
        let d = String(decoding: digits, as: UTF8.self)
        let national: String
        if d.hasPrefix("44") { national = "0" + d.dropFirst(2) } else if d.hasPrefix("0044") { national = "0" + d.dropFirst(4) } else { national = d }
        let nanp = d.count == 11 && d.hasPrefix("1") ? String(d.dropFirst()) : d
        if nanp.count == 10 {
            let exchange = nanp.dropFirst(3).prefix(3), line = nanp.suffix(4)
            if exchange == "555", let n = Int(line), (100...199).contains(n) { return "fictional number range (NANP 555-0100 to 0199)" }
        }
        if national.count == 11 {
            let ofcom = ["02079460", "07700900", "01632960", "02920180", "02896496"]
            if ofcom.contains(where: { national.hasPrefix($0) }) { return "fictional number range (Ofcom drama numbers)" }
            let cities = ["0113", "0114", "0115", "0116", "0117", "0118", "0121", "0131", "0141", "0151", "0161", "0191"]
            if cities.contains(where: { national.hasPrefix($0 + "4960") }) { return "fictional number range (Ofcom drama numbers)" }
        }
        return nil
    }

    /// Card numbers the networks and payment processors publish for tests (Visa, Mastercard, Amex, Discover,
    /// JCB, Diners test numbers printed in processor documentation).
    static let testCards: Set<[UInt8]> = Set([
        "4111111111111111", "4012888888881881", "4222222222222", "4242424242424242", "4000056655665556",
        "4000000000000002", "4000000000000077", "5555555555554444", "5105105105105100", "5200828282828210",
        "2223003122003222", "378282246310005", "371449635398431", "378734493671000", "6011111111111117",
        "6011000990139424", "3530111333300000", "3566002020360505", "30569309025904", "38520000023237",
        "36227206271667", "6200000000000005",
    ].map { Array($0.utf8) })
}
