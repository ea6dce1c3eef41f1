import CBlackbarSIMD

/// All keyword prefilters of a rule set, found in one pass over a block.
///
/// Keywords are indexed by their first (lower-cased) byte; only word starts are tried (a byte after one
/// that is not an ASCII letter or digit), so `lic` is never found inside `public`. Bytes of other scripts
/// count as word starts, which lets CJK keywords match inside running text.
struct KeywordTable {
    /// Keywords flattened: `entries[k]` = (offset into `bytes`, length, rule); grouped by lower-cased first byte.
    private var bytes: [UInt8] = []
    private var entries: [(offset: Int, length: Int, rule: Int)] = []
    /// Per entry: its first eight bytes packed little-endian (zero past its end), and a mask over the bytes
    /// it has among them. A keyword is compared with eight lower-cased bytes of text in one go; the byte loop
    /// this replaced ran about five times per word start tried.
    private var packed: [UInt64] = []
    private var packedMask: [UInt64] = []
    /// For each lower-cased (first, second) byte pair that some keyword starts with, in pair order, the range of
    /// `entries` that start with it; keywords of one byte sit in every pair of their first byte. A pair's group
    /// is at its rank among the pairs of `pairs` (`groupBase` counts them per word): a table over all 65,536
    /// pairs cost a megabyte to zero in every run.
    private var groups: [Range<Int>] = []
    private var groupBase = [Int32](repeating: 0, count: 1024)
    /// Bit set over the pairs that have a group: a cheap gate before the group is read.
    private var pairs = [UInt64](repeating: 0, count: 1024)
    /// The same over the raw (not lower-cased) pairs, one byte per pair (0x80 when some keyword starts with
    /// it, else 0), indexed by the two bytes as a little-endian UInt16: a 16-bit load and a byte load per
    /// place, before any case folding. As a bit set (8 KB instead of 64) the test took 14 instructions per
    /// place, 112 per eight bytes, 40% of the keyword search on a CSV file; pairs of letters, what text
    /// asks for, sit in about 60 cache lines of it.
    private var rawPairs = [UInt8](repeating: 0, count: 65536)
    /// For the group starting at entry k: the lower-cased third bytes its keywords allow (all, for keywords
    /// of one or two bytes). Common pairs (`re`, `in`, `co`) pass the pair test; the third byte stops most.
    private var thirds: [ByteSet] = []
    private(set) var isEmpty = true
    /// Length of the longest keyword: a pass finds the keywords that start in its range and end by its end.
    private(set) var longest = 0

    /// The keywords of `rules`, or of those whose index `include` accepts (hits stay by index in `rules`).
    init(_ rules: [Rule], where include: (Int) -> Bool = { _ in true }) {
        var byPair: [Int: [(word: [UInt8], rule: Int)]] = [:]
        for (index, rule) in rules.enumerated() where include(index) {
            for word in rule.prefilter.keywordFirstWords where !word.isEmpty {
                if word.count == 1 {
                    for second in 0..<256 { byPair[Int(word[0]) << 8 | second, default: []].append((word, index)) }
                } else {
                    byPair[Int(word[0]) << 8 | Int(word[1]), default: []].append((word, index))
                }
                isEmpty = false
                longest = max(longest, word.count)
            }
        }
        for pair in byPair.keys.sorted() {
            let start = entries.count
            for (word, rule) in byPair[pair]! {
                entries.append((bytes.count, word.count, rule))
                bytes.append(contentsOf: word)
                var value: UInt64 = 0
                for (k, b) in word.prefix(8).enumerated() { value |= UInt64(b) << UInt64(8 * k) }
                packed.append(value)
                packedMask.append(word.count >= 8 ? ~0 : (1 << UInt64(8 * word.count)) &- 1)
            }
            groups.append(start..<entries.count)
            pairs[pair >> 6] |= 1 << UInt64(pair & 63)
            var third = ByteSet()
            for (word, _) in byPair[pair]! {
                if word.count < 3 { third = .all } else { third.insert(word[2]); third.insert(Self.cases(word[2]).last!) }
            }
            while thirds.count < entries.count { thirds.append(third) }
            let first = UInt8(pair >> 8), second = UInt8(pair & 0xFF)
            for a in Self.cases(first) {
                for b in Self.cases(second) {
                    rawPairs[Int(b) << 8 | Int(a)] = 0x80
                }
            }
        }
        var count: Int32 = 0
        for w in pairs.indices {
            groupBase[w] = count
            count += Int32(pairs[w].nonzeroBitCount)
        }
    }

    /// A lower-case byte and its upper-case form (ASCII letters only).
    private static func cases(_ b: UInt8) -> [UInt8] { ASCII.isLower(b) ? [b, b - 0x20] : [b] }

    /// Fills `hits[rule]` with the positions of that rule's keywords that start and end in `from..<to` (the
    /// byte before `from` tells whether a word starts there). With `keeping`, hits of earlier calls stay
    /// (calls must then come in order of their ranges, which must not overlap).
    ///
    /// Word starts are found eight bytes at a time (SWAR): a byte that is an ASCII letter or digit, or not
    /// ASCII, after a byte that is not an ASCII letter or digit. Only those are looked up.
    func scan(
        _ base: UnsafePointer<UInt8>, from: Int, to: Int, rules: Int, into hits: inout [[Int]], keeping: Bool = false
    ) {
        if hits.count != rules { hits = Array(repeating: [], count: rules) }
        if !keeping { for k in hits.indices where !hits[k].isEmpty { hits[k].removeAll(keepingCapacity: true) } }
        rawPairs.withUnsafeBufferPointer { rawPairs in
          pairs.withUnsafeBufferPointer { pairs in
            bytes.withUnsafeBufferPointer { words in
              entries.withUnsafeBufferPointer { entries in
                groups.withUnsafeBufferPointer { groups in
                 groupBase.withUnsafeBufferPointer { groupBase in
                 thirds.withUnsafeBufferPointer { thirds in
                 packed.withUnsafeBufferPointer { packed in
                 packedMask.withUnsafeBufferPointer { packedMask in
                    @inline(__always) func tryAt(_ i: Int) {
                        // The eight-byte loop has already tested the raw pair; the lower-cased pair test
                        // below is what the tail bytes need, and selects the group.
                        let b = base[i]
                        let pair = Int(ASCII.lower(b)) << 8 | Int(i + 1 < to ? ASCII.lower(base[i + 1]) : 0)
                        let word = pairs[pair >> 6], bit: UInt64 = 1 << UInt64(pair & 63)
                        guard word & bit != 0 else { return }
                        let group = groups[Int(groupBase[pair >> 6]) + (word & (bit &- 1)).nonzeroBitCount]
                        if i + 2 < to, !thirds[group.lowerBound].contains(base[i + 2]) { return }
                        let eight = i + 8 <= to ? Self.lowered(UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)) : nil
                        for e in group {
                            let entry = entries[e]
                            guard i + entry.length <= to else { continue }
                            var j = 1
                            if let eight {
                                guard (eight ^ packed[e]) & packedMask[e] == 0 else { continue }
                                j = min(8, entry.length)
                            }
                            while j < entry.length && ASCII.lower(base[i + j]) == words[entry.offset + j] { j += 1 }
                            if j == entry.length && (hits[entry.rule].last ?? -1) != i { hits[entry.rule].append(i) }
                        }
                    }
                    var previousAlnum: UInt64 = from > 0 && ASCII.isAlnum(base[from - 1]) ? 1 : 0
                    var i = from
                    // Sixty-four bytes at a time in C (`bb_keyword_starts64`: SSE2 masks, then the pair test at
                    // word starts only); the eight-byte loop below takes the rest. It cost about seven
                    // instructions a byte on its own: 6% of a scan of a CSV file, whose shape windows are everywhere.
                    var carry = Int32(previousAlnum)
                    while i + 65 <= to {
                        var known = bb_keyword_starts64(base + i, &carry, rawPairs.baseAddress!)
                        while known != 0 {
                            tryAt(i + known.trailingZeroBitCount)
                            known &= known - 1
                        }
                        i += 64
                    }
                    previousAlnum = UInt64(carry)
                    while i + 9 <= to {
                        let x = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                        let alnum = Self.alnumMask(x)
                        let wordish = alnum | (x & 0x8080_8080_8080_8080)
                        // High bit of byte k of `prev` = whether byte k-1 was alphanumeric.
                        let prev = (alnum << 8) | (previousAlnum << 7)
                        var starts = wordish & ~prev & 0x8080_8080_8080_8080
                        if starts != 0 {
                            // Test the raw pair at each of the 8 places without branches, then keep only word
                            // starts whose pair begins some keyword: a word start is a coin toss for the
                            // pair test, and mispredicted branches cost more than eight table loads.
                            let at = UnsafeRawPointer(base + i)
                            var known: UInt64 = 0
                            for k in 0..<8 {
                                let raw = Int(UInt16(littleEndian: at.loadUnaligned(fromByteOffset: k, as: UInt16.self)))
                                known |= UInt64(rawPairs[raw]) << UInt64(8 * k)
                            }
                            starts &= known
                        }
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
            }
          }
        }
    }

    /// Eight bytes (little-endian) with each ASCII capital lower-cased, as `ASCII.lower` does byte by byte.
    @inline(__always) static func lowered(_ x: UInt64) -> UInt64 {
        let high: UInt64 = 0x8080_8080_8080_8080
        let low7 = x & 0x7F7F_7F7F_7F7F_7F7F
        // High bit of each byte that is 0x41...0x5A (and below 0x80): no borrow crosses a byte.
        let upper = ((low7 | high) &- 0x4141_4141_4141_4141) & (0xDADA_DADA_DADA_DADA &- low7) & ~x & high
        return x | (upper >> 2)
    }

    /// High bit of each byte set when that byte is an ASCII letter or digit (exact per byte: no borrows).
    @inline(__always) static func alnumMask(_ x: UInt64) -> UInt64 {
        let high: UInt64 = 0x8080_8080_8080_8080
        let low7 = x & 0x7F7F_7F7F_7F7F_7F7F
        // letters: (x | 0x20) in 0x61...0x7A
        let folded = low7 | 0x2020_2020_2020_2020
        let geLetter = (folded | high) &- 0x6161_6161_6161_6161
        let leLetter = 0xFAFA_FAFA_FAFA_FAFA &- folded
        return digitMask(x) | (geLetter & leLetter & ~x & high)
    }

    /// High bit of each byte set when that byte is an ASCII digit, 0x30...0x39 (exact per byte: no borrows).
    @inline(__always) static func digitMask(_ x: UInt64) -> UInt64 {
        let high: UInt64 = 0x8080_8080_8080_8080
        let low7 = x & 0x7F7F_7F7F_7F7F_7F7F
        return ((low7 | high) &- 0x3030_3030_3030_3030) & (0xB9B9_B9B9_B9B9_B9B9 &- low7) & ~x & high
    }
}
