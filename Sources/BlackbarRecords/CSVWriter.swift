/// Encodes changes to CSV values as source patches, so that the output keeps every other byte as it was
/// and reads back to the edited values.
public enum CSVEncoding {
    private static let quote = UInt8(ascii: "\"")

    /// Patches that make value `index` of `batch` read as its decoded bytes with `edits` applied.
    ///
    /// `edits` are sorted, non-overlapping ranges of `batch.decoded` inside the value's decoded bytes, each
    /// with the plain UTF-8 bytes that replace it. A quoted value gets one patch per edit (at
    /// `batch.sourceRange(ofValue:decoded:)`, each `"` doubled). An unquoted value gets one patch per edit,
    /// bytes as they are, unless the edited value then needs quotes (it holds the delimiter, `"`, CR or LF,
    /// or it is empty and alone in its record, which would read as a blank line): then one patch replaces
    /// the whole field with the edited value quoted.
    public static func patches(
        forValue index: Int, in batch: RecordBatch, edits: [(range: Range<Int>, bytes: [UInt8])], dialect: CSVDialect
    ) -> [SourcePatch] {
        guard !edits.isEmpty else { return [] }
        let value = batch.values[index]
        if value.kind == .quoted {
            return edits.map { edit in
                SourcePatch(range: batch.sourceRange(ofValue: index, decoded: edit.range), bytes: doublingQuotes(edit.bytes))
            }
        }
        var edited: [UInt8] = []
        edited.reserveCapacity(value.decoded.count + edits.reduce(0) { $0 + $1.bytes.count })
        var cursor = value.decoded.lowerBound
        for edit in edits {
            edited.append(contentsOf: batch.decoded[cursor..<edit.range.lowerBound])
            edited.append(contentsOf: edit.bytes)
            cursor = edit.range.upperBound
        }
        edited.append(contentsOf: batch.decoded[cursor..<value.decoded.upperBound])
        let alone = edited.isEmpty && batch.records[value.record].values.count == 1
        if !dialect.quoting {
            // Nothing can be quoted: a delimiter or line break in a replacement becomes a space, and an empty
            // field alone on its line a space, so the record stays one record of as many fields.
            if alone { return [SourcePatch(range: value.outer, bytes: [0x20])] }
            return edits.map { edit in
                SourcePatch(
                    range: batch.sourceRange(ofValue: index, decoded: edit.range),
                    bytes: edit.bytes.map { $0 == dialect.delimiter || $0 == 0x0A || $0 == 0x0D ? 0x20 : $0 })
            }
        }
        if alone || edited.contains(where: { needsQuotes($0, dialect.delimiter) }) {
            var quoted: [UInt8] = [quote]
            quoted.append(contentsOf: doublingQuotes(edited))
            quoted.append(quote)
            return [SourcePatch(range: value.outer, bytes: quoted)]
        }
        return edits.map { edit in
            SourcePatch(range: batch.sourceRange(ofValue: index, decoded: edit.range), bytes: edit.bytes)
        }
    }

    /// Patches that remove the fields of `columns` (column indices) from every record of `batch`, the
    /// header included, each with exactly one delimiter so the other fields stay in their columns: the
    /// delimiter before it when a kept field comes before it in the record, else the one after it (if
    /// any). A record whose fields are all dropped becomes an empty line (its line ending stays); a record
    /// left with one empty field gets `""` so that it still reads as a record. The patches are sorted and
    /// do not overlap each other or the fields kept, so value patches of kept columns merge with them.
    public static func dropColumns(_ columns: Set<Int>, in batch: RecordBatch, dialect: CSVDialect) -> [SourcePatch] {
        guard !columns.isEmpty else { return [] }
        var patches: [SourcePatch] = []
        for record in batch.records {
            var keptBefore = false
            var kept: [Int] = []
            var dropped = false
            for k in record.values {
                let value = batch.values[k]
                if !columns.contains(value.field) {
                    keptBefore = true
                    kept.append(k)
                    continue
                }
                dropped = true
                let range: Range<Int>
                if keptBefore {
                    range = (value.outer.lowerBound - 1)..<value.outer.upperBound
                } else if k + 1 < record.values.upperBound {
                    range = value.outer.lowerBound..<(value.outer.upperBound + 1)
                } else {
                    range = value.outer
                }
                if !range.isEmpty { patches.append(SourcePatch(range: range, bytes: [])) }
            }
            // One empty unquoted field left alone would read back as a blank line, not a record.
            if dropped, kept.count == 1, batch.values[kept[0]].outer.isEmpty {
                let at = batch.values[kept[0]].outer.lowerBound
                let insert = SourcePatch(range: at..<at, bytes: dialect.quoting ? [quote, quote] : [0x20])
                let position = patches.firstIndex { $0.range.lowerBound >= at } ?? patches.count
                patches.insert(insert, at: position)
            }
        }
        return patches
    }

    /// Whether a byte in an unquoted field would change how the field reads.
    private static func needsQuotes(_ byte: UInt8, _ delimiter: UInt8) -> Bool {
        byte == delimiter || byte == quote || byte == 0x0A || byte == 0x0D
    }

    /// `bytes` with every `"` doubled, for inside quotes.
    private static func doublingQuotes(_ bytes: [UInt8]) -> [UInt8] {
        guard bytes.contains(quote) else { return bytes }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 4)
        for b in bytes {
            out.append(b)
            if b == quote { out.append(quote) }
        }
        return out
    }
}
