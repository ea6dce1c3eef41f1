/// Checks the domain of an email address: each label 1-63 bytes of letters, digits and inner hyphens,
/// and a top-level domain that IANA has delegated (`rules/data/iana-tlds.txt`, embedded at build time).
///
/// This is what separates `jane@example.com` from `user@localhost`, `root@server01` and `icon@2x.png`.
public enum EmailDomain {
    /// The IANA top-level domains, lower case (built on first use: the validator reads `table`).
    public static let topLevelDomains: Set<[UInt8]> = Set(words)

    private static let words = ianaTopLevelDomainList.split(whereSeparator: { $0 == " " || $0 == "\n" }).map {
        Array($0.utf8)
    }

    /// The domains in an open-addressing table looked up in place, without a lower-cased copy or a SipHash
    /// (both ran for every e-mail candidate: 1,800 instructions an address, now about 300).
    private static let table = TLDTable(words)

    /// Whether the address (`local@domain`, any case) has a syntactically valid domain under a real TLD.
    /// Runs for every e-mail candidate, so it walks the bytes once and allocates nothing.
    public static func isValid(_ address: [UInt8]) -> Bool {
        address.withUnsafeBufferPointer(isValid)
    }

    /// `isValid` on the bytes in place: one pass from the end, without the array's bounds checks (the checked
    /// walk was about 600 instructions an address, and every e-mail candidate of a text pays it).
    static func isValid(_ a: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = a.count
        // From the end: labels, then the `@`. `end`: one past the current label's last byte.
        var end = n
        var labels = 0
        var lastLabel = -1
        var i = n - 1
        while i >= 0 {
            let b = a[i]
            if b == UInt8(ascii: ".") || b == UInt8(ascii: "@") {
                let length = end - i - 1
                guard length >= 1 && length <= 63, a[i + 1] != UInt8(ascii: "-"), a[end - 1] != UInt8(ascii: "-")
                else { return false }
                if lastLabel < 0 { lastLabel = i + 1 }
                labels += 1
                if b == UInt8(ascii: "@") { break }
                end = i
            } else if !(ASCII.isLetter(b) || ASCII.isDigit(b) || b == UInt8(ascii: "-")) {
                return false
            }
            i -= 1
        }
        // `i`: the last `@`, which must have a local part before it and at most 253 bytes of domain after it.
        guard i > 0, n - i - 1 <= 253, labels >= 2 else { return false }
        return table.contains(UnsafeBufferPointer(rebasing: a[lastLabel...]))
    }

    /// The validator as rules name it: `email-domain`.
    public static let validator = Validator(
        "email-domain", "domain labels well formed and top-level domain delegated by IANA", predicate: isValid)
}

/// A fixed set of short ASCII words (the top-level domains), looked up case-insensitively in place: FNV-1a
/// over the lower-cased bytes, linear probing, the words stored flat.
struct TLDTable: Sendable {
    private let bytes: [UInt8]
    /// Per slot: the word's start in `bytes` and its length, or -1.
    private let slots: [(Int32, Int32)]

    init(_ words: [[UInt8]]) {
        var size = 16
        while size < words.count * 3 { size *= 2 }
        var bytes: [UInt8] = []
        var slots = [(Int32, Int32)](repeating: (-1, -1), count: size)
        for word in words {
            var i = Int(Self.hash(word[...]) & UInt64(size - 1))
            while slots[i].0 >= 0 { i = (i + 1) & (size - 1) }
            slots[i] = (Int32(bytes.count), Int32(word.count))
            bytes += word
        }
        self.bytes = bytes
        self.slots = slots
    }

    private static func hash<C: Collection>(_ word: C) -> UInt64 where C.Element == UInt8 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for b in word { h = (h ^ UInt64(ASCII.lower(b))) &* 0x0000_0100_0000_01B3 }
        return h
    }

    /// Whether `word`, ASCII letters in any case, is in the set.
    func contains(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
        let mask = slots.count - 1
        var i = Int(Self.hash(word) & UInt64(mask))
        while slots[i].0 >= 0 {
            let (start, length) = (Int(slots[i].0), Int(slots[i].1))
            if length == word.count {
                var k = 0
                while k < length && ASCII.lower(word[k]) == bytes[start + k] { k += 1 }
                if k == length { return true }
            }
            i = (i + 1) & mask
        }
        return false
    }
}
