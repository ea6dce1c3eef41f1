// libFuzzer target for the CSV reader and writer: `bash scripts/fuzz.sh csv SECONDS`.
// The first byte picks the dialect, policy and batch size; the rest is the input.

private let delimiters: [UInt8] = [UInt8(ascii: ","), UInt8(ascii: ";"), 0x09, UInt8(ascii: "|")]

/// Every batch of `bytes` read as `dialect`; nil when the reader threw.
private func readAll(_ bytes: [UInt8], _ dialect: CSVDialect, _ config: RecordReaderConfig) -> (
    [RecordBatch], RecordError?
) {
    let reader = CSVReader(source: ByteSource(bytes: bytes, name: "fuzz"), dialect: dialect, config: config)
    var batches: [RecordBatch] = []
    var steps = 0
    do {
        while let batch = try reader.next() {
            batches.append(batch)
            steps += 1
            precondition(steps <= bytes.count + 2, "more batches than bytes")
        }
    } catch let error as RecordError {
        return (batches, error)
    } catch {
        preconditionFailure("unexpected error \(error)")
    }
    precondition(reader.next2IsNil(), "a batch after the end")
    return (batches, nil)
}

extension CSVReader {
    fileprivate func next2IsNil() -> Bool { (try? next()) == nil }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    guard size >= 1 else { return 0 }
    let control = data[0]
    let input = Array(UnsafeBufferPointer(start: data + 1, count: size - 1))
    // The top bit turns quoting off (TSV): quotes are data, and a delimiter in a replacement becomes a space.
    let quoting = control & 0x80 == 0
    let dialect = CSVDialect(delimiter: delimiters[Int(control & 3)], header: control & 4 != 0, quoting: quoting)
    let skip = control & 8 != 0
    let batchBytes = [1, 7, 64, 1 << 20][Int(control >> 4 & 3)]
    let small = control & 0x40 != 0
    let limits =
        small
        ? RecordLimits(maxRecordBytes: 40, maxFieldBytes: 12, maxFields: 5)
        : RecordLimits()
    let config = RecordReaderConfig(limits: limits, onError: skip ? .skip : .fail, batchBytes: batchBytes)
    let (batches, error) = readAll(input, dialect, config)
    if skip { precondition(error == nil, "threw under .skip: \(error!)") }

    var previousEnd = 0
    var concatenated: [UInt8] = []
    var anySkipped = false
    var expected: [[[UInt8]]] = []
    for batch in batches {
        precondition(batch.sourceOffset == previousEnd, "batches not contiguous")
        let batchEnd = batch.sourceOffset + batch.source.count
        var cursor = batch.sourceOffset
        for record in batch.records {
            precondition(record.source.lowerBound >= cursor, "records overlap or out of order")
            precondition(record.source.upperBound <= batchEnd && !record.source.isEmpty, "record outside batch")
            cursor = record.source.upperBound
            var row: [[UInt8]] = []
            for k in record.values {
                let v = batch.values[k]
                precondition(v.outer.lowerBound >= record.source.lowerBound, "value before its record")
                precondition(v.outer.upperBound <= record.source.upperBound, "value after its record")
                precondition(v.source.lowerBound >= v.outer.lowerBound && v.source.upperBound <= v.outer.upperBound)
                precondition(v.field == k - record.values.lowerBound, "field index")
                let src = Array(input[v.source])
                let dec = Array(batch.decoded[v.decoded])
                if v.kind == .unquoted {
                    precondition(src == dec, "unquoted decoded differs from source")
                    precondition(v.escapes.isEmpty)
                } else {
                    precondition(input[v.outer.lowerBound] == UInt8(ascii: "\""))
                    precondition(input[v.outer.upperBound - 1] == UInt8(ascii: "\""))
                    precondition(dec.count == src.count - v.escapes.count, "escape count")
                }
                precondition(v.column >= 1 && v.line >= 1)
                row.append(dec)
            }
            expected.append(row)
        }
        for s in batch.skipped {
            anySkipped = true
            precondition(s.source.lowerBound >= batch.sourceOffset && s.source.upperBound <= batchEnd)
        }
        concatenated += SourcePatch.apply([], to: batch)
        previousEnd = batchEnd
    }
    if error == nil {
        precondition(concatenated == input, "batches do not reproduce the input")
    }
    guard error == nil, !anySkipped else { return 0 }

    // Replace every value with `a"b,c` and read the output back.
    let replacement = Array("a\"b\(Character(UnicodeScalar(dialect.delimiter)))c".utf8)
    var output: [UInt8] = []
    for batch in batches {
        var patches: [SourcePatch] = []
        for k in batch.values.indices {
            let v = batch.values[k]
            patches += CSVEncoding.patches(
                forValue: k, in: batch, edits: [(v.decoded, replacement)], dialect: dialect)
        }
        output += SourcePatch.apply(patches, to: batch)
    }
    let loose = RecordReaderConfig(onError: .fail, batchBytes: 1 << 20)
    let (again, againError) = readAll(output, dialect, loose)
    precondition(againError == nil, "patched output does not read: \(againError!)")
    let rows = again.flatMap { b in b.records.map { r in b.values[r.values].map { Array(b.decoded[$0.decoded]) } } }
    precondition(rows.count == expected.count, "record count changed after patching")
    for (row, old) in zip(rows, expected) {
        precondition(row.count == old.count, "field count changed after patching")
        let expectedValue = quoting ? replacement : replacement.map { $0 == dialect.delimiter ? 0x20 : $0 }
        for value in row { precondition(value == expectedValue, "value did not read back") }
    }

    // Drop column 0 (and 2): every record loses it, the rest read back in place. (Not checked when an
    // unquoted value ends with a bare CR: if the fields after it are dropped, that CR meets the line's LF
    // and reads as a CRLF; nor when a value starts with a byte-order mark: if the fields before it are
    // dropped, it can become the output's first bytes and be read as a BOM. Both are documented limits
    // of `dropColumns`.)
    let bareCR = batches.contains { b in
        b.values.contains {
            ($0.kind == .unquoted && !$0.decoded.isEmpty && b.decoded[$0.decoded.upperBound - 1] == 0x0D)
                || b.decoded[$0.decoded].starts(with: [0xEF, 0xBB, 0xBF])
        }
    }
    if !batches.isEmpty && !bareCR {
        let drop: Set<Int> = [0, 2]
        var dropped: [UInt8] = []
        for batch in batches { dropped += SourcePatch.apply(CSVEncoding.dropColumns(drop, in: batch, dialect: dialect), to: batch) }
        let (back, backError) = readAll(dropped, dialect, loose)
        precondition(backError == nil, "output after dropping does not read: \(backError!)")
        let keptRows = expected.map { row in row.enumerated().filter { !drop.contains($0.offset) }.map { $0.element } }
            .filter { !$0.isEmpty }
            // Without quoting, a record left with one empty field is written as one space (a blank line is no record).
            .map { row in !quoting && row.count == 1 && row[0].isEmpty && row.count < 2 ? [[0x20]] : row }
        let backRows = back.flatMap { b in b.records.map { r in b.values[r.values].map { Array(b.decoded[$0.decoded]) } } }
        precondition(backRows == keptRows, "drop columns changed kept values")
    }
    return 0
}
