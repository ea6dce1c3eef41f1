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

    /// Why a value is low risk: the note its finding carries.
    enum Note: Int {
        case reservedDomain, roleMailbox, documentationV6, documentationV4, fictionalNANP, fictionalOfcom, testCard
        case plainWebAddress

        /// The note's text.
        var text: String { Self.texts[rawValue] }
        /// The text as an interned name, for a finding (interned once, not per finding).
        var interned: InternedName { Self.names[rawValue] }

        private static let texts = [
            "reserved example domain (RFC 2606)", "role mailbox of an organisation",
            "documentation address range (RFC 3849)", "documentation address range (RFC 5737)",
            "fictional number range (NANP 555-0100 to 0199)", "fictional number range (Ofcom drama numbers)",
            "well-known test card number", "web address without a user, e-mail or identifier in it",
        ]
        private static let names = texts.map(InternedName.of)
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
        return value.withUnsafeBufferPointer { reason(kind, $0) }?.text
    }

    /// The same for a value read in place (this runs for every e-mail, phone, card, IP and URL finding: a copy
    /// of the value, and an array of its digits for phones and cards, were an allocation or two each).
    static func reason(_ kind: Kind, _ value: UnsafeBufferPointer<UInt8>) -> Note? {
        switch kind {
        case .email: return email(value)
        case .ip: return ip(value)
        case .phone:
            return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: value.count) { room in
                var n = 0
                for b in value where b &- 0x30 < 10 {
                    room[n] = b
                    n += 1
                }
                return phone(UnsafeBufferPointer(rebasing: room[..<n]))
            }
        case .card: return isTestCard(value) ? .testCard : nil
        case .url: return WebAddress.carriesPersonalData(Array(value)) ? nil : .plainWebAddress
        }
    }

    /// RFC 2606 and RFC 6761: names reserved for documentation and testing (lower case).
    static let reservedDomains: [[UInt8]] = ["example.com", "example.net", "example.org"].map { Array($0.utf8) }
    static let reservedTLDs: [[UInt8]] = ["test", "example", "invalid", "localhost"].map { Array($0.utf8) }
    /// Mailboxes of a function, not a person (RFC 2142 and common practice), lower case, by length: a local part
    /// is compared only with those of its own length.
    private static let roleMailboxesByLength: [[[UInt8]]] = {
        let names = [
            "noreply", "no-reply", "donotreply", "do-not-reply", "support", "info", "admin", "administrator", "sales",
            "contact", "webmaster", "postmaster", "hostmaster", "abuse", "help", "helpdesk", "office", "hello", "team",
            "press", "security", "billing", "jobs", "careers", "privacy", "marketing", "newsletter", "mailer-daemon",
            "notifications", "service", "enquiries", "inquiries",
        ].map { Array($0.utf8) }
        var byLength = [[[UInt8]]](repeating: [], count: (names.map(\.count).max() ?? 0) + 1)
        for name in names { byLength[name.count].append(name) }
        return byLength
    }()

    /// Whether `bytes`, ASCII letters lower-cased, equal `lower` (already lower case). This runs for every
    /// e-mail finding: it compares in place, where lower-cased copies and set lookups cost three allocations
    /// and two hashes per address.
    private static func equalsLowered(_ bytes: Slice<UnsafeBufferPointer<UInt8>>, _ lower: [UInt8]) -> Bool {
        guard bytes.count == lower.count else { return false }
        var i = bytes.startIndex
        for b in lower {
            let x = bytes[i]
            if (x &- 0x41 < 26 ? x | 0x20 : x) != b { return false }
            i += 1
        }
        return true
    }

    static func email(_ value: UnsafeBufferPointer<UInt8>) -> Note? {
        // One walk back for the last `.` and `@`, then each list only where a length says it may hold the part
        // (this runs for every e-mail finding: generic searches and every list's closures cost about 330
        // instructions an address, 2,500 addresses per MB of installed documentation).
        let n = value.count
        var at = n - 1, dot = -1
        while at >= 0 && value[at] != UInt8(ascii: "@") {
            if dot < 0 && value[at] == UInt8(ascii: ".") { dot = at }
            at -= 1
        }
        guard at >= 0 else { return nil }
        let domain = value[(at + 1)...]
        let tld = dot > at ? value[(dot + 1)...] : domain
        if tld.count < 64, reservedTLDLengths & (1 << UInt64(tld.count)) != 0,
            reservedTLDs.contains(where: { equalsLowered(tld, $0) })
        {
            return .reservedDomain
        }
        // Every reserved domain has `reservedDomainLength` bytes: the domain itself, or its last labels.
        let r = reservedDomainLength
        if domain.count == r || (domain.count > r && value[n - r - 1] == UInt8(ascii: ".")) {
            let tail = value[(n - r)...]
            if reservedDomains.contains(where: { equalsLowered(tail, $0) }) { return .reservedDomain }
        }
        if at < roleMailboxesByLength.count, roleMailboxesByLength[at].contains(where: { equalsLowered(value[..<at], $0) }) {
            return .roleMailbox
        }
        return nil
    }

    /// The lengths of `reservedTLDs` (bit L: a name of L bytes), and the one length of every `reservedDomains`
    /// name.
    private static let reservedTLDLengths: UInt64 = reservedTLDs.reduce(0) { $0 | 1 << UInt64($1.count) }
    private static let reservedDomainLength: Int = {
        let lengths = Set(reservedDomains.map(\.count))
        precondition(lengths.count == 1, "LookAlike.email compares every reserved domain at one length")
        return lengths.first!
    }()

    /// RFC 5737 (192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24) and RFC 3849 (2001:db8::/32).
    static func ip(_ value: UnsafeBufferPointer<UInt8>) -> Note? {
        // On bytes, ASCII letters lower-cased in place (this runs for every IP finding; a lower-cased String
        // per address was about 1,500 instructions).
        func starts(_ prefix: [UInt8]) -> Bool {
            guard value.count >= prefix.count else { return false }
            for (k, b) in prefix.enumerated() where ASCII.lower(value[k]) != b { return false }
            return true
        }
        if documentationV6.contains(where: starts) { return .documentationV6 }
        if documentationV4.contains(where: starts) { return .documentationV4 }
        return nil
    }

    private static let documentationV6 = ["2001:db8:", "2001:0db8:"].map { Array($0.utf8) }
    private static let documentationV4 = ["192.0.2.", "198.51.100.", "203.0.113."].map { Array($0.utf8) }

    /// The digits of a number reserved for fiction: NANP 555-0100 to 555-0199, and Ofcom's drama ranges
    /// (020 7946 0xxx, 0113 to 0191 496 0xxx, 01632 960xxx, 07700 900xxx, 029 2018 0xxx, 028 9649 6xxx).
    static func phone(_ digits: UnsafeBufferPointer<UInt8>) -> Note? {
        // On bytes (this runs for every phone finding): the national form drops a 44 or 0044 country code for a 0.
        let zero = UInt8(ascii: "0")
        func starts(_ bytes: Slice<UnsafeBufferPointer<UInt8>>, _ prefix: [UInt8]) -> Bool {
            bytes.count >= prefix.count && bytes.prefix(prefix.count).elementsEqual(prefix)
        }
        let all = digits[...]
        var national = all
        var nationalZero = false
        if starts(all, Self.digits44) {
            national = all.dropFirst(2)
            nationalZero = true
        } else if starts(all, Self.digits0044) {
            national = all.dropFirst(4)
            nationalZero = true
        }
        let nanp = digits.count == 11 && digits.first == UInt8(ascii: "1") ? all.dropFirst() : all
        if nanp.count == 10 {
            let start = nanp.startIndex
            let exchange = nanp[(start + 3)..<(start + 6)]
            let line = nanp[(start + 6)...]
            if exchange.elementsEqual(Self.digits555), line.first == zero, line.dropFirst().first == UInt8(ascii: "1") {
                return .fictionalNANP
            }
        }
        // `national` without its leading 0 when one was put in front.
        if national.count + (nationalZero ? 1 : 0) == 11 {
            let rest = nationalZero ? national : national.dropFirst()
            guard nationalZero || national.first == zero else { return nil }
            if Self.ofcomDrama.contains(where: { starts(rest, $0) }) { return .fictionalOfcom }
        }
        return nil
    }

    private static let digits44 = Array("44".utf8)
    private static let digits0044 = Array("0044".utf8)
    private static let digits555 = Array("555".utf8)
    /// Ofcom's drama ranges after the leading 0: 020 7946 0, 07700 900, 01632 960, 029 2018 0, 028 9649 6, and
    /// 4960 after the area codes of twelve cities.
    private static let ofcomDrama: [[UInt8]] = (["2079460", "7700900", "1632960", "2920180", "2896496"]
        + ["113", "114", "115", "116", "117", "118", "121", "131", "141", "151", "161", "191"].map { $0 + "4960" })
        .map { Array($0.utf8) }

    /// Card numbers the networks and payment processors publish for tests (Visa, Mastercard, Amex, Discover,
    /// JCB, Diners test numbers printed in processor documentation).
    static let testCards: [String] = [
        "4111111111111111", "4012888888881881", "4222222222222", "4242424242424242", "4000056655665556",
        "4000000000000002", "4000000000000077", "5555555555554444", "5105105105105100", "5200828282828210",
        "2223003122003222", "378282246310005", "371449635398431", "378734493671000", "6011111111111117",
        "6011000990139424", "3530111333300000", "3566002020360505", "30569309025904", "38520000023237",
        "36227206271667", "6200000000000005",
    ]
    /// The test cards as numbers, with their lengths in digits.
    private static let testCardNumbers: [(number: UInt64, digits: Int)] = testCards.map { (UInt64($0)!, $0.count) }

    /// Whether the digits of `value` are one of `testCards` (read as a number: a set of digit arrays hashed
    /// each card finding's digits, after copying them out).
    static func isTestCard(_ value: UnsafeBufferPointer<UInt8>) -> Bool {
        var number: UInt64 = 0
        var digits = 0
        for b in value where b &- 0x30 < 10 {
            digits += 1
            if digits > 19 { return false }
            number = number &* 10 &+ UInt64(b &- 0x30)
        }
        return testCardNumbers.contains { $0.number == number && $0.digits == digits }
    }
}
