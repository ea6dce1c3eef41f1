import XCTest

@testable import BlackbarRecords

/// What a CSV read gave, flattened for comparison.
struct CSVRead {
    var batches: [RecordBatch] = []
    var names: [String] = []
    var error: RecordError?

    /// Decoded values of every record, as strings.
    var rows: [[String]] {
        batches.flatMap { b in
            b.records.map { r in b.values[r.values].map { String(decoding: b.decoded[$0.decoded], as: UTF8.self) } }
        }
    }
    var numbers: [Int] { batches.flatMap { $0.records.map(\.number) } }
    var skipped: [SkippedRecord] { batches.flatMap(\.skipped) }
    var values: [RecordValue] { batches.flatMap(\.values) }
    /// The batches' source bytes, concatenated (unpatched).
    var unpatched: [UInt8] { batches.flatMap { SourcePatch.apply([], to: $0) } }
    /// The output a writer gives when it leaves skipped records out.
    var withoutSkipped: [UInt8] {
        batches.flatMap { b in SourcePatch.apply(b.skipped.map { SourcePatch(range: $0.source, bytes: []) }, to: b) }
    }
}

/// Reads `bytes` whole (or up to the first error).
func readCSV(
    _ bytes: [UInt8], _ dialect: CSVDialect = CSVDialect(), policy: BadRecordPolicy = .fail, batchBytes: Int = 1 << 20,
    limits: RecordLimits = RecordLimits(), source: ByteSource? = nil
) -> CSVRead {
    let reader = CSVReader(
        source: source ?? ByteSource(bytes: bytes, name: "test"), dialect: dialect,
        config: RecordReaderConfig(limits: limits, onError: policy, batchBytes: batchBytes))
    var read = CSVRead()
    do {
        while let batch = try reader.next() { read.batches.append(batch) }
    } catch let error as RecordError {
        read.error = error
    } catch {
        XCTFail("unexpected error \(error)")
    }
    read.names = reader.fieldNames
    return read
}

func readCSV(
    _ text: String, _ dialect: CSVDialect = CSVDialect(), policy: BadRecordPolicy = .fail, batchBytes: Int = 1 << 20,
    limits: RecordLimits = RecordLimits()
) -> CSVRead {
    readCSV(Array(text.utf8), dialect, policy: policy, batchBytes: batchBytes, limits: limits)
}

let noHeader = CSVDialect(delimiter: UInt8(ascii: ","), header: false)
