import BlackbarBytes
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
    /// Bytes a scratch (a thread) scans without the gate before it starts using it; the gate is built only
    /// then. Building and warming it costs about 20 ms, more than it saves on one small input, while on many
    /// inputs it pays for itself within a few dozen KB. A subject of a whole block (1 MiB) or more is gated
    /// whatever came before: more of the input is coming. 0 gates everything.
    public var shapeGateAfter: Int
    /// Leave out findings that `LookAlike` calls low risk (`--min-severity moderate`).
    public var hideLowRisk = false

    /// Creates options.
    public init(
        minConfidence: Double = 0.5, explain: Bool = false, contextWindow: Int = 64, shapeGate: Bool = true,
        shapeGateAfter: Int = 0
    ) {
        self.minConfidence = minConfidence
        self.explain = explain
        self.contextWindow = contextWindow
        self.shapeGate = shapeGate
        self.shapeGateAfter = shapeGateAfter
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
        case otherLabel = "labelled as another kind"
    }
    /// Index of the rule in the rule set.
    public var ruleIndex: Int
    /// The finding it would be.
    public var finding: Finding
    /// Why it was dropped, or nil when it is reported (before overlap resolution).
    public var drop: Drop?
    /// Whether its field's name (or the entity the field was found to hold) is a context word of its rule:
    /// the field is named for what it found (`ssn` for an SSN).
    public var fieldNamed = false
}

/// Per-thread detector state: PCRE2 scratch and reusable buffers. One per worker thread.
public final class DetectorScratch {
    let match: MatchScratch
    var clusters = DigitClusters()
    var letterDigits = LetterDigitAnchors()
    var windows = WindowList()
    /// A rule's prefilter windows cut down to where its shape can match.
    var gated = WindowList()
    /// Spare storage for a rule's windows merged with those its fields open (`WindowPlanner.windows`).
    var merged = WindowList()
    /// The lazy DFA of the detector's shape gate, built on first use.
    var shapeRunner: ShapeRunner?
    /// Whether the subject being scanned is a batch of segments joined by `SegmentLayout.join`.
    var segmented = false
    /// Candidates of the last subject scanned: the next one's list starts with room for as many.
    var candidateHint = 0
    /// The value of the candidate being judged, normalized for its validator (kept: one per candidate was
    /// an allocation).
    var value: [UInt8] = []
    /// The bytes around a candidate that its context words are looked for in.
    var segments: [UnsafeRawBufferPointer] = []
    /// Keyword hit positions per rule index, filled by the shared keyword pass.
    var keywordHits: [[Int]] = []
    /// Keyword hits of gated keyword rules, found only near their shape windows (`WindowPlanner.prepare`).
    var gatedKeywordHits: [[Int]] = []
    /// Bit map of the 64-byte chunks `WindowPlanner.findGatedKeywords` reads.
    var chunkMap: [UInt64] = []
    /// Word spans of a candidate's context, kept for the next candidate's.
    var spans: [ContextWords.WordSpan] = []
    /// Per rule index: the segments whose field opens them to the rule, and the rules with any (reset per scan).
    var opened: [WindowList] = []
    var openedRules: [Int] = []
    /// Windows already built for this block, shared by rules with the same prefilter and reach.
    /// (Indexed by `WindowPlanner.windowKeyNumber`; `cachedKeys` lists the filled ones.)
    var windowCache: [WindowList?] = []
    var cachedKeys: [Int] = []
    /// Cluster indices passing a (minimum digits, dots) threshold in this block.
    var qualifiedClusters: [Int: [Int]] = [:]
    /// Segments of a batch joined into one subject (`Detector.scan(_:scratch:)` with several segments).
    let joined = ByteBuffer(capacity: 1 << 16)
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

    /// Transitions the shape gate may build before it weighs them against bytes scanned (nil: the default).
    let gateBudget: Int?
    /// Bytes of subjects scanned with this scratch (`DetectorOptions.shapeGateAfter`).
    var scannedBytes = 0

    /// Creates scratch sized for the rule set.
    /// - Parameter gateBudget: for tests that need the gate to turn itself off soon (nil: the default budget,
    ///   `ShapeRunner`'s); findings never depend on it.
    public init(gateBudget: Int? = nil) {
        match = MatchScratch()
        self.gateBudget = gateBudget
    }
}

/// Runs a rule set over byte buffers. Knows nothing of formats: a caller hands it bytes, the region
/// to report, and an optional field name (column, key path, metadata tag) used as context.
public final class Detector: Sendable {
    /// The rules it runs.
    public let ruleSet: RuleSet
    /// Scoring options.
    public let options: DetectorOptions
    /// Where each rule may match: the prefilter machinery behind one question, without and with the shape gate
    /// (nil when the options turn it off). Each is built on first need: the gate's automata cost milliseconds,
    /// which a run over small inputs never pays (`DetectorOptions.shapeGateAfter`).
    private let plainPlanner: OnceCell<WindowPlanner>
    private let gatedPlanner: OnceCell<WindowPlanner>?
    /// The rules' labels: a value right after another kind's label is that kind (`LabelIndex`).
    let labels: LabelIndex

    /// Creates a detector. `labelsOf` are the rules whose labels count (default: `ruleSet`'s); a detector of a
    /// subset of a pack (one rule under test, the rules above a severity) still knows the whole pack's labels.
    /// Per rule: 1 a field rule, 2 a strong check, 0 neither (`fieldRulesDecide` reads it for every candidate).
    private let fieldStanding: [UInt8]

    public init(ruleSet: RuleSet, options: DetectorOptions = DetectorOptions(), labelsOf: [Rule]? = nil) {
        self.ruleSet = ruleSet
        fieldStanding = ruleSet.rules.map { $0.isFieldRule ? 1 : $0.strongCheck ? 2 : 0 }
        self.options = options
        labels = LabelIndex(rules: labelsOf ?? ruleSet.rules)
        plainPlanner = OnceCell { WindowPlanner(ruleSet: ruleSet, shapeGate: false) }
        gatedPlanner = options.shapeGate ? OnceCell { WindowPlanner(ruleSet: ruleSet, shapeGate: true) } : nil
    }

    /// Ids of the rules the shape gate can read (the others rely on their prefilter alone).
    public var gatedRuleIDs: [String] { (gatedPlanner ?? plainPlanner).get().gatedRuleIDs }

    /// A subject this long is a whole block or record batch (both 1 MiB by default): more input follows, and
    /// the gate is worth building for it.
    static let wholeBlock = 1 << 20

    /// The planner for a subject of `length` bytes, cut from `source` bytes of input, scanned with `scratch`.
    /// A record batch's cells join to less than its source (a JSON Lines batch of 1 MiB holds about 0.7 MiB of
    /// values): judged by their own length, the first batch of every worker went without the gate, and with
    /// two workers that cost 16% more instructions than one on bench.jsonl.
    private func planner(forLength length: Int, source: Int, scratch: DetectorScratch) -> WindowPlanner {
        defer { scratch.scannedBytes &+= length }
        if let gatedPlanner, scratch.scannedBytes >= options.shapeGateAfter || source >= Self.wholeBlock {
            return gatedPlanner.get()
        }
        return plainPlanner.get()
    }

    /// Findings whose match starts in `region`, overlaps resolved, sorted by start.
    ///
    /// - Parameters:
    ///   - subject: the bytes; lookbehind and lookahead context may lie outside `region`.
    ///   - region: only matches starting here are reported.
    ///   - field: a column name, key path or tag whose words count as context.
    public func scan(
        _ subject: UnsafeRawBufferPointer, region: Range<Int>, field: String? = nil, scratch: DetectorScratch
    ) -> [Finding] {
        scan(subject, region: region, field: field.map { self.field($0) }, scratch: scratch)
    }

    /// Like `scan(_:region:field:scratch:)` with the field already resolved (`field(_:)`).
    public func scan(
        _ subject: UnsafeRawBufferPointer, region: Range<Int>, field: FieldContext?, scratch: DetectorScratch
    ) -> [Finding] {
        let layout = SegmentLayout(whole: subject.count, field: field)
        // Candidates starting just outside the region (in the lookbehind and lookahead of a streamed block) take
        // part in overlap resolution and are then left to their own block: two blocks decide an overlap that
        // crosses their boundary the same way, as a scan of the whole text would (a driver's licence number
        // starting in the next block beats a plate ending in it).
        let extended = max(0, region.lowerBound - Self.boundaryReach)..<min(subject.count, region.upperBound + ruleSet.maxWindow)
        let kept = candidates(subject, region: extended, layout: layout, scratch: scratch, keepDropped: false)
        let resolved = OverlapResolver.resolve(fieldRulesDecide(kept))
        if extended == region { return resolved }
        // Into storage of the full count: `filter` grew its result by doubling (a block has thousands).
        var inRegion: [Finding] = []
        inRegion.reserveCapacity(resolved.count)
        for f in resolved where region.contains(f.range.start) { inRegion.append(f) }
        return inRegion
    }

    /// The candidates' findings, less those the field's name outweighs: where the field is named for what a
    /// finding found (a field rule's finding, `Mobilnummer` for a phone number; or a rule whose context word
    /// the field's name is, `ssn` for an SSN), a finding of another entity on exactly the same bytes goes,
    /// unless its field is named for it too or its rule's check is strong. An 11-digit mobile number passes
    /// the PESEL check one time in ten, and a validated finding would beat the unvalidated field rule in
    /// overlap resolution; `004358811` under `ssn` is also a valid number after an international `00`, and the
    /// tie went to the phone by rule name. The field's name is the better evidence. A strong check (an IBAN,
    /// a card number) still wins, as a negative field word does not lower it either.
    func fieldRulesDecide(_ kept: [Candidate]) -> [Finding] {
        // Sorted by start and searched: a batch of a table's cells holds thousands of decided findings.
        var decided: [(start: Int, end: Int, entity: String)] = []
        kept.withUnsafeBufferPointer { kept in
            for candidate in kept where candidate.fieldNamed || fieldStanding[candidate.ruleIndex] == 1 {
                decided.append((candidate.finding.range.start, candidate.finding.range.end, candidate.finding.entity))
            }
        }
        guard !decided.isEmpty else { return kept.map(\.finding) }
        decided.sort { $0.start < $1.start }
        func outweighed(_ f: Finding) -> Bool {
            var low = 0, high = decided.count
            while low < high {
                let mid = (low + high) / 2
                if decided[mid].start < f.range.start { low = mid + 1 } else { high = mid }
            }
            while low < decided.count && decided[low].start == f.range.start {
                if decided[low].end == f.range.end && decided[low].entity != f.entity { return true }
                low += 1
            }
            return false
        }
        var out: [Finding] = []
        out.reserveCapacity(kept.count)
        kept.withUnsafeBufferPointer { kept in
            for candidate in kept {
                if fieldStanding[candidate.ruleIndex] == 0 && !candidate.fieldNamed && outweighed(candidate.finding) { continue }
                out.append(candidate.finding)
            }
        }
        return out
    }

    /// How far before a block's region candidates still take part in its overlap resolution: well inside the
    /// 256 bytes of lookbehind a streamed block carries, so each has its context words in view.
    static let boundaryReach = 128

    /// The findings of a batch of segments, scanned in one call: each finding's `segment` is the index of its
    /// segment in `segments` and its `range` is in that segment's buffer. Sorted by segment, then start.
    ///
    /// A value, its match and the context words that judge it all lie inside one segment: the segments are
    /// scanned as one subject, joined by a line feed, a NUL and a line feed (no pattern crosses a NUL and a
    /// line feed both), matches that cross a join are dropped, and context windows stop at the segment's ends.
    /// So a million short cells cost one pass of each prefilter and each rule, not a million.
    public func scan(_ segments: [Segment], scratch: DetectorScratch) -> [Finding] {
        if segments.count == 1, let only = segments.first {
            return scanOne(only.buffer, only.range, field: only.field, scratch: scratch)
        }
        let joined = scratch.joined
        SegmentLayout.startJoining(joined, bytes: segments.reduce(0) { $0 + $1.range.count }, segments: segments.count)
        var layout = SegmentLayout()
        layout.starts.reserveCapacity(segments.count)
        layout.ends.reserveCapacity(segments.count)
        layout.fieldOf.reserveCapacity(segments.count)
        var table: [FieldContext] = []
        var numbers: [ObjectIdentifier: Int32] = [:]
        // By index through a buffer pointer: a `for segment in segments` copied each segment (three references
        // retained and released per cell of a table).
        segments.withUnsafeBufferPointer { segments in
            for k in segments.indices {
                SegmentLayout.putJoin(joined)
                layout.starts.append(joined.count)
                let range = segments[k].range
                segments[k].buffer.bytes.withUnsafeBufferPointer { joined.put($0.baseAddress! + range.lowerBound, range.count) }
                layout.ends.append(joined.count)
                if let field = segments[k].field {
                    let id = ObjectIdentifier(field)
                    if let n = numbers[id] {
                        layout.fieldOf.append(n)
                    } else {
                        numbers[id] = Int32(table.count)
                        layout.fieldOf.append(Int32(table.count))
                        table.append(field)
                    }
                } else {
                    layout.fieldOf.append(-1)
                }
            }
        }
        layout.setTable(table)
        return scanJoined(layout: layout, scratch: scratch) { segments[$0].range.lowerBound }
    }

    /// The findings of a batch of one buffer's segments (`SegmentBatch`), as `scan(_ segments:scratch:)` gives
    /// them for the same segments: `segment` is the index in the batch, `range` in the buffer.
    public func scan(_ batch: SegmentBatch, scratch: DetectorScratch) -> [Finding] {
        guard !batch.isEmpty else { return [] }
        if batch.count == 1 {
            let field = batch.fieldNumbers[0] < 0 ? nil : batch.fields[Int(batch.fieldNumbers[0])]
            return scanOne(batch.buffer, batch.ranges[0], field: field, scratch: scratch)
        }
        let joined = scratch.joined
        var layout = SegmentLayout()
        layout.fieldOf = batch.fieldNumbers
        layout.setTable(batch.fields)
        // Each segment's start and end written in place into room for all of them (two appends per cell of a
        // table were two uniqueness and capacity checks).
        let n = batch.count
        var ends: [Int] = []
        layout.starts = batch.buffer.bytes.withUnsafeBufferPointer { bytes in
            batch.ranges.withUnsafeBufferPointer { ranges in
                SegmentLayout.startJoining(joined, bytes: ranges.reduce(0) { $0 + $1.count }, segments: n)
                return [Int](unsafeUninitializedCapacity: n) { starts, startCount in
                    ends = [Int](unsafeUninitializedCapacity: n) { endRoom, endCount in
                        for k in 0..<n {
                            let range = ranges[k]
                            SegmentLayout.putJoin(joined)
                            (starts.baseAddress! + k).initialize(to: joined.count)
                            joined.put(bytes.baseAddress! + range.lowerBound, range.count)
                            (endRoom.baseAddress! + k).initialize(to: joined.count)
                        }
                        endCount = n
                    }
                    startCount = n
                }
            }
        }
        layout.ends = ends
        layout.sourceBytes = batch.sourceBytes
        return scanJoined(layout: layout, scratch: scratch) { batch.ranges[$0].lowerBound }
    }

    /// One segment, its bytes read in place (no join): its findings with `segment` 0 and ranges in `buffer`.
    private func scanOne(_ buffer: SharedBytes, _ range: Range<Int>, field: FieldContext?, scratch: DetectorScratch) -> [Finding] {
        var found = buffer.bytes.withUnsafeBytes { raw in
            let bytes = UnsafeRawBufferPointer(rebasing: raw[range])
            return scan(bytes, region: 0..<bytes.count, field: field, scratch: scratch)
        }
        for k in found.indices {
            found[k].segment = 0
            found[k].range = found[k].range.shifted(by: range.lowerBound)
        }
        return found
    }

    /// Scans the segments joined in the scratch's join buffer (the closing join still to come) and maps each
    /// finding back to its segment; `origin(k)` is where segment k starts in its buffer.
    private func scanJoined(layout: SegmentLayout, scratch: DetectorScratch, origin: (Int) -> Int) -> [Finding] {
        SegmentLayout.putJoin(scratch.joined)
        let subject = scratch.joined.bytes
        // The joined bytes are the scratch's own copy, read only as the subject: masked in place.
        SubjectMask.applyInPlace(UnsafeMutableRawBufferPointer(mutating: subject))
        let kept = unmaskedCandidates(subject, region: 0..<subject.count, layout: layout, scratch: scratch, keepDropped: false)
        var found = OverlapResolver.resolve(fieldRulesDecide(kept))
        var k = 0
        for i in found.indices {
            while layout.ends[k] < found[i].range.end { k += 1 }
            found[i].segment = k
            found[i].range = found[i].range.shifted(by: origin(k) - layout.starts[k])
        }
        return found
    }

    /// Resolves a field name (a column, a key path, a tag) against every rule once; hand the result to every
    /// segment of that field.
    ///
    /// - Parameters:
    ///   - name: the whole name; its words are context for text rules (`contact.email`).
    ///   - leaf: the field's own name (a JSON path's last key), which alone decides whether a field rule reads
    ///     it (`$.address.city` is not a street address); nil: `name`. A negative word anywhere in `name`
    ///     keeps a field rule out (`product_name` holds no person's name).
    ///   - holds: entities the field was found to hold (most of its values validate as one): every rule of
    ///     those entities reads the field as if its name were the rule's context word.
    public func field(_ name: String, leaf: String? = nil, holds: Set<String> = []) -> FieldContext {
        let tokens = ContextWords.fieldTokens(name)
        let leafTokens = leaf.map(ContextWords.fieldTokens) ?? tokens
        var context: [String?] = []
        var negative: [String?] = []
        var fieldRule: [Bool] = []
        for rule in ruleSet.rules {
            let against = rule.negativeContext.firstMatch(segments: [], fieldTokens: tokens)
            negative.append(against)
            if rule.isFieldRule {
                let word = against == nil ? rule.fieldWords.firstMatch(segments: [], fieldTokens: leafTokens) : nil
                context.append(word)
                fieldRule.append(word != nil)
            } else {
                var word = rule.context.firstMatch(segments: [], fieldTokens: tokens)
                if word == nil && holds.contains(rule.entity) { word = "(field holds \(rule.entity))" }
                context.append(word)
                fieldRule.append(false)
            }
        }
        return FieldContext(name: name, contextWords: context, negativeWords: negative, fieldRule: fieldRule)
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
        let layout = SegmentLayout(whole: subject.count, field: field.map { self.field($0) })
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
        let planner = planner(forLength: length, source: max(length, layout.sourceBytes), scratch: scratch)
        // Windows that reach past their anchor stop at a join: what one value holds opens none in the next.
        scratch.segmented = layout.starts.count > 1
        let runner = planner.prepare(base, length: length, region: region, scratch: scratch)
        // A field named for a rule's data (a `dob` column, an `iban` key) opens its whole segment to that rule:
        // the prefilter must never hide a value whose context is its field name. Listed per rule in one pass
        // over the segments (not one per rule: a batch holds thousands of cells).
        // (Per rule index in the scratch, not a dictionary: hashing a rule index per opened cell was 2% of a
        // CSV scan.)
        if scratch.opened.count != ruleSet.rules.count { scratch.opened = Array(repeating: WindowList(), count: ruleSet.rules.count) }
        for index in scratch.openedRules { scratch.opened[index].reset() }
        scratch.openedRules.removeAll(keepingCapacity: true)
        let opensAny = layout.opens
        if opensAny.contains(true) {
            // Out of the scratch and through pointers: read through the scratch, each cell of a named column cost
            // a uniqueness check of the list of lists and a reference to its field.
            var opened = scratch.opened, openedRules = scratch.openedRules
            scratch.opened = []
            scratch.openedRules = []
            let opens = layout.table.map(\.opens)
            let whole = layout.fieldOf.count == 1
            opened.withUnsafeMutableBufferPointer { opened in
                for k in layout.fieldOf.indices {
                    let f = Int(layout.fieldOf[k])
                    guard f >= 0, opensAny[f] else { continue }
                    let (from, to) = whole ? (region.lowerBound, region.upperBound) : (layout.starts[k], layout.ends[k])
                    for index in opens[f] {
                        if opened[index].isEmpty { openedRules.append(index) }
                        opened[index].add(from, to, gap: 0)
                    }
                }
            }
            scratch.opened = opened
            scratch.openedRules = openedRules
        }
        let anyOpened = !scratch.openedRules.isEmpty
        // Room for as many candidates as the last subject of this scratch had (a block has thousands: growing
        // by doubling copied them about eight times).
        var out: [Candidate] = []
        out.reserveCapacity(scratch.candidateHint + scratch.candidateHint / 4)
        defer { scratch.candidateHint = out.count }
        for (index, rule) in ruleSet.rules.enumerated() {
            let opened = anyOpened ? scratch.opened[index] : WindowList()
            // A field rule reads whole values of the fields named for it, and nothing else.
            if rule.isFieldRule && opened.starts.isEmpty { continue }
            if planner.gateRulesOut(index, runner: runner, opened: opened) { continue }
            let windows = rule.isFieldRule ? opened : planner.windows(
                forRule: index, base, length: length, region: region, runner: runner, opened: opened, scratch: scratch)
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
            // Read only for a rule with windows (it may parse the rule's pattern on first use).
            let digitReach = windows.starts.isEmpty ? nil : planner.digitReach(index)
            for w in 0..<windows.starts.count {
                let from = max(windows.starts[w], resume)
                let to = windows.ends[w]
                if from >= to { continue }
                // A match starting in from..<to holds a digit by `to - 1 + reach`: none there, no match.
                if let reach = digitReach, !Self.holdsDigit(base, from, min(length, to + reach)) { continue }
                // Matches must start before `to` (PCRE2's offset limit) but may run on into the rest of the subject.
                rule.pattern.forEachMatch(
                    in: subject, length: length, from: from, to: to, scratch: scratch.match,
                    limitHits: &scratch.limitHits
                ) { match in
                    resume = match.end
                    guard region.contains(match.start) else { return match.start < region.upperBound }
                    // The segment holding the match; a match in a join or across one belongs to no segment.
                    if segment + 1 < layout.starts.count && layout.starts[segment + 1] <= match.start {
                        segment = layout.segment(containing: match.start, from: segment + 1)
                    }
                    guard match.start >= layout.starts[segment], match.end <= layout.ends[segment] else { return true }
                    if let candidate = evaluate(
                        rule, index: index, match: match, subject: subject,
                        bounds: layout.starts[segment]..<layout.ends[segment], field: layout.field(segment),
                        keepDropped: keepDropped, scratch: scratch)
                    {
                        out.append(candidate)
                    }
                    return true
                }
            }
        }
        return out
    }

    /// Whether `base[from..<to]` holds an ASCII digit: eight bytes at a time (a label's window is read about 21
    /// bytes far, and most hold no digit: a byte loop cost a fifth of the PCRE2 calls it saved).
    @inline(__always)
    static func holdsDigit(_ base: UnsafePointer<UInt8>, _ from: Int, _ to: Int) -> Bool {
        var i = from
        let raw = UnsafeRawPointer(base)
        while i &+ 8 <= to {
            if KeywordTable.digitMask(raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) != 0 { return true }
            i &+= 8
        }
        while i < to {
            if base[i] &- 0x30 < 10 { return true }
            i += 1
        }
        return false
    }

    /// The bytes searched for context words: up to `contextWindow` bytes before and after the value.
    /// With `sameLine`, only those on the value's own line and in its own sentence (`SentenceBounds`):
    /// negative words on a neighbouring line (an order number in the log line above) or in the sentence before
    /// (`...on the last invoice. New number: +44...`) describe other data and must not lower this value.
    /// Never outside `bounds`, the value's segment. Written into `segments` (emptied first, its storage kept:
    /// a fresh array per candidate was an allocation).
    func contextSegments(
        _ subject: UnsafeRawBufferPointer, _ value: ByteRange, bounds: Range<Int>, sameLine: Bool,
        into segments: inout [UnsafeRawBufferPointer]
    ) {
        let w = options.contextWindow
        var start = max(bounds.lowerBound, value.start - w)
        var end = min(bounds.upperBound, value.end + w)
        if sameLine {
            var s = value.start
            while s > start && subject[s - 1] != 0x0A { s -= 1 }
            start = s
            var e = value.end
            while e < end && subject[e] != 0x0A { e += 1 }
            end = SentenceBounds.end(subject, after: value.end, upTo: e)
            start = SentenceBounds.start(subject, before: value.start, from: start)
        }
        segments.removeAll(keepingCapacity: true)
        segments.append(UnsafeRawBufferPointer(rebasing: subject[start..<value.start]))
        segments.append(UnsafeRawBufferPointer(rebasing: subject[value.end..<end]))
    }

    /// Where a rule's word was found, for `evaluate`: none, in the field's name, or in the window (the word's
    /// number in its set, `ContextWords.word(at:)`). A number, not the word: the word is read only for an
    /// explanation, and a `String` per candidate was reference counting per candidate.
    private enum WordHit: Equatable {
        case none
        case fieldName
        case window(Int)
    }

    /// The first of `words` near the value (in its context window; `sameLine`: see `contextSegments`), else the
    /// field name's word (`named`: whether the name holds one). `quick` (no explanation to write): which word
    /// does not matter, only whether there is one, so the field name's word decides without reading the window.
    @inline(__always)
    private func word(
        _ words: ContextWords, named: Bool, quick: Bool, _ subject: UnsafeRawBufferPointer, _ value: ByteRange,
        _ bounds: Range<Int>, _ sameLine: Bool, _ scratch: DetectorScratch
    ) -> WordHit {
        if quick && named { return .fieldName }
        contextSegments(subject, value, bounds: bounds, sameLine: sameLine, into: &scratch.segments)
        if let k = words.firstIndex(segments: scratch.segments, spans: &scratch.spans) { return .window(k) }
        return named ? .fieldName : .none
    }

    /// The word a hit names, for an explanation.
    private func text(of hit: WordHit, in words: ContextWords, named: String?) -> String? {
        switch hit {
        case .none: return nil
        case .fieldName: return named
        case .window(let k): return words.word(at: k)
        }
    }

    private func evaluate(
        _ rule: Rule, index: Int, match: PatternMatch, subject: UnsafeRawBufferPointer, bounds: Range<Int>,
        field: FieldContext?,
        keepDropped: Bool, scratch: DetectorScratch
    ) -> Candidate? {
        let valueRange = ByteRange(match.valueStart, match.valueEnd)
        guard valueRange.count > 0 else { return nil }
        var contextHit = WordHit.none
        var contextChecked = false
        // Without an explanation to write, which word raised or lowered a value does not matter, only whether
        // one did: a field name that holds one decides without reading the window (a table's cells mostly sit
        // in named columns, and the window's words cost about 900 instructions a candidate).
        let quick = !options.explain && !keepDropped
        let namedContext = field?.hasContextWord[index] ?? false
        if rule.contextRequired && !keepDropped {
            // Cheapest test first: without a context word nearby (or in the field name) it is not a finding.
            contextHit = word(rule.context, named: namedContext, quick: quick, subject, valueRange, bounds, false, scratch)
            if contextHit == .none { return nil }
            contextChecked = true
        }
        var outcome = ValidatorOutcome.notApplicable
        if rule.hasValidator {
            // One replacement, not an emptying and an append (each went through Array's generic path).
            scratch.value.replaceSubrange(
                0..<scratch.value.count, with: UnsafeRawBufferPointer(rebasing: subject[valueRange.start..<valueRange.end]))
            NormalizeStep.apply(rule.normalize, inPlace: &scratch.value)
            outcome = rule.check(scratch.value)
        }
        var confidence = rule.base
        var drop: Candidate.Drop? = nil
        if outcome == .invalid { drop = .validatorRejected }
        if outcome == .valid { confidence += ConfidenceModel.validatorBoost }
        var negativeHit = WordHit.none
        if drop == nil || keepDropped, !rule.context.isEmpty || !rule.negativeContext.isEmpty {
            if !contextChecked {
                contextHit = word(rule.context, named: namedContext, quick: quick, subject, valueRange, bounds, false, scratch)
            }
            if !rule.negativeContext.isEmpty {
                negativeHit = word(
                    rule.negativeContext, named: field?.hasNegativeWord[index] ?? false, quick: quick, subject, valueRange,
                    bounds, true, scratch)
            }
        }
        if contextHit != .none { confidence += ConfidenceModel.contextBoost }
        if negativeHit != .none {
            confidence -= ConfidenceModel.negativePenalty
            // A strong check outweighs a word: `order 4539 1488 0343 6467` is still a card number.
            if rule.strongCheck && outcome == .valid { confidence = max(confidence, options.minConfidence) }
        }
        confidence = min(1, max(0, confidence))
        if drop == nil, rule.contextRequired, contextHit == .none { drop = .noContext }
        if drop == nil, confidence < options.minConfidence { drop = .belowMinimum }
        if drop == nil, !labels.isEmpty, !(rule.strongCheck && outcome == .valid),
            LabelIndex.isBareNumber(subject[valueRange.start..<valueRange.end]),
            let named = labels.entities(before: valueRange.start, in: subject, lowerBound: bounds.lowerBound),
            !named.contains(rule.entity)
        {
            drop = .otherLabel
        }
        if drop != nil && !keepDropped { return nil }
        var finding = Finding(
            rule: rule.internedID, entity: rule.internedEntity, range: valueRange,
            confidence: (confidence * 100).rounded() / 100, validated: outcome == .valid, priority: rule.priority)
        if let kind = rule.lookAlike, drop == nil {
            let value = UnsafeBufferPointer(
                start: subject.baseAddress!.assumingMemoryBound(to: UInt8.self) + valueRange.start, count: valueRange.count)
            finding.internedLowRisk = LookAlike.reason(kind, value)?.interned
            if finding.internedLowRisk != nil && options.hideLowRisk && !keepDropped { return nil }
        }
        if options.explain || keepDropped {
            finding.explanation = Explanation(
                pattern: rule.pattern.source, validator: rule.validator?.name, outcome: outcome,
                contextWord: text(of: contextHit, in: rule.context, named: field?.contextWords[index]),
                negativeWord: text(of: negativeHit, in: rule.negativeContext, named: field?.negativeWords[index]),
                base: rule.base)
        }
        var candidate = Candidate(ruleIndex: index, finding: finding, drop: drop)
        candidate.fieldNamed = namedContext
        return candidate
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

    /// Empties `buffer` (a scratch's, kept from batch to batch) with room for `bytes` bytes of `segments`
    /// segments and their joins: then `putJoin` and `put` need no more room.
    static func startJoining(_ buffer: ByteBuffer, bytes: Int, segments: Int) {
        buffer.reset()
        buffer.reserve(bytes + (segments + 1) * join.count)
    }

    /// Writes `join` (room was made by `startJoining`).
    @inline(__always) static func putJoin(_ buffer: ByteBuffer) {
        buffer.put(0x0A)
        buffer.put(0x00)
        buffer.put(0x0A)
    }

    /// The NUL of the last join inside `from..<to` of a joined subject, or nil.
    static func lastJoin(_ base: UnsafePointer<UInt8>, from: Int, to: Int) -> Int? {
        var z = to - 1
        while z > from {
            if base[z] == 0 && base[z - 1] == 0x0A && base[z + 1] == 0x0A { return z }
            z -= 1
        }
        return nil
    }

    /// The NUL of the first join inside `from..<to` of a joined subject, or nil.
    static func firstJoin(_ base: UnsafePointer<UInt8>, from: Int, to: Int) -> Int? {
        var z = max(from, 1)
        while z < to - 1 {
            if base[z] == 0 && base[z - 1] == 0x0A && base[z + 1] == 0x0A { return z }
            z += 1
        }
        return nil
    }
    var starts: [Int] = []
    var ends: [Int] = []
    /// Bytes of the source the segments were cut from (a record batch's buffer), when more than the segments
    /// hold: a batch cut at the reader's batch size is a whole block of input whatever its cells add up to, so
    /// it is gated like one (`Detector.planner`). 0: the subject's own length.
    var sourceBytes = 0
    /// Per segment: its field's number in `table`, or -1 (by number: a reference per cell was a retain and a
    /// release per cell of a table).
    var fieldOf: [Int32] = []
    /// The fields, and per field whether its name opens some rule (`FieldContext.opensAny`).
    private(set) var table: [FieldContext] = []
    private(set) var opens: [Bool] = []

    init() {}

    /// The fields segments name by number.
    mutating func setTable(_ fields: [FieldContext]) {
        table = fields
        opens = fields.map(\.opensAny)
    }

    /// Segment k's field, or nil.
    @inline(__always) func field(_ k: Int) -> FieldContext? {
        let f = fieldOf[k]
        return f < 0 ? nil : table[Int(f)]
    }

    /// The last segment starting at or before `offset`, searching from `from` on (whose start is at or before
    /// it): a binary search, since a rule's first match may lie thousands of cells into a batch.
    func segment(containing offset: Int, from: Int) -> Int {
        var lo = from, hi = starts.count
        while hi - lo > 1 {
            let mid = (lo + hi) / 2
            if starts[mid] <= offset { lo = mid } else { hi = mid }
        }
        return lo
    }

    /// One segment over `0..<count`.
    init(whole count: Int, field: FieldContext?) {
        starts = [0]
        ends = [count]
        if let field {
            setTable([field])
            fieldOf = [0]
        } else {
            fieldOf = [-1]
        }
    }
}
