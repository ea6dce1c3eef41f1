extension ShapeAutomaton {
    /// The anchor prefilters of `rules` (keywords, and bytes and literals found by position alone) as one
    /// automaton, run by `ShapeRunner` in the same pass as the shape gate: a second table lookup per byte on
    /// an independent chain of loads costs almost nothing, where the keyword pass over every word start cost
    /// as much as the shape gate itself, and `memchr` for a common byte (`:`, `+`) paid a call per hit.
    ///
    /// One pattern per rule:
    /// - keywords: any of them (the first word of each phrase, as `KeywordTable` looks them up),
    ///   case-insensitive for ASCII letters, after a byte that is not an ASCII letter or digit;
    /// - bytes: any of the bytes (prefilters with a period or a count stay with `AnchorSearch`);
    /// - literal: its bytes, case-sensitive.
    ///
    /// An `at-start` keyword rule gets one pattern per keyword length (see `anchorPatterns`).
    ///
    /// Nil when no rule has such a prefilter. Keywords whose bytes outside ASCII would need more than 128 byte
    /// classes fall back to treating all such bytes alike (more hits, never fewer).
    static func anchors(_ rules: [Rule]) -> ShapeAutomaton? {
        let exact = anchorPatterns(rules, highAlike: false)
        guard !exact.isEmpty else { return nil }
        return ShapeAutomaton(patterns: exact) ?? ShapeAutomaton(patterns: anchorPatterns(rules, highAlike: true))
    }

    /// Whether `anchors` finds this prefilter's hits (the others keep their own search).
    static func isAnchor(_ prefilter: Prefilter) -> Bool {
        switch prefilter {
        case .keywords, .literal: return true
        case .bytes(_, let period, let count, _): return period == 0 && count <= 1
        case .none, .digits, .mixed: return false
        }
    }

    static func anchorPatterns(_ rules: [Rule], highAlike: Bool) -> [GatePattern] {
        let alnum = ByteSet.alnum
        var patterns: [GatePattern] = []
        for (index, rule) in rules.enumerated() where isAnchor(rule.prefilter) {
            switch rule.prefilter {
            case .bytes(let needles, _, _, _) where !needles.isEmpty:
                patterns.append(GatePattern(
                    ruleIndex: index, shape: .bytes(ByteSet(needles)), minLength: 1, maxLength: 1, before: nil))
            case .literal(let literal) where !literal.isEmpty && literal.count <= maximumLength:
                patterns.append(GatePattern(
                    ruleIndex: index, shape: .sequence(literal.map { .bytes(ByteSet([$0])) }),
                    minLength: literal.count, maxLength: literal.count, before: nil))
            case .keywords(let phrases, let atStart):
                func shape(_ word: [UInt8]) -> ShapeNode {
                    .sequence(word.map { byte in
                        if highAlike && byte >= 0x80 { return .bytes(.high) }
                        // Keywords are stored lower-cased; the text may have either case.
                        return .bytes(ASCII.isLower(byte) ? ByteSet([byte, byte - 0x20]) : ByteSet([byte]))
                    })
                }
                // The keyword pass starts words only at an ASCII letter or digit or a byte outside ASCII.
                func usable(_ word: [UInt8]) -> Bool {
                    !word.isEmpty && word.count <= maximumLength && (alnum.contains(word[0]) || word[0] >= 0x80)
                }
                if atStart {
                    patterns += atStartPatterns(
                        phrases, rule: index, unicode: rule.pattern.options.unicode, shape: shape, usable: usable)
                    continue
                }
                var shapes: [(ShapeNode, Int)] = []
                for word in rule.prefilter.keywordFirstWords where usable(word) {
                    shapes.append((shape(word), word.count))
                }
                guard let shortest = shapes.map(\.1).min(), let longest = shapes.map(\.1).max() else { continue }
                patterns.append(GatePattern(
                    ruleIndex: index, shape: .either(shapes.map(\.0)), minLength: shortest, maxLength: longest,
                    before: alnum.complement))
            default:
                continue
            }
        }
        return patterns
    }

    /// Patterns of an `at-start` keyword rule, whose regex runs right at each keyword: single words grouped
    /// by length, so a window is exactly where a keyword starts; phrases whole, their words apart by 1 to 16
    /// white-space characters (`\s+` in the pattern; a label never spreads further), so a common first word
    /// (`data` of `data di nascita`) opens nothing alone. Windows never merge across the bytes between them.
    private static func atStartPatterns(
        _ phrases: [[UInt8]], rule: Int, unicode: Bool, shape: ([UInt8]) -> ShapeNode, usable: ([UInt8]) -> Bool
    ) -> [GatePattern] {
        let before = ByteSet.alnum.complement
        var words: [Int: [ShapeNode]] = [:]
        var phraseShapes: [ShapeNode] = []
        var shortest = Int.max, longest = 0
        let space = whitespace(unicode: unicode)
        let gap = ShapeNode.repeated(space, min: 1, max: 16)
        for phrase in Set(phrases).sorted(by: { $0.lexicographicallyPrecedes($1) }) {
            let parts = phrase.split(separator: 0x20).map(Array.init)
            guard let first = parts.first, usable(first) else { continue }
            if parts.count == 1 {
                words[first.count, default: []].append(shape(first))
                continue
            }
            var items: [ShapeNode] = []
            for (k, part) in parts.enumerated() {
                if k > 0 { items.append(gap) }
                items.append(shape(part))
            }
            let node = ShapeNode.sequence(items)
            guard let high = node.maxLength else { continue }
            phraseShapes.append(node)
            shortest = min(shortest, node.minLength)
            longest = max(longest, high)
        }
        var patterns = words.keys.sorted().map { length in
            GatePattern(
                ruleIndex: rule, shape: .either(words[length]!), minLength: length, maxLength: length, before: before,
                mergeGap: 0)
        }
        if !phraseShapes.isEmpty {
            patterns.append(GatePattern(
                ruleIndex: rule, shape: .either(phraseShapes), minLength: shortest, maxLength: longest, before: before,
                mergeGap: 0))
        }
        return patterns
    }

    /// One white-space character as PCRE2's `\s` reads it: ASCII tab, line feed, vertical tab, form feed,
    /// carriage return and space; with Unicode (`PCRE2_UCP`) also the other White_Space characters, in UTF-8.
    static func whitespace(unicode: Bool) -> ShapeNode {
        let ascii = ShapeNode.bytes(ByteSet([0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x20]))
        guard unicode else { return ascii }
        return .either([ascii] + PhraseCheck.unicodeSpaces.map { .sequence($0.map { .bytes(ByteSet([$0])) }) })
    }
}

/// Phrase keywords of `at-start` rules, checked in place: what the anchor automaton's phrase patterns
/// accept, for the paths that find first words with the keyword table (gate off, or turned off), so
/// findings stay the same on every path.
enum PhraseCheck {
    /// Whether one of `phrases` (lower-cased words apart by single spaces) starts at `at`: its words apart
    /// by 1 to 16 white-space characters (`\s` as PCRE2 reads it; Unicode ones with `unicode`), ASCII
    /// letters in either case.
    static func startsAt(_ at: Int, _ phrases: [[UInt8]], in base: UnsafePointer<UInt8>, length: Int, unicode: Bool) -> Bool {
        phrases.contains { phrase in
            var i = at
            for (k, word) in phrase.split(separator: 0x20).enumerated() {
                if k > 0 {
                    var count = 0
                    while count < 16, let n = spaceLength(base, i, length, unicode: unicode) {
                        i += n
                        count += 1
                    }
                    if count == 0 { return false }
                }
                for b in word {
                    guard i < length, ASCII.lower(base[i]) == b else { return false }
                    i += 1
                }
            }
            return true
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
