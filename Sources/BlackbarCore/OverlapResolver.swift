/// Turns overlapping candidates into one finding per span.
///
/// The most specific finding wins: validated before unvalidated, then higher rule priority, then the
/// longer span (an IBAN beats a phone number inside it), then higher confidence, then the earlier start.
public enum OverlapResolver {
    /// Non-overlapping findings sorted by start.
    public static func resolve(_ findings: [Finding]) -> [Finding] {
        guard findings.count > 1 else { return findings }
        let ranked = findings.sorted(by: beats)
        var accepted: [Finding] = []
        accepted.reserveCapacity(findings.count)
        // Accepted ranges kept sorted by start for a binary-searched overlap test.
        var starts: [Int] = []
        for f in ranked {
            var lo = 0, hi = starts.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if starts[mid] < f.range.start { lo = mid + 1 } else { hi = mid }
            }
            let clashesLeft = lo > 0 && accepted[lo - 1].range.end > f.range.start
            let clashesRight = lo < accepted.count && accepted[lo].range.start < f.range.end
            if clashesLeft || clashesRight { continue }
            starts.insert(f.range.start, at: lo)
            accepted.insert(f, at: lo)
        }
        return accepted
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
