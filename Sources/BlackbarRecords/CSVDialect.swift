/// How a CSV-like file is written: its field delimiter and whether its first record names the columns.
public struct CSVDialect: Sendable, Equatable {
    /// The byte between fields: `,` `;` tab or `|` (any byte but `"`, CR and LF works).
    public var delimiter: UInt8
    /// Whether the first record is a header (record 0, its values naming the columns).
    public var header: Bool
    /// Whether `"` quotes fields (RFC 4180). Off, a quote is data like any byte and no field can hold the
    /// delimiter or a line break: IANA's `text/tab-separated-values`, which TSV files follow.
    public var quoting: Bool

    /// Creates a dialect.
    public init(delimiter: UInt8 = UInt8(ascii: ","), header: Bool = true, quoting: Bool = true) {
        self.delimiter = delimiter
        self.header = header
        self.quoting = quoting
    }

    /// Comma-separated, with a header.
    public static let csv = CSVDialect(delimiter: UInt8(ascii: ","), header: true)
    /// Tab-separated, with a header.
    public static let tsv = CSVDialect(delimiter: 0x09, header: true)

    /// The delimiters `sniff` chooses among, in order of preference when the content does not decide.
    public static let candidates: [UInt8] = [UInt8(ascii: ","), UInt8(ascii: ";"), 0x09, UInt8(ascii: "|")]

    /// Guesses the delimiter from the first bytes of a file: for each candidate (`,` `;` tab `|`), counts it
    /// outside quotes on each of the first lines (up to 50; a cut-off last line is ignored when there are
    /// others), and picks the one whose non-zero count is the same on the most lines, then the one with
    /// more fields. `extensionHint` (`tsv`, `.tab`, `people.tsv`) makes tab the choice unless the content
    /// has no tab and another delimiter is consistent. `header` is always true: whether a first record names
    /// the columns is not something the bytes tell reliably, so the caller's option decides.
    public static func sniff(_ prefix: ArraySlice<UInt8>, extensionHint: String? = nil) -> CSVDialect {
        let tab: UInt8 = 0x09
        let hintTab: Bool = {
            guard let hint = extensionHint?.lowercased() else { return false }
            return hint == "tsv" || hint == "tab" || hint.hasSuffix(".tsv") || hint.hasSuffix(".tab")
        }()
        let lines = countsPerLine(prefix)
        var best: (delimiter: UInt8, fraction: Double, fields: Int)? = nil
        var tabScore: (fraction: Double, fields: Int) = (0, 0)
        for (k, candidate) in candidates.enumerated() {
            let (fraction, mode) = consistency(lines.map { $0[k] })
            if candidate == tab { tabScore = (fraction, mode) }
            guard mode > 0 else { continue }
            if let b = best, b.fraction > fraction || (b.fraction == fraction && b.fields >= mode) { continue }
            best = (candidate, fraction, mode)
        }
        if hintTab {
            // The hint wins unless the content clearly says otherwise: no consistent tab, another delimiter is.
            if tabScore.fields == 0, let b = best, b.fraction >= 0.9 { return CSVDialect(delimiter: b.delimiter) }
            return CSVDialect(delimiter: tab)
        }
        return CSVDialect(delimiter: best?.delimiter ?? UInt8(ascii: ","))
    }

    /// `sniff` over an array.
    public static func sniff(_ prefix: [UInt8], extensionHint: String? = nil) -> CSVDialect {
        sniff(prefix[...], extensionHint: extensionHint)
    }

    /// Counts of each candidate outside quotes, per non-blank line of `prefix` (a line ends at an LF outside
    /// quotes), at most 50 lines.
    private static func countsPerLine(_ prefix: ArraySlice<UInt8>) -> [[Int]] {
        var lines: [[Int]] = []
        var counts = [Int](repeating: 0, count: candidates.count)
        var inQuotes = false
        var lineHasBytes = false
        for byte in prefix {
            if byte == UInt8(ascii: "\"") {
                inQuotes.toggle()
                lineHasBytes = true
            } else if byte == 0x0A && !inQuotes {
                if lineHasBytes { lines.append(counts) }
                counts = [Int](repeating: 0, count: candidates.count)
                lineHasBytes = false
                if lines.count == 50 { return lines }
            } else if !inQuotes {
                if byte != 0x0D { lineHasBytes = true }
                for (k, c) in candidates.enumerated() where c == byte { counts[k] += 1 }
            } else {
                lineHasBytes = true
            }
        }
        // The last line has no LF: the prefix may have cut it, so it counts only when it is the only one.
        if lineHasBytes && lines.isEmpty { lines.append(counts) }
        return lines
    }

    /// The fraction of lines whose count is the most common non-zero count, and that count (0 if none).
    private static func consistency(_ counts: [Int]) -> (Double, Int) {
        guard !counts.isEmpty else { return (0, 0) }
        var tally: [Int: Int] = [:]
        for c in counts where c > 0 { tally[c, default: 0] += 1 }
        guard let mode = tally.max(by: { $0.value < $1.value || ($0.value == $1.value && $0.key < $1.key) }) else {
            return (0, 0)
        }
        return (Double(mode.value) / Double(counts.count), mode.key)
    }
}
