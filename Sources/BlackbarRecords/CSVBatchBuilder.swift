/// The flat arrays a `CSVReader` fills for one batch, reserved ahead from the previous batch's sizes so
/// that values cost no allocation of their own.
struct CSVBatchBuilder {
    var decoded: [UInt8] = []
    var records: [RecordSpan] = []
    var values: [RecordValue] = []
    var escapes: [Escape] = []
    var skipped: [SkippedRecord] = []

    var isEmpty: Bool { records.isEmpty && skipped.isEmpty }

    /// Moves the arrays into a batch.
    mutating func build(source: [UInt8], sourceOffset: Int) -> RecordBatch {
        RecordBatch(
            source: source, sourceOffset: sourceOffset, decoded: decoded, records: records, values: values,
            escapes: escapes, skipped: skipped)
    }

    /// Empties the arrays for the next batch, reserving as much as this one used.
    mutating func reset() {
        let sizes = (decoded.count, records.count, values.count, escapes.count)
        decoded = []
        records = []
        values = []
        escapes = []
        skipped = []
        decoded.reserveCapacity(sizes.0)
        records.reserveCapacity(sizes.1)
        values.reserveCapacity(sizes.2)
        escapes.reserveCapacity(sizes.3)
    }

    /// Drops what a record that could not be finished appended.
    mutating func rollBack(decoded d: Int, values v: Int, escapes e: Int) {
        if decoded.count > d { decoded.removeSubrange(d...) }
        if values.count > v { values.removeSubrange(v...) }
        if escapes.count > e { escapes.removeSubrange(e...) }
    }
}
