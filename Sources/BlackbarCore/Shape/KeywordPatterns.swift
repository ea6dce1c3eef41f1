extension ShapeAutomaton {
    /// The keyword prefilters of `rules` as one automaton, run by `ShapeRunner` in the same pass as the shape
    /// gate: a second table lookup per byte on an independent chain of loads costs almost nothing, where a
    /// pass of its own over every word start cost as much as the shape gate itself.
    ///
    /// Each keyword rule is one pattern: any of its keywords (the first word of each phrase, as `KeywordTable`
    /// looks them up), case-insensitive for ASCII letters, after a byte that is not an ASCII letter or digit.
    /// Nil when no rule has keywords. Keywords whose bytes outside ASCII would need more than 128 byte classes
    /// fall back to treating all such bytes alike (more hits, never fewer).
    static func keywords(_ rules: [Rule]) -> ShapeAutomaton? {
        let exact = keywordPatterns(rules, highAlike: false)
        guard !exact.isEmpty else { return nil }
        return ShapeAutomaton(patterns: exact) ?? ShapeAutomaton(patterns: keywordPatterns(rules, highAlike: true))
    }

    static func keywordPatterns(_ rules: [Rule], highAlike: Bool) -> [GatePattern] {
        let alnum = ByteSet.digits.union(.upper).union(.lower)
        var patterns: [GatePattern] = []
        for (index, rule) in rules.enumerated() {
            guard case .keywords(let phrases) = rule.prefilter else { continue }
            let words = Set(phrases.compactMap { $0.split(separator: 0x20).first.map(Array.init) })
            var shapes: [ShapeNode] = []
            var lengths: [Int] = []
            // The keyword pass starts words only at an ASCII letter or digit or a byte outside ASCII.
            for word in words.sorted(by: { $0.lexicographicallyPrecedes($1) })
            where !word.isEmpty && (alnum.contains(word[0]) || word[0] >= 0x80) {
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
        }
        return patterns
    }
}
