import BlackbarCore
import BlackbarRecords
import BlackbarRedaction

/// The redaction half of a record pass: a batch's findings become edits, the edits reach a fixed point, and
/// the format's writer turns them into source patches.
extension RecordPass {
    func redactor(for op: Operator?) -> Redactor {
        guard let op else { return run.redactor! }
        if let known = redactors[op.description] { return known }
        let made = Redactor(policy: RedactionPolicy(defaultOperator: op), context: run.context)
        redactors[op.description] = made
        return made
    }

    /// The batch's bytes redacted: each value's findings replaced as its format encodes them, dropped fields
    /// and skipped records left out, every other byte as read. Each edited value is scanned again until
    /// nothing is found (`maxPasses`).
    func redact(_ prepared: PreparedBatch, findings: [ValueFinding], tally: inout Tally) throws -> [UInt8] {
        let batch = prepared.batch
        let names = prepared.fieldNames
        // A skipped record's bytes are left out; one too long to hold was never in any batch's bytes.
        let held = batch.sourceOffset..<(batch.sourceOffset + batch.source.count)
        var patches: [SourcePatch] = batch.skipped.filter { held.contains($0.source.lowerBound) && $0.source.upperBound <= held.upperBound }
            .map { SourcePatch(range: $0.source, bytes: []) }
        var dropped = Set<Int>()
        for v in batch.values.indices where action(batch.values[v].field, names: names) == .drop {
            dropped.insert(batch.values[v].field)
        }
        var dropRanges: [Range<Int>] = []
        if !dropped.isEmpty {
            let drops: [SourcePatch]
            if let dialect {
                drops = CSVEncoding.dropColumns(dropped, in: batch, dialect: dialect)
            } else {
                drops = JSONEncoding.dropMembers({ dropped.contains($0.field) }, in: batch)
            }
            patches += drops
            dropRanges = drops.map(\.range)
        }
        // Each value's edits, then the fixed point over all edited values of the batch at once.
        var pending: [(value: Int, redactor: Redactor, edits: [(range: Range<Int>, bytes: [UInt8])])] = []
        var k = 0
        while k < findings.count {
            let v = findings[k].value
            var end = k
            while end < findings.count && findings[end].value == v { end += 1 }
            defer { k = end }
            let value = batch.values[v]
            guard case .redact(let op) = action(value.field, names: names) else { continue }
            if value.kind != .key, dropped.contains(value.field) { continue }
            let redactor = self.redactor(for: op)
            let own = findings[k..<end].map(\.finding)
            let edits = batch.decoded.withUnsafeBytes { redactor.edits(for: own, in: $0) }
                .map { (range: $0.range, bytes: $0.replacement) }
            if !edits.isEmpty { pending.append((v, redactor, edits)) }
        }
        for (v, edits) in try settle(prepared, pending, tally: &tally) {
            if let dialect {
                patches += CSVEncoding.patches(forValue: v, in: batch, edits: edits, dialect: dialect)
            } else {
                patches += JSONEncoding.patches(forValue: v, in: batch, edits: edits)
            }
        }
        patches.sort {
            $0.range.lowerBound < $1.range.lowerBound
                || ($0.range.lowerBound == $1.range.lowerBound && $0.range.count > $1.range.count)
        }
        if !dropRanges.isEmpty {
            // Values inside a dropped member (nested objects) go with it.
            patches = patches.filter { p in
                !dropRanges.contains { $0 != p.range && $0.lowerBound <= p.range.lowerBound && p.range.upperBound <= $0.upperBound }
            }
        }
        return SourcePatch.apply(patches, to: batch)
    }

    /// The edited values scanned again, all of a batch's in one call, with their fields' contexts, until
    /// nothing (that the policy does not keep) is found; a value changed again gets one edit over its whole
    /// value. Throws a residual `RunError` after `maxPasses`.
    func settle(
        _ prepared: PreparedBatch, _ pending: [(value: Int, redactor: Redactor, edits: [(range: Range<Int>, bytes: [UInt8])])],
        tally: inout Tally
    ) throws -> [(Int, [(range: Range<Int>, bytes: [UInt8])])] {
        let batch = prepared.batch
        guard !pending.isEmpty else { return [] }
        var current: [[UInt8]] = pending.map { item in
            let value = batch.values[item.value]
            var bytes: [UInt8] = []
            var cursor = value.decoded.lowerBound
            for e in item.edits {
                bytes += batch.decoded[cursor..<e.range.lowerBound]
                bytes += e.bytes
                cursor = e.range.upperBound
            }
            bytes += batch.decoded[cursor..<value.decoded.upperBound]
            return bytes
        }
        lock.lock()
        let pairs = namedPairs(batch, names: prepared.fieldNames)
        let fields: [FieldContext?] = pending.map {
            let value = batch.values[$0.value]
            if value.kind == .key { return nil }
            if let sibling = pairs.named[$0.value] {
                return namedContext(value.field, sibling: sibling, names: prepared.fieldNames)
            }
            if pairs.namers.contains($0.value) { return namedContext(value.field, sibling: nil, names: prepared.fieldNames) }
            return context(value.field, names: prepared.fieldNames)
        }
        lock.unlock()
        var changed = [Bool](repeating: false, count: pending.count)
        var open = Array(pending.indices)
        for pass in 1...run.maxPasses {
            tally.passes = max(tally.passes, pass)
            let found = run.detector.scan(open.map { Segment(current[$0], field: fields[$0]) }, scratch: ownScratch.scratch)
            var left: [Int: [Finding]] = [:]
            for f in found where pending[open[f.segment]].redactor.policy.operator(for: f.entity) != .keep {
                var g = f
                g.segment = 0
                left[open[f.segment], default: []].append(g)
            }
            if left.isEmpty { break }
            if pass == run.maxPasses {
                let (first, rest) = left.min { $0.key < $1.key }!
                let value = batch.values[pending[first].value]
                let count = left.values.reduce(0) { $0 + $1.count }
                run.report.residual += 1
                try tally.finishUnwritten(residual: count)
                throw RunError(
                    "\(input.display): line \(value.line), record \(batch.records[value.record].number): "
                        + "\(count) finding\(count == 1 ? "" : "s") (\(rest[0].entity) first) still found after "
                        + "\(run.maxPasses) redaction passes; the output was not written",
                    status: .residual)
            }
            for (i, residual) in left {
                tally.repaired += residual.count
                current[i] = pending[i].redactor.redact(current[i], findings: residual)
                changed[i] = true
            }
            open = left.keys.sorted()
        }
        return pending.indices.map { i in
            (pending[i].value, changed[i] ? [(range: batch.values[pending[i].value].decoded, bytes: current[i])] : pending[i].edits)
        }
    }
}
