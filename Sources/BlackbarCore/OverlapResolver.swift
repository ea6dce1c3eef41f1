/// Turns overlapping candidates into one finding per span.
///
/// The most specific finding wins: validated before unvalidated, then higher rule priority, then the
/// longer span (an IBAN beats a phone number inside it), then higher confidence, then the earlier start.
public enum OverlapResolver {
    /// Non-overlapping findings sorted by start.
    public static func resolve(_ findings: [Finding]) -> [Finding] {
        guard findings.count > 1 else { return findings }
        // Indices are ranked and kept, not findings: a finding is a large value, and moving it on every
        // insertion made this quadratic in bytes moved on blocks with many candidates.
        let ranked = findings.indices.sorted { beats(findings[$0], findings[$1]) }
        var kept: [Int] = []
        kept.reserveCapacity(findings.count)
        // Accepted ranges kept sorted by start for a binary-searched overlap test.
        var starts: [Int] = []
        var ends: [Int] = []
        for index in ranked {
            let range = findings[index].range
            var lo = 0, hi = starts.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if starts[mid] < range.start { lo = mid + 1 } else { hi = mid }
            }
            let clashesLeft = lo > 0 && ends[lo - 1] > range.start
            let clashesRight = lo < starts.count && starts[lo] < range.end
            if clashesLeft || clashesRight { continue }
            starts.insert(range.start, at: lo)
            ends.insert(range.end, at: lo)
            kept.append(index)
        }
        // Accepted findings never overlap, so their starts differ.
        return kept.sorted { findings[$0].range.start < findings[$1].range.start }.map { findings[$0] }
    }

    /// Whether `a` wins over `b` when they overlap.
    public static func beats(_ a: Finding, _ b: Finding) -> Bool {
        if a.validated != b.validated { return a.validated }
        if a.priority != b.priority { return a.priority > b.priority }
        if a.range.count != b.range.count { return a.range.count > b.range.count }
        if a.confidence != b.confidence { return a.confidence > b.confidence }
        if a.range.start != b.range.start { return a.range.start < b.range.start }
        return a.ruleID < b.ruleID
    }
}
