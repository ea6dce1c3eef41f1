internal import CPCRE2

/// Limits that bound the work one match attempt may do, so no input can stall a scan.
public struct MatchLimits: Sendable {
    /// PCRE2's match limit (backtracking steps per attempt).
    public var matchLimit: UInt32
    /// PCRE2's depth limit (interpreter only; the JIT is bounded by its stack).
    public var depthLimit: UInt32
    /// Largest JIT stack, in bytes.
    public var jitStackMax: Int

    /// Defaults sized for PII patterns: far above what any sane rule needs, far below a stall.
    public static let standard = MatchLimits(matchLimit: 1_000_000, depthLimit: 10_000, jitStackMax: 1 << 20)

    /// Creates limits.
    public init(matchLimit: UInt32, depthLimit: UInt32, jitStackMax: Int) {
        self.matchLimit = matchLimit
        self.depthLimit = depthLimit
        self.jitStackMax = jitStackMax
    }
}

/// Per-thread PCRE2 state: match data, match context (with limits) and JIT stack, reused for every call.
///
/// Not `Sendable`: one thread owns one scratch. Create one per worker and keep it.
public final class MatchScratch {
    let matchData: OpaquePointer
    let context: OpaquePointer
    private let jitStack: OpaquePointer?

    /// Allocates the scratch; `captures` must cover the largest capture count of any pattern used with it.
    public init(captures: Int = 32, limits: MatchLimits = .standard) {
        guard let data = pcre2_match_data_create_8(UInt32(captures + 1), nil),
            let context = pcre2_match_context_create_8(nil)
        else { fatalError("PCRE2 could not allocate match data (out of memory)") }
        matchData = data
        self.context = context
        pcre2_set_match_limit_8(context, limits.matchLimit)
        pcre2_set_depth_limit_8(context, limits.depthLimit)
        jitStack = pcre2_jit_stack_create_8(32 * 1024, limits.jitStackMax, nil)
        if let jitStack { pcre2_jit_stack_assign_8(context, nil, UnsafeMutableRawPointer(jitStack)) }
    }

    deinit {
        if let jitStack { pcre2_jit_stack_free_8(jitStack) }
        pcre2_match_context_free_8(context)
        pcre2_match_data_free_8(matchData)
    }
}

/// Whether this libpcre2-8 was built with JIT support.
public var pcre2HasJIT: Bool {
    var value: UInt32 = 0
    pcre2_config_8(UInt32(PCRE2_CONFIG_JIT), &value)
    return value == 1
}
