/// The labels that name an identifier on documents and forms (`NHS number`, `ITIN`, `DL#`, `passport no`),
/// from the rules' `labels:`, and which entities each names. A value written right after a label is that
/// label's kind: a number under `NHS number` that fails the NHS check is not a phone number that happens to
/// fit, and a number under `ITIN` is not a driver's licence. Only bare numbers are decided so: an email
/// after `SSN` is an email.
struct LabelIndex: Sendable {
    /// Lower-cased label phrase → the entities whose rules list it.
    private let entities: [String: Set<String>]
    private let maxWords: Int
    /// Bit `ContextWords.firstTokenKey` set for the last word of every phrase that is all ASCII. The word right
    /// before a value must be some phrase's last word; one test of its key turns away most values (before,
    /// each built, lower-cased and joined up to `maxWords` strings: 8,800 instructions per number in installed
    /// documentation). A word with a byte outside ASCII goes the long way: it may lower-case to a label's word.
    private let lastWordKeys: [UInt64]

    init(rules: [Rule]) {
        var map: [String: Set<String>] = [:]
        var words = 0
        var keys = [UInt64](repeating: 0, count: 64)
        for rule in rules {
            for label in rule.labels {
                let phraseWords = Self.words(of: Array(label.lowercased().utf8))
                let phrase = phraseWords.joined(separator: " ")
                guard let last = phraseWords.last.map({ Array($0.utf8) }) else { continue }
                map[phrase, default: []].insert(rule.entity)
                words = max(words, phraseWords.count)
                if last.allSatisfy({ $0 < 0x80 }) {
                    let key = ContextWords.tokenKey(last)
                    keys[key >> 6] |= 1 << UInt64(key & 63)
                }
            }
        }
        entities = map
        maxWords = words
        lastWordKeys = keys
    }

    var isEmpty: Bool { entities.isEmpty }

    /// The entities named by the label that ends right before `start` on its line (only spaces, tabs, up to
    /// two of `: # = - .` and up to two quotes or closing brackets between them: `ITIN: `, `(ITIN): `, a JSON
    /// key's `"itin": "`), longest phrase first; nil when no label stands there.
    func entities(before start: Int, in subject: UnsafeRawBufferPointer, lowerBound: Int) -> Set<String>? {
        guard maxWords > 0 else { return nil }
        var i = start
        var punctuation = 0
        var quotes = 0
        while i > lowerBound {
            let c = subject[i - 1]
            if c == 0x20 || c == 0x09 { i -= 1; continue }
            if c == UInt8(ascii: ":") || c == UInt8(ascii: "#") || c == UInt8(ascii: "=") || c == UInt8(ascii: "-") || c == UInt8(ascii: ".") {
                punctuation += 1
                guard punctuation <= 2 else { return nil }
                i -= 1
                continue
            }
            if c == UInt8(ascii: "\"") || c == UInt8(ascii: "'") || c == UInt8(ascii: ")") || c == UInt8(ascii: "]") {
                quotes += 1
                guard quotes <= 2 else { return nil }
                i -= 1
                continue
            }
            break
        }
        // The word right before: some phrase's last word, or no label stands here.
        var s = i
        var ascii = true
        while s > lowerBound, Self.isWordByte(subject[s - 1]) {
            s -= 1
            if subject[s] >= 0x80 { ascii = false }
        }
        guard s < i else { return nil }
        if ascii {
            let key = ContextWords.tokenKey(lowering: subject, s, i - s)
            if lastWordKeys[key >> 6] & (1 << UInt64(key & 63)) == 0 { return nil }
        }
        // Up to maxWords words back, on this line.
        var words: [String] = []
        var end = i
        while words.count < maxWords && end > lowerBound {
            var s = end
            while s > lowerBound, Self.isWordByte(subject[s - 1]) { s -= 1 }
            guard s < end else { break }
            words.insert(String(decoding: subject[s..<end], as: UTF8.self).lowercased(), at: 0)
            var gap = s
            // Between a label's words: a space, an apostrophe (`driver's`), a dash, a dot, or the `_` of a key
            // (`passport_number`).
            while gap > lowerBound, subject[gap - 1] == 0x20 || subject[gap - 1] == UInt8(ascii: "'") || subject[gap - 1] == UInt8(ascii: "-")
                || subject[gap - 1] == UInt8(ascii: ".") || subject[gap - 1] == UInt8(ascii: "_")
            {
                gap -= 1
            }
            guard gap < s || s == lowerBound else { break }
            end = gap
        }
        // Longest phrase first; `DL#` and `driver's license` are matched as their words (`dl`, `driver s license`).
        for k in 0..<words.count {
            if let found = entities[words[k...].joined(separator: " ")] { return found }
        }
        return nil
    }

    /// Whether a value is a bare number (digits with spaces, dashes, dots, slashes, brackets or a plus): the
    /// kind of value a label decides. An email or an IBAN after `SSN` is still an email or an IBAN.
    static func isBareNumber(_ value: Slice<UnsafeRawBufferPointer>) -> Bool {
        var digits = 0
        for c in value {
            if c >= 0x30 && c <= 0x39 { digits += 1; continue }
            switch c {
            case 0x20, UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "/"), UInt8(ascii: "("), UInt8(ascii: ")"),
                UInt8(ascii: "+"):
                continue
            default: return false
            }
        }
        return digits > 0
    }

    static func isWordByte(_ c: UInt8) -> Bool {
        (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) || c >= 0x80
    }

    /// A label's words: runs of letters, digits and non-ASCII bytes.
    static func words(of bytes: [UInt8]) -> [String] {
        var out: [String] = []
        var current: [UInt8] = []
        for c in bytes {
            if isWordByte(c) { current.append(c) } else if !current.isEmpty {
                out.append(String(decoding: current, as: UTF8.self))
                current = []
            }
        }
        if !current.isEmpty { out.append(String(decoding: current, as: UTF8.self)) }
        return out
    }
}
