internal import CPCRE2

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A compile failure, with PCRE2's message and the byte offset in the pattern where it stopped.
public struct PatternError: Error, CustomStringConvertible, Sendable {
    /// PCRE2's own text for the error.
    public let message: String
    /// Byte offset in the pattern.
    public let offset: Int
    /// A one-line description naming the offset.
    public var description: String { "\(message) at pattern offset \(offset)" }
}

/// How a pattern is compiled.
public struct PatternOptions: Sendable, Hashable {
    /// Compile with `PCRE2_UTF | PCRE2_MATCH_INVALID_UTF` (and `PCRE2_UCP`) for rules that need Unicode classes.
    /// Never `PCRE2_UTF` alone: `pcre2_match` would then re-validate the rest of the buffer on every call.
    public var unicode: Bool
    /// Case-insensitive matching.
    public var caseless: Bool

    /// Creates options; the default is an ASCII-shaped, case-sensitive pattern.
    public init(unicode: Bool = false, caseless: Bool = false) {
        self.unicode = unicode
        self.caseless = caseless
    }
}

/// A span found by a pattern: the whole match, and the `value` group when the pattern has one.
public struct PatternMatch: Sendable, Equatable {
    /// Start and end (half-open) of the whole match, as byte offsets into the subject.
    public var start: Int, end: Int
    /// Start and end of the named group `value` if the pattern declares it and it took part; else the whole match.
    public var valueStart: Int, valueEnd: Int
}

/// Why a match attempt stopped without an answer.
public enum MatchFailure: Error, Sendable, Equatable {
    /// The match or depth limit was hit: the input is hostile to this pattern at this place.
    case limitExceeded
    /// Any other PCRE2 error code.
    case pcre2(Int32)
}

/// A compiled PCRE2 pattern, shared by all threads, JIT-compiled on its first match: the JIT costs about 6 ms over
/// the default pack, which a run that never reaches most rules need not pay. Compile errors still surface in `init`.
///
/// SAFETY: `@unchecked Sendable` because the `pcre2_code` is immutable once compiled and JIT-compiled;
/// PCRE2 documents that compiled code may be used by several threads at once as long as each has its
/// own match data, which `MatchScratch` provides. The JIT compile is the one write after `init`: it runs
/// once, under `jitMutex`, before `jitDone` is set, and every match first checks `jitDone` (an acquire load)
/// or waits on the mutex, so no thread uses the code while it changes. The code is freed only in `deinit`.
public final class CompiledPattern: @unchecked Sendable {
    private let code: OpaquePointer
    /// The pattern source as given.
    public let source: String
    /// The options it was compiled with.
    public let options: PatternOptions
    /// The group number of `(?<value>...)`, or nil.
    public let valueGroup: Int?
    /// Set (1) once the JIT compile has run; `jitSucceeded` is written before and never after.
    private let jitDone: UnsafeMutablePointer<Int32>
    private let jitMutex: UnsafeMutablePointer<pthread_mutex_t>
    private var jitSucceeded = false
    /// Whether a matcher in Swift answers for this pattern where it can: `forEachMatch` first asks `NativeEmail`
    /// (this is the e-mail rule's pattern, byte for byte), and PCRE2 decides the rest.
    public let usesNativeMatcher: Bool
    /// `NativeEmail.classTable()` when `usesNativeMatcher`, else empty.
    private let nativeClasses: [UInt8]

    /// Whether the JIT compiled this pattern (false only if this PCRE2 has no JIT); JIT-compiles it if no
    /// match has yet.
    public var isJITCompiled: Bool {
        ensureJIT()
        return jitSucceeded
    }

    /// Compiles `source` (the JIT compile waits for the first match).
    public init(_ source: String, options: PatternOptions = PatternOptions()) throws(PatternError) {
        // USE_OFFSET_LIMIT lets each call bound where a match may start (pcre2_set_offset_limit) while the
        // subject stays the whole buffer: lookaheads see real bytes and failing searches stop early.
        var flags: UInt32 = PCRE2_USE_OFFSET_LIMIT
        if options.unicode { flags |= PCRE2_UTF | PCRE2_MATCH_INVALID_UTF | PCRE2_UCP }
        if options.caseless { flags |= PCRE2_CASELESS }
        var errorCode: Int32 = 0
        var errorOffset = 0
        var text = source
        let compiled = text.withUTF8 { buffer in
            pcre2_compile_8(buffer.baseAddress, buffer.count, flags, &errorCode, &errorOffset, nil)
        }
        guard let compiled else {
            throw PatternError(message: Self.message(for: errorCode), offset: errorOffset)
        }
        code = compiled
        self.source = source
        self.options = options
        let group = "value".withCString { pcre2_substring_number_from_name_8(compiled, $0) }
        valueGroup = group > 0 ? Int(group) : nil
        usesNativeMatcher = options == PatternOptions(unicode: true) && source == NativeEmail.source
        nativeClasses = usesNativeMatcher ? NativeEmail.classTable() : []
        jitDone = .allocate(capacity: 1)
        jitDone.initialize(to: 0)
        jitMutex = .allocate(capacity: 1)
        pthread_mutex_init(jitMutex, nil)
    }

    deinit {
        pcre2_code_free_8(code)
        pthread_mutex_destroy(jitMutex)
        jitMutex.deallocate()
        jitDone.deallocate()
    }

    /// JIT-compiles the code unless that has been done: once, whichever thread comes first.
    @inline(__always) private func ensureJIT() {
        if blackbar_flag_is_set(jitDone) == 0 { compileJIT() }
    }

    private func compileJIT() {
        pthread_mutex_lock(jitMutex)
        defer { pthread_mutex_unlock(jitMutex) }
        guard blackbar_flag_is_set(jitDone) == 0 else { return }
        jitSucceeded = pcre2_jit_compile_8(code, PCRE2_JIT_COMPLETE) == 0
        blackbar_flag_set(jitDone)
    }

    /// Finds the first match starting at or after `from` in `subject[0..<length]`.
    ///
    /// The whole buffer is passed so that lookbehinds and `\b` see the real bytes before `from`.
    /// - Returns: the match, or nil when there is none.
    /// - Throws: `MatchFailure` when a limit is hit or PCRE2 reports another error.
    public func firstMatch(
        in subject: UnsafeRawBufferPointer, length: Int, from: Int, scratch: MatchScratch, anchored: Bool = false,
        startLimit: Int? = nil
    ) throws(MatchFailure) -> PatternMatch? {
        guard let base = subject.baseAddress, from <= length, length <= subject.count else { return nil }
        // Also before an interpreted (anchored) match: the JIT compile must not change the code under it.
        ensureJIT()
        let flags: UInt32 = anchored ? PCRE2_ANCHORED : 0
        pcre2_set_offset_limit_8(scratch.context, startLimit ?? Self.unset)
        let rc: Int32
        if jitSucceeded && !anchored {
            rc = pcre2_jit_match_8(
                code, base.assumingMemoryBound(to: UInt8.self), length, from, flags, scratch.matchData, scratch.context)
        } else {
            rc = pcre2_match_8(
                code, base.assumingMemoryBound(to: UInt8.self), length, from, flags | PCRE2_NO_UTF_CHECK,
                scratch.matchData, scratch.context)
        }
        if rc == PCRE2_ERROR_NOMATCH || rc == PCRE2_ERROR_PARTIAL { return nil }
        if rc == PCRE2_ERROR_MATCHLIMIT || rc == PCRE2_ERROR_DEPTHLIMIT || rc == PCRE2_ERROR_HEAPLIMIT
            || rc == PCRE2_ERROR_JIT_STACKLIMIT
        {
            throw .limitExceeded
        }
        if rc < 0 { throw .pcre2(rc) }
        let ovector = pcre2_get_ovector_pointer_8(scratch.matchData)!
        var match = PatternMatch(start: ovector[0], end: ovector[1], valueStart: ovector[0], valueEnd: ovector[1])
        if let group = valueGroup, Int(rc) > group {
            let s = ovector[2 * group], e = ovector[2 * group + 1]
            if s != Self.unset && e != Self.unset {
                match.valueStart = s
                match.valueEnd = e
            }
        }
        return match
    }

    /// Calls `body` for every non-overlapping match that starts in `from..<to`, scanning a subject that ends at `length`
    /// (matches may run on past `to`; the search for a start stops there). Stops early when `body` returns false.
    /// Limit failures skip one byte ahead and are counted in `limitHits`.
    public func forEachMatch(
        in subject: UnsafeRawBufferPointer, length: Int, from: Int, to: Int, scratch: MatchScratch,
        limitHits: inout Int, _ body: (PatternMatch) -> Bool
    ) {
        var position = from
        while position < to {
            let found: PatternMatch?
            if usesNativeMatcher, let base = subject.baseAddress, length <= subject.count {
                let outcome = nativeClasses.withUnsafeBufferPointer {
                    NativeEmail.firstMatch(
                        base.assumingMemoryBound(to: UInt8.self), length: length, from: position, startLimit: to - 1,
                        classes: $0.baseAddress!)
                }
                switch outcome {
                case .match(let start, let end):
                    if !body(PatternMatch(start: start, end: end, valueStart: start, valueEnd: end)) { return }
                    position = end
                    continue
                case .none: return
                case .undecided: break
                }
            }
            do {
                found = try firstMatch(in: subject, length: length, from: position, scratch: scratch, startLimit: to - 1)
            } catch {
                limitHits += 1
                position += 1
                continue
            }
            guard let match = found, match.start < to else { return }
            if !body(match) { return }
            position = match.end > match.start ? match.end : match.end + 1
        }
    }

    private static let unset = Int(bitPattern: UInt.max)

    static func message(for code: Int32) -> String {
        var buffer = [UInt8](repeating: 0, count: 256)
        let n = pcre2_get_error_message_8(code, &buffer, buffer.count)
        guard n > 0 else { return "PCRE2 error \(code)" }
        return String(decoding: buffer[0..<Int(n)], as: UTF8.self)
    }
}
