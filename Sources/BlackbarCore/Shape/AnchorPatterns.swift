extension ShapeAutomaton {
    /// The anchor prefilters of `rules` (keywords, and bytes and literals found by position alone) as one
    /// automaton, run by `ShapeRunner` in the same pass as the shape gate: a second table lookup per byte on
    /// an independent chain of loads costs almost nothing, where the keyword pass over every word start cost
    /// as much as the shape gate itself, and `memchr` for a common byte (`:`, `+`) paid a call per hit.
    ///
    /// Patterns per rule:
    /// - keywords: the first word of each phrase, as `KeywordTable` looks them up, case-insensitive for
    ///   ASCII letters, after a byte that is not an ASCII letter or digit;
    /// - bytes: any of the bytes (prefilters with a period or a count stay with `AnchorSearch`);
    /// - literal: its bytes, case-sensitive.
    ///
    /// A keyword rule gets one pattern per keyword length, so a pattern's windows are exactly where its
    /// keywords start, as the keyword table finds them (one pattern for all lengths would know only where a
    /// keyword ends, and open windows up to the longest keyword's length before the shortest's start: findings
    /// then depended on the gate). An `at-start` rule gets one more for its phrases (see `atStartPatterns`).
    /// Keyword windows never merge across bytes that start no keyword: the detector drops the anchors before a
    /// rule's search range, which the other searches never see, and needs every start for that. Byte and
    /// literal windows merge (a common byte such as `:` would make thousands); where one reaches back over a
    /// search range's start, the detector finds its first anchor inside.
    ///
    /// Nil when no rule has such a prefilter, or when the keywords tell more than 128 byte classes apart: the
    /// keyword table and the byte searches then make their own passes (an automaton that treated some bytes
    /// alike would find keywords the table does not).
    ///
    /// `gated`: indices of rules the shape gate reads. Their byte, literal and keyword anchors (not `at-start`
    /// ones) are left out: the detector searches those only near the rule's shape windows (a hit farther away
    /// opens a window the gate removes anyway). In the automaton a common byte (`:` in code, `+`, `=`) made
    /// an event at nearly every line, and keywords matched as word prefixes (`no`, `self`, `id`, `ref`) about
    /// 10,000 times per MB of text; with them out, the automaton keeps the keywords of ungated rules.
    static func anchors(_ rules: [Rule], gated: Set<Int> = []) -> ShapeAutomaton? {
        let patterns = anchorPatterns(rules, gated: gated)
        guard !patterns.isEmpty else { return nil }
        return ShapeAutomaton(patterns: patterns)
    }

    /// Whether `anchors` finds this prefilter's hits (the others keep their own search).
    static func isAnchor(_ prefilter: Prefilter) -> Bool {
        switch prefilter {
        case .keywords, .literal: return true
        case .bytes(_, let period, let count, _): return period == 0 && count <= 1
        case .none, .digits, .mixed: return false
        }
    }

    static func anchorPatterns(_ rules: [Rule], gated: Set<Int> = []) -> [GatePattern] {
        var patterns: [GatePattern] = []
        for (index, rule) in rules.enumerated() where isAnchor(rule.prefilter) {
            if gated.contains(index) {
                switch rule.prefilter {
                case .bytes, .literal, .keywords(_, false): continue
                default: break
                }
            }
            switch rule.prefilter {
            case .bytes(let needles, _, _, _) where !needles.isEmpty:
                patterns.append(GatePattern(
                    ruleIndex: index, shape: .bytes(ByteSet(needles)), minLength: 1, maxLength: 1, before: nil))
            case .literal(let literal) where !literal.isEmpty && literal.count <= maximumLength:
                patterns.append(GatePattern(
                    ruleIndex: index, shape: .sequence(literal.map { .bytes(ByteSet([$0])) }),
                    minLength: literal.count, maxLength: literal.count, before: nil))
            case .keywords(let phrases, let atStart):
                patterns += atStart
                    ? atStartPatterns(phrases, rule: index, unicode: rule.pattern.options.unicode)
                    : wordPatterns(rule.prefilter.keywordFirstWords, rule: index)
            default:
                continue
            }
        }
        return patterns
    }

    /// A keyword as a shape: keywords are stored lower-cased; the text may have either case.
    private static func keywordShape(_ word: [UInt8]) -> ShapeNode {
        .sequence(word.map { .bytes($0 &- 0x61 < 26 ? ByteSet([$0, $0 - 0x20]) : ByteSet([$0])) })
    }

    /// One pattern per length of `words` (findable keywords), each after a byte that is not an ASCII letter
    /// or digit: a window is exactly where a keyword starts.
    private static func wordPatterns(_ words: [[UInt8]], rule: Int) -> [GatePattern] {
        var byLength: [Int: [ShapeNode]] = [:]
        for word in Set(words).sorted(by: { $0.lexicographicallyPrecedes($1) }) {
            byLength[word.count, default: []].append(keywordShape(word))
        }
        return byLength.keys.sorted().map { length in
            GatePattern(
                ruleIndex: rule, shape: .either(byLength[length]!), minLength: length, maxLength: length,
                before: ByteSet.alnum.complement, mergeGap: 0)
        }
    }

    /// Patterns of an `at-start` keyword rule, whose regex runs right at each keyword: single words grouped
    /// by length (`wordPatterns`); phrases whole, their words apart by 1 to 16 white-space characters (`\s+`
    /// in the pattern; a label never spreads further), so a common first word (`data` of `data di nascita`)
    /// opens nothing alone. A phrase's length varies with its spaces, so its pattern's windows hold every
    /// place a phrase may start; the detector keeps those where one does (`PhraseCheck`).
    private static func atStartPatterns(_ phrases: [[UInt8]], rule: Int, unicode: Bool) -> [GatePattern] {
        var words: [[UInt8]] = []
        var phraseShapes: [ShapeNode] = []
        var shortest = Int.max, longest = 0
        let space = whitespace(unicode: unicode)
        let gap = ShapeNode.repeated(space, min: 1, max: 16)
        for phrase in Set(phrases).sorted(by: { $0.lexicographicallyPrecedes($1) }) {
            let parts = phrase.split(separator: 0x20).map(Array.init)
            guard let first = parts.first, Prefilter.isFindableKeyword(first) else { continue }
            if parts.count == 1 {
                words.append(first)
                continue
            }
            var items: [ShapeNode] = []
            for (k, part) in parts.enumerated() {
                if k > 0 { items.append(gap) }
                items.append(keywordShape(part))
            }
            let node = ShapeNode.sequence(items)
            guard let high = node.maxLength else { continue }
            phraseShapes.append(node)
            shortest = min(shortest, node.minLength)
            longest = max(longest, high)
        }
        var patterns = wordPatterns(words, rule: rule)
        if !phraseShapes.isEmpty {
            patterns.append(GatePattern(
                ruleIndex: rule, shape: .either(phraseShapes), minLength: shortest, maxLength: longest,
                before: ByteSet.alnum.complement, mergeGap: 0))
        }
        return patterns
    }

    /// One white-space character as PCRE2's `\s` reads it: ASCII tab, line feed, vertical tab, form feed,
    /// carriage return and space; with Unicode (`PCRE2_UCP`) also the other White_Space characters, in UTF-8.
    ///
    /// The characters as a trie (`ShapeNode.trie`): a phrase's gap is 16 copies of this node, and the 20
    /// sequences side by side made 62 nodes per copy, with each copy's entry leading to 21 at once; as a trie
    /// they are 13 and 5 (the anchor automaton went from 78,000 nodes to 24,000, and its build from 150 M
    /// instructions to 40 M, paid by every process that scans a block of 1 MB).
    static func whitespace(unicode: Bool) -> ShapeNode {
        let ascii: [[UInt8]] = [[0x09], [0x0A], [0x0B], [0x0C], [0x0D], [0x20]]
        return .trie(unicode ? ascii + PhraseCheck.unicodeSpaces : ascii)
    }
}

/// Phrase keywords of `at-start` rules, checked in place: what the anchor automaton's phrase patterns
/// accept, for the paths that find first words with the keyword table (gate off, or turned off), so
/// findings stay the same on every path.
enum PhraseCheck {
    /// The phrases of an `at-start` rule in the form `startsAt` reads: lower-cased, words apart by one space,
    /// flat (no array per phrase), without those whose first word can never be found
    /// (`Prefilter.isFindableKeyword`): where neither the keyword table nor the anchor automaton looks.
    struct Phrases: Sendable {
        /// The phrases one after another; phrase k ends at `ends[k]`.
        var bytes: [UInt8] = []
        var ends: [Int] = []
        /// The bytes a phrase may start with.
        var firsts = ByteSet()

        init(_ phrases: [[UInt8]]) {
            for phrase in phrases {
                let words = phrase.split(separator: 0x20)
                guard let first = words.first, Prefilter.isFindableKeyword(Array(first)) else { continue }
                for (k, word) in words.enumerated() {
                    if k > 0 { bytes.append(0x20) }
                    bytes.append(contentsOf: word)
                }
                ends.append(bytes.count)
                firsts.insert(first[first.startIndex])
            }
        }
    }

    /// Whether one of `phrases` starts at `at`, a word start (the byte before is not an ASCII letter or digit):
    /// its words apart by 1 to 16 white-space characters (`\s` as PCRE2 reads it; Unicode ones with
    /// `unicode`), ASCII letters in either case.
    static func startsAt(_ at: Int, _ phrases: Phrases, in base: UnsafePointer<UInt8>, length: Int, unicode: Bool) -> Bool {
        if at >= length || (at > 0 && ASCII.isAlnum(base[at - 1])) { return false }
        let first = ASCII.lower(base[at])
        guard phrases.firsts.contains(first) else { return false }
        return phrases.bytes.withUnsafeBufferPointer { bytes in
            var start = 0
            for end in phrases.ends {
                defer { start = end }
                if bytes[start] != first { continue }
                var i = at, k = start
                while k < end {
                    if bytes[k] == 0x20 {
                        var count = 0
                        while count < 16, let n = spaceLength(base, i, length, unicode: unicode) {
                            i += n
                            count += 1
                        }
                        if count == 0 { break }
                    } else {
                        if i >= length || ASCII.lower(base[i]) != bytes[k] { break }
                        i += 1
                    }
                    k += 1
                }
                if k == end { return true }
            }
            return false
        }
    }

    /// White_Space characters outside ASCII, in UTF-8: U+0085, U+00A0, U+1680, U+2000...U+200A, U+2028,
    /// U+2029, U+202F, U+205F, U+3000. `\s` matches them under `PCRE2_UCP`; the anchor automaton's phrase
    /// patterns are built from the same list.
    static let unicodeSpaces: [[UInt8]] = ([0x85, 0xA0, 0x1680] + Array(0x2000...0x200A) + [0x2028, 0x2029, 0x202F, 0x205F, 0x3000])
        .map { Array(String(Unicode.Scalar(UInt32($0))!).utf8) }

    /// Bytes of the white-space character at `i`, or nil.
    static func spaceLength(_ base: UnsafePointer<UInt8>, _ i: Int, _ length: Int, unicode: Bool) -> Int? {
        guard i < length else { return nil }
        let b = base[i]
        if b == 0x20 || (b >= 0x09 && b <= 0x0D) { return 1 }
        guard unicode, b >= 0xC2 else { return nil }
        for space in unicodeSpaces where i + space.count <= length {
            if (0..<space.count).allSatisfy({ base[i + $0] == space[$0] }) { return space.count }
        }
        return nil
    }
}
