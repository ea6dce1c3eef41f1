import BlackbarCore
import BlackbarFormats
import BlackbarRedaction
import BlackbarRisk
import Crypto

import func BlackbarValidators.hexString

#if canImport(Glibc)
    import Glibc
#endif

/// Where redacted bytes go (a file written atomically, or stdout).
public protocol ByteOutput: AnyObject {
    /// Writes bytes.
    func write(_ bytes: UnsafeRawBufferPointer) throws
    /// Hands buffered bytes on (a streaming filter's reader sees each block as soon as it exists).
    func flush() throws
}

/// One input of a run: where to read it, and what to call it in messages, findings and the risk log
/// (its name with any personal data in it redacted).
public struct RunInput: Sendable {
    /// A file path, or `-` for stdin.
    public let path: String
    /// The name shown everywhere the input is named.
    public let display: String

    /// Creates an input.
    public init(path: String, display: String? = nil) {
        self.path = path
        self.display = display ?? path
    }

    var isStdin: Bool { path == "-" }
}

/// A finding as `scan` reports it: its range in the input's own bytes, where it is, and its value only
/// when the caller asked for values.
public struct ReportedFinding: Sendable {
    /// The finding; `range` in the input's own bytes (for UTF-16, the file's bytes).
    public var finding: Finding
    /// Line and column (in the input's bytes).
    public var location: Location
    /// The value's UTF-8 bytes, when values are wanted.
    public var value: [UInt8]?
}

/// A run over text inputs: reads each input, runs the detector, records every finding in the risk log,
/// and either reports the findings (`scan`) or writes a redacted copy (`redact`) in which only the personal
/// data changed. The CLI parses arguments and picks outputs; this owns the work.
public final class TextRun {
    /// The detector.
    public let detector: Detector
    /// The redactor (nil: a scan).
    public let redactor: Redactor?
    /// The risk log (a tally, and sinks when a log is written).
    public let riskLog: RiskLog
    /// Keys and run-scoped counters.
    public let context: RunContext
    /// Scan files that look binary as text.
    public let allowBinary: Bool
    /// Redact: rescans of an output allowed before it is given up as not clean.
    public var maxPasses = 4
    /// The run's totals so far.
    public internal(set) var report = RunReport()
    /// Worker threads.
    let workers: Int
    private let scanner: TextScanner
    private let verifier: TextScanner
    private let verifierScratch = DetectorScratch()
    /// The calling thread's scratch for metadata fields.
    let metadataScratch = DetectorScratch()
    /// Field contexts (record columns and key paths, metadata tags), resolved once per run for every input
    /// that has the field: every photo has the same few dozen tags, a folder of tables the same header.
    lazy var fieldContexts = FieldContextCache(detector: detector)
    /// Scratches of the record inputs' workers and of their calling thread, kept from one input to the next
    /// (record inputs are read one at a time).
    lazy var recordScratches: [ScratchCell] = (0..<workers).map { _ in ScratchCell() }
    lazy var recordOwnScratch = ScratchCell()
    /// File and folder names are data too: screened once each.
    private lazy var names = PathNameScreen(detector: detector) { [context] entity, value in
        String(context.fingerprint(entity: entity, value: value).prefix(8))
    }
    private var screened: [String: ScreenedPath] = [:]
    /// Small text files read and scanned ahead on other threads (`lookAhead`).
    private var lookahead: TextLookahead?

    /// Creates a run; `policy` nil makes a scan.
    public init(
        detector: Detector, policy: RedactionPolicy?, riskLog: RiskLog, context: RunContext, workers: Int,
        allowBinary: Bool
    ) {
        self.detector = detector
        redactor = policy.map { Redactor(policy: $0, context: context) }
        self.riskLog = riskLog
        self.context = context
        self.allowBinary = allowBinary
        self.workers = max(1, workers)
        scanner = TextScanner(detector: detector, workers: workers)
        verifier = TextScanner(detector: detector, workers: 1)
    }

    /// Inputs the caller will hand to `scan` or `redact` next, in this order: with more than one worker,
    /// small text files among them are read and scanned ahead on other threads (findings do not change).
    /// `isRecords` tells which inputs the caller reads as records (or as media) instead, from an input and its
    /// first bytes (`head(of:)`).
    public func lookAhead(_ inputs: [RunInput], isRecords: @escaping @Sendable (RunInput, [UInt8]) -> Bool) {
        guard workers > 1, inputs.count > 1, lookahead == nil else { return }
        lookahead = TextLookahead(
            inputs: inputs, scanner: scanner, workers: workers, allowBinary: allowBinary, maximumBytes: 1 << 20,
            isRecords: isRecords)
    }

    /// Scans a UTF-8 input: from the look-ahead when it got there first, else from the descriptor.
    /// `lookingAhead`: false when the caller has already asked the look-ahead for this input.
    private func scanText(
        _ input: RunInput, fd: Int32, bom: Bool, prefix: [UInt8], lookingAhead: Bool = true,
        handler: (TextBlock, [LocatedFinding]) throws -> Void
    ) throws -> TextScanStats {
        if lookingAhead, !bom, prefix.isEmpty, let ahead = lookahead?.take(input) {
            return try scanner.deliver(ahead, handler: handler)
        }
        return try scanner.scan(fd: fd, name: input.display, prefix: prefix, handler: handler)
    }

    /// Writes `run.start`.
    public func start(command: String, version: String, inputs: [String]) throws {
        guard riskLog.isWriting else { return }
        var policyLog: [String: String]? = nil
        if let policy = redactor?.policy {
            var log = ["default": policy.defaultOperator.description]
            for (entity, op) in policy.perEntity { log[entity] = op.description }
            policyLog = log
        }
        try riskLog.write(
            RunStartEvent(
                time: RiskLog.now(), tool: "blackbar", version: version, command: command,
                rulePackDigest: detector.ruleSet.digest, rules: detector.ruleSet.rules.count, policy: policyLog,
                keyID: context.fingerprinter.keyID, inputs: inputs, minConfidence: detector.options.minConfidence))
    }

    /// Counts an input that failed before or while it was read (the caller prints the message).
    public func recordError() {
        report.errors += 1
        report.findingsBeforeErrors += reportedInInput
        reportedInInput = 0
        riskLog.recordError()
    }

    /// Findings reported from the input being read so far: a record file that fails in a later batch has
    /// already reported the earlier batches' findings, and the summary must not say 0 of them.
    var reportedInInput = 0

    /// Counts links `--no-follow` left alone.
    public func recordLinksNotFollowed(_ count: Int) { report.linksNotFollowed += count }

    /// Writes `run.summary` and finishes the log.
    public func finish() throws {
        lookahead?.finish()
        lookahead = nil
        if riskLog.isWriting { try riskLog.write(riskLog.summary(time: RiskLog.now())) }
        try riskLog.close()
    }

    // MARK: scan

    /// Scans one input; `found` gets each finding in input order (with its value when `values`), and
    /// `afterBlock` the bytes of each block when its findings are out (to flush, to show progress).
    /// `head`: the input's first bytes as `head(of:)` read them, when the caller has them: a file they hold whole
    /// (fewer than `headBytes`) and that is plain UTF-8 text is scanned from them, not opened and read again.
    @discardableResult
    public func scan(
        _ input: RunInput, values: Bool, head: [UInt8]? = nil, afterBlock: (Int) throws -> Void = { _ in },
        found: (ReportedFinding) throws -> Void
    ) throws -> InputOutcome {
        /// One block's findings, recorded and reported. By index, reading each finding in place, and with the
        /// block's bytes alone read for a value: iterating copied each located finding (its location holds a
        /// string), and the value's closure copied the block, per finding (about 600 instructions each on
        /// documentation).
        func reportBlock(_ block: TextBlock, _ located: [LocatedFinding], _ tally: inout Tally) throws {
            tally.hashInput(block)
            let offset = block.offset
            try block.bytes.withUnsafeBufferPointer { bytes in
                try located.withUnsafeBufferPointer { items in
                    for k in items.indices {
                        let finding = items[k].finding
                        let range = (finding.range.start - offset)..<(finding.range.end - offset)
                        let value = values ? Array(bytes[range]) : nil
                        try tally.record(finding, items[k].location, value: value ?? Array(bytes[range]), action: "reported")
                        try found(ReportedFinding(finding: finding, location: items[k].location, value: value))
                    }
                }
            }
            try afterBlock(block.region.count)
        }
        if let ahead = lookahead?.take(input) {
            // Read and scanned ahead: a small file of plain UTF-8 text (no byte-order mark, no NUL byte unless
            // binary files are scanned), as opening it here would find. Opening and sniffing it again doubled the
            // system time of two workers on a folder of small files.
            var tally = Tally(run: self, input: input)
            let stats = try scanner.deliver(ahead) { block, located in try reportBlock(block, located, &tally) }
            let outcome = try tally.finish(bytes: stats.bytes, limitHits: stats.limitHits)
            report.add(outcome)
            return outcome
        }
        if let head, head.count < Self.headBytes, TextLookahead.isPlainText(head, allowBinary: allowBinary) {
            // The whole file, plain UTF-8 (what opening it would find): scanned from the bytes already read.
            var tally = Tally(run: self, input: input)
            let stats = try scanner.scan(bytes: head, name: input.display) { block, located in
                try reportBlock(block, located, &tally)
            }
            let outcome = try tally.finish(bytes: stats.bytes, limitHits: stats.limitHits)
            report.add(outcome)
            return outcome
        }
        return try withInput(input) { text, fd in
            var tally = Tally(run: self, input: input)
            switch text {
            case .binary:
                return try skip(input, reason: "binary")
            case .utf8(_, let bom, let prefix):
                tally.encoding = bom ? "utf-8-bom" : nil
                let stats = try scanText(input, fd: fd, bom: bom, prefix: prefix, lookingAhead: false) { block, located in
                    try reportBlock(block, located, &tally)
                }
                return try tally.finish(bytes: stats.bytes, limitHits: stats.limitHits)
            case .utf16(let decoded, let encoding):
                tally.encoding = encoding.logName
                tally.hashInput(decoded.source)
                let stats = try scanner.scan(bytes: decoded.utf8, name: input.display) { block, located in
                    for item in located {
                        let value = block.value(of: item.finding)
                        let (finding, location) = decoded.inSource(item)
                        try tally.record(finding, location, value: value, action: "reported")
                        try found(ReportedFinding(finding: finding, location: location, value: values ? value : nil))
                    }
                }
                return try tally.finish(bytes: decoded.source.count, limitHits: stats.limitHits)
            }
        }
    }

    // MARK: redact

    /// Redacts one input into `output`. `outputName` is what the risk log says the output is; `streaming`
    /// flushes each block as soon as it is written (stdout as a filter).
    ///
    /// Redaction reaches a fixed point: the redacted bytes are scanned again and what is found is redacted
    /// too, up to `maxPasses` scans; if anything is still found, a `RunError` with status `.residual` names the
    /// line, and the caller must not keep the output.
    @discardableResult
    ///
    /// `found` sees each finding of the input (without its value), for `--explain`.
    public func redact(
        _ input: RunInput, to output: ByteOutput, outputName: String, streaming: Bool,
        afterBlock: (Int) throws -> Void = { _ in }, found: (ReportedFinding) throws -> Void = { _ in }
    ) throws -> InputOutcome {
        guard let redactor else { preconditionFailure("redact on a scan run") }
        return try withInput(input) { text, fd in
            var tally = Tally(run: self, input: input)
            tally.output = outputName
            switch text {
            case .binary:
                return try skip(input, reason: "binary", output: outputName)
            case .utf8(_, let bom, let prefix):
                tally.encoding = bom ? "utf-8-bom" : nil
                var cursor = 0
                var line = 1
                let stats = try scanText(input, fd: fd, bom: bom, prefix: prefix) { block, located in
                    tally.hashInput(block)
                    var local: [Finding] = []
                    local.reserveCapacity(located.count)
                    for item in located {
                        try tally.record(item.finding, item.location, value: block.value(of: item.finding),
                            action: redactor.policy.operator(for: item.finding.entity).description)
                        try found(ReportedFinding(finding: item.finding, location: item.location, value: nil))
                        var f = item.finding
                        f.range = f.range.shifted(by: -block.offset)
                        local.append(f)
                    }
                    var piece: [UInt8] = []
                    piece.reserveCapacity(block.region.count)
                    block.bytes.withUnsafeBytes { raw in
                        let edits = redactor.edits(for: local, in: raw)
                        let from = max(block.region.lowerBound, cursor - block.offset)
                        let end = TextEdits.apply(edits, to: raw, from: from, to: block.region.upperBound) {
                            piece.append(contentsOf: $0)
                        }
                        cursor = end + block.offset
                    }
                    if !local.isEmpty {
                        piece = try settle(piece, input: input, firstLine: line, tally: &tally)
                    }
                    line += piece.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
                    try piece.withUnsafeBytes { try output.write($0) }
                    if streaming { try output.flush() }
                    tally.hashOutput(piece)
                    try afterBlock(block.region.count)
                }
                return try tally.finish(bytes: stats.bytes, limitHits: stats.limitHits)
            case .utf16(let decoded, let encoding):
                tally.encoding = encoding.logName
                tally.hashInput(decoded.source)
                var edits: [Edit] = []
                let stats = try scanner.scan(bytes: decoded.utf8, name: input.display) { block, located in
                    var local: [Finding] = []
                    for item in located {
                        let value = block.value(of: item.finding)
                        let (finding, location) = decoded.inSource(item)
                        try tally.record(finding, location, value: value,
                            action: redactor.policy.operator(for: finding.entity).description)
                        try found(ReportedFinding(finding: finding, location: location, value: nil))
                        local.append(item.finding)
                    }
                    edits += decoded.utf8.withUnsafeBytes { redactor.edits(for: local, in: $0) }
                }
                var current = decoded.applying(edits.map { ($0.range, $0.replacement) })
                if !edits.isEmpty {
                    current = try settleUTF16(current, bigEndian: encoding == .utf16BE, input: input, tally: &tally)
                }
                try current.withUnsafeBytes { try output.write($0) }
                tally.hashOutput(current)
                return try tally.finish(bytes: decoded.source.count, limitHits: stats.limitHits)
            }
        }
    }

    /// Scans redacted bytes again until nothing is found (values an entity's `keep` operator keeps do not
    /// count), redacting what each scan finds.
    private func settle(_ piece: [UInt8], input: RunInput, firstLine: Int, tally: inout Tally) throws -> [UInt8] {
        guard let redactor else { return piece }
        var current = piece
        for pass in 1...maxPasses {
            let found = current.withUnsafeBytes {
                detector.scan($0, region: 0..<$0.count, field: nil as FieldContext?, scratch: verifierScratch)
            }.filter { redactor.policy.operator(for: $0.entity) != .keep }
            tally.passes = max(tally.passes, pass)
            if found.isEmpty { return current }
            if pass == maxPasses {
                let line = firstLine + current[0..<found[0].range.start].reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
                throw try residual(input, line: line, entity: found[0].entity, count: found.count, tally: &tally)
            }
            tally.repaired += found.count
            current = redactor.redact(current, findings: found)
        }
        return current
    }

    /// `settle` for a UTF-16 output, decoded and scanned whole each pass.
    private func settleUTF16(_ source: [UInt8], bigEndian: Bool, input: RunInput, tally: inout Tally) throws -> [UInt8] {
        guard let redactor else { return source }
        var current = source
        for pass in 1...maxPasses {
            let text = UTF16Text(source: current, bigEndian: bigEndian)
            var found: [Finding] = []
            _ = try verifier.scan(bytes: text.utf8, name: input.display) { _, located in
                found += located.map(\.finding).filter { redactor.policy.operator(for: $0.entity) != .keep }
            }
            tally.passes = max(tally.passes, pass)
            if found.isEmpty { return current }
            if pass == maxPasses {
                let line = 1 + text.utf8[0..<found[0].range.start].reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
                throw try residual(input, line: line, entity: found[0].entity, count: found.count, tally: &tally)
            }
            tally.repaired += found.count
            let edits = text.utf8.withUnsafeBytes { redactor.edits(for: found, in: $0) }
            current = text.applying(edits.map { ($0.range, $0.replacement) })
        }
        return current
    }

    /// The error for an output that stays not clean; the risk log records the input with what was left and
    /// no output.
    private func residual(_ input: RunInput, line: Int, entity: String, count: Int, tally: inout Tally) throws -> RunError {
        report.residual += 1
        try tally.finishUnwritten(residual: count)
        return RunError(
            "\(input.display): line \(line): \(count) finding\(count == 1 ? "" : "s") (\(entity) first) still found "
                + "after \(maxPasses) redaction passes; the output was not written",
            status: .residual)
    }

    // MARK: inputs

    /// A path screened for personal data in its names (cached: a path is screened once per run).
    public func screen(_ path: String) -> ScreenedPath {
        if let known = screened[path] { return known }
        let result = names.screen(path)
        screened[path] = result
        return result
    }

    /// Screens the names in `paths` ahead, in batches (call it with a run's whole list of inputs; `input` and
    /// `screen` then find them done).
    public func prescreen(_ paths: [String]) {
        names.prescreen(paths.filter { $0 != "-" })
    }

    /// The input at `path` (`-` for stdin), named for messages, findings and the risk log with any personal
    /// data in its path replaced by `<ENTITY:fingerprint>`.
    public func input(_ path: String) -> RunInput {
        path == "-" ? RunInput(path: "-") : RunInput(path: path, display: screen(path).display)
    }

    /// `path` with personal data in its part below `folder` (the mirrored tree) replaced by
    /// `ENTITY-fingerprint`: a sanitized output does not carry a person's name or address in its file names.
    /// A path outside `folder` (an output the user named) is kept.
    public func safeOutputPath(_ path: String, under folder: String?) -> String {
        guard let folder, path.hasPrefix(folder) else { return path }
        var rest = path.dropFirst(folder.count)
        var head = folder
        while rest.first == "/" {
            rest = rest.dropFirst()
            if !head.hasSuffix("/") { head += "/" }
        }
        let safe = screen(String(rest))
        return safe.hasPersonalData ? head + safe.safeName : path
    }

    /// Opens an input, sniffs it, runs `body`, closes it.
    private func withInput(_ input: RunInput, _ body: (TextInput, Int32) throws -> InputOutcome) throws -> InputOutcome {
        let fd: Int32 = input.isStdin ? 0 : open(input.path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw RunError("\(input.display): cannot open: \(String(cString: strerror(errno)))") }
        defer { if fd != 0 { close(fd) } }
        var st = stat()
        if fstat(fd, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR { throw RunError("\(input.display): is a folder") }
        do {
            let outcome = try body(try TextInput.open(fd: fd, name: input.display, allowBinary: allowBinary), fd)
            report.add(outcome)
            return outcome
        } catch let error as InputError {
            throw RunError(error.description)
        }
    }

    /// Records a skipped input (never silent: the caller prints why, the log lists it).
    private func skip(_ input: RunInput, reason: String, output: String? = nil) throws -> InputOutcome {
        warn("\(input.display): skipped: looks binary (a NUL byte in the first 8 KB and no UTF-16 byte-order mark); "
            + (output == nil ? "" : "nothing written for it; ") + "use --binary to scan it as text")
        var outcome = InputOutcome()
        outcome.skipped = reason
        try riskLog.record(
            InputSummaryEvent(
                input: input.display, output: nil, bytes: 0, sha256Input: "", sha256Output: nil, findings: 0,
                byEntity: [:], bySeverity: [:], residualFindings: nil, skipped: reason))
        return outcome
    }
}

/// The counts, hashes and risk events of one input while it is read.
struct Tally {
    let run: TextRun
    let input: RunInput
    var output: String? = nil
    var encoding: String? = nil
    /// For a record input: its format, record counts and field evidence.
    var records: RecordsSummary? = nil
    /// The outcome so far (entity and severity counts brought up to date on each read).
    var outcome: InputOutcome {
        mutating get {
            flushCounts()
            return counted
        }
        set { counted = newValue }
    }
    private var counted = InputOutcome()
    /// Findings by severity name (brought up to date on each read).
    var bySeverity: [String: Int] {
        mutating get {
            flushCounts()
            return severityCounts
        }
        set { severityCounts = newValue }
    }
    private var severityCounts: [String: Int] = [:]
    /// Findings per entity since the last flush, by slot: an input has a few entities, found by the identity of
    /// their interned names (`Finding.internedEntity`) where two String dictionaries hashed every finding's
    /// entity name (2% of a scan of installed documentation, at 3,000 findings per MB). Per slot: the entity,
    /// its severity, and counts of findings at that severity and of look-alikes (low).
    private var slotNames: [InternedName] = []
    private var slotSeverity: [Severity] = []
    private var slotCounts: [Int] = []
    private var slotLowCounts: [Int] = []
    private var lastSlot = 0
    /// Whether some slot count is not in `counted` yet.
    private var pending = false
    /// Findings the fixed point redacted after the first pass.
    var repaired = 0
    var passes = 0
    private var inputHash = SHA256()
    private var outputHash = SHA256()
    private var wroteOutput = false
    /// Whether the risk log writes, read once per input: the hashes (its input summary) and the finding events
    /// go only there, and without a log they are skipped.
    private let logging: Bool

    init(run: TextRun, input: RunInput) {
        self.run = run
        self.input = input
        logging = run.riskLog.isWriting
        run.reportedInInput = 0
    }

    mutating func hashInput(_ block: TextBlock) {
        guard logging else { return }
        block.bytes.withUnsafeBytes { inputHash.update(bufferPointer: UnsafeRawBufferPointer(rebasing: $0[block.region])) }
    }

    mutating func hashInput(_ bytes: [UInt8]) { if logging { inputHash.update(data: bytes) } }

    mutating func hashInput(_ raw: UnsafeRawBufferPointer) { if logging { inputHash.update(bufferPointer: raw) } }

    mutating func hashOutput(_ bytes: [UInt8]) {
        wroteOutput = true
        if logging { outputHash.update(data: bytes) }
    }

    /// Counts a finding and writes its event (fingerprinted, never the value).
    /// `value` is read only when the risk log is written (its fingerprint): a plain scan never copies it.
    mutating func record(_ f: Finding, _ location: Location, value: @autoclosure () -> [UInt8], action: String) throws {
        let slot = slot(for: f.internedEntity)
        // A look-alike (a reserved example domain, a test card) is low whatever its entity.
        let severity: Severity
        if f.lowRisk != nil {
            severity = .low
            slotLowCounts[slot] += 1
        } else {
            severity = slotSeverity[slot]
            slotCounts[slot] += 1
        }
        pending = true
        counted.findings += 1
        run.reportedInInput += 1
        if counted.highest == nil || severity > counted.highest! { counted.highest = severity }
        // (Read through the run, `isWriting` was about 90 instructions per finding.)
        guard logging else { return }
        let log = run.riskLog
        let entry = log.regulations.entry(for: f.entity)
        try log.record(
            FindingEvent(
                input: input.display, range: f.range, location: location, entity: f.entity, rule: f.ruleID,
                confidence: f.confidence, validated: f.validated, action: action,
                fingerprint: run.context.fingerprint(entity: f.entity, value: value()), severity: severity,
                gdpr: entry.gdpr, ccpa: entry.ccpa, note: f.lowRisk))
    }

    /// The slot of `entity` in the pending counts, made if new.
    private mutating func slot(for entity: InternedName) -> Int {
        if lastSlot < slotNames.count && slotNames[lastSlot] === entity { return lastSlot }
        if let k = slotNames.firstIndex(where: { $0 === entity }) {
            lastSlot = k
            return k
        }
        slotNames.append(entity)
        slotSeverity.append(run.riskLog.regulations.severity(for: entity.string))
        slotCounts.append(0)
        slotLowCounts.append(0)
        lastSlot = slotNames.count - 1
        return lastSlot
    }

    /// Moves the pending counts into the outcome, the severity counts and (without a written log, whose
    /// events count themselves) the log's totals.
    private mutating func flushCounts() {
        guard pending else { return }
        pending = false
        let log = run.riskLog
        for k in slotNames.indices where slotCounts[k] + slotLowCounts[k] > 0 {
            let n = slotCounts[k] + slotLowCounts[k]
            counted.byEntity[slotNames[k].string, default: 0] += n
            if slotCounts[k] > 0 { severityCounts[slotSeverity[k].rawValue, default: 0] += slotCounts[k] }
            if slotLowCounts[k] > 0 { severityCounts[Severity.low.rawValue, default: 0] += slotLowCounts[k] }
            if !log.isWriting { log.count(entity: slotNames[k].string, n) }
            slotCounts[k] = 0
            slotLowCounts[k] = 0
        }
    }

    /// Writes the summary of an input whose output was given up: no output, what was left in it.
    mutating func finishUnwritten(residual: Int) throws {
        var unwritten = records
        unwritten?.recordsOut = nil
        flushCounts()
        let outcome = counted, bySeverity = severityCounts
        try run.riskLog.record(
            InputSummaryEvent.with(records: unwritten) {InputSummaryEvent(
                input: input.display, output: nil, bytes: 0, sha256Input: "", sha256Output: nil,
                findings: outcome.findings, byEntity: outcome.byEntity, bySeverity: bySeverity,
                residualFindings: residual, skipped: "personal data left after redaction", encoding: encoding,
                redactionPasses: passes)})
    }

    /// Writes the input summary and returns the outcome.
    mutating func finish(bytes: Int, limitHits: Int) throws -> InputOutcome {
        flushCounts()
        counted.written = output != nil && wroteOutput
        counted.passes = passes
        let outcome = counted, bySeverity = severityCounts
        try run.riskLog.record(
            InputSummaryEvent.with(records: records) {InputSummaryEvent(
                input: input.display, output: output, bytes: bytes,
                sha256Input: logging ? hexString(inputHash.finalize()) : "",
                sha256Output: logging && output != nil ? hexString(outputHash.finalize()) : nil,
                findings: outcome.findings, byEntity: outcome.byEntity, bySeverity: bySeverity,
                residualFindings: output != nil ? 0 : nil, skipped: nil, encoding: encoding,
                redactionPasses: output != nil ? passes : nil)})
        if limitHits > 0 {
            run.warn("\(input.display): warning: \(limitHits) match attempts hit the PCRE2 match limit and were skipped")
        }
        return outcome
    }
}

extension InputSummaryEvent {
    /// `make()` with its record summary set.
    static func with(records: RecordsSummary?, _ make: () -> InputSummaryEvent) -> InputSummaryEvent {
        var event = make()
        event.records = records
        return event
    }
}

extension TextRun {
    /// Prints a warning on stderr.
    func warn(_ message: String) {
        var line = "blackbar: " + message + "\n"
        line.withUTF8 { _ = Glibc.write(2, $0.baseAddress, $0.count) }
    }
}

extension TextBlock {
    /// The bytes of a finding whose range is in stream offsets.
    func value(of finding: Finding) -> [UInt8] {
        Array(bytes[(finding.range.start - offset)..<(finding.range.end - offset)])
    }
}

extension UTF16Text {
    /// A finding of the decoded text placed in the file's own bytes: its range, and its column counted in
    /// the file's bytes from the start of its line (the line number is the text's).
    func inSource(_ item: LocatedFinding) -> (Finding, Location) {
        var finding = item.finding
        let range = sourceRange(finding.range.start..<finding.range.end)
        finding.range = ByteRange(range.lowerBound, range.upperBound)
        var location = item.location
        if let column = item.location.column {
            let lineStart = sourceOffset(ofUTF8: item.finding.range.start - (column - 1))
            location.column = range.lowerBound - lineStart + 1
        }
        return (finding, location)
    }
}
