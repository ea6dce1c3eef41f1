/// Reads a PCRE2 pattern as a `ShapeNode`: a byte-level regular expression that accepts every string the
/// pattern can match, and usually a few more. Hand-written because no library reads PCRE2 syntax into a tree;
/// it covers the syntax our rule packs use and gives up (returns nil) on anything else, so a rule it cannot
/// read simply keeps its own prefilter.
///
/// What is widened, always towards accepting more:
/// - lookarounds, `^`, `$`, `\b`, `\B`, `\A`, `\z`, `\G` match the empty string;
///   except `(?!)`, which never matches (nothing passes it);
/// - a backreference matches anything its group can match; a conditional matches either branch;
/// - atomic groups and possessive or lazy quantifiers act as plain ones;
/// - with `unicode`, any non-ASCII character a class or escape may match is read as 2 to 4 bytes >= 0x80.
struct ShapeParser {
    private let p: [UInt8]
    private var i = 0
    private let unicode: Bool
    private var caseless: Bool
    private var groups: [Int: ShapeNode] = [:]
    private var names: [String: Int] = [:]
    private var groupCount = 0
    private var depth = 0
    private var sawAlternation = false
    /// Set by a negative lookbehind group: the bytes its one-byte branches exclude before the match.
    private var lookbehindExclusion: ByteSet? = nil
    /// Bytes that cannot precede a match: from negative lookbehinds that open the pattern.
    private var leadingExclusion = ByteSet()
    /// Set by a negative lookahead group: the bytes its one-byte branches exclude right after that point.
    private var lookaheadExclusion: ByteSet? = nil
    /// Bytes that cannot follow a match: from negative lookaheads that close the pattern (nothing but
    /// zero-width items after them, no top-level alternation).
    private var trailingExclusion = ByteSet()
    /// Backreferences and conditionals read so far: a lookahead holding one (`(?!\1)`, `(?!(?(1)a|b))`)
    /// excludes only the bytes its group captured or its chosen branch matches, not all they may match, so it
    /// excludes nothing here.
    private var backreferences = 0

    struct Unsupported: Error {}

    /// The shape of `pattern`, or nil when it uses syntax this reader does not know.
    static func parse(_ pattern: String, unicode: Bool, caseless: Bool) -> ShapeNode? {
        parseWithExclusion(pattern, unicode: unicode, caseless: caseless)?.shape
    }

    /// The shape of `pattern`, and the bytes that cannot come right before a match: `(?<![\w\-.])` opening
    /// the pattern excludes word bytes, `-` and `.` (one-byte branches only; `(?<![0-9] )` says nothing
    /// about the one byte before). In unicode mode bytes >= 0x80 are never excluded.
    static func parseWithExclusion(_ pattern: String, unicode: Bool, caseless: Bool) -> (
        shape: ShapeNode, exclusion: ByteSet
    )? {
        parseWithBounds(pattern, unicode: unicode, caseless: caseless).map { ($0.shape, $0.before) }
    }

    /// The shape of `pattern` with the bytes that cannot come right before a match (as `parseWithExclusion`)
    /// and those that cannot come right after one: `(?![\w]|[\-.][\w])` closing the pattern excludes word
    /// bytes after it (one-byte branches only, nested alternatives included: the two-byte branch says
    /// nothing about the one byte after). In unicode mode bytes >= 0x80 are never excluded: whether the
    /// character they start is a word character depends on more than the byte.
    static func parseWithBounds(_ pattern: String, unicode: Bool, caseless: Bool) -> (
        shape: ShapeNode, before: ByteSet, after: ByteSet
    )? {
        var parser = ShapeParser(p: Array(pattern.utf8), unicode: unicode, caseless: caseless)
        guard let node = try? parser.alternation(), parser.i == parser.p.count else { return nil }
        var before = parser.leadingExclusion
        var after = parser.sawAlternation ? ByteSet() : parser.trailingExclusion
        if unicode {
            before = before.intersection(.ascii)
            after = after.intersection(.ascii)
        }
        return (node, before, after)
    }

    /// The bytes any one of which, alone, matches `node`: its one-byte branches, through nested alternatives.
    private static func singleBytes(_ node: ShapeNode) -> ByteSet {
        switch node {
        case .bytes(let set): return set
        case .either(let items): return items.reduce(ByteSet()) { $0.union(singleBytes($1)) }
        default: return ByteSet()
        }
    }

    private init(p: [UInt8], unicode: Bool, caseless: Bool) {
        self.p = p
        self.unicode = unicode
        self.caseless = caseless
    }

    private var atEnd: Bool { i >= p.count }
    private func peek(_ k: Int = 0) -> UInt8? { i + k < p.count ? p[i + k] : nil }

    private mutating func take(_ literal: String) -> Bool {
        let bytes = Array(literal.utf8)
        guard i + bytes.count <= p.count, Array(p[i..<i + bytes.count]) == bytes else { return false }
        i += bytes.count
        return true
    }

    private mutating func alternation() throws -> ShapeNode {
        let saved = caseless
        defer { caseless = saved }
        var branches = [try sequence()]
        while peek() == UInt8(ascii: "|") {
            i += 1
            branches.append(try sequence())
        }
        return branches.count == 1 ? branches[0] : .either(branches)
    }

    private mutating func sequence() throws -> ShapeNode {
        var items: [ShapeNode] = []
        var opening = depth == 0 && !sawAlternation
        while let c = peek(), c != UInt8(ascii: "|"), c != UInt8(ascii: ")") {
            lookbehindExclusion = nil
            lookaheadExclusion = nil
            var atom = try self.atom()
            let exclusion = lookbehindExclusion
            let ahead = lookaheadExclusion
            atom = try quantified(atom)
            if opening, let exclusion, atom == .empty {
                leadingExclusion = leadingExclusion.union(exclusion)
            } else if atom != .empty {
                opening = false
            }
            if depth == 0 {
                // A consuming item after a lookahead ends its say over the match's end; several closing
                // lookaheads must all hold, so any of their bytes excludes.
                if atom != .empty {
                    trailingExclusion = ByteSet()
                } else if let ahead {
                    trailingExclusion = trailingExclusion.union(ahead)
                }
            }
            items.append(atom)
        }
        if peek() == UInt8(ascii: "|") && depth == 0 {
            // A top-level alternative: the exclusion must hold for every branch; keep none.
            sawAlternation = true
            leadingExclusion = ByteSet()
        }
        return items.count == 1 ? items[0] : .sequence(items)
    }

    private mutating func quantified(_ atom: ShapeNode) throws -> ShapeNode {
        var node = atom
        while let c = peek() {
            var bounds: (Int, Int?)
            switch c {
            case UInt8(ascii: "*"): bounds = (0, nil); i += 1
            case UInt8(ascii: "+"): bounds = (1, nil); i += 1
            case UInt8(ascii: "?"): bounds = (0, 1); i += 1
            case UInt8(ascii: "{"):
                guard let b = braceQuantifier() else { return node }
                bounds = b
            default: return node
            }
            if let m = peek(), m == UInt8(ascii: "?") || m == UInt8(ascii: "+") { i += 1 }
            node = .repeated(node, min: bounds.0, max: bounds.1)
        }
        return node
    }

    /// `{n}`, `{n,}` or `{n,m}`; nil (nothing consumed) when the brace is not a quantifier.
    private mutating func braceQuantifier() -> (Int, Int?)? {
        var k = i + 1
        func number() -> Int? {
            var value: Int? = nil
            while k < p.count, ASCII.isDigit(p[k]) {
                value = (value ?? 0) * 10 + Int(p[k] - 0x30)
                k += 1
            }
            return value
        }
        guard let low = number() else { return nil }
        var high: Int? = low
        if k < p.count, p[k] == UInt8(ascii: ",") {
            k += 1
            high = number()
        }
        guard k < p.count, p[k] == UInt8(ascii: "}") else { return nil }
        i = k + 1
        return (low, high)
    }

    private mutating func atom() throws -> ShapeNode {
        guard let c = peek() else { throw Unsupported() }
        switch c {
        case UInt8(ascii: "("): return try group()
        case UInt8(ascii: "["): return try characterClass()
        case UInt8(ascii: "."):
            i += 1
            return unicode ? anyCharacter(except: ByteSet([0x0A])) : .bytes(ByteSet([0x0A]).complement)
        case UInt8(ascii: "^"), UInt8(ascii: "$"):
            i += 1
            return .empty
        case UInt8(ascii: "\\"): return try escape()
        case UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: "?"), UInt8(ascii: "{"): throw Unsupported()
        default: return literalCharacter()
        }
    }

    /// One pattern character (a whole UTF-8 sequence in unicode mode).
    private mutating func literalCharacter() -> ShapeNode {
        let c = p[i]
        if c < 0x80 || !unicode {
            i += 1
            let set = ByteSet([c])
            return .bytes(caseless ? set.caseFolded : set)
        }
        var bytes: [UInt8] = [c]
        i += 1
        while let next = peek(), next & 0xC0 == 0x80 {
            bytes.append(next)
            i += 1
        }
        // Case-insensitive non-ASCII letters have other byte sequences: read as any multi-byte character.
        if caseless { return multiByteCharacter }
        return .sequence(bytes.map { .bytes(ByteSet([$0])) })
    }

    private var multiByteCharacter: ShapeNode { .repeated(.bytes(.high), min: 2, max: 4) }

    /// Any character outside `ascii` in unicode mode: the ASCII bytes not excluded, or a multi-byte character.
    private func anyCharacter(except excluded: ByteSet) -> ShapeNode {
        .either([.bytes(ByteSet.ascii.intersection(excluded.complement)), multiByteCharacter])
    }

    private mutating func group() throws -> ShapeNode {
        i += 1  // (
        var capture = true
        var name: String? = nil
        var lookaround = false
        var negativeLookbehind = false
        var negativeLookahead = false
        var conditional = false
        let savedCaseless = caseless
        if peek() == UInt8(ascii: "*") { throw Unsupported() }
        if peek() == UInt8(ascii: "?") {
            i += 1
            capture = false
            if take(":") || take(">") {
            } else if take("<!") {
                lookaround = true
                negativeLookbehind = true
            } else if take("!") {
                lookaround = true
                negativeLookahead = true
            } else if take("=") || take("<=") {
                lookaround = true
            } else if take("#") {
                while let c = peek(), c != UInt8(ascii: ")") { i += 1 }
                i += 1
                return .empty
            } else if take("(") {
                // Conditional: skip the condition (a group number or name), read as either branch.
                if peek() == UInt8(ascii: "?") { throw Unsupported() }
                while let c = peek(), c != UInt8(ascii: ")") { i += 1 }
                guard take(")") else { throw Unsupported() }
                conditional = true
                backreferences += 1
            } else if take("<") || take("P<") || take("'") {
                var n: [UInt8] = []
                while let c = peek(), c != UInt8(ascii: ">"), c != UInt8(ascii: "'") {
                    n.append(c)
                    i += 1
                }
                i += 1
                name = String(decoding: n, as: UTF8.self)
                capture = true
            } else {
                // Inline flags: (?i) (?-i) (?i:...) ; only i, m and s are understood.
                var on = true
                var flags: [(UInt8, Bool)] = []
                while let c = peek(), c != UInt8(ascii: ")"), c != UInt8(ascii: ":") {
                    if c == UInt8(ascii: "-") { on = false } else if c == UInt8(ascii: "i") || c == UInt8(ascii: "m")
                        || c == UInt8(ascii: "s")
                    {
                        flags.append((c, on))
                    } else {
                        throw Unsupported()
                    }
                    i += 1
                }
                // `s` changes `.`; we read `.` without it, so only allow turning it off.
                if flags.contains(where: { $0.0 == UInt8(ascii: "s") && $0.1 }) { throw Unsupported() }
                let newCaseless = flags.first(where: { $0.0 == UInt8(ascii: "i") }).map(\.1) ?? caseless
                if take(")") {
                    // Applies to the rest of the enclosing group (restored by `alternation`).
                    caseless = newCaseless
                    return .empty
                }
                guard take(":") else { throw Unsupported() }
                caseless = newCaseless
            }
        }
        var number = 0
        if capture {
            groupCount += 1
            number = groupCount
            if let name { names[name] = number }
        }
        depth += 1
        let referencesBefore = backreferences
        let bodyStart = i
        let body = try alternation()
        let bodyIsEmpty = i == bodyStart
        depth -= 1
        caseless = savedCaseless
        guard take(")") else { throw Unsupported() }
        if capture { groups[number] = body }
        // Only this group's own lookahead counts for the enclosing sequence, not one nested in its body.
        lookaheadExclusion =
            negativeLookahead && !bodyIsEmpty && backreferences == referencesBefore ? Self.singleBytes(body) : nil
        if lookaround {
            if negativeLookbehind {
                var excluded = ByteSet()
                let branches: [ShapeNode]
                if case .either(let items) = body { branches = items } else { branches = [body] }
                for case .bytes(let set) in branches { excluded = excluded.union(set) }
                lookbehindExclusion = excluded
            }
            // `(?!)` never matches (PCRE2's way to make a branch fail): nothing can pass it. Only the literal
            // `(?!)`: a body such as `\b` reads as empty here but is an assertion, so `(?!\b)` can match.
            if negativeLookahead && bodyIsEmpty { return .bytes(ByteSet()) }
            return .empty
        }
        // A conditional with both branches is either of them; with one, that one or nothing.
        if conditional {
            if case .either(let branches) = body, branches.count == 2 { return body }
            return .either([body, .empty])
        }
        return body
    }

    private mutating func escape() throws -> ShapeNode {
        i += 1  // backslash
        guard let c = peek() else { throw Unsupported() }
        i += 1
        switch c {
        case UInt8(ascii: "b"), UInt8(ascii: "B"), UInt8(ascii: "A"), UInt8(ascii: "z"), UInt8(ascii: "Z"),
            UInt8(ascii: "G"):
            return .empty
        case UInt8(ascii: "1")...UInt8(ascii: "9"):
            var n = Int(c - 0x30)
            while let d = peek(), ASCII.isDigit(d) {
                n = n * 10 + Int(d - 0x30)
                i += 1
            }
            guard let group = groups[n] else { throw Unsupported() }
            backreferences += 1
            return group
        case UInt8(ascii: "k"):
            guard let open = peek(), open == UInt8(ascii: "<") || open == UInt8(ascii: "{") || open == UInt8(ascii: "'")
            else { throw Unsupported() }
            i += 1
            var n: [UInt8] = []
            while let d = peek(), d != UInt8(ascii: ">"), d != UInt8(ascii: "}"), d != UInt8(ascii: "'") {
                n.append(d)
                i += 1
            }
            i += 1
            guard let number = names[String(decoding: n, as: UTF8.self)], let group = groups[number] else {
                throw Unsupported()
            }
            backreferences += 1
            return group
        default:
            i -= 2
            let item = try classEscapeOrLiteral(inClass: false)
            return item.node(unicode: unicode)
        }
    }

    /// What one escape or character stands for: ASCII (or, without unicode, raw) bytes, and whether non-ASCII
    /// characters may match too (unicode mode only).
    private struct ClassItem {
        var set = ByteSet()
        var multiByte = false
        func node(unicode: Bool) -> ShapeNode {
            multiByte && unicode ? .either([.bytes(set), .repeated(.bytes(.high), min: 2, max: 4)]) : .bytes(set)
        }
    }

    /// Reads `\d`, `\x41`, `\.`, a literal byte, etc. at `i`; `i` moves past it.
    private mutating func classEscapeOrLiteral(inClass: Bool) throws -> ClassItem {
        var item = ClassItem()
        let c = p[i]
        if c != UInt8(ascii: "\\") {
            if c >= 0x80 && unicode {
                // A literal non-ASCII character.
                i += 1
                while let next = peek(), next & 0xC0 == 0x80 { i += 1 }
                item.multiByte = true
                return item
            }
            i += 1
            item.set.insert(c)
            if caseless && !inClass { item.set = item.set.caseFolded }
            return item
        }
        i += 1
        guard let e = peek() else { throw Unsupported() }
        i += 1
        let nonASCII = unicode  // with UCP, \w \d \s and their negations reach beyond ASCII
        switch e {
        case UInt8(ascii: "d"): item.set = .digits; item.multiByte = nonASCII
        case UInt8(ascii: "w"): item.set = .word; item.multiByte = nonASCII
        case UInt8(ascii: "s"): item.set = unicode ? ByteSet.space.intersection(.ascii) : .space; item.multiByte = nonASCII
        case UInt8(ascii: "h"): item.set = ByteSet([0x09, 0x20, 0xA0]); item.multiByte = nonASCII
        case UInt8(ascii: "v"): item.set = ByteSet([0x0A, 0x0B, 0x0C, 0x0D, 0x85]); item.multiByte = nonASCII
        case UInt8(ascii: "D"), UInt8(ascii: "W"), UInt8(ascii: "S"), UInt8(ascii: "H"), UInt8(ascii: "V"):
            // Negations: everything (a superset is safe), minus nothing.
            item.set = unicode ? .ascii : .all
            item.multiByte = unicode
        case UInt8(ascii: "p"), UInt8(ascii: "P"):
            var name: [UInt8] = []
            if peek() == UInt8(ascii: "{") {
                i += 1
                while let d = peek(), d != UInt8(ascii: "}") {
                    name.append(d)
                    i += 1
                }
                i += 1
            } else if let d = peek() {
                name = [d]
                i += 1
            }
            let property = String(decoding: name, as: UTF8.self)
            switch (e, property) {
            case (UInt8(ascii: "p"), "L"), (UInt8(ascii: "p"), "L&"), (UInt8(ascii: "p"), "Lu"),
                (UInt8(ascii: "p"), "Ll"), (UInt8(ascii: "p"), "Lt"), (UInt8(ascii: "p"), "Lm"),
                (UInt8(ascii: "p"), "Lo"):
                item.set = ByteSet.upper.union(.lower)
            case (UInt8(ascii: "p"), "N"), (UInt8(ascii: "p"), "Nd"): item.set = .digits
            // Scripts and marks: exactly their ASCII part (an exclusion built from it must not exclude more).
            case (UInt8(ascii: "p"), "Latin"): item.set = ByteSet.upper.union(.lower)
            case (UInt8(ascii: "p"), "Greek"), (UInt8(ascii: "p"), "Cyrillic"), (UInt8(ascii: "p"), "M"),
                (UInt8(ascii: "p"), "Mn"):
                item.set = ByteSet()
            default: item.set = .ascii
            }
            item.multiByte = true
            if !unicode { item.set = item.set.union(.high) }
        case UInt8(ascii: "x"):
            var value = 0
            if peek() == UInt8(ascii: "{") {
                i += 1
                while let d = peek(), d != UInt8(ascii: "}") {
                    guard let h = ASCII.hexDigit(d) else { throw Unsupported() }
                    value = value * 16 + h
                    i += 1
                }
                i += 1
            } else {
                for _ in 0..<2 {
                    guard let d = peek(), let h = ASCII.hexDigit(d) else { break }
                    value = value * 16 + h
                    i += 1
                }
            }
            if value < 0x80 || (!unicode && value < 0x100) {
                item.set.insert(UInt8(value))
                if caseless && !inClass { item.set = item.set.caseFolded }
            } else if unicode {
                item.multiByte = true
            } else {
                throw Unsupported()
            }
        case UInt8(ascii: "n"): item.set.insert(0x0A)
        case UInt8(ascii: "t"): item.set.insert(0x09)
        case UInt8(ascii: "r"): item.set.insert(0x0D)
        case UInt8(ascii: "f"): item.set.insert(0x0C)
        case UInt8(ascii: "e"): item.set.insert(0x1B)
        case UInt8(ascii: "a"): item.set.insert(0x07)
        case UInt8(ascii: "b") where inClass: item.set.insert(0x08)
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "z"),
            UInt8(ascii: "A")...UInt8(ascii: "Z"):
            throw Unsupported()  // \Q, \R, \X, \c, octal and other escapes we do not use
        default:
            if e >= 0x80 { throw Unsupported() }
            item.set.insert(e)  // an escaped punctuation character stands for itself
            if caseless && !inClass { item.set = item.set.caseFolded }
        }
        return item
    }

    private mutating func characterClass() throws -> ShapeNode {
        i += 1  // [
        var negated = false
        if peek() == UInt8(ascii: "^") {
            negated = true
            i += 1
        }
        var item = ClassItem()
        var first = true
        while true {
            guard let c = peek() else { throw Unsupported() }
            if c == UInt8(ascii: "]") && !first {
                i += 1
                break
            }
            if c == UInt8(ascii: "[") && peek(1) == UInt8(ascii: ":") { throw Unsupported() }  // POSIX classes
            first = false
            let low = try classEscapeOrLiteral(inClass: true)
            // A range `a-z` (the `-` not last in the class).
            if peek() == UInt8(ascii: "-"), let after = peek(1), after != UInt8(ascii: "]") {
                // Inside a class nothing is case-folded until the class is complete, so a range end is one byte.
                func single(_ x: ClassItem) -> UInt8? { x.multiByte ? nil : x.set.single }
                // `[\d-x]`: a class escape cannot start a range, so the `-` is a literal.
                func isCharacter(_ x: ClassItem) -> Bool { single(x) != nil || (x.set.isEmpty && x.multiByte) }
                let save = i
                i += 1
                let high = try classEscapeOrLiteral(inClass: true)
                if !isCharacter(low) || !isCharacter(high) {
                    i = save
                    item.set = item.set.union(low.set)
                    item.multiByte = item.multiByte || low.multiByte
                    continue
                }
                if low.multiByte || high.multiByte {
                    // A range reaching non-ASCII characters: its ASCII part, plus any multi-byte character.
                    item.multiByte = true
                    if let a = single(low), a < 0x80 { for b in a...0x7F { item.set.insert(b) } }
                    continue
                }
                guard let a = single(low), let b = single(high) else { throw Unsupported() }
                guard a <= b else { throw Unsupported() }
                item.set = item.set.union(ByteSet(range: a...b))
                continue
            }
            item.set = item.set.union(low.set)
            item.multiByte = item.multiByte || low.multiByte
        }
        if caseless { item.set = item.set.caseFolded }
        if negated {
            if unicode {
                // Any ASCII byte not listed, or any multi-byte character (we cannot tell which are listed).
                return .either([.bytes(ByteSet.ascii.intersection(item.set.complement)), multiByteCharacter])
            }
            return .bytes(item.set.complement)
        }
        return item.node(unicode: unicode)
    }
}
