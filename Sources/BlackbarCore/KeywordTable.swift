/// All keyword prefilters of a rule set, found in one pass over a block.
///
/// Keywords are indexed by their first (lower-cased) byte; only word starts are tried (a byte after one
/// that is not an ASCII letter or digit), so `lic` is never found inside `public`. Bytes of other scripts
/// count as word starts, which lets CJK keywords match inside running text.
struct KeywordTable {
    /// For each byte value: whether some keyword starts with it (either ASCII case).
    private var isFirst = [Bool](repeating: false, count: 256)
    /// Keywords flattened: `entries[k]` = (offset into `bytes`, length, rule); grouped by lower-cased first byte.
    private var bytes: [UInt8] = []
    private var entries: [(offset: Int, length: Int, rule: Int)] = []
    /// For each lower-cased (first, second) byte pair, the range of `entries` that start with it; keywords
    /// of one byte sit in every pair of their first byte.
    private var groups = [Range<Int>](repeating: 0..<0, count: 65536)
    /// Bit set over the pairs that have a group: a cheap gate before the group is read.
    private var pairs = [UInt64](repeating: 0, count: 1024)
    private(set) var isEmpty = true

    init(_ rules: [Rule]) {
        var byPair: [Int: [(word: [UInt8], rule: Int)]] = [:]
        for (index, rule) in rules.enumerated() {
            guard case .keywords(let phrases) = rule.prefilter else { continue }
            // A phrase is looked up by its first word: `codice fiscale` must also open `codice_fiscale`
            // and `codice-fiscale`, which the context test (on word tokens) accepts.
            let words = Set(phrases.compactMap { $0.split(separator: 0x20).first.map(Array.init) })
            for word in words.sorted(by: { $0.lexicographicallyPrecedes($1) }) where !word.isEmpty {
                isFirst[Int(word[0])] = true
                if word[0] &- 0x61 < 26 { isFirst[Int(word[0]) - 32] = true }
                if word.count == 1 {
                    for second in 0..<256 { byPair[Int(word[0]) << 8 | second, default: []].append((word, index)) }
                } else {
                    byPair[Int(word[0]) << 8 | Int(word[1]), default: []].append((word, index))
                }
                isEmpty = false
            }
        }
        for pair in byPair.keys.sorted() {
            let start = entries.count
            for (word, rule) in byPair[pair]! {
                entries.append((bytes.count, word.count, rule))
                bytes.append(contentsOf: word)
            }
            groups[pair] = start..<entries.count
            pairs[pair >> 6] |= 1 << UInt64(pair & 63)
        }
    }

    /// Fills `hits[rule]` with the positions of that rule's keywords in `from..<to`.
    ///
    /// Word starts are found eight bytes at a time (SWAR): a byte that is an ASCII letter or digit, or not
    /// ASCII, after a byte that is not an ASCII letter or digit. Only those are looked up.
    func scan(_ base: UnsafePointer<UInt8>, from: Int, to: Int, rules: Int, into hits: inout [[Int]]) {
        if hits.count != rules { hits = Array(repeating: [], count: rules) }
        for k in hits.indices where !hits[k].isEmpty { hits[k].removeAll(keepingCapacity: true) }
        isFirst.withUnsafeBufferPointer { isFirst in
          pairs.withUnsafeBufferPointer { pairs in
            bytes.withUnsafeBufferPointer { words in
              entries.withUnsafeBufferPointer { entries in
                groups.withUnsafeBufferPointer { groups in
                    @inline(__always) func tryAt(_ i: Int) {
                        let b = base[i]
                        guard isFirst[Int(b)] else { return }
                        let pair = Int(ASCII.lower(b)) << 8 | Int(i + 1 < to ? ASCII.lower(base[i + 1]) : 0)
                        guard pairs[pair >> 6] & (1 << UInt64(pair & 63)) != 0 else { return }
                        for e in groups[pair] {
                            let entry = entries[e]
                            guard i + entry.length <= to else { continue }
                            var j = 1
                            while j < entry.length && ASCII.lower(base[i + j]) == words[entry.offset + j] { j += 1 }
                            if j == entry.length && (hits[entry.rule].last ?? -1) != i { hits[entry.rule].append(i) }
                        }
                    }
                    var previousAlnum: UInt64 = from > 0 && ASCII.isAlnum(base[from - 1]) ? 1 : 0
                    var i = from
                    while i + 8 <= to {
                        let x = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                        let alnum = Self.alnumMask(x)
                        let wordish = alnum | (x & 0x8080_8080_8080_8080)
                        // High bit of byte k of `prev` = whether byte k-1 was alphanumeric.
                        let prev = (alnum << 8) | (previousAlnum << 7)
                        var starts = wordish & ~prev & 0x8080_8080_8080_8080
                        while starts != 0 {
                            let k = starts.trailingZeroBitCount >> 3
                            tryAt(i + k)
                            starts &= starts - 1
                        }
                        previousAlnum = alnum >> 63
                        i += 8
                    }
                    while i < to {
                        if i == 0 || !ASCII.isAlnum(base[i - 1]) { tryAt(i) }
                        i += 1
                    }
                }
              }
            }
          }
        }
    }

    /// High bit of each byte set when that byte is an ASCII letter or digit (exact per byte: no borrows).
    @inline(__always) static func alnumMask(_ x: UInt64) -> UInt64 {
        let high: UInt64 = 0x8080_8080_8080_8080
        let ascii = ~x & high
        let low7 = x & 0x7F7F_7F7F_7F7F_7F7F
        // digits 0x30...0x39
        let geDigit = (low7 | high) &- 0x3030_3030_3030_3030
        let leDigit = 0xB9B9_B9B9_B9B9_B9B9 &- low7
        // letters: (x | 0x20) in 0x61...0x7A
        let folded = low7 | 0x2020_2020_2020_2020
        let geLetter = (folded | high) &- 0x6161_6161_6161_6161
        let leLetter = 0xFAFA_FAFA_FAFA_FAFA &- folded
        return ((geDigit & leDigit) | (geLetter & leLetter)) & ascii
    }
}
