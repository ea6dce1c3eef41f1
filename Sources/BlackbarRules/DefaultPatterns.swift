import BlackbarRegex
import Foundation

/// The default pack's patterns, compiled ahead on a background thread that the CLI starts before it parses its
/// arguments. PCRE2 10.42 takes about 11 ms over the pack (10 of them for `url`, whose case-insensitive classes
/// span all of Unicode); started early, that overlaps argument parsing and rule building instead of following them.
///
/// `RulePack.compile` takes each pattern from here when one was compiled from the same source and options, so a
/// compile error is reported where and as it always was. A pattern the background thread has not reached yet is
/// compiled by the caller itself; each compiled pattern is handed out once. Without `start()` (tests, library
/// users) `take` finds nothing and the caller compiles as before.
public enum DefaultPatterns {
    /// Starts compiling the default pack's patterns on a background thread; later calls do nothing.
    public static func start() {
        guard started.set() else { return }
        // The thread also builds the batch, off the main thread.
        Thread.detachNewThread { PatternBatch.shared.work() }
    }

    /// The pattern compiled ahead from `source` with `options`, or nil when there is none (not started, another
    /// rule took it, or not a default pattern). Waits while the background thread is compiling it.
    static func take(_ source: String, options: PatternOptions) -> Result<CompiledPattern, PatternError>? {
        started.isSet ? PatternBatch.shared.take(source, options: options) : nil
    }

    /// Whether the pattern `take` would hand out for `source` and `options` is being compiled right now (`take`
    /// would wait for it).
    static func isBusy(_ source: String, options: PatternOptions) -> Bool {
        started.isSet && PatternBatch.shared.isBusy(source, options: options)
    }

    private static let started = Flag()
}

/// A flag set once.
///
/// SAFETY: `@unchecked Sendable` because `value` is read and written only with `lock` held.
private final class Flag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false

    /// Sets the flag; false when it was already set.
    func set() -> Bool {
        lock.withLock {
            defer { value = true }
            return !value
        }
    }

    var isSet: Bool { lock.withLock { value } }
}

/// The work list behind `DefaultPatterns`: one entry per default rule, each pending, being compiled, done or
/// handed out.
///
/// SAFETY: `@unchecked Sendable` because `states` is read and written only with `condition` locked; the patterns
/// and errors it holds are `Sendable`.
private final class PatternBatch: @unchecked Sendable {
    static let shared = PatternBatch()

    enum State {
        case pending
        case compiling
        case done(Result<CompiledPattern, PatternError>)
        case taken

        var isTaken: Bool { if case .taken = self { return true } else { return false } }
    }

    private let patterns: [(source: String, options: PatternOptions)]
    /// Indices into `patterns` by source.
    private let bySource: [String: [Int]]
    private var states: [State]
    /// The order the background thread compiles in: case-insensitive Unicode patterns first (case folding over
    /// Unicode ranges is what is slow), so the caller, taking patterns in file order, compiles the quick ones
    /// itself while they run.
    private let order: [Int]
    private let condition = NSCondition()

    private init() {
        let list = DefaultPackSpecs.patterns.map { ($0.source, PatternOptions(unicode: $0.unicode, caseless: $0.caseless)) }
        patterns = list
        bySource = Dictionary(grouping: list.indices) { list[$0].0 }
        states = Array(repeating: .pending, count: list.count)
        let slow = list.indices.filter { list[$0].1.unicode && list[$0].1.caseless }
        order = slow + list.indices.filter { !(list[$0].1.unicode && list[$0].1.caseless) }
    }

    /// Compiles every pending pattern, in `order`.
    func work() {
        while let k = claimNext() {
            let result = Self.compile(patterns[k])
            condition.lock()
            states[k] = .done(result)
            condition.broadcast()
            condition.unlock()
        }
    }

    /// The entry `take` hands out next for `source` and `options`; call with `condition` locked.
    private func next(_ source: String, options: PatternOptions) -> Int? {
        (bySource[source] ?? []).first { patterns[$0].options == options && !states[$0].isTaken }
    }

    func isBusy(_ source: String, options: PatternOptions) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        guard let k = next(source, options: options), case .compiling = states[k] else { return false }
        return true
    }

    func take(_ source: String, options: PatternOptions) -> Result<CompiledPattern, PatternError>? {
        condition.lock()
        guard let k = next(source, options: options) else {
            condition.unlock()
            return nil
        }
        while case .compiling = states[k] { condition.wait() }
        let state = states[k]
        states[k] = .taken
        condition.unlock()
        if case .done(let result) = state { return result }
        // Not reached yet: compiled here rather than waited for.
        return Self.compile(patterns[k])
    }

    private func claimNext() -> Int? {
        condition.lock()
        defer { condition.unlock() }
        guard let k = order.first(where: { if case .pending = states[$0] { return true } else { return false } }) else {
            return nil
        }
        states[k] = .compiling
        return k
    }

    private static func compile(_ pattern: (source: String, options: PatternOptions)) -> Result<CompiledPattern, PatternError> {
        Result { () throws(PatternError) in try CompiledPattern(pattern.source, options: pattern.options) }
    }
}
