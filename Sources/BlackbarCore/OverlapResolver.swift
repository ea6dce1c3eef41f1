/// Turns overlapping candidates into one finding per span.
///
/// The most specific finding wins: validated before unvalidated, then higher rule priority, then the
/// longer span (an IBAN beats a phone number inside it), then higher confidence, then the earlier start.
public enum OverlapResolver {
    /// Non-overlapping findings sorted by start.
    ///
    /// Candidates are cut into clusters of transitively overlapping ones (a sweep by start), and each cluster
    /// is resolved alone: whether a candidate is kept depends only on the kept ones it overlaps, which lie in
    /// its cluster, so this is the same as ranking them all at once. A batch of a table's cells holds tens of
    /// thousands of findings, nearly all alone in their cluster: resolving them together kept a sorted array
    /// of every accepted range and moved it on each insertion, quadratic in the findings (10% of a scan of a
    /// dense table in `memmove`).
    public static func resolve(_ findings: [Finding]) -> [Finding] {
        guard findings.count > 1 else { return findings }
        // Sorted as (start, end, index) values: sorting indices by a closure that read each finding's range
        // through the array cost about 1,200 instructions per finding of a table's batch.
        var byStart: [(start: Int, end: Int, index: Int)] = []
        byStart.reserveCapacity(findings.count)
        findings.withUnsafeBufferPointer { all in
            for k in all.indices { byStart.append((all[k].range.start, all[k].range.end, k)) }
        }
        byStart.sort { $0.start != $1.start ? $0.start < $1.start : $0.end != $1.end ? $0.end < $1.end : $0.index < $1.index }
        var out: [Finding] = []
        out.reserveCapacity(findings.count)
        // A cluster's members in start order, and buffers to resolve it in (kept from cluster to cluster).
        var cluster: [Int] = []
        var ranked: [Int] = []
        var kept: [Int] = []
        var clusterEnd = Int.min
        findings.withUnsafeBufferPointer { all in
            func flush() {
                if cluster.count == 1 {
                    out.append(all[cluster[0]])
                } else if !cluster.isEmpty {
                    resolveCluster(cluster, all, ranked: &ranked, kept: &kept, into: &out)
                }
                cluster.removeAll(keepingCapacity: true)
            }
            for item in byStart {
                if item.start >= clusterEnd { flush() }
                cluster.append(item.index)
                clusterEnd = cluster.count == 1 ? item.end : max(clusterEnd, item.end)
            }
            flush()
        }
        return out
    }

    /// One cluster of overlapping candidates (indices into `findings`): ranked, each kept unless it overlaps one
    /// kept before it; the kept ones appended to `out` by start. Sorted in place in `ranked` and `kept`, buffers
    /// the caller keeps: a sorted copy, a copy of the cluster and two arrays per cluster were most of what
    /// resolving a table's batch cost (its values are matched by several rules each).
    private static func resolveCluster(
        _ cluster: [Int], _ findings: UnsafeBufferPointer<Finding>, ranked: inout [Int], kept: inout [Int],
        into out: inout [Finding]
    ) {
        ranked.removeAll(keepingCapacity: true)
        ranked.append(contentsOf: cluster)
        ranked.sort { beats(findings[$0], findings[$1]) }
        kept.removeAll(keepingCapacity: true)
        for index in ranked where !kept.contains(where: { findings[$0].range.overlaps(findings[index].range) }) {
            kept.append(index)
        }
        // Accepted findings never overlap, so their starts differ.
        kept.sort { findings[$0].range.start < findings[$1].range.start }
        for index in kept { out.append(findings[index]) }
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
