/// Checks the domain of an email address: each label 1-63 bytes of letters, digits and inner hyphens,
/// and a top-level domain that IANA has delegated (`rules/data/iana-tlds.txt`, embedded at build time).
///
/// This is what separates `jane@example.com` from `user@localhost`, `root@server01` and `icon@2x.png`.
public enum EmailDomain {
    /// The IANA top-level domains, lower case.
    public static let topLevelDomains: Set<[UInt8]> = {
        var set = Set<[UInt8]>()
        for word in ianaTopLevelDomainList.split(whereSeparator: { $0 == " " || $0 == "\n" }) {
            set.insert(Array(word.utf8))
        }
        return set
    }()

    /// Whether the address (`local@domain`, any case) has a syntactically valid domain under a real TLD.
    public static func isValid(_ address: [UInt8]) -> Bool {
        guard let at = address.lastIndex(of: UInt8(ascii: "@")), at > 0, at < address.count - 1 else { return false }
        let domain = address[(at + 1)...].map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
        guard domain.count <= 253 else { return false }
        let labels = domain.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard labels.count >= 2 else { return false }
        for label in labels {
            guard (1...63).contains(label.count), label.first != UInt8(ascii: "-"), label.last != UInt8(ascii: "-")
            else { return false }
            for b in label where !(ASCII.isLower(b) || ASCII.isDigit(b) || b == UInt8(ascii: "-")) { return false }
        }
        return topLevelDomains.contains(Array(labels.last!))
    }

    /// The validator as rules name it: `email-domain`.
    public static let validator = Validator(
        "email-domain", "domain labels well formed and top-level domain delegated by IANA", predicate: isValid)
}
