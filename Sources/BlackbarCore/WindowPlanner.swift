#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where each rule of a set may match in a subject: the prefilter machinery (the shape gate and the anchor
/// automaton of `Shape/`, the keyword table, digit clusters, letter-digit runs, byte and literal searches)
/// behind one question. The detector keeps the rule loop and the judging of matches.
///
/// `prepare` runs the shared passes over a subject once; `windows(forRule:...)` then answers per rule.
/// Per-thread state (the lazy DFAs, hit lists, caches) lives in the `DetectorScratch`.
final class WindowPlanner: Sendable {
    /// The rules it plans for.
    let ruleSet: RuleSet
    let usesDigits: Bool
    let usesMixed: Bool
    /// Whether gated rules need the digit-cluster or letter-digit pass when the gate is off (and no
    /// ungated rule already asks for it).
    let gatedDigits: Bool
    let gatedMixed: Bool
    /// Keywords of all keyword rules, looked for in one pass over the block.
    let keywords: KeywordTable
    /// Keywords of the gated keyword rules (not `at-start`), looked for only near their shape windows.
    let gatedKeywords: KeywordTable
    /// Indices of those rules.
    let gatedKeywordRules: [Int]
    /// One automaton for the coarse shapes of all rules whose pattern it can read; nil when none.
    let shapeGate: ShapeAutomaton?
    /// Per rule index: its number in the shape gate, or -1 when it is not gated.
    let gateNumber: [Int]
    /// The keyword, byte and literal prefilters as an automaton, run in the shape gate's pass; nil when no
    /// rule has one or the gate is off (then `keywords` and `AnchorSearch` make their own passes).
    let anchorGate: ShapeAutomaton?
    /// Per rule index: its patterns in `anchorGate` (none, one, or one per keyword length, and one for the
    /// phrases of an `at-start` rule).
    let anchorNumbers: [[Int]]
    /// Per rule index: the phrases of an `at-start` keyword rule (`PhraseCheck`); empty for others.
    let atStartPhrases: [PhraseCheck.Phrases]
    /// Per rule index, for an `at-start` keyword rule whose every match holds a digit: the largest index the
    /// first digit of a match may have (`ShapeNode.firstIndexBound`); nil for others. A label rule's window
    /// is the place its label starts: with no digit that close after it (`no longer`, `id="main"`), PCRE2
    /// need not run. The three generic-label rules alone took 5,800 PCRE2 calls per MB of documentation.
    /// Read from the rule's shape on first use (parsing the label rules' patterns at start-up cost 4.6 M
    /// instructions, paid by every run, also one that never sees a label).
    func digitReach(_ index: Int) -> Int? { digitReaches[index]?.get() }
    private let digitReaches: [OnceCell<Int?>?]
    /// Per rule index: the number of its `WindowKey` (rules with equal keys share windows in a block), or -1.
    let windowKeyNumber: [Int]
    /// Number of distinct window keys.
    let windowKeyCount: Int
    /// What the per-thread runner runs: the shape gate and the anchor automaton, an empty automaton
    /// standing in for a missing one. Nil when neither exists.
    let runnerAutomata: (shapes: ShapeAutomaton, anchors: ShapeAutomaton)?


    /// Plans for `ruleSet`; `gate` false leaves the shape gate and the anchor automaton out (the prefilters
    /// then work alone, with the same findings).
    init(ruleSet: RuleSet, shapeGate gate: Bool) {
        self.ruleSet = ruleSet
        self.shapeGate = gate ? ShapeAutomaton(rules: ruleSet.rules) : nil
        var numbers = Array(repeating: -1, count: ruleSet.rules.count)
        if let automaton = self.shapeGate { for (k, r) in automaton.ruleIndex.enumerated() { numbers[r] = k } }
        gateNumber = numbers
        anchorGate = gate ? ShapeAutomaton.anchors(ruleSet.rules, gated: Set(self.shapeGate?.ruleIndex ?? [])) : nil
        var anchors = Array(repeating: [Int](), count: ruleSet.rules.count)
        if let automaton = anchorGate { for (k, r) in automaton.ruleIndex.enumerated() { anchors[r].append(k) } }
        anchorNumbers = anchors
        atStartPhrases = ruleSet.rules.map { rule in
            guard case .keywords(let phrases, true) = rule.prefilter else { return PhraseCheck.Phrases([]) }
            return PhraseCheck.Phrases(phrases)
        }
        digitReaches = ruleSet.rules.map { rule in
            guard case .keywords(_, true) = rule.prefilter else { return nil }
            let (source, options) = (rule.pattern.source, rule.pattern.options)
            return OnceCell {
                ShapeParser.parse(source, unicode: options.unicode, caseless: options.caseless)?
                    .firstIndexBound(of: .digits)
            }
        }
        if self.shapeGate != nil || anchorGate != nil {
            let empty = ShapeAutomaton(patterns: [])!
            runnerAutomata = (self.shapeGate ?? empty, anchorGate ?? empty)
        } else {
            runnerAutomata = nil
        }
        // Digit clusters and letter-digit runs are computed only for rules the gate cannot read: for the
        // others their shape is the sharper test. Keyword, byte and literal prefilters stay (their windows
        // are cut down to the shape's): they test what the coarse shape cannot see.
        func needs(gated: Bool, _ kind: (Prefilter) -> Bool) -> Bool {
            ruleSet.rules.indices.contains { (numbers[$0] >= 0) == gated && kind(ruleSet.rules[$0].prefilter) }
        }
        let isDigits: (Prefilter) -> Bool = { if case .digits = $0 { return true } else { return false } }
        let isMixed: (Prefilter) -> Bool = { if case .mixed = $0 { return true } else { return false } }
        usesDigits = needs(gated: false, isDigits)
        usesMixed = needs(gated: false, isMixed)
        gatedDigits = !usesDigits && needs(gated: true, isDigits)
        gatedMixed = !usesMixed && needs(gated: true, isMixed)
        keywords = KeywordTable(ruleSet.rules)
        let hasAnchorGate = anchorGate != nil
        let gatedKeywordRules = ruleSet.rules.indices.filter { index in
            guard hasAnchorGate, numbers[index] >= 0, case .keywords(_, false) = ruleSet.rules[index].prefilter else {
                return false
            }
            return true
        }
        self.gatedKeywordRules = gatedKeywordRules
        let inGated = Set(gatedKeywordRules)
        gatedKeywords = KeywordTable(ruleSet.rules, where: inGated.contains)
        var keyNumbers: [WindowKey: Int] = [:]
        windowKeyNumber = ruleSet.rules.map { rule in
            guard let key = WindowKey(rule) else { return -1 }
            if let k = keyNumbers[key] { return k }
            keyNumbers[key] = keyNumbers.count
            return keyNumbers.count - 1
        }
        windowKeyCount = keyNumbers.count
    }

    /// Ids of the rules the shape gate can read (the others rely on their prefilter alone).
    var gatedRuleIDs: [String] { shapeGate?.ruleIndex.map { ruleSet.rules[$0].id } ?? [] }

    /// Runs the shared passes over `base[0..<length]` for matches starting in `region`. Returns the shape
    /// runner whose windows `windows(forRule:...)` reads, or nil when the gate is off or has turned itself off
    /// for this thread.
    func prepare(_ base: UnsafePointer<UInt8>, length: Int, region: Range<Int>, scratch: DetectorScratch) -> ShapeRunner? {
        computeAnchors(base, length: length, region: region, scratch: scratch, digits: usesDigits, mixed: usesMixed)
        var runner: ShapeRunner? = nil
        if let automata = runnerAutomata {
            if scratch.shapeRunner?.shapes.automaton !== automata.shapes
                || scratch.shapeRunner?.anchors.automaton !== automata.anchors
            {
                scratch.shapeRunner = scratch.gateBudget.map {
                    ShapeRunner(automata.shapes, anchors: automata.anchors, stateBudget: $0)
                } ?? ShapeRunner(automata.shapes, anchors: automata.anchors)
            }
            if let shapes = scratch.shapeRunner, !shapes.exhausted {
                // Matches start in the region and are at most `reach` long; anchors count up to a rule's
                // window away from the region. The pass starts one byte early, so every anchor it reports from
                // a window before the region on was read with the byte before it (as the keyword table reads
                // it), and runs on until a keyword starting a window past the region has ended.
                let pad = max(automata.shapes.reach, ruleSet.maxWindow)
                shapes.run(
                    base, from: max(0, region.lowerBound - pad - 1),
                    to: min(length, region.upperBound + pad + automata.anchors.reach), length: length)
                runner = shapes.exhausted ? nil : shapes
            }
        }
        if let runner, anchorGate != nil, !gatedKeywords.isEmpty {
            findGatedKeywords(base, length: length, runner: runner, scratch: scratch)
        }
        // Without the runner (off, or turned off for this thread) or without an anchor automaton (a pack whose
        // keywords tell more than 128 byte classes apart), the keyword table makes its own pass: keywords
        // starting up to a window from the region, read to their end.
        if (runner == nil || anchorGate == nil) && !keywords.isEmpty {
            let pad = ruleSet.maxWindow
            keywords.scan(
                base, from: max(0, region.lowerBound - pad), to: min(length, region.upperBound + pad + keywords.longest),
                rules: ruleSet.rules.count, into: &scratch.keywordHits)
        }
        if runner == nil && shapeGate != nil {
            // Gated rules use their own prefilters.
            computeAnchors(base, length: length, region: region, scratch: scratch, digits: gatedDigits, mixed: gatedMixed)
        }
        if scratch.windowCache.count != windowKeyCount {
            scratch.windowCache = Array(repeating: nil, count: windowKeyCount)
        }
        for k in scratch.cachedKeys { scratch.windowCache[k] = nil }
        scratch.cachedKeys.removeAll(keepingCapacity: true)
        scratch.qualifiedClusters.removeAll(keepingCapacity: true)
        return runner
    }

    /// Finds the keywords of gated keyword rules near their shape windows: a keyword at k opens
    /// `k - window ..< k + 1 + window`, which meets a shape window `s..<e` only when k lies in
    /// `s - window - 1 ..< e + window`; each such range is read to the end of its longest keyword.
    private func findGatedKeywords(_ base: UnsafePointer<UInt8>, length: Int, runner: ShapeRunner, scratch: DetectorScratch) {
        let rules = ruleSet.rules.count
        if scratch.gatedKeywordHits.count != rules { scratch.gatedKeywordHits = Array(repeating: [], count: rules) }
        for k in gatedKeywordRules where !scratch.gatedKeywordHits[k].isEmpty {
            scratch.gatedKeywordHits[k].removeAll(keepingCapacity: true)
        }
        // The ranges of all those rules, merged on a bit map of 64-byte chunks (sorting them cost 2% of a scan
        // of random IDs, whose shape windows are everywhere); a chunk read needlessly only finds keywords whose
        // windows the shapes remove.
        let chunks = (length + 63) >> 6
        var map = scratch.chunkMap
        scratch.chunkMap = []
        map.removeAll(keepingCapacity: true)
        map.append(contentsOf: repeatElement(0, count: (chunks + 63) >> 6))
        var any = false
        for index in gatedKeywordRules {
            let shapes = runner.windows[gateNumber[index]], pad = ruleSet.rules[index].window
            for k in 0..<shapes.starts.count {
                let from = max(0, shapes.starts[k] - pad - 1)
                let to = min(length, shapes.ends[k] + pad + gatedKeywords.longest)
                guard from < to else { continue }
                for chunk in (from >> 6)...((to - 1) >> 6) { map[chunk >> 6] |= 1 << UInt64(chunk & 63) }
                any = true
            }
        }
        if any {
            var chunk = 0
            while chunk < chunks {
                let word = map[chunk >> 6] >> UInt64(chunk & 63)
                if word == 0 {
                    chunk = (chunk | 63) + 1
                    continue
                }
                chunk += word.trailingZeroBitCount
                let first = chunk
                while chunk < chunks && map[chunk >> 6] >> UInt64(chunk & 63) & 1 != 0 { chunk += 1 }
                gatedKeywords.scan(
                    base, from: first << 6, to: min(length, chunk << 6), rules: rules, into: &scratch.gatedKeywordHits,
                    keeping: true)
            }
        }
        scratch.chunkMap = map
    }

    /// Whether the shape gate rules out every match of rule `index` in this subject (and no field opens it):
    /// then no window needs building. On a short subject (a cell, a file name, a small file) that is most rules.
    @inline(__always)
    func gateRulesOut(_ index: Int, runner: ShapeRunner?, opened: WindowList) -> Bool {
        guard let runner, opened.isEmpty else { return false }
        let k = gateNumber[index]
        return k >= 0 && runner.shapes.windowsAreEmpty(k)
    }

    /// The windows where rule `index` may start a match in `region` (sorted, disjoint). `opened` holds ranges
    /// to search whole whatever the prefilter says (segments whose field names the rule's data); the shape
    /// gate, a necessary condition for any match, still cuts them down.
    func windows(
        forRule index: Int, _ base: UnsafePointer<UInt8>, length: Int, region: Range<Int>, runner: ShapeRunner?,
        opened: WindowList, scratch: DetectorScratch
    ) -> WindowList {
        let rule = ruleSet.rules[index]
        if opened.starts.count == 1 && opened.starts[0] <= region.lowerBound && opened.ends[0] >= region.upperBound {
            scratch.windows.reset()
            scratch.windows.add(region.lowerBound, region.upperBound)
        } else if runner != nil, gateNumber[index] >= 0, rule.prefilter.isPositional {
            // The shape replaces positional prefilters (digit clusters, letter-digit runs): keep the region.
            scratch.windows.reset()
            scratch.windows.add(max(0, region.lowerBound - rule.window), region.upperBound)
        } else {
            // Rules searched near their own shape windows do not share windows through the cache.
            let key = searchesNearShapes(index, runner: runner) ? -1 : windowKeyNumber[index]
            if key >= 0, let cached = scratch.windowCache[key] {
                scratch.windows = cached
            } else {
                buildWindows(rule, index: index, base, length: length, region: region, scratch: scratch, runner: runner)
                if key >= 0 {
                    scratch.windowCache[key] = scratch.windows
                    scratch.cachedKeys.append(key)
                }
            }
            if !opened.isEmpty {
                // Into the scratch's spare list, whose storage stays from call to call (a fresh list grew by
                // doubling for every rule a field opens, in every batch).
                var merged = scratch.merged
                scratch.merged = WindowList()
                WindowList.union(scratch.windows, opened, into: &merged)
                scratch.merged = scratch.windows
                scratch.windows = merged
            }
        }
        guard let runner, gateNumber[index] >= 0 else { return scratch.windows }
        // Both are necessary conditions for a match to start there, so their intersection is too.
        var gated = scratch.gated
        scratch.gated = WindowList()
        WindowList.intersect(scratch.windows, runner.windows[gateNumber[index]], into: &gated)
        scratch.gated = gated
        return gated
    }

    /// The shared digit-cluster and letter-digit passes, when some rule needs them.
    private func computeAnchors(
        _ base: UnsafePointer<UInt8>, length: Int, region: Range<Int>, scratch: DetectorScratch, digits: Bool, mixed: Bool
    ) {
        if digits {
            let from = max(0, region.lowerBound - 32), to = min(length, region.upperBound + ruleSet.maxWindow)
            scratch.clusters.compute(base, from: from, to: to)
        }
        if mixed {
            let pad = ruleSet.maxWindow
            scratch.letterDigits.compute(base, from: max(0, region.lowerBound - pad), to: min(length, region.upperBound + pad))
        }
    }

    private func buildWindows(
        _ rule: Rule, index: Int, _ base: UnsafePointer<UInt8>, length: Int, region: Range<Int>,
        scratch: DetectorScratch, runner: ShapeRunner?
    ) {
        // Built in a local list (taken from the scratch to reuse its storage): mutating the scratch's
        // arrays through the class on every add costs exclusivity and uniqueness checks.
        var list = scratch.windows
        scratch.windows = WindowList()
        list.reset()
        defer { scratch.windows = list }
        let pad = rule.window
        let lo = region.lowerBound, hi = region.upperBound
        // Anchors are searched from one window before the region so matches starting in it are seen.
        let searchFrom = max(0, lo - pad), searchTo = min(length, hi + pad)
        // A window bounds where a match may start (PCRE2's offset limit); the match itself may run on.
        // Anchors that lie inside every match (digit clusters, letter-digit runs, `@`, `://`) end the window;
        // keywords and colon counts may precede the value, so their windows reach `pad` bytes past them.
        // With a lead class, a match starts inside the run of lead bytes right before its anchor: the window
        // starts there (runs start later for later anchors, so a range of merged anchors starts at its first's).
        let lead = rule.lead
        // In a batch's joined values, a window that reaches past its anchor (a keyword, a count of colons: they
        // may lie outside the match) stops at the joins around the anchor: a keyword or colons in one value
        // must not open a window in its neighbour, whose findings would then depend on it.
        let segmented = scratch.segmented
        func add(_ at: Int, _ atEnd: Int, reachPast: Bool = false) {
            var s = max(searchFrom, at - pad)
            if let lead, !reachPast { s = lead.runStart(before: at, in: base, notBefore: s) }
            var e = min(hi, atEnd + (reachPast ? pad : 0))
            if reachPast && segmented {
                if let join = SegmentLayout.lastJoin(base, from: s, to: at) { s = join + 2 }
                if let join = SegmentLayout.firstJoin(base, from: atEnd, to: e) { e = join - 1 }
            }
            if s < e { list.add(s, e) }
        }
        // Matches that begin at the anchor: the windows are exactly where anchors start, never merged across
        // the bytes between them (the regex would try each of those bytes).
        func addAt(_ from: Int, _ to: Int) {
            let s = max(searchFrom, from), e = min(hi, to)
            if s < e { list.add(s, e, gap: 0) }
        }
        let numbers = anchorNumbers[index]
        if let runner, let anchorGate, !numbers.isEmpty {
            // Where the rule's anchors start, from the runner's anchor automaton: one list per pattern (a keyword
            // rule has one per keyword length), each range holding anchor starts only. Anchors before the search
            // range are dropped, as the searches below never see them: windows are the same on every path.
            let (atStart, reachPast, past): (Bool, Bool, Int)
            switch rule.prefilter {
            case .keywords(_, let start): (atStart, reachPast, past) = (start, !start, 0)
            case .literal(let literal): (atStart, reachPast, past) = (false, false, literal.count - 1)
            default: (atStart, reachPast, past) = (false, false, 0)
            }
            func emit(_ from: Int, _ to: Int) {
                if atStart { addAt(from, to) } else { add(from, to + past, reachPast: reachPast) }
            }
            let anchorWindows = runner.anchorWindows
            if numbers.count == 1, anchorGate.minLength[numbers[0]] == anchorGate.maxLength[numbers[0]] {
                let hits = anchorWindows[numbers[0]]
                for w in 0..<hits.starts.count where hits.ends[w] > searchFrom {
                    var from = hits.starts[w]
                    if from < searchFrom {
                        // A merged range of byte or literal anchors reaching back over the search range's start:
                        // from its first anchor inside (one ends the range). Keyword ranges hold anchors only.
                        from = searchFrom
                        switch rule.prefilter {
                        case .bytes(let needles, _, _, _):
                            while !needles.contains(base[from]) { from += 1 }
                        case .literal(let literal):
                            while !literal.indices.allSatisfy({ base[from + $0] == literal[$0] }) { from += 1 }
                        default:
                            break
                        }
                    }
                    emit(from, hits.ends[w])
                }
                return
            }
            var ranges: [(Int, Int)] = []
            let phrases = atStartPhrases[index], unicode = rule.pattern.options.unicode
            for k in numbers {
                let hits = anchorWindows[k]
                // A phrase pattern knows where a phrase ends, not where it starts (its words are 1 to 16 spaces
                // apart): keep the places where one starts.
                let exact = anchorGate.minLength[k] == anchorGate.maxLength[k]
                for w in 0..<hits.starts.count {
                    let from = max(searchFrom, hits.starts[w]), to = hits.ends[w]
                    if from >= to { continue }
                    if exact {
                        ranges.append((from, to))
                        continue
                    }
                    for at in from..<to where at == 0 || !ASCII.isAlnum(base[at - 1]) {
                        if PhraseCheck.startsAt(at, phrases, in: base, length: length, unicode: unicode) {
                            ranges.append((at, at + 1))
                        }
                    }
                }
            }
            // Windows must be added in order of their start.
            ranges.sort { $0.0 < $1.0 }
            for (from, to) in ranges { emit(from, to) }
            return
        }
        switch rule.prefilter {
        case .none:
            list.add(lo, hi)
        case .bytes(let needles, let period, let count, let span):
            // Searched only near the rule's shape windows when the gate has them (a byte such as `:` or `-`
            // is common; a MAC or IPv6 shape is not): a hit farther away could only give windows the
            // intersection with the shape removes. Ranges are widened by what a hit looks at past itself.
            let ranges = searchRanges(
                index, runner: runner, from: searchFrom, to: searchTo, pad: pad,
                reach: count > 1 ? span : 2 * period + 1)
            for (from, to) in ranges {
                if count > 1 {
                    AnchorSearch.bytes(
                        needles, period: 0, count: count, span: span, base, from: from, to: to, segmented: segmented
                    ) {
                        add($0, $0 + 1, reachPast: true)
                    }
                } else if period > 0 && needles.count > 1 {
                    // Hits arrive per needle; windows must be added in order.
                    var hits: [Int] = []
                    AnchorSearch.bytes(needles, period: period, base, from: from, to: to) { hits.append($0) }
                    for at in hits.sorted() { add(at, at + 1) }
                } else {
                    AnchorSearch.bytes(needles, period: period, base, from: from, to: to) { add($0, $0 + 1) }
                }
            }
        case .literal(let literal):
            // Literals starting in the search range, read to their end (as the anchor automaton finds them);
            // only near the shape's windows when the gate has them, as for bytes.
            let ranges = searchRanges(
                index, runner: runner, from: searchFrom, to: searchTo, pad: max(pad, literal.count), reach: literal.count)
            for (from, to) in ranges {
                AnchorSearch.literal(literal, base, from: from, to: min(length, to + literal.count - 1)) {
                    add($0, $0 + literal.count)
                }
            }
        case .keywords(_, let atStart):
            // From the keyword table's pass (with the anchor automaton, a keyword rule without findable keywords
            // has none; without findable keywords in any rule the table makes no pass, and what the scratch
            // holds is another block's). The table finds first words; an at-start rule's phrases are checked
            // whole, as the automaton does.
            // A gated rule's keywords were looked for near its shape windows only (`findGatedKeywords`).
            let nearShapes = runner != nil && anchorGate != nil && gateNumber[index] >= 0 && !atStart
            if nearShapes || ((runner == nil || anchorGate == nil) && !keywords.isEmpty) {
                let phrases = atStartPhrases[index], unicode = rule.pattern.options.unicode
                // The table's pass starts a window before the longest; hits before this rule's search range are
                // dropped, as the anchor automaton's are.
                let hits = nearShapes ? scratch.gatedKeywordHits[index] : scratch.keywordHits[index]
                for at in hits where at >= searchFrom {
                    if !atStart {
                        add(at, at + 1, reachPast: true)
                    } else if PhraseCheck.startsAt(at, phrases, in: base, length: length, unicode: unicode) {
                        addAt(at, at + 1)
                    }
                }
            }
        case .mixed(let minimum):
            let anchors = scratch.letterDigits
            for k in 0..<anchors.starts.count where anchors.lengths[k] >= minimum {
                add(anchors.starts[k], anchors.starts[k] + anchors.lengths[k])
            }
        case .digits(let minimum, let dots, let maximum):
            // The clusters passing a threshold are listed once per block and shared by all rules using it.
            let key = maximum << 16 | minimum << 8 | dots
            if scratch.qualifiedClusters[key] == nil {
                let c = scratch.clusters
                var list: [Int] = []
                for k in 0..<c.digits.count where c.digits[k] >= minimum && c.dots[k] >= dots && !c.isDate[k] {
                    if maximum > 0 && !c.holds(k, minimum, maximum) { continue }
                    list.append(k)
                }
                scratch.qualifiedClusters[key] = list
            }
            let c = scratch.clusters
            for k in scratch.qualifiedClusters[key]! { add(c.starts[k], c.ends[k]) }
        }
    }

    /// Whether `buildWindows` searches this rule's anchors only near its shape windows (then its windows
    /// are its own, not shared through the window cache).
    private func searchesNearShapes(_ index: Int, runner: ShapeRunner?) -> Bool {
        guard runner != nil, gateNumber[index] >= 0 else { return false }
        switch ruleSet.rules[index].prefilter {
        case .bytes, .literal, .keywords(_, false): return anchorNumbers[index].isEmpty
        default: return false
        }
    }

    /// Where to search for a rule's anchors in `from..<to`: all of it, or, with the gate's windows, each
    /// shape window widened by `pad` on both sides and by `reach` more at the end, merged.
    private func searchRanges(
        _ index: Int, runner: ShapeRunner?, from: Int, to: Int, pad: Int, reach: Int
    ) -> [(Int, Int)] {
        guard let runner, searchesNearShapes(index, runner: runner) else { return [(from, to)] }
        let shapes = runner.windows[gateNumber[index]]
        var ranges: [(Int, Int)] = []
        for k in 0..<shapes.starts.count {
            let s = max(from, shapes.starts[k] - pad), e = min(to, shapes.ends[k] + pad + reach)
            if s >= e { continue }
            if let last = ranges.last, s <= last.1 { ranges[ranges.count - 1].1 = max(last.1, e) } else { ranges.append((s, e)) }
        }
        return ranges
    }
}
