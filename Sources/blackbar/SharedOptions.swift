import ArgumentParser
import BlackbarCore
import BlackbarPipeline
import BlackbarRedaction
import BlackbarRisk
import BlackbarRules
import Foundation

/// Options that choose and tune the rules.
struct RuleOptions: ParsableArguments {
    @Option(name: .customLong("rules"), help: "Add a rule pack folder (repeatable); a rule id given again replaces the built-in one.")
    var ruleDirectories: [String] = []

    @Option(help: "Report findings at or above this confidence (0 to 1).")
    var minConfidence: Double = 0.5

    @Flag(help: "Say why each finding was made: pattern, validator outcome, context word.")
    var explain = false

    @Option(help: "Report (and redact) only findings of at least this severity: low (all), moderate (leaves out low-severity entities, capture dates and look-alikes such as example.com addresses, documentation IP ranges, fictional phone ranges and test card numbers), high.")
    var minSeverity: Severity = .low

    func validate() throws {
        guard (0...1).contains(minConfidence) else { throw ValidationError("--min-confidence must be between 0 and 1") }
    }

    /// Loads and compiles the rules; a broken rule file is an error (exit 2) naming file, rule and field.
    func loadRuleSet() throws -> RuleSet {
        do {
            return try RulePack.compile(try RulePack.load(extraDirectories: ruleDirectories))
        } catch {
            throw CLIError(error.description)
        }
    }

    /// The detector over the loaded rules. Each thread scans its first 64 KB without the shape gate: building
    /// and warming it costs about 20 ms, which one small input never makes up (a 300 KB file: 45 ms without, 67 ms
    /// with), while many small files or one large one gain from it (2,000 files of 1 KB: 200 ms with it from the
    /// start, 318 ms without it; 30 MB of JSON Lines 1.2 s against 2.0 s).
    ///
    /// With `--min-severity` above low, rules of entities below it are not run at all (their labels still count).
    func detector() throws -> Detector {
        let all = try loadRuleSet()
        var options = DetectorOptions(minConfidence: minConfidence, explain: explain, shapeGateAfter: 64 << 10)
        options.hideLowRisk = minSeverity > .low
        guard minSeverity > .low else { return Detector(ruleSet: all, options: options) }
        let regulations = RegulationTable.builtIn
        let kept = all.rules.filter { regulations.entry(for: $0.entity).severity >= minSeverity }
        return Detector(ruleSet: RuleSet(rules: kept, digest: all.digest), options: options, labelsOf: all.rules)
    }
}

/// Options about running: threads, links, the risk log, the fingerprint key, binary inputs.
struct RunOptions: ParsableArguments {
    @Option(name: [.customShort("j"), .customLong("jobs")], help: "Worker threads (default: all cores).")
    var jobCount: Int?

    /// Worker threads: as given, else one per core.
    var jobs: Int { jobCount ?? ProcessInfo.processInfo.activeProcessorCount }

    @Flag(help: "Do not follow symbolic links (they are skipped and counted).")
    var noFollow = false

    @Option(help: "Append the GDPR/CCPA risk log (JSON Lines) to this file (never inside the data).")
    var riskLog: String?

    @Option(help: "Key for value fingerprints in the risk log (else $BLACKBAR_KEY, else a per-run random key).")
    var keyFile: String?

    @Flag(help: "Scan files that look binary (a NUL byte in the first 8 KB) as text instead of skipping them.")
    var binary = false

    func validate() throws {
        // Not `jobs`: the core count is read from the system, once is enough (`textRun`).
        guard (jobCount ?? 1) >= 1 else { throw ValidationError("--jobs must be at least 1") }
    }

    /// Refuses a risk log that would write into an input, be read as one, or land among the outputs
    /// (exit 2, before anything is written).
    func checkRiskLog(inputs: InputWalk, outputs: OutputPlan?) throws {
        guard let riskLog else { return }
        do { try RiskLogPlacement.check(riskLog, inputs: inputs, outputs: outputs) } catch {
            throw CLIError("--risk-log \(error)")
        }
    }

    /// The run's risk log, with no sink yet: `attachRiskLog` opens the file once its place is checked.
    func riskLogTally() -> RiskLog {
        RiskLog(sinks: [], regulations: RegulationTable.builtIn)
    }

    /// Opens `--risk-log` (after `checkRiskLog`: never into the data) and adds it to the run's log.
    func attachRiskLog(to run: TextRun) throws {
        guard let riskLog else { return }
        do { run.riskLog.add(try JSONLinesRiskSink(path: riskLog)) } catch { throw CLIError("\(error)") }
    }

    func fingerprinter() throws -> Fingerprinter {
        do { return try Fingerprinter(keyFile: keyFile) } catch { throw CLIError("\(error)") }
    }

    /// The run over `detector`: a scan without a policy, a redaction with one. It is never freed: the process
    /// ends with the command, and freeing the rules, automata and buffers one by one took about 1.5 ms (nothing
    /// the run holds needs its deinit: the risk log is closed by `finish`, and the descriptors close at exit).
    func textRun(detector: Detector, policy: RedactionPolicy?) throws -> TextRun {
        let run = TextRun(
            detector: detector, policy: policy, riskLog: riskLogTally(),
            context: RunContext(fingerprinter: try fingerprinter()), workers: jobs, allowBinary: binary)
        _ = Unmanaged.passRetained(run)
        return run
    }
}

/// How findings are printed.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    /// A readable table on a terminal, JSON Lines otherwise.
    case auto
    case table
    case jsonl
}

/// The lowest severity that makes `scan` exit 1.
enum FailOn: String, ExpressibleByArgument, CaseIterable {
    case any, low, moderate, high, never

    func trips(_ severity: Severity) -> Bool {
        switch self {
        case .any, .low: return true
        case .moderate: return severity >= .moderate
        case .high: return severity == .high
        case .never: return false
        }
    }
}

/// An error to print as `blackbar: error: MESSAGE` with exit code 2.
struct CLIError: Error, CustomStringConvertible {
    let message: String
    init(_ message: String) { self.message = message }
    var description: String { message }
}

/// Prints a diagnostic on stderr; on a terminal it first clears the line (a progress line may be there).
func diagnose(_ message: String) {
    let clear = isatty(2) == 1 ? "\r\u{1B}[K" : ""
    FileHandle.standardError.write(Data((clear + "blackbar: " + message + "\n").utf8))
}

extension Severity: ExpressibleByArgument {}
