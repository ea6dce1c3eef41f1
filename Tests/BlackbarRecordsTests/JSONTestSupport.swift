import XCTest

@testable import BlackbarRecords

/// Everything a JSON reader produced for one input.
struct JSONRead {
    var batches: [RecordBatch]
    var fieldNames: [String]

    /// Every value as (kind, decoded text, source text, concrete path, record number).
    var values: [(kind: ValueKind, decoded: String, source: String, path: String, record: Int)] {
        var out: [(ValueKind, String, String, String, Int)] = []
        for batch in batches {
            for (i, v) in batch.values.enumerated() {
                let src = Array(batch.source[(v.source.lowerBound - batch.sourceOffset)..<(v.source.upperBound - batch.sourceOffset)])
                out.append(
                    (
                        v.kind, String(decoding: batch.decoded[v.decoded], as: UTF8.self),
                        String(decoding: src, as: UTF8.self), batch.path(ofValue: i, fieldNames: fieldNames),
                        batch.records[v.record].number
                    ))
            }
        }
        return out
    }

    /// The batches' sources, patched by `patches(batch)`, back to back.
    func output(_ patches: (RecordBatch) -> [SourcePatch] = { _ in [] }) -> [UInt8] {
        batches.flatMap { SourcePatch.apply(patches($0), to: $0) }
    }

    var records: [RecordSpan] { batches.flatMap(\.records) }
    var skipped: [SkippedRecord] { batches.flatMap(\.skipped) }
}

/// Reads `text` as a JSON document or JSON Lines.
func readJSON(
    _ text: String, document: Bool = false, batchBytes: Int = 1 << 20, policy: BadRecordPolicy = .fail,
    limits: RecordLimits = RecordLimits(), chunk: Int? = nil
) throws -> JSONRead {
    try readJSON(Array(text.utf8), document: document, batchBytes: batchBytes, policy: policy, limits: limits, chunk: chunk)
}

func readJSON(
    _ bytes: [UInt8], document: Bool = false, batchBytes: Int = 1 << 20, policy: BadRecordPolicy = .fail,
    limits: RecordLimits = RecordLimits(), chunk: Int? = nil
) throws -> JSONRead {
    let config = RecordReaderConfig(limits: limits, onError: policy, batchBytes: batchBytes)
    let source = ByteSource(bytes: bytes, name: "test")
    let reader: RecordReader
    if document {
        reader = JSONDocumentReader(source: source, config: config)
    } else {
        let lines = JSONLinesReader(source: source, config: config)
        if let chunk { lines.chunk = chunk }
        reader = lines
    }
    var batches: [RecordBatch] = []
    var guardCount = 0
    while let batch = try reader.next() {
        batches.append(batch)
        guardCount += 1
        precondition(guardCount < 1_000_000)
    }
    return JSONRead(batches: batches, fieldNames: reader.fieldNames)
}

/// The error reading `text` throws, or nil.
func jsonError(
    _ text: String, document: Bool = false, limits: RecordLimits = RecordLimits()
) -> RecordError? {
    jsonError(Array(text.utf8), document: document, limits: limits)
}

func jsonError(_ bytes: [UInt8], document: Bool = false, limits: RecordLimits = RecordLimits()) -> RecordError? {
    do {
        _ = try readJSON(bytes, document: document, limits: limits)
        return nil
    } catch let e as RecordError {
        return e
    } catch {
        XCTFail("unexpected \(error)")
        return nil
    }
}
