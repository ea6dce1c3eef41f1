#if canImport(Glibc)
    import Glibc
#endif

/// A one-line progress report on stderr for long runs on a terminal: files and bytes done, and the
/// rate. Drawn at most four times a second, first after half a second (a short run shows nothing),
/// and cleared at the end. Nothing is written when disabled (stderr is not a terminal).
public final class ProgressReporter {
    /// Whether anything is drawn.
    public let isEnabled: Bool
    private let interval: Double
    private let delay: Double
    private let clock: () -> Double
    private let output: (String) -> Void
    private var totalFiles: Int? = nil
    private var files = 0
    private var bytes = 0
    private var started = 0.0
    private var lastDrawn: Double? = nil
    private var shown = false

    /// Creates a reporter.
    ///
    /// - Parameters:
    ///   - enabled: whether to draw; by default, when stderr is a terminal.
    ///   - interval: the least time between two drawings, in seconds.
    ///   - delay: how long a run goes before the first drawing, in seconds.
    ///   - clock: the time in seconds (monotonic); for tests.
    ///   - output: where the text goes; by default stderr.
    public init(
        enabled: Bool = isatty(2) == 1, interval: Double = 0.25, delay: Double = 0.5,
        clock: @escaping () -> Double = ProgressReporter.monotonicSeconds,
        output: @escaping (String) -> Void = ProgressReporter.writeToStderr
    ) {
        isEnabled = enabled
        self.interval = interval
        self.delay = delay
        self.clock = clock
        self.output = output
    }

    /// A reporter for a command: on when stderr is a terminal, unless stdout is that terminal too
    /// and carries the command's output (a progress line would tangle with it).
    public static func forCommand(writesToStdout: Bool) -> ProgressReporter {
        ProgressReporter(enabled: isatty(2) == 1 && !(writesToStdout && isatty(1) == 1))
    }

    /// Starts the clock; `files` is the number of inputs when known.
    public func start(files total: Int? = nil) {
        totalFiles = total
        files = 0
        bytes = 0
        started = clock()
        lastDrawn = nil
    }

    /// Counts files finished and bytes read, and redraws when it is time.
    public func advance(files doneFiles: Int = 0, bytes doneBytes: Int = 0) {
        files += doneFiles
        bytes += doneBytes
        guard isEnabled else { return }
        let now = clock()
        guard now - started >= delay else { return }
        if let lastDrawn, now - lastDrawn < interval { return }
        lastDrawn = now
        shown = true
        output("\r" + line(elapsed: now - started) + "\u{1B}[K")
    }

    /// Clears the line if anything was drawn.
    public func finish() {
        guard shown else { return }
        shown = false
        output("\r\u{1B}[K")
    }

    /// `3/10 files, 12.5 MB, 40.1 MB/s` (MB = 10^6 bytes).
    func line(elapsed: Double) -> String {
        let count = totalFiles.map { "\(files)/\($0)" } ?? "\(files)"
        let noun = (totalFiles ?? files) == 1 ? "file" : "files"
        let megabytes = Double(bytes) / 1e6
        let rate = elapsed > 0 ? megabytes / elapsed : 0
        return "\(count) \(noun), \(Self.decimal(megabytes)) MB, \(Self.decimal(rate)) MB/s"
    }

    /// One decimal place.
    static func decimal(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10).\(tenths % 10)"
    }

    /// Seconds on the monotonic clock.
    public static func monotonicSeconds() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }

    /// Writes text to stderr unbuffered, ignoring failures (progress is never worth an error).
    public static func writeToStderr(_ text: String) {
        var text = text
        text.withUTF8 { _ = write(2, $0.baseAddress, $0.count) }
    }
}
