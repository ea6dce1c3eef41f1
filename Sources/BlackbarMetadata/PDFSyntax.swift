/// A PDF value as parsed from the file, with the byte range of its token(s).
struct PDFNode {
    /// What the value is.
    indirect enum Kind {
        /// A dictionary: its entries in file order.
        case dict([PDFEntry])
        case array([PDFNode])
        /// A literal string: the range between the parentheses.
        case literal(Range<Int>)
        /// A hex string: the range between the angle brackets.
        case hex(Range<Int>)
        case name(String)
        case integer(Int)
        case real
        case ref(Int, Int)
        case bool(Bool)
        case null
    }

    let kind: Kind
    /// The value's bytes in the file (delimiters included).
    let range: Range<Int>

    /// The value of `key` in a dictionary.
    subscript(key: String) -> PDFNode? {
        guard case .dict(let entries) = kind else { return nil }
        return entries.first { $0.key == key }?.value
    }

    var name: String? { if case .name(let n) = kind { return n } else { return nil } }
    var integer: Int? { if case .integer(let n) = kind { return n } else { return nil } }
    var ref: PDFRef? { if case .ref(let n, let g) = kind { return PDFRef(num: n, gen: g) } else { return nil } }
    var isString: Bool {
        switch kind {
        case .literal, .hex: return true
        default: return false
        }
    }
    var isDict: Bool { if case .dict = kind { return true } else { return false } }
}

/// One `/Key value` pair of a dictionary.
struct PDFEntry {
    /// The key, `#xx` escapes decoded, without the slash.
    let key: String
    /// Where the key's slash is.
    let keyStart: Int
    let value: PDFNode

    /// The whole pair, key to the end of the value: what blanking removes.
    var pair: Range<Int> { keyStart..<value.range.upperBound }
}

/// An indirect object's number and generation.
struct PDFRef: Hashable, CustomStringConvertible {
    let num: Int
    let gen: Int
    var description: String { "obj \(num) \(gen)" }
}

/// Byte classes of PDF syntax (ISO 32000-1, 7.2.2).
enum PDFBytes {
    static func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09 || c == 0x0C || c == 0x00 }
    static func isDelimiter(_ c: UInt8) -> Bool {
        switch c {
        case 0x28, 0x29, 0x3C, 0x3E, 0x5B, 0x5D, 0x7B, 0x7D, 0x2F, 0x25: return true
        default: return false
        }
    }
    static func isRegular(_ c: UInt8) -> Bool { !isSpace(c) && !isDelimiter(c) }
    static func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }
    static func hexValue(_ c: UInt8) -> UInt8? {
        switch c {
        case 0x30...0x39: return c - 0x30
        case 0x41...0x46: return c - 0x41 + 10
        case 0x61...0x66: return c - 0x61 + 10
        default: return nil
        }
    }
}

/// A bounded reader of PDF object syntax over a `ByteView`: every read is bounds-checked, nesting is limited
/// by `maxDepth` and entries per dictionary or array by `maxEntries`, so hostile input is an error.
struct PDFParser {
    let view: ByteView
    let limits: MetadataLimits
    var pos: Int

    init(_ view: ByteView, at pos: Int, limits: MetadataLimits) {
        self.view = view
        self.pos = pos
        self.limits = limits
    }

    private var base: UnsafeRawBufferPointer { view.base }

    /// Skips white space and comments.
    mutating func skipSpace() {
        while pos < view.count {
            let c = base[pos]
            if PDFBytes.isSpace(c) {
                pos += 1
            } else if c == 0x25 {  // % comment to end of line
                while pos < view.count, base[pos] != 0x0A, base[pos] != 0x0D { pos += 1 }
            } else {
                return
            }
        }
    }

    /// Whether the keyword `word` stands at `pos` (followed by a delimiter, white space or the end).
    func keyword(_ word: [UInt8], at p: Int) -> Bool {
        guard view.has(word, at: p) else { return false }
        let end = p + word.count
        return end >= view.count || !PDFBytes.isRegular(base[end])
    }

    /// A run of regular bytes at `pos` (a keyword or a number), consumed.
    private mutating func regularRun() -> Range<Int> {
        let start = pos
        while pos < view.count, PDFBytes.isRegular(base[pos]) { pos += 1 }
        return start..<pos
    }

    /// An unsigned decimal integer at `p` (at most 10 digits), and where it ends.
    func unsigned(at p: Int) -> (Int, Int)? {
        var q = p, v = 0
        while q < view.count, PDFBytes.isDigit(base[q]), q - p < 10 {
            v = v * 10 + Int(base[q] - 0x30)
            q += 1
        }
        guard q > p, q >= view.count || !PDFBytes.isRegular(base[q]) else { return nil }
        return (v, q)
    }

    /// Parses one value at `pos` (after white space); `depth` counts enclosing arrays and dictionaries.
    mutating func value(depth: Int = 0) throws -> PDFNode {
        guard depth <= limits.maxDepth else { throw MetadataError.tooLarge("PDF nesting of arrays and dictionaries", offset: pos) }
        skipSpace()
        try view.check(pos, 1, "PDF value")
        let start = pos
        let c = base[pos]
        switch c {
        case UInt8(ascii: "/"):
            pos += 1
            return PDFNode(kind: .name(nameText(regularRun())), range: start..<pos)
        case UInt8(ascii: "("):
            let inner = try literalString()
            return PDFNode(kind: .literal(inner), range: start..<pos)
        case UInt8(ascii: "<"):
            if view.has([0x3C, 0x3C], at: pos) { return try dictionary(depth: depth) }
            pos += 1
            let innerStart = pos
            while true {
                try view.check(pos, 1, "PDF hex string")
                let h = base[pos]
                if h == 0x3E { break }
                guard PDFBytes.hexValue(h) != nil || PDFBytes.isSpace(h) else {
                    throw MetadataError.malformed("PDF hex string", offset: pos)
                }
                pos += 1
            }
            pos += 1
            return PDFNode(kind: .hex(innerStart..<(pos - 1)), range: start..<pos)
        case UInt8(ascii: "["):
            pos += 1
            var items: [PDFNode] = []
            while true {
                skipSpace()
                try view.check(pos, 1, "PDF array")
                if base[pos] == UInt8(ascii: "]") { pos += 1; break }
                guard items.count < limits.maxEntries else { throw MetadataError.tooLarge("PDF array", offset: start) }
                items.append(try refOrValue(depth: depth + 1))
            }
            return PDFNode(kind: .array(items), range: start..<pos)
        default:
            guard PDFBytes.isRegular(c) else { throw MetadataError.malformed("PDF value", offset: pos) }
            let run = regularRun()
            let word = base[run]
            if word.elementsEqual("true".utf8) { return PDFNode(kind: .bool(true), range: run) }
            if word.elementsEqual("false".utf8) { return PDFNode(kind: .bool(false), range: run) }
            if word.elementsEqual("null".utf8) { return PDFNode(kind: .null, range: run) }
            if let n = Self.integer(word) { return PDFNode(kind: .integer(n), range: run) }
            if Self.isReal(word) { return PDFNode(kind: .real, range: run) }
            throw MetadataError.malformed("PDF value (unexpected keyword)", offset: start)
        }
    }

    /// A value, or an indirect reference `N G R` where an integer is followed by another and `R`.
    mutating func refOrValue(depth: Int) throws -> PDFNode {
        let v = try value(depth: depth)
        guard case .integer(let num) = v.kind, num >= 0 else { return v }
        let save = pos
        skipSpace()
        if let (gen, after) = unsigned(at: pos) {
            var q = after
            while q < view.count, PDFBytes.isSpace(base[q]) { q += 1 }
            if keyword([UInt8(ascii: "R")], at: q) {
                pos = q + 1
                return PDFNode(kind: .ref(num, gen), range: v.range.lowerBound..<pos)
            }
        }
        pos = save
        return v
    }

    private mutating func dictionary(depth: Int) throws -> PDFNode {
        let start = pos
        pos += 2
        var entries: [PDFEntry] = []
        while true {
            skipSpace()
            try view.check(pos, 1, "PDF dictionary")
            if view.has([0x3E, 0x3E], at: pos) { pos += 2; break }
            guard base[pos] == UInt8(ascii: "/") else { throw MetadataError.malformed("PDF dictionary key", offset: pos) }
            guard entries.count < limits.maxEntries else { throw MetadataError.tooLarge("PDF dictionary", offset: start) }
            let keyStart = pos
            pos += 1
            let key = nameText(regularRun())
            let v = try refOrValue(depth: depth + 1)
            entries.append(PDFEntry(key: key, keyStart: keyStart, value: v))
        }
        return PDFNode(kind: .dict(entries), range: start..<pos)
    }

    /// Consumes a literal string at `pos` (balanced parentheses, backslash escapes) and returns its inside.
    private mutating func literalString() throws -> Range<Int> {
        let start = pos
        pos += 1
        var depth = 1
        while true {
            guard pos < view.count else { throw MetadataError.truncated("PDF literal string (unbalanced parentheses)", offset: start) }
            switch base[pos] {
            case 0x5C: pos += 2  // backslash: the next byte is escaped
            case 0x28: depth += 1; pos += 1
            case 0x29:
                depth -= 1
                pos += 1
                if depth == 0 { return (start + 1)..<(pos - 1) }
            default: pos += 1
            }
        }
    }

    /// A name's text, `#xx` escapes decoded (bytes as Latin-1 so any byte is kept).
    private func nameText(_ r: Range<Int>) -> String {
        var out = ""
        var i = r.lowerBound
        while i < r.upperBound {
            let c = base[i]
            if c == 0x23, i + 2 < r.upperBound, let h = PDFBytes.hexValue(base[i + 1]), let l = PDFBytes.hexValue(base[i + 2]) {
                out.unicodeScalars.append(Unicode.Scalar(h << 4 | l))
                i += 3
            } else {
                out.unicodeScalars.append(Unicode.Scalar(c))
                i += 1
            }
        }
        return out
    }

    static func integer<C: Collection>(_ word: C) -> Int? where C.Element == UInt8 {
        var digits = word[...]
        var negative = false
        if let f = digits.first, f == 0x2B || f == 0x2D { negative = f == 0x2D; digits = digits.dropFirst() }
        guard !digits.isEmpty, digits.count <= 18, digits.allSatisfy(PDFBytes.isDigit) else { return nil }
        let v = digits.reduce(0) { $0 * 10 + Int($1 - 0x30) }
        return negative ? -v : v
    }

    static func isReal<C: Collection>(_ word: C) -> Bool where C.Element == UInt8 {
        var digits = word[...]
        if let f = digits.first, f == 0x2B || f == 0x2D { digits = digits.dropFirst() }
        var dots = 0, count = 0
        for c in digits {
            if c == 0x2E { dots += 1 } else if PDFBytes.isDigit(c) { count += 1 } else { return false }
        }
        return dots == 1 && count > 0
    }
}
