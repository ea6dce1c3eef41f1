import BlackbarCore
import BlackbarFormats
import BlackbarPipeline
import BlackbarRedaction
import BlackbarRisk
import Crypto
import Foundation

/// A file that looks binary and is skipped (reported, counted, never silent).
struct SkippedBinary: Error {}

/// What happened to one input.
struct InputOutcome {
    var findings = 0
    var highest: Severity? = nil
    var skipped = false
}

/// The work shared by `scan` and `redact`: streams one input through the detector, records every
/// finding in the risk log, and hands blocks and findings to the command.
final class Job {
    let detector: Detector
    let scanner: TextScanner
    let riskLog: RiskLog
    let fingerprinter: Fingerprinter
    let allowBinary: Bool
    /// What the risk log says was done to a finding of an entity.
    let action: (String) -> String

    init(detector: Detector, run: RunOptions, action: @escaping (String) -> String) throws {
        self.detector = detector
        scanner = TextScanner(detector: detector, workers: run.jobs)
        riskLog = try run.openRiskLog()
        fingerprinter = try run.fingerprinter()
        allowBinary = run.binary
        self.action = action
    }

    /// Writes `run.start`.
    func start(command: String, inputs: [String], policy: [String: String]?) throws {
        try riskLog.write(
            RunStartEvent(
                time: RiskLog.now(), tool: "blackbar", version: Blackbar.version, command: command,
                rulePackDigest: detector.ruleSet.digest, rules: detector.ruleSet.rules.count, policy: policy,
                keyID: fingerprinter.keyID, inputs: inputs, minConfidence: detector.options.minConfidence))
    }

    /// Streams one input. `perBlock` gets each block and its findings after they are logged; it returns
    /// the bytes written for that block (for the output hash), or nil when there is no output.
    func process(
        _ item: InputItem, outputName: String? = nil,
        perBlock: (TextBlock, [LocatedFinding]) throws -> (written: [UInt8]?, residual: Int)
    ) throws -> InputOutcome {
        let fd = try item.openForReading()
        defer { if fd != 0 { close(fd) } }
        var outcome = InputOutcome()
        var inputHash = SHA256()
        var outputHash = SHA256()
        // The hashes go only into the risk log's input summary: without a log, skip them.
        let hashing = riskLog.isWriting
        var hasOutput = false
        var residual = 0
        var byEntity: [String: Int] = [:]
        var bySeverity: [String: Int] = [:]
        let stats: TextScanStats
        do {
            // A regular file is judged by its first 8 KB before any block is read or scanned; a pipe is
            // judged by its first block (below).
            if !allowBinary && startsBinary(fd) { throw SkippedBinary() }
            stats = try scanner.scan(fd: fd, name: item.path) { block, findings in
                if block.index == 0 && !allowBinary && looksBinary(block) { throw SkippedBinary() }
                if hashing {
                    block.bytes.withUnsafeBytes { inputHash.update(bufferPointer: UnsafeRawBufferPointer(rebasing: $0[block.region])) }
                }
                for located in findings {
                    let f = located.finding
                    let entry = riskLog.regulations.entry(for: f.entity)
                    outcome.findings += 1
                    if outcome.highest == nil || entry.severity > outcome.highest! { outcome.highest = entry.severity }
                    byEntity[f.entity, default: 0] += 1
                    bySeverity[entry.severity.rawValue, default: 0] += 1
                    guard riskLog.isWriting else {
                        riskLog.count(entity: f.entity)
                        continue
                    }
                    let value = block.bytes[(f.range.start - block.offset)..<(f.range.end - block.offset)]
                    let key = Array(f.entity.utf8) + [0x3A] + NormalizeStep.apply([.removeSeparators, .upper], to: Array(value))
                    try riskLog.record(
                        FindingEvent(
                            input: item.path,
                            location: EventLocation(
                                byteStart: f.range.start, byteEnd: f.range.end, line: located.location.line,
                                column: located.location.column, record: located.location.record,
                                field: located.location.field),
                            entity: f.entity, rule: f.ruleID, confidence: f.confidence, validated: f.validated,
                            action: action(f.entity), fingerprint: fingerprinter.fingerprint(key),
                            severity: entry.severity, gdpr: entry.gdpr, ccpa: entry.ccpa))
                }
                let result = try perBlock(block, findings)
                if let written = result.written {
                    hasOutput = true
                    if hashing { outputHash.update(data: written) }
                }
                residual += result.residual
            }
        } catch is SkippedBinary {
            diagnose("\(item.path): skipped: looks binary (a NUL byte in the first 8 KB); use --binary to scan it as text")
            outcome.skipped = true
            try riskLog.record(
                InputSummaryEvent(
                    input: item.path, output: nil, bytes: 0, sha256Input: "", sha256Output: nil, findings: 0,
                    byEntity: [:], bySeverity: [:], residualFindings: nil, skipped: "binary"))
            return outcome
        } catch let error as InputError {
            throw CLIError(error.description)
        }
        try riskLog.record(
            InputSummaryEvent(
                input: item.path, output: outputName, bytes: stats.bytes, sha256Input: hex(inputHash.finalize()),
                sha256Output: hasOutput ? hex(outputHash.finalize()) : nil, findings: outcome.findings,
                byEntity: byEntity, bySeverity: bySeverity, residualFindings: hasOutput ? residual : nil, skipped: nil))
        if stats.limitHits > 0 {
            diagnose("\(item.path): warning: \(stats.limitHits) match attempts hit the PCRE2 match limit and were skipped")
        }
        return outcome
    }

    /// Writes `run.summary` and closes the log.
    func finish() throws {
        try riskLog.write(riskLog.summary(time: RiskLog.now()))
        try riskLog.close()
    }

    /// Whether the first 8 KB of a file hold a NUL byte, read in place (`pread`, so the file offset does not
    /// move); false when the descriptor cannot be read that way (a pipe).
    private func startsBinary(_ fd: Int32) -> Bool {
        var head = [UInt8](repeating: 0, count: 8192)
        let n = head.withUnsafeMutableBytes { pread(fd, $0.baseAddress, 8192, 0) }
        return n > 0 && head[0..<n].contains(0)
    }

    private func looksBinary(_ block: TextBlock) -> Bool {
        let end = min(block.region.upperBound, block.region.lowerBound + 8192)
        return block.bytes[block.region.lowerBound..<end].contains(0)
    }
}

func hex<D: Sequence>(_ digest: D) -> String where D.Element == UInt8 { hexString(digest) }
