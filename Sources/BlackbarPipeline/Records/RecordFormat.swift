import BlackbarRecords

/// The structured formats a run reads record by record.
public enum RecordFormat: String, Sendable, CaseIterable {
    case csv, tsv, json, jsonl

    /// The format a file name's extension says, if any (`.csv`, `.tsv`/`.tab`, `.json`, `.jsonl`/`.ndjson`).
    public static func byExtension(_ path: String) -> RecordFormat? {
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return nil }
        switch path[path.index(after: dot)...].lowercased() {
        case "csv": return .csv
        case "tsv", "tab": return .tsv
        case "json", "geojson": return .json
        case "jsonl", "ndjson", "jsonlines": return .jsonl
        default: return nil
        }
    }

    /// The format bytes at the start of a stream say, when they say it clearly: a JSON value on the first line
    /// followed by another line starting a JSON object or array is JSON Lines; an opening `{` or `[` otherwise
    /// is a JSON document. CSV is never guessed from content (prose has commas): it comes from the extension
    /// or `--input-format`.
    public static func sniff(_ prefix: [UInt8]) -> RecordFormat? {
        var i = 0
        if prefix.starts(with: [0xEF, 0xBB, 0xBF]) { i = 3 }
        while i < prefix.count, prefix[i] == 0x20 || prefix[i] == 0x09 || prefix[i] == 0x0A || prefix[i] == 0x0D { i += 1 }
        guard i < prefix.count, prefix[i] == UInt8(ascii: "{") || prefix[i] == UInt8(ascii: "[") else { return nil }
        // A line that ends right after a closing bracket, and a next line that opens one: JSON Lines.
        var j = i
        while j < prefix.count, prefix[j] != 0x0A { j += 1 }
        guard j < prefix.count else { return .json }
        var end = j
        while end > i, prefix[end - 1] == 0x20 || prefix[end - 1] == 0x09 || prefix[end - 1] == 0x0D { end -= 1 }
        var k = j + 1
        while k < prefix.count, prefix[k] == 0x20 || prefix[k] == 0x09 || prefix[k] == 0x0D || prefix[k] == 0x0A { k += 1 }
        let closes = end > i && (prefix[end - 1] == UInt8(ascii: "}") || prefix[end - 1] == UInt8(ascii: "]"))
        let opens = k < prefix.count && (prefix[k] == UInt8(ascii: "{") || prefix[k] == UInt8(ascii: "["))
        return closes && opens ? .jsonl : .json
    }

    /// Whether it is a table (CSV or TSV).
    public var isTable: Bool { self == .csv || self == .tsv }
}

/// How a run reads records: format, dialect, limits, bad records, and the per-field policy.
public struct RecordOptions: Sendable {
    /// Forced format (`--input-format`); nil: by extension, then by content.
    public var format: RecordFormat?
    /// Forced delimiter (`--delimiter`); nil: sniffed (tab for TSV).
    public var delimiter: UInt8?
    /// Whether a table's first row names its columns (`--no-header` turns it off).
    public var header = true
    /// What to do with a record that cannot be read.
    public var onError: BadRecordPolicy = .fail
    /// Size limits.
    public var limits = RecordLimits()
    /// Per-field operators, drops and keeps.
    public var policy = FieldPolicy()
    /// Source bytes per batch.
    public var batchBytes = 1 << 20
    /// Profile: read only this many records.
    public var sample: Int?

    /// Creates options.
    public init() {}
}
