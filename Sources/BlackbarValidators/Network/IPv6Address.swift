/// Strict textual IPv6 parsing (RFC 4291 section 2.2, RFC 5952 forms): eight groups of 1-4 hex digits,
/// or fewer with exactly one `::`, optionally ending in an embedded dotted IPv4 address.
public enum IPv6Address {
    /// Whether `text` is a well-formed IPv6 address with at least two explicit groups and four hex digits
    /// (so `::`, `::1`, Python slices like `1::2` and C++ scopes like `a::b` in prose stay out).
    public static func isValid(_ text: [UInt8]) -> Bool {
        guard text.count >= 3, text.count <= 45 else { return false }
        guard text.filter(ASCII.isHexDigit).count >= 4 else { return false }
        var groups = 0
        var compressed = false
        var i = 0
        let n = text.count
        if n >= 2 && text[0] == 0x3A {
            guard text[1] == 0x3A else { return false }
            compressed = true
            i = 2
            if i == n { return false }
        }
        while i < n {
            // Parse one group: hex digits, or an embedded IPv4 at the end.
            var j = i
            while j < n && ASCII.isHexDigit(text[j]) && j - i < 5 { j += 1 }
            if j < n && text[j] == 0x2E {
                guard isIPv4(Array(text[i..<n])) else { return false }
                groups += 2
                i = n
                break
            }
            let length = j - i
            guard (1...4).contains(length) else { return false }
            groups += 1
            i = j
            if i == n { break }
            guard text[i] == 0x3A else { return false }
            i += 1
            if i < n && text[i] == 0x3A {
                guard !compressed else { return false }
                compressed = true
                i += 1
                if i == n { break }
            } else if i == n {
                return false
            }
        }
        guard groups >= 2 else { return false }
        return compressed ? groups <= 7 : groups == 8
    }

    /// The validator as rules name it: `ipv6`.
    public static let validator = Validator(
        "ipv6", "well-formed IPv6 (eight groups, or one ::), embedded IPv4 checked", predicate: isValid)


    private static func isIPv4(_ text: [UInt8]) -> Bool {
        let parts = text.split(separator: 0x2E, omittingEmptySubsequences: false)
        guard parts.count == 4 else { return false }
        for part in parts {
            guard (1...3).contains(part.count), part.allSatisfy(ASCII.isDigit) else { return false }
            if part.count > 1 && part.first == 0x30 { return false }
            var value = 0
            for b in part { value = value * 10 + Int(b - 0x30) }
            if value > 255 { return false }
        }
        return true
    }
}
