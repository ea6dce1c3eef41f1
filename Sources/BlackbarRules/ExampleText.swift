/// An example text with its `«…»` markers removed and the marked spans as byte ranges.
public struct MarkedExample: Sendable, Equatable {
    /// The text without markers, as UTF-8 bytes.
    public var bytes: [UInt8]
    /// Marked spans, in order.
    public var spans: [(Int, Int)] { zip(starts, ends).map { ($0, $1) } }
    var starts: [Int]
    var ends: [Int]

    /// Parses `«` and `»` markers; nil when they are unbalanced or nested.
    public init?(_ text: String) {
        var bytes: [UInt8] = []
        var starts: [Int] = [], ends: [Int] = []
        var open: Int? = nil
        for scalar in text.unicodeScalars {
            if scalar == "«" {
                if open != nil { return nil }
                open = bytes.count
            } else if scalar == "»" {
                guard let start = open else { return nil }
                starts.append(start)
                ends.append(bytes.count)
                open = nil
            } else {
                bytes.append(contentsOf: String(scalar).utf8)
            }
        }
        if open != nil { return nil }
        self.bytes = bytes
        self.starts = starts
        self.ends = ends
    }

    init(bytes: [UInt8], starts: [Int], ends: [Int]) {
        self.bytes = bytes
        self.starts = starts
        self.ends = ends
    }

    /// The same example with `prefix` before and `suffix` after.
    func wrapped(_ prefix: [UInt8], _ suffix: [UInt8] = []) -> MarkedExample {
        MarkedExample(
            bytes: prefix + bytes + suffix, starts: starts.map { $0 + prefix.count }, ends: ends.map { $0 + prefix.count })
    }

    /// The same example with `glue` right before (or after) each marked span.
    func inserting(_ glue: [UInt8], before: Bool) -> MarkedExample {
        var out: [UInt8] = []
        var starts: [Int] = [], ends: [Int] = []
        var cursor = 0
        for (s, e) in spans {
            out += bytes[cursor..<s]
            if before { out += glue }
            starts.append(out.count)
            out += bytes[s..<e]
            ends.append(out.count)
            if !before { out += glue }
            cursor = e
        }
        out += bytes[cursor...]
        return MarkedExample(bytes: out, starts: starts, ends: ends)
    }

    /// Every byte `from` replaced by `to` (lengths may differ), spans moved to match.
    func replacing(_ from: [UInt8], with to: [UInt8]) -> MarkedExample {
        var out: [UInt8] = []
        var map = [Int](repeating: 0, count: bytes.count + 1)
        var i = 0
        while i < bytes.count {
            if i + from.count <= bytes.count, Array(bytes[i..<(i + from.count)]) == from {
                for k in 0..<from.count { map[i + k] = out.count + (k == 0 ? 0 : to.count) }
                out.append(contentsOf: to)
                i += from.count
            } else {
                map[i] = out.count
                out.append(bytes[i])
                i += 1
            }
        }
        map[bytes.count] = out.count
        return MarkedExample(bytes: out, starts: starts.map { map[$0] }, ends: ends.map { map[$0] })
    }

    public static func == (a: MarkedExample, b: MarkedExample) -> Bool {
        a.bytes == b.bytes && a.starts == b.starts && a.ends == b.ends
    }
}
