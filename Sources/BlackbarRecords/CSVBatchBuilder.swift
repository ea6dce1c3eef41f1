#if canImport(BlackbarBytes)
    import BlackbarBytes  // the fuzz targets compile its source into this module
#endif

/// The flat arrays a `CSVReader` fills for one batch, reserved ahead from the previous batch's sizes so
/// that values cost no allocation of their own.
struct CSVBatchBuilder {
    /// Decoded values, back to back (an array per batch: `ByteBuffer`).
    let decoded = ByteBuffer()
    var records: [RecordSpan] = []
    var values: [RecordValue] = []
    var escapes: [Escape] = []
    var skipped: [SkippedRecord] = []

    var isEmpty: Bool { records.isEmpty && skipped.isEmpty }

    /// Moves the arrays into a batch.
    mutating func build(source: [UInt8], sourceOffset: Int) -> RecordBatch {
        RecordBatch(
            source: source, sourceOffset: sourceOffset, decoded: decoded.take(), records: records, values: values,
            escapes: escapes, skipped: skipped)
    }

    /// Empties the arrays for the next batch, reserving as much as this one used and a quarter more (`roomLike`).
    mutating func reset() {
        let sizes = (records.count, values.count, escapes.count)
        decoded.truncate(to: 0)
        records = []
        values = []
        escapes = []
        skipped = []
        records.reserveCapacity(roomLike(sizes.0))
        values.reserveCapacity(roomLike(sizes.1))
        escapes.reserveCapacity(roomLike(sizes.2))
    }

    /// Drops what a record that could not be finished appended.
    mutating func rollBack(decoded d: Int, values v: Int, escapes e: Int) {
        decoded.truncate(to: d)
        if values.count > v { values.removeSubrange(v...) }
        if escapes.count > e { escapes.removeSubrange(e...) }
    }
}
