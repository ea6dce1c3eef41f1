import BlackbarRegex
import BlackbarValidators

/// How the detector scores and filters.
public struct DetectorOptions: Sendable {
    /// Candidates below this confidence are not reported.
    public var minConfidence: Double
    /// Attach an `Explanation` to every finding.
    public var explain: Bool
    /// Bytes before and after a match searched for context words.
    public var contextWindow: Int
    /// Run the shape gate (one DFA pass per block that rules out windows where a rule's pattern cannot
    /// match). It never changes findings, only speed; off is for tests that prove exactly that.
    public var shapeGate: Bool

    /// Creates options.
    public init(minConfidence: Double = 0.5, explain: Bool = false, contextWindow: Int = 64, shapeGate: Bool = true) {
        self.minConfidence = minConfidence
        self.explain = explain
        self.contextWindow = contextWindow
        self.shapeGate = shapeGate
    }
}

/// The scoring constants, in one place.
public enum ConfidenceModel {
    /// Added when the validator passes.
    public static let validatorBoost = 0.3
    /// Added when a context word is near the match or in the field name.
    public static let contextBoost = 0.2
    /// Subtracted when a negative context word is near.
    public static let negativePenalty = 0.35
}

/// A pattern match before it becomes a finding, with what happened to it. Used by `--explain` and the rule harness.
public struct Candidate: Sendable {
    /// Why a candidate was not reported.
    public enum Drop: String, Sendable {
        case validatorRejected = "validator rejected"
        case noContext = "required context missing"
        case belowMinimum = "below minimum confidence"
    }
    /// Index of the rule in the rule set.
    public var ruleIndex: Int
    /// The finding it would be.
    public var finding: Finding
    /// Why it was dropped, or nil when it is reported (before overlap resolution).
    public var drop: Drop?
}

/// Per-thread detector state: PCRE2 scratch and reusable buffers. One per worker thread.
public final class DetectorScratch {
    let match: MatchScratch
    var clusters = DigitClusters()
    var letterDigits = LetterDigitAnchors()
    var windows = WindowList()
    /// A rule's prefilter windows cut down to where its shape can match.
    var gated = WindowList()
    /// The lazy DFA of the detector's shape gate, built on first use.
    var shapeRunner: ShapeRunner?
    /// Keyword hit positions per rule index, filled by the shared keyword pass.
    var keywordHits: [[Int]] = []
    /// Windows already built for this block, shared by rules with the same prefilter and reach.
    var windowCache: [WindowKey: WindowList] = [:]
    /// Cluster indices passing a (minimum digits, dots) threshold in this block.
    var qualifiedClusters: [Int: [Int]] = [:]
    /// Segments of a batch joined into one subject (`Detector.scan(_:scratch:)` with several segments).
    var joined: [UInt8] = []
    /// The subject with escapes and Unicode punctuation read as spaces, when it holds any (`SubjectMask`).
    var masked: [UInt8] = []
    /// Matches cut short by the PCRE2 limits since this scratch was made.
    public internal(set) var limitHits = 0
    /// Whether the shape gate has turned itself off for this scratch (its input kept making new automaton
    /// states); the prefilters alone decide where rules run from then on, with the same findings.
    public var shapeGateExhausted: Bool { shapeRunner?.exhausted ?? false }
    /// Per rule index: windows searched since this scratch was made (for the benchmark's `--windows`).
    public internal(set) var windowCounts: [Int] = []
    /// Per rule index: bytes those windows covered.
    public internal(set) var windowBytes: [Int] = []

    /// Creates scratch sized for the rule set.
    public init() { match = MatchScratch() }
}

/// Runs a rule set over byte buffers. Knows nothing of formats: a caller hands it bytes, the region
/// to report, and an optional field name (column, key path, metadata tag) used as context.
public final class Detector: Sendable {
    /// The rules it runs.
    public let ruleSet: RuleSet
    /// Scoring options.
    public let options: DetectorOptions
    private let usesDigits: Bool
    private let usesMixed: Bool
    /// Whether gated rules need the digit-cluster or letter-digit pass when the gate is off (and no
    /// ungated rule already asks for it).
    private let gatedDigits: Bool
    private let gatedMixed: Bool
    /// Keywords of all keyword rules, looked for in one pass over the block.
    private let keywords: KeywordTable
    /// One automaton for the coarse shapes of all rules whose pattern it can read; nil when none.
    private let shapeGate: ShapeAutomaton?
    /// Per rule index: its number in the shape gate, or -1 when it is not gated.
    private let gateNumber: [Int]
    /// The keyword, byte and literal prefilters as an automaton, run in the shape gate's pass; nil when no
    /// rule has one or the gate is off (then `keywords` and `AnchorSearch` make their own passes).
    private let anchorGate: ShapeAutomaton?
    /// Per rule index: its patterns in `anchorGate` (none, one, or one per keyword length, and one for the
    /// phrases of an `at-start` rule).
    private let anchorNumbers: [[Int]]
    /// Per rule index: the phrases of an `at-start` keyword rule (`PhraseCheck`); empty for others.
    private let atStartPhrases: [PhraseCheck.Phrases]
    /// What the per-thread runner runs: the shape gate and the anchor automaton, an empty automaton
    /// standing in for a missing one. Nil when neither exists.
    private let runnerAutomata: (shapes: ShapeAutomaton, anchors: ShapeAutomaton)?

    /// Creates a detector.
    public init(ruleSet: RuleSet, options: DetectorOptions = DetectorOptions()) {
        self.ruleSet = ruleSet
        self.options = options
        shapeGate = options.shapeGate ? ShapeAutomaton(rules: ruleSet.rules) : nil
        var numbers = Array(repeating: -1, count: ruleSet.rules.count)
        if let gate = shapeGate { for (k, r) in gate.ruleIndex.enumerated() { numbers[r] = k } }
        gateNumber = numbers
        anchorGate = options.shapeGate ? ShapeAutomaton.anchors(ruleSet.rules) : nil
        var anchors = Array(repeating: [Int](), count: ruleSet.rules.count)
        if let gate = anchorGate { for (k, r) in gate.ruleIndex.enumerated() { anchors[r].append(k) } }
        anchorNumbers = anchors
        atStartPhrases = ruleSet.rules.map { rule in
            guard case .keywords(let phrases, true) = rule.prefilter else { return PhraseCheck.Phrases([]) }
            return PhraseCheck.Phrases(phrases)
        }
        if shapeGate != nil || anchorGate != nil {
            let empty = ShapeAutomaton(patterns: [])!
            runnerAutomata = (shapeGate ?? empty, anchorGate ?? empty)
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
    }

    /// Ids of the rules the shape gate can read (the others rely on their prefilter alone).
    public var gatedRuleIDs: [String] { shapeGate?.ruleIndex.map { ruleSet.rules[$0].id } ?? [] }

    /// Findings whose match starts in `region`, overlaps resolved, sorted by start.
    ///
    /// - Parameters:
    ///   - subject: the bytes; lookbehind and lookahead context may lie outside `region`.
    ///   - region: only matches starting here are reported.
    ///   - field: a column name, key path or tag whose words count as context.
    public func scan(
        _ subject: UnsafeRawBufferPointer, region: Range<Int>, field: String? = nil, scratch: DetectorScratch
    ) -> [Finding] {
        scan(subject, region: region, field: field.map(self.field), scratch: scratch)
    }

    /// Like `scan(_:region:field:scratch:)` with the field already resolved (`field(_:)`).
    public func scan(
        _ subject: UnsafeRawBufferPointer, region: Range<Int>, field: FieldContext?, scratch: DetectorScratch
    ) -> [Finding] {
        let layout = SegmentLayout(whole: subject.count, field: field)
        let kept = candidates(subject, region: region, layout: layout, scratch: scratch, keepDropped: false)
        return OverlapResolver.resolve(kept.map(\.finding))
    }

    /// The findings of a batch of segments, scanned in one call: each finding's `segment` is the index of its
    /// segment in `segments` and its `range` is in that segment's buffer. Sorted by segment, then start.
    ///
    /// A value, its match and the context words that judge it all lie inside one segment: the segments are
    /// scanned as one subject, joined by a line feed, a NUL and a line feed (no pattern crosses a NUL and a
    /// line feed both), matches that cross a join are dropped, and context windows stop at the segment's ends.
    /// So a million short cells cost one pass of each prefilter and each rule, not a million.
    public func scan(_ segments: [Segment], scratch: DetectorScratch) -> [Finding] {
        if segments.count == 1, let only = segments.first {
            // One segment reads its bytes in place.
            var found = only.buffer.bytes.withUnsafeBytes { raw in
                let bytes = UnsafeRawBufferPointer(rebasing: raw[only.range])
                return scan(bytes, region: 0..<bytes.count, field: only.field, scratch: scratch)
            }
            for k in found.indices {
                found[k].segment = 0
                found[k].range = found[k].range.shifted(by: only.range.lowerBound)
            }
            return found
        }
        var joined = scratch.joined
        scratch.joined = []
        joined.removeAll(keepingCapacity: true)
        var layout = SegmentLayout()
        layout.starts.reserveCapacity(segments.count)
        layout.ends.reserveCapacity(segments.count)
        layout.fields.reserveCapacity(segments.count)
        for segment in segments {
            joined.append(contentsOf: SegmentLayout.join)
            layout.starts.append(joined.count)
            segment.buffer.bytes.withUnsafeBufferPointer { joined.append(contentsOf: $0[segment.range]) }
            layout.ends.append(joined.count)
            layout.fields.append(segment.field)
        }
        joined.append(contentsOf: SegmentLayout.join)
        let kept = joined.withUnsafeBytes {
            candidates($0, region: 0..<$0.count, layout: layout, scratch: scratch, keepDropped: false)
        }
        scratch.joined = joined
        var found = OverlapResolver.resolve(kept.map(\.finding))
        var k = 0
        for i in found.indices {
            while layout.ends[k] < found[i].range.end { k += 1 }
            found[i].segment = k
            found[i].range = found[i].range.shifted(by: segments[k].range.lowerBound - layout.starts[k])
        }
        return found
    }

    /// Resolves a field name (a column, a key path, a tag) against every rule once; hand the result to every
    /// segment of that field.
    public func field(_ name: String) -> FieldContext {
        let tokens = ContextWords.fieldTokens(name)
        return FieldContext(
            name: name,
            contextWords: ruleSet.rules.map { $0.context.firstMatch(segments: [], fieldTokens: tokens) },
            negativeWords: ruleSet.rules.map { $0.negativeContext.firstMatch(segments: [], fieldTokens: tokens) })
    }

    /// Convenience for small inputs: scans all of `bytes` with a fresh scratch.
    public func scan(_ bytes: [UInt8], field: String? = nil) -> [Finding] {
        bytes.withUnsafeBytes { scan($0, region: 0..<$0.count, field: field, scratch: DetectorScratch()) }
    }

    /// Every candidate of every rule, including dropped ones when `keepDropped` is set; no overlap resolution.
    ///
    /// Backslash escapes and Unicode punctuation are read as spaces of their length (`SubjectMask`): offsets stay.
    public func candidates(
        _ subject: UnsafeRawBufferPointer, region: Range<Int>, field: String?, scratch: DetectorScratch,
        keepDropped: Bool
    ) -> [Candidate] {
        let layout = SegmentLayout(whole: subject.count, field: field.map(self.field))
        return candidates(subject, region: region, layout: layout, scratch: scratch, keepDropped: keepDropped)
    }

    func candidates(
        _ subject: UnsafeRawBufferPointer, region: Range<Int>, layout: SegmentLayout, scratch: DetectorScratch,
        keepDropped: Bool
    ) -> [Candidate] {
        guard SubjectMask.apply(subject, into: &scratch.masked) else {
            return unmaskedCandidates(subject, region: region, layout: layout, scratch: scratch, keepDropped: keepDropped)
        }
        let masked = scratch.masked
        return masked.withUnsafeBytes {
            unmaskedCandidates($0, region: region, layout: layout, scratch: scratch, keepDropped: keepDropped)
        }
    }

    private func unmaskedCandidates(
        _ subject: UnsafeRawBufferPointer, region: Range<Int>, layout: SegmentLayout, scratch: DetectorScratch,
        keepDropped: Bool
    ) -> [Candidate] {
        guard let base = subject.baseAddress?.assumingMemoryBound(to: UInt8.self), !region.isEmpty else { return [] }
        let length = subject.count
        let opensAny = layout.fields.contains { $0?.opensAny == true }
        computeAnchors(base, length: length, region: region, scratch: scratch, digits: usesDigits, mixed: usesMixed)
        var runner: ShapeRunner? = nil
        if let automata = runnerAutomata {
            if scratch.shapeRunner?.shapes.automaton !== automata.shapes
                || scratch.shapeRunner?.anchors.automaton !== automata.anchors
            {
                scratch.shapeRunner = ShapeRunner(automata.shapes, anchors: automata.anchors)
            }
            if let shapes = scratch.shapeRunner, !shapes.exhausted {
                // Matches start in the region and are at most `reach` long; anchors count up to a rule's
                // window away from the region. The pass starts one byte early, so every anchor it reports from
                // a window before the region on was read with the byte before it (as the keyword table reads
                // it), and runs on until a keyword starting a window past the region has ended.
                let pad = max(automata.shapes.reach, ruleSet.maxWindow)
                shapes.run(
                    base, from: max(0, region.lowerBound - pad - 1),
                    to: min(length, region.upperBound + pad + automata.anchors.reach))
                runner = shapes.exhausted ? nil : shapes
            }
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
        var out: [Candidate] = []
        scratch.windowCache.removeAll(keepingCapacity: true)
        scratch.qualifiedClusters.removeAll(keepingCapacity: true)
        for (index, rule) in ruleSet.rules.enumerated() {
            // A field named for this rule's data (a `dob` column, an `iban` key) opens the whole segment:
            // the prefilter must never hide a value whose context is its field name.
            if layout.fields.count == 1, layout.fields[0]?.contextWords[index] != nil {
                scratch.windows.reset()
                scratch.windows.add(region.lowerBound, region.upperBound)
            } else if runner != nil, gateNumber[index] >= 0, rule.prefilter.isPositional {
                // The shape replaces positional prefilters (digit clusters, letter-digit runs): keep the region.
                scratch.windows.reset()
                scratch.windows.add(max(0, region.lowerBound - rule.window), region.upperBound)
            } else {
                // Rules searched near their own shape windows do not share windows through the cache.
                let key = searchesNearShapes(index, runner: runner) ? nil : WindowKey(rule)
                if let key, let cached = scratch.windowCache[key] {
                    scratch.windows = cached
                } else {
                    buildWindows(rule, index: index, base, length: length, region: region, scratch: scratch, runner: runner)
                    if let key { scratch.windowCache[key] = scratch.windows }
                }
            }
            if opensAny && layout.fields.count > 1 {
                // In a batch, each segment whose field names this rule's data is opened whole.
                var opened = WindowList()
                for k in layout.fields.indices where layout.fields[k]?.contextWords[index] != nil {
                    opened.add(layout.starts[k], layout.ends[k], gap: 0)
                }
                if !opened.isEmpty {
                    var merged = WindowList()
                    WindowList.union(scratch.windows, opened, into: &merged)
                    scratch.windows = merged
                }
            }
            if let runner, gateNumber[index] >= 0 {
                // Both are necessary conditions for a match to start there, so their intersection is too.
                var gated = scratch.gated
                scratch.gated = WindowList()
                WindowList.intersect(scratch.windows, runner.windows[gateNumber[index]], into: &gated)
                scratch.gated = gated
            }
            let windows = runner != nil && gateNumber[index] >= 0 ? scratch.gated : scratch.windows
            if scratch.windowCounts.count != ruleSet.rules.count {
                scratch.windowCounts = Array(repeating: 0, count: ruleSet.rules.count)
                scratch.windowBytes = Array(repeating: 0, count: ruleSet.rules.count)
            }
            var covered = 0
            for w in 0..<windows.starts.count { covered &+= windows.ends[w] - windows.starts[w] }
            scratch.windowCounts[index] &+= windows.starts.count
            scratch.windowBytes[index] &+= covered
            var resume = 0
            var segment = 0
            for w in 0..<windows.starts.count {
                let from = max(windows.starts[w], resume)
                let to = windows.ends[w]
                if from >= to { continue }
                // Matches must start before `to` (PCRE2's offset limit) but may run on into the rest of the subject.
                rule.pattern.forEachMatch(
                    in: subject, length: length, from: from, to: to, scratch: scratch.match,
                    limitHits: &scratch.limitHits
                ) { match in
                    resume = match.end
                    guard region.contains(match.start) else { return match.start < region.upperBound }
                    // The segment holding the match; a match in a join or across one belongs to no segment.
                    while segment + 1 < layout.starts.count && layout.starts[segment + 1] <= match.start { segment += 1 }
                    guard match.start >= layout.starts[segment], match.end <= layout.ends[segment] else { return true }
                    if let candidate = evaluate(
                        rule, index: index, match: match, subject: subject,
                        bounds: layout.starts[segment]..<layout.ends[segment], field: layout.fields[segment],
                        keepDropped: keepDropped)
                    {
                        out.append(candidate)
                    }
                    return true
                }
            }
        }
        return out
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
        func add(_ at: Int, _ atEnd: Int, reachPast: Bool = false) {
            let s = max(searchFrom, at - pad), e = min(hi, atEnd + (reachPast ? pad : 0))
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
                    AnchorSearch.bytes(needles, period: 0, count: count, span: span, base, from: from, to: to) {
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
            // Literals starting in the search range, read to their end (as the anchor automaton finds them).
            AnchorSearch.literal(literal, base, from: searchFrom, to: min(length, searchTo + literal.count - 1)) {
                add($0, $0 + literal.count)
            }
        case .keywords(_, let atStart):
            // From the keyword table's pass (with the anchor automaton, a keyword rule without findable keywords
            // has none; without findable keywords in any rule the table makes no pass, and what the scratch
            // holds is another block's). The table finds first words; an at-start rule's phrases are checked
            // whole, as the automaton does.
            if (runner == nil || anchorGate == nil) && !keywords.isEmpty {
                let phrases = atStartPhrases[index], unicode = rule.pattern.options.unicode
                // The table's pass starts a window before the longest; hits before this rule's search range are
                // dropped, as the anchor automaton's are.
                for at in scratch.keywordHits[index] where at >= searchFrom {
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
        guard runner != nil, gateNumber[index] >= 0, case .bytes = ruleSet.rules[index].prefilter else { return false }
        return anchorNumbers[index].isEmpty
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

    /// The bytes searched for context words: up to `contextWindow` bytes before and after the value.
    /// With `sameLine`, only those on the value's own line: negative words on a neighbouring line (an
    /// order number in the log line above) describe other data and must not lower this value.
    /// Never outside `bounds`, the value's segment.
    func contextSegments(
        _ subject: UnsafeRawBufferPointer, _ value: ByteRange, bounds: Range<Int>, sameLine: Bool
    ) -> [UnsafeRawBufferPointer] {
        let w = options.contextWindow
        var start = max(bounds.lowerBound, value.start - w)
        var end = min(bounds.upperBound, value.end + w)
        if sameLine {
            var s = value.start
            while s > start && subject[s - 1] != 0x0A { s -= 1 }
            start = s
            var e = value.end
            while e < end && subject[e] != 0x0A { e += 1 }
            end = e
        }
        return [
            UnsafeRawBufferPointer(rebasing: subject[start..<value.start]),
            UnsafeRawBufferPointer(rebasing: subject[value.end..<end]),
        ]
    }

    private func evaluate(
        _ rule: Rule, index: Int, match: PatternMatch, subject: UnsafeRawBufferPointer, bounds: Range<Int>,
        field: FieldContext?,
        keepDropped: Bool
    ) -> Candidate? {
        let valueRange = ByteRange(match.valueStart, match.valueEnd)
        guard valueRange.count > 0 else { return nil }
        var contextWord: String? = nil
        var contextChecked = false
        if rule.contextRequired && !keepDropped {
            // Cheapest test first: without a context word nearby (or in the field name) it is not a finding.
            let segments = contextSegments(subject, valueRange, bounds: bounds, sameLine: false)
            contextWord = rule.context.firstMatch(segments: segments, fieldTokens: []) ?? field?.contextWords[index]
            if contextWord == nil { return nil }
            contextChecked = true
        }
        var outcome = ValidatorOutcome.notApplicable
        if let validator = rule.validator {
            let raw = Array(subject[valueRange.start..<valueRange.end])
            outcome = validator.check(NormalizeStep.apply(rule.normalize, to: raw))
        }
        var confidence = rule.base
        var drop: Candidate.Drop? = nil
        if outcome == .invalid { drop = .validatorRejected }
        if outcome == .valid { confidence += ConfidenceModel.validatorBoost }
        var negativeWord: String? = nil
        if drop == nil || keepDropped, !rule.context.isEmpty || !rule.negativeContext.isEmpty {
            if !contextChecked {
                let segments = contextSegments(subject, valueRange, bounds: bounds, sameLine: false)
                contextWord = rule.context.firstMatch(segments: segments, fieldTokens: []) ?? field?.contextWords[index]
            }
            if !rule.negativeContext.isEmpty {
                let ownLine = contextSegments(subject, valueRange, bounds: bounds, sameLine: true)
                negativeWord =
                    rule.negativeContext.firstMatch(segments: ownLine, fieldTokens: []) ?? field?.negativeWords[index]
            }
        }
        if contextWord != nil { confidence += ConfidenceModel.contextBoost }
        if negativeWord != nil { confidence -= ConfidenceModel.negativePenalty }
        confidence = min(1, max(0, confidence))
        if drop == nil, rule.contextRequired, contextWord == nil { drop = .noContext }
        if drop == nil, confidence < options.minConfidence { drop = .belowMinimum }
        if drop != nil && !keepDropped { return nil }
        var finding = Finding(
            ruleID: rule.id, entity: rule.entity, range: valueRange, confidence: (confidence * 100).rounded() / 100,
            validated: outcome == .valid, priority: rule.priority)
        if options.explain || keepDropped {
            finding.explanation = Explanation(
                pattern: rule.pattern.source, validator: rule.validator?.name, outcome: outcome,
                contextWord: contextWord, negativeWord: negativeWord, base: rule.base)
        }
        return Candidate(ruleIndex: index, finding: finding, drop: drop)
    }
}

/// Rules with equal prefilters and windows get equal window lists; keyword prefilters are per rule.
struct WindowKey: Hashable {
    let kind: Int
    let a: Int
    let b: Int
    let window: Int
    let bytes: [UInt8]

    init?(_ rule: Rule) {
        switch rule.prefilter {
        case .none: (kind, a, b, bytes) = (0, 0, 0, [])
        case .bytes(let needles, let period, let count, let span): (kind, a, b, bytes) = (1, period, count << 16 | span, needles)
        case .literal(let literal): (kind, a, b, bytes) = (2, 0, 0, literal)
        case .digits(let minimum, let dots, let maximum): (kind, a, b, bytes) = (3, minimum, dots << 16 | maximum, [])
        case .keywords: return nil
        case .mixed(let minimum): (kind, a, b, bytes) = (4, minimum, 0, [])
        }
        window = rule.window
    }
}

/// Where the segments of a subject lie, and their fields: one segment over the whole subject for a text
/// block, or the segments of a batch joined by `join`.
struct SegmentLayout {
    /// What joins the segments of a batch: no pattern crosses a NUL and a line feed both.
    static let join: [UInt8] = [0x0A, 0x00, 0x0A]
    var starts: [Int] = []
    var ends: [Int] = []
    var fields: [FieldContext?] = []

    init() {}

    /// One segment over `0..<count`.
    init(whole count: Int, field: FieldContext?) {
        starts = [0]
        ends = [count]
        fields = [field]
    }
}
