import BlackbarCore
import BlackbarRisk

/// What happened to one input.
public struct InputOutcome: Sendable {
    /// Findings in the input.
    public var findings = 0
    /// The highest severity among them.
    public var highest: Severity? = nil
    /// Findings by entity.
    public var byEntity: [String: Int] = [:]
    /// Set when the input was not scanned, with why (`binary`).
    public var skipped: String? = nil
    /// Redact: whether an output was written.
    public var written = false
    /// Redact: the scans of the output it took to reach a fixed point.
    public var passes = 0

    /// Nothing yet.
    public init() {}
}

/// Why a run did not handle everything, and what a pipeline should make of it.
public enum ExitStatus: Int32, Sendable, Comparable {
    /// Everything was handled; `scan` found nothing at or above `--fail-on`.
    case done = 0
    /// `scan` found personal data at or above `--fail-on`.
    case found = 1
    /// An input could not be read, an output not written, a rule pack not loaded.
    case error = 2
    /// Some inputs were skipped (binary files): not everything was scanned or written.
    case incomplete = 3
    /// Redaction could not reach a clean output: personal data was still found after every pass; that
    /// output was not written.
    case residual = 4

    /// How much a status outweighs another when several apply: error, then residual, then found, then
    /// incomplete.
    var weight: Int {
        switch self {
        case .done: return 0
        case .incomplete: return 1
        case .found: return 2
        case .residual: return 3
        case .error: return 4
        }
    }

    public static func < (a: ExitStatus, b: ExitStatus) -> Bool { a.weight < b.weight }
}

/// The totals of a run, for the summary line and the exit status.
public struct RunReport: Sendable {
    /// Inputs handled (scanned, or written for redact).
    public var handled = 0
    /// Redact: outputs written.
    public var written = 0
    /// Findings by entity.
    public var byEntity: [String: Int] = [:]
    /// Skipped inputs by reason.
    public var skipped: [String: Int] = [:]
    /// Inputs that failed with an error.
    public var errors = 0
    /// Findings those inputs reported before they failed (a record file failing in a later batch), not in
    /// `byEntity`: the summary names them apart.
    public var findingsBeforeErrors = 0
    /// Redact: inputs whose output still held personal data after every pass (not written).
    public var residual = 0
    /// Links not followed (`--no-follow`), counted but not a failure.
    public var linksNotFollowed = 0
    /// Records left out of record inputs (`--on-error skip`): not everything was scanned or written.
    public var skippedRecords = 0

    /// Nothing yet.
    public init() {}

    /// Adds an input's outcome.
    public mutating func add(_ outcome: InputOutcome) {
        if let reason = outcome.skipped {
            skipped[reason, default: 0] += 1
            return
        }
        handled += 1
        if outcome.written { written += 1 }
        for (entity, n) in outcome.byEntity { byEntity[entity, default: 0] += n }
    }

    /// Total findings.
    public var findings: Int { byEntity.values.reduce(0, +) }

    /// The status the run ends with, before `scan`'s own `--fail-on` decides on `found`.
    public var status: ExitStatus {
        if errors > 0 { return .error }
        if residual > 0 { return .residual }
        if !skipped.isEmpty || skippedRecords > 0 { return .incomplete }
        return .done
    }

    /// One line for stderr: `3 files written, 12 findings (EMAIL_ADDRESS 8, PHONE_NUMBER 4), 1 skipped (binary 1)`.
    public func summary(command: String) -> String {
        func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
        var parts: [String] = []
        parts.append(command == "redact" ? plural(written, "output") + " written" : plural(handled, "input") + " scanned")
        var found = plural(findings, "finding")
        if !byEntity.isEmpty {
            found += " (" + byEntity.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map { "\($0.key) \($0.value)" }
                .joined(separator: ", ") + ")"
        }
        parts.append(found)
        let skippedCount = skipped.values.reduce(0, +)
        if skippedCount > 0 {
            parts.append("\(skippedCount) skipped (" + skipped.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }
                .joined(separator: ", ") + ")")
        }
        if skippedRecords > 0 { parts.append(plural(skippedRecords, "bad record") + " left out (--on-error skip)") }
        if residual > 0 { parts.append(plural(residual, "output") + " not written: personal data left after redaction") }
        if errors > 0 {
            let before = findingsBeforeErrors > 0
                ? " (after \(plural(findingsBeforeErrors, "finding")) reported from \(errors == 1 ? "it" : "them"))" : ""
            parts.append(plural(errors, "error") + before)
        }
        if linksNotFollowed > 0 { parts.append(plural(linksNotFollowed, "link") + " not followed") }
        return command + ": " + parts.joined(separator: ", ")
    }
}
