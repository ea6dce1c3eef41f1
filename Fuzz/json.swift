// libFuzzer entry for the JSON readers and writer: bash scripts/fuzz.sh json SECONDS
// The first byte picks document or JSON Lines (bit 0), the bad-record policy (bit 1), the batch size
// (bits 2-4), small limits (bit 5) and small source reads (bit 6); the rest is the input.

/// Reads everything, or nil on a RecordError (any other failure stops the fuzzer).
private func readAll(_ bytes: [UInt8], document: Bool, config: RecordReaderConfig, chunk: Int) -> [RecordBatch]? {
    let source = ByteSource(bytes: bytes, name: "fuzz")
    let reader: RecordReader
    if document {
        reader = JSONDocumentReader(source: source, config: config)
    } else {
        let lines = JSONLinesReader(source: source, config: config)
        lines.chunk = chunk
        reader = lines
    }
    var batches: [RecordBatch] = []
    do {
        while let batch = try reader.next() {
            batches.append(batch)
            precondition(batches.count <= bytes.count + 1, "more batches than bytes")
        }
    } catch is RecordError {
        return nil
    } catch {
        preconditionFailure("unexpected error \(error)")
    }
    _ = reader.fieldNames.count
    return batches
}

private func records(_ batches: [RecordBatch]) -> Int { batches.reduce(0) { $0 + $1.records.count } }
private func skips(_ batches: [RecordBatch]) -> Int { batches.reduce(0) { $0 + $1.skipped.count } }

/// Checks every range of `batch` against `input`.
private func check(_ batch: RecordBatch, _ input: [UInt8]) {
    let lo = batch.sourceOffset
    let hi = lo + batch.source.count
    precondition(hi <= input.count && Array(input[lo..<hi]) == batch.source, "batch source is not the input's")
    func inside(_ r: Range<Int>) -> Bool { r.lowerBound >= lo && r.upperBound <= hi }
    var previous = lo
    for r in batch.records {
        precondition(inside(r.source) && r.source.lowerBound >= previous, "record range")
        previous = r.source.upperBound
        precondition(r.values.lowerBound >= 0 && r.values.upperBound <= batch.values.count)
    }
    var at = lo
    for (i, v) in batch.values.enumerated() {
        precondition(inside(v.outer) && v.outer.lowerBound <= v.source.lowerBound && v.source.upperBound <= v.outer.upperBound)
        precondition(v.outer.lowerBound >= at, "values out of order")
        at = v.source.upperBound
        precondition(v.decoded.lowerBound >= 0 && v.decoded.upperBound <= batch.decoded.count)
        precondition(v.escapes.lowerBound >= 0 && v.escapes.upperBound <= batch.escapes.count)
        precondition(v.indices.lowerBound >= 0 && v.indices.upperBound <= batch.indices.count)
        precondition(v.record >= 0 && v.record < batch.records.count)
        let record = batch.records[v.record]
        precondition(record.values.contains(i) && record.source.lowerBound <= v.outer.lowerBound && v.outer.upperBound <= record.source.upperBound)
        precondition(v.line >= 1 && v.column >= 1)
        let source = Array(input[v.source])
        let decoded = Array(batch.decoded[v.decoded])
        switch v.kind {
        case .number, .literal:
            precondition(decoded == source && v.source == v.outer)
        case .string, .key:
            precondition(input[v.outer.lowerBound] == 0x22 && input[v.outer.upperBound - 1] == 0x22)
            if v.escapes.isEmpty { precondition(decoded == source, "escape-free string decodes to itself") }
            var s = v.source.lowerBound
            var d = v.decoded.lowerBound
            for e in batch.escapes[v.escapes] {
                precondition(e.source.lowerBound >= s && e.source.upperBound <= v.source.upperBound && input[e.source.lowerBound] == 0x5C)
                precondition(e.decoded.lowerBound >= d && e.decoded.upperBound <= v.decoded.upperBound)
                precondition(e.source.lowerBound - s == e.decoded.lowerBound - d, "raw run lengths differ")
                s = e.source.upperBound
                d = e.decoded.upperBound
            }
            precondition(v.source.upperBound - s == v.decoded.upperBound - d)
            _ = String(validating: decoded, as: UTF8.self)!
        default:
            preconditionFailure("kind")
        }
        if v.member >= 0 {
            let m = batch.members[v.member]
            precondition(m.range.lowerBound <= v.outer.lowerBound && v.outer.upperBound <= m.range.upperBound)
        }
        _ = batch.sourceRange(ofValue: i, decoded: v.decoded)
    }
    for m in batch.members {
        precondition(inside(m.range) && input[m.range.lowerBound] == 0x22)
        if let c = m.commaBefore { precondition(c < m.range.lowerBound && c >= lo && input[c] == 0x2C) }
        if let n = m.nextStart { precondition(n > m.range.upperBound && n < hi && input[n] == 0x22) }
    }
    for s in batch.skipped { precondition(s.source.upperBound <= input.count && s.number >= 1) }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    guard size > 0 else { return 0 }
    let mode = data[0]
    let input = Array(UnsafeBufferPointer(start: data + 1, count: size - 1))
    let document = mode & 1 != 0
    let policy: BadRecordPolicy = mode & 2 != 0 ? .skip : .fail
    let batchBytes = [1, 2, 3, 7, 16, 64, 1000, 1 << 20][Int(mode >> 2) & 7]
    let small = mode & 0x20 != 0
    let limits =
        small ? RecordLimits(maxRecordBytes: 48, maxFieldBytes: 12, maxDepth: 4, maxDocumentBytes: 200) : RecordLimits()
    let chunk = mode & 0x40 != 0 ? 1 + Int(mode >> 7) * 4 : 1 << 20
    let config = RecordReaderConfig(limits: limits, onError: policy, batchBytes: batchBytes)
    guard let batches = readAll(input, document: document, config: config, chunk: chunk) else {
        precondition(document || policy == .fail, "skip must not throw")
        return 0
    }
    // Batches are back to back; only a line too long to hold may fall between them.
    var cursor = 0
    var gaps = false
    for batch in batches {
        check(batch, input)
        if batch.sourceOffset != cursor {
            // Lines dropped unread, back to back, fill the gap.
            var covered = cursor
            for s in batch.skipped where s.source.lowerBound == covered && covered < batch.sourceOffset { covered = s.source.upperBound }
            precondition(batch.sourceOffset > cursor && covered == batch.sourceOffset, "gap between batches")
            gaps = true
        }
        cursor = batch.sourceOffset + batch.source.count
    }
    precondition(cursor == input.count, "batches stop short")
    let plain = batches.flatMap { SourcePatch.apply([], to: $0) }
    if !gaps { precondition(plain == input, "unpatched output differs") }
    guard !small else { return 0 }

    // Every string and number replaced: still valid, same records.
    let weird: [UInt8] = Array("a\"b\\".utf8)
    let replaced = batches.flatMap { batch in
        var patches: [SourcePatch] = []
        for (i, v) in batch.values.enumerated() where v.kind == .string || v.kind == .number {
            patches += JSONEncoding.patches(forValue: i, in: batch, edits: [(v.decoded, weird)])
        }
        return SourcePatch.apply(patches, to: batch)
    }
    guard let again = readAll(replaced, document: document, config: config, chunk: 1 << 20) else {
        preconditionFailure("replaced output does not read back")
    }
    precondition(records(again) == records(batches) && skips(again) == skips(batches), "replaced record count")
    for b in again {
        for v in b.values where v.kind == .string || v.kind == .number {
            precondition(v.kind == .string && Array(b.decoded[v.decoded]) == weird, "replacement reads back")
        }
    }

    // Partial edits of strings (first byte) keep them valid too.
    let partial = batches.flatMap { batch in
        var patches: [SourcePatch] = []
        for (i, v) in batch.values.enumerated() where (v.kind == .string || v.kind == .key) && v.decoded.count > 1 && batch.decoded[v.decoded.lowerBound] < 0x80 {
            patches += JSONEncoding.patches(forValue: i, in: batch, edits: [(v.decoded.lowerBound..<(v.decoded.lowerBound + 1), [0x0A, 0xFF])])
        }
        return SourcePatch.apply(patches, to: batch)
    }
    precondition(readAll(partial, document: document, config: config, chunk: 1 << 20).map(records) == records(batches), "partial edits")

    // Every member with an even index dropped: still valid, same records.
    let dropped = batches.flatMap { SourcePatch.apply(JSONEncoding.dropMembers({ $0.index % 2 == 0 }, in: $0), to: $0) }
    guard let third = readAll(dropped, document: document, config: config, chunk: 1 << 20) else {
        preconditionFailure("output with members dropped does not read back")
    }
    precondition(records(third) == records(batches), "dropped record count")
    return 0
}
