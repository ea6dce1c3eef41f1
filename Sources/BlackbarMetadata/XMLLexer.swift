/// The lexical steps the two XML readers share (XMP packets, office parts): a cursor `i` over bytes `b`.
/// Both readers are ours for the same reason: each value's byte range in the part is what the rewrite edits.
protocol XMLLexer {
    var b: [UInt8] { get }
    var i: Int { get set }
}

extension XMLLexer {
    /// Whether the bytes at the cursor are `s`.
    func starts(_ s: StaticString) -> Bool {
        let n = s.utf8CodeUnitCount
        guard i + n <= b.count else { return false }
        return s.withUTF8Buffer { buf in
            for k in 0..<n where b[i + k] != buf[k] { return false }
            return true
        }
    }

    /// Moves the cursor past the next `end` (the end of a comment, a processing instruction, CDATA).
    mutating func skip(past end: StaticString) throws {
        let n = end.utf8CodeUnitCount
        let start = i
        while i + n <= b.count {
            let hit = end.withUTF8Buffer { buf in (0..<n).allSatisfy { b[i + $0] == buf[$0] } }
            if hit {
                i += n
                return
            }
            i += 1
        }
        throw MetadataError.truncated("XML markup", offset: start)
    }

    static func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D }

    static func isNameByte(_ c: UInt8) -> Bool {
        !isSpace(c) && c != UInt8(ascii: ">") && c != UInt8(ascii: "/") && c != UInt8(ascii: "=") && c != UInt8(ascii: "<")
            && c != UInt8(ascii: "\"") && c != UInt8(ascii: "'")
    }

    /// A tag or attribute name at the cursor (empty when there is none).
    mutating func name() -> String {
        let s = i
        while i < b.count && Self.isNameByte(b[i]) { i += 1 }
        return String(decoding: b[s..<i], as: UTF8.self)
    }

    mutating func skipSpace() { while i < b.count && Self.isSpace(b[i]) { i += 1 } }
}

/// `bytes` with edits applied (each a range and what stands for it); an edit that starts inside an earlier
/// one (a value inside a removed element) gives way to it.
func applyEdits(_ edits: [(Range<Int>, [UInt8])], to bytes: [UInt8]) -> [UInt8] {
    let sorted = edits.sorted { $0.0.lowerBound < $1.0.lowerBound || ($0.0.lowerBound == $1.0.lowerBound && $0.0.count > $1.0.count) }
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count)
    var cursor = 0
    for (range, replacement) in sorted where range.lowerBound >= cursor {
        out += bytes[cursor..<range.lowerBound]
        out += replacement
        cursor = range.upperBound
    }
    out += bytes[cursor...]
    return out
}
