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
    /// Runs for every e-mail candidate, so it walks the bytes once and allocates only the TLD it looks up.
    public static func isValid(_ address: [UInt8]) -> Bool {
        guard let at = address.lastIndex(of: UInt8(ascii: "@")), at > 0, at < address.count - 1,
            address.count - at - 1 <= 253
        else { return false }
        var labelStart = at + 1
        var labels = 0
        var i = at + 1
        while i <= address.count {
            let b = i < address.count ? address[i] : UInt8(ascii: ".")
            if b == UInt8(ascii: ".") {
                let length = i - labelStart
                guard (1...63).contains(length), address[labelStart] != UInt8(ascii: "-"),
                    address[i - 1] != UInt8(ascii: "-")
                else { return false }
                labels += 1
                labelStart = i + 1
            } else if !(ASCII.isLetter(b) || ASCII.isDigit(b) || b == UInt8(ascii: "-")) {
                return false
            }
            i += 1
        }
        guard labels >= 2 else { return false }
        var tld = [UInt8]()
        tld.reserveCapacity(address.count - labelStart + 1)
        var j = address.count - 1
        while address[j] != UInt8(ascii: ".") { j -= 1 }
        for b in address[(j + 1)...] { tld.append(ASCII.lower(b)) }
        return topLevelDomains.contains(tld)
    }

    /// The validator as rules name it: `email-domain`.
    public static let validator = Validator(
        "email-domain", "domain labels well formed and top-level domain delegated by IANA", predicate: isValid)
}
