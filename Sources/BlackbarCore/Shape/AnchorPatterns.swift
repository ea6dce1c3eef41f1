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
        let alnum = ByteSet.digits.union(.upper).union(.lower)
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
            case .keywords(let phrases, _):
                let words = Set(phrases.compactMap { $0.split(separator: 0x20).first.map(Array.init) })
                var shapes: [ShapeNode] = []
                var lengths: [Int] = []
                // The keyword pass starts words only at an ASCII letter or digit or a byte outside ASCII.
                for word in words.sorted(by: { $0.lexicographicallyPrecedes($1) })
                where !word.isEmpty && word.count <= maximumLength && (alnum.contains(word[0]) || word[0] >= 0x80) {
                    shapes.append(.sequence(word.map { byte in
                        if highAlike && byte >= 0x80 { return .bytes(.high) }
                        // Keywords are stored lower-cased; the text may have either case.
                        return .bytes(byte &- 0x61 < 26 ? ByteSet([byte, byte - 0x20]) : ByteSet([byte]))
                    }))
                    lengths.append(word.count)
                }
                guard let shortest = lengths.min(), let longest = lengths.max() else { continue }
                patterns.append(GatePattern(
                    ruleIndex: index, shape: .either(shapes), minLength: shortest, maxLength: longest,
                    before: alnum.complement))
            default:
                continue
            }
        }
        return patterns
    }
}
