// blackbar-bench: scans a generated corpus with every default rule and prints MB/s on one core and on
// all cores, MB/s per rule (so a slow rule shape shows up), and peak memory.
//
//   swift run -c release blackbar-bench [--mb 100] [--runs 3] [--rule-mb 16] [--no-per-rule] [--rules DIR]
//                                       [--windows] [--block-kb N] [--no-shape-gate] [--keep]
//                                       [--corpus FILE] [--workers N] [--segments N]
//
// MB = 10^6 bytes. Each figure is the median of --runs runs; the corpus file sits in the page cache.
import BlackbarCore
import BlackbarFormats
import BlackbarRules
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

func argument(_ name: String, _ fallback: Int) -> Int {
    let args = CommandLine.arguments
    if let i = args.firstIndex(of: name), i + 1 < args.count, let v = Int(args[i + 1]) { return v }
    return fallback
}

func now() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}

func peakRSSMB() -> Double {
    var usage = rusage()
    getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
    return Double(usage.ru_maxrss) / 1024  // KiB on Linux
}

func median(_ xs: [Double]) -> Double { xs.sorted()[xs.count / 2] }

/// A rule id padded to a column (`%-28@` does not pad on Linux).
func padded(_ id: String) -> String { id.count >= 28 ? id : id + String(repeating: " ", count: 28 - id.count) }

/// Scans the file once; returns (seconds, findings).
/// --block-kb N: block size for the scan (default: the scanner's own).
let blockKB = argument("--block-kb", 0)

func scanOnce(_ path: String, detector: Detector, workers: Int) -> (Double, Int) {
    let fd = open(path, O_RDONLY)
    defer { close(fd) }
    let scanner = blockKB > 0
        ? TextScanner(detector: detector, workers: workers, blockSize: blockKB * 1024)
        : TextScanner(detector: detector, workers: workers)
    var findings = 0
    let start = now()
    _ = try! scanner.scan(fd: fd, name: path) { _, found in findings += found.count }
    return (now() - start, findings)
}

let megabytes = argument("--mb", 100)
let runs = max(1, argument("--runs", 3))
let ruleMB = argument("--rule-mb", 16)
let cores = ProcessInfo.processInfo.activeProcessorCount
// --rules DIR benchmarks only the packs in DIR instead of the built-in default pack.
let packDirectory: String? = {
    let args = CommandLine.arguments
    if let i = args.firstIndex(of: "--rules"), i + 1 < args.count { return args[i + 1] }
    return nil
}()
let ruleSet = try RulePack.compile(
    try RulePack.load(extraDirectories: packDirectory.map { [$0] } ?? [], includeDefault: packDirectory == nil))
// --no-shape-gate: measure without the shape gate (findings must not change).
let detectorOptions = DetectorOptions(shapeGate: !CommandLine.arguments.contains("--no-shape-gate"))
let detector = Detector(ruleSet: ruleSet, options: detectorOptions)

let dir = FileManager.default.temporaryDirectory.path
// --corpus FILE: scan an existing file instead of generating one (it is kept); for profiling the scan alone.
let givenCorpus: String? = {
    let args = CommandLine.arguments
    if let i = args.firstIndex(of: "--corpus"), i + 1 < args.count { return args[i + 1] }
    return nil
}()
let corpus = givenCorpus ?? dir + "/blackbar-bench-\(megabytes)mb.txt"
let size: Int
if givenCorpus == nil {
    var generator = CorpusWriter()
    let fd = open(corpus, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    let (written, values) = generator.write(bytes: megabytes * 1_000_000, to: fd)
    close(fd)
    size = written
    print("corpus: \(corpus), \(String(format: "%.1f", Double(size) / 1e6)) MB, \(values) PII values inserted, \(ruleSet.rules.count) rules")
} else {
    var info = stat()
    guard stat(corpus, &info) == 0 else { fatalError("cannot read \(corpus)") }
    size = Int(info.st_size)
    print("corpus: \(corpus), \(String(format: "%.1f", Double(size) / 1e6)) MB (given), \(ruleSet.rules.count) rules")
}
if argument("--segments", 0) > 0 {
    benchSegments(corpus: corpus, cells: argument("--segments", 0), runs: runs, detector: detector)
    if givenCorpus == nil && !CommandLine.arguments.contains("--keep") { unlink(corpus) }
    exit(0)
}
let gated = Set(detector.gatedRuleIDs)
if detectorOptions.shapeGate {
    print("shape gate: \(gated.count) of \(ruleSet.rules.count) rules; not gated: "
        + ruleSet.rules.map(\.id).filter { !gated.contains($0) }.joined(separator: ", "))
} else {
    print("shape gate: off")
}

var results: [(String, Double)] = []
// --workers N: measure N workers only (1: one core).
let coreCounts = argument("--workers", 0) > 0 ? [argument("--workers", 0)] : Set([1, cores]).sorted()
for workers in coreCounts {
    // One unmeasured run first, with the same number of workers: it warms the page cache, the JIT, the
    // allocator's per-thread arenas and the second core (the first two-core runs of a process were up to a
    // quarter slower than the later ones).
    _ = scanOnce(corpus, detector: detector, workers: workers)
    var speeds: [Double] = []
    var count = 0
    for _ in 0..<runs {
        let (seconds, found) = scanOnce(corpus, detector: detector, workers: workers)
        speeds.append(Double(size) / 1e6 / seconds)
        count = found
    }
    let label = workers == 1 ? "1 core" : "\(workers) cores"
    print(String(format: "all rules, %@: %.1f MB/s (median of %d; runs %@), %d findings", label, median(speeds), runs,
                 speeds.map { String(format: "%.0f", $0) }.joined(separator: " "), count))
    results.append((label, median(speeds)))
}
if results.count == 2 { print(String(format: "scaling %d cores / 1 core: %.2fx", cores, results[1].1 / results[0].1)) }
print(String(format: "peak memory (RSS): %.1f MB", peakRSSMB()))

if CommandLine.arguments.contains("--windows") {
    // Where the regex work goes: windows and bytes searched per rule on the corpus (one core).
    let fd = open(corpus, O_RDONLY)
    let scanner = TextScanner(detector: detector, workers: 1)
    _ = try! scanner.scan(fd: fd, name: corpus) { _, _ in }
    close(fd)
    let scratch = scanner.firstScratch
    let rows = ruleSet.rules.indices.map { (ruleSet.rules[$0].id, scratch.windowCounts[$0], scratch.windowBytes[$0]) }
    print("windows per MB and bytes searched per MB, by rule (most bytes first):")
    let mb = Double(size) / 1e6
    for (id, count, bytes) in rows.sorted(by: { $0.2 > $1.2 }).prefix(60) {
        print("  " + padded(id) + String(format: " %9.0f windows/MB %11.0f bytes/MB", Double(count) / mb, Double(bytes) / mb))
    }
}

if !CommandLine.arguments.contains("--no-per-rule") {
    // Per rule, on the first --rule-mb MB, one core.
    let sample = dir + "/blackbar-bench-sample.txt"
    var sampleGenerator = CorpusWriter()
    let sfd = open(sample, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    let (sampleSize, _) = sampleGenerator.write(bytes: ruleMB * 1_000_000, to: sfd)
    close(sfd)
    print("per rule, 1 core, \(ruleMB) MB sample (slowest first):")
    var rows: [(String, Double, Int)] = []
    for rule in ruleSet.rules {
        let single = Detector(ruleSet: RuleSet(rules: [rule], digest: ""), options: detectorOptions)
        var speeds: [Double] = []
        var count = 0
        for _ in 0..<runs {
            let (seconds, found) = scanOnce(sample, detector: single, workers: 1)
            speeds.append(Double(sampleSize) / 1e6 / seconds)
            count = found
        }
        rows.append((rule.id, median(speeds), count))
    }
    for (id, speed, count) in rows.sorted(by: { $0.1 < $1.1 }) {
        print("  " + padded(id) + String(format: " %9.1f MB/s %8d findings", speed, count))
    }
    unlink(sample)
}
if !CommandLine.arguments.contains("--keep") && givenCorpus == nil { unlink(corpus) }
