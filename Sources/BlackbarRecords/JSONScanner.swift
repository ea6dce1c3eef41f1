#if canImport(BlackbarBytes)
    import BlackbarBytes  // the fuzz targets compile its source into this module
#endif

/// The byte-level JSON parser both JSON readers share (RFC 8259).
///
/// Written by hand rather than with a JSON library because the redactor must keep every byte it does not
/// change (key order, white space, number formatting, escapes) and must know the exact source offsets of
/// every string, number, key, escape and object member; a decoding parser throws all of that away.
///
/// It parses one value at a time from a buffer, appending to flat arrays that become a `RecordBatch`'s:
/// no allocation per value (escape-free runs of a string are appended in bulk, paths are interned by
/// `JSONPathTable`). Nesting is handled with an explicit stack (never recursion), bounded by
/// `RecordLimits.maxDepth`.
struct JSONScanner {
    // What a batch receives.
    /// Decoded values, back to back (an array per batch: `ByteBuffer`).
    let decoded = ByteBuffer()
    var values: [RecordValue] = []
    var escapes: [Escape] = []
    var indices: [Int] = []
    var members: [MemberSpan] = []
    /// Objects seen in the batch (`MemberSpan.object`).
    var objectCount = 0
    /// Interned generalized key paths (the reader's `fieldNames`).
    var paths = JSONPathTable()

    let limits: RecordLimits
    // Position state, set by the reader before parsing.
    /// 1-based line of `lineStart`.
    var line = 1
    /// Absolute offset of the current line's first byte.
    var lineStart = 0
    /// Record number for errors (nil outside records).
    var record: Int? = nil
    /// Index of the record being read in the batch's `records`.
    var recordIndex = 0

    private struct Frame {
        var isObject: Bool
        /// The container's own path id.
        var path: Int
        /// Arrays: the `[*]` child path. Objects: the ordinal of the object in the batch.
        var child: Int
        /// Objects: index in `members` of the current member (-1 before the first).
        var member: Int
        /// Members seen so far (objects).
        var count: Int
    }

    /// The open containers, innermost last: read and rewritten at every key and value, through a pointer
    /// (`PODBuffer`; as an array, two uniqueness checks per key).
    private let stack = PODBuffer<Frame>(capacity: 16)
    /// Concrete array indices of the current position.
    private var idx: [Int] = []
    /// `idx` as last appended to `indices`, valid while `idxClean`.
    private var idxRange = 0..<0
    private var idxClean = false

    init(limits: RecordLimits) {
        self.limits = limits
    }

    /// Counts of the output arrays, to roll a bad record back.
    struct Mark {
        var decoded, values, escapes, indices, members, objects: Int
    }

    func mark() -> Mark {
        Mark(
            decoded: decoded.count, values: values.count, escapes: escapes.count, indices: indices.count,
            members: members.count, objects: objectCount)
    }

    /// Forgets everything appended after `mark` (a record left out).
    mutating func rollBack(to mark: Mark) {
        decoded.truncate(to: mark.decoded)
        values.removeSubrange(mark.values...)
        escapes.removeSubrange(mark.escapes...)
        indices.removeSubrange(mark.indices...)
        members.removeSubrange(mark.members...)
        objectCount = mark.objects
        idxClean = false
    }

    /// Hands the output arrays over to a batch and starts empty ones, reserved like the last with a quarter more
    /// (`roomLike`).
    mutating func takeOutput() -> (
        decoded: [UInt8], values: [RecordValue], escapes: [Escape], indices: [Int], members: [MemberSpan]
    ) {
        let out = (decoded.take(), values, escapes, indices, members)
        values = []
        values.reserveCapacity(roomLike(out.1.count))
        escapes = []
        escapes.reserveCapacity(roomLike(out.2.count))
        indices = []
        indices.reserveCapacity(roomLike(out.3.count))
        members = []
        members.reserveCapacity(roomLike(out.4.count))
        objectCount = 0
        idxClean = false
        return out
    }

    /// An error at buffer position `i` (never naming the bytes).
    func error(_ problem: String, at i: Int, base: Int) -> RecordError {
        RecordError(line: line, record: record, offset: base + i, problem: problem)
    }

    /// Skips JSON white space from `i`, counting lines.
    @inline(__always)
    mutating func skipSpace(_ p: UnsafeBufferPointer<UInt8>, _ i: inout Int, _ end: Int, base: Int) {
        while i < end {
            let b = p[i]
            if b == 0x20 || b == 0x09 || b == 0x0D {
                i += 1
            } else if b == 0x0A {
                i += 1
                line += 1
                lineStart = base + i
            } else {
                return
            }
        }
    }

    /// Parses the value starting at `p[from]` (not white space) and ending before `end`; returns the
    /// position after it. `path` is the value's path id; `outerIndices` the concrete array indices
    /// around it (a document's element number); `depth` how many containers already enclose it.
    mutating func parseValue(
        _ p: UnsafeBufferPointer<UInt8>, base: Int, from: Int, end: Int, path rootPath: Int, outerIndices: [Int],
        depth: Int
    ) throws -> Int {
        stack.truncate(to: 0)
        if idx != outerIndices {
            idx.removeAll(keepingCapacity: true)
            idx.append(contentsOf: outerIndices)
            idxClean = false
        }
        var i = from
        var path = rootPath
        var member = -1
        valueLoop: while true {
            guard i < end else { throw error("unexpected end of input", at: i, base: base) }
            switch p[i] {
            case 0x22:
                i = try string(p, i, end, base: base, kind: .string, field: path, member: member)
            case 0x7B, 0x5B:  // { [
                let isObject = p[i] == 0x7B
                if stack.count + depth >= limits.maxDepth {
                    throw error("nesting deeper than \(limits.maxDepth)", at: i, base: base)
                }
                if isObject {
                    stack.append(Frame(isObject: true, path: path, child: objectCount, member: -1, count: 0))
                    objectCount += 1
                } else {
                    stack.append(
                        Frame(isObject: false, path: path, child: paths.element(of: path), member: -1, count: 0))
                    idx.append(0)
                    idxClean = false
                }
                i += 1
                skipSpace(p, &i, end, base: base)
                guard i < end else { throw error("unexpected end of input", at: i, base: base) }
                if p[i] == (isObject ? 0x7D : 0x5D) {
                    i += 1
                    stack.truncate(to: stack.count - 1)
                    if !isObject {
                        idx.removeLast()
                        idxClean = false
                    }
                } else if isObject {
                    (path, member) = try key(p, &i, end, base: base, comma: nil)
                    continue valueLoop
                } else {
                    path = stack.pointer(stack.count - 1).pointee.child
                    member = -1
                    continue valueLoop
                }
            case 0x2D, 0x30...0x39:
                i = try number(p, i, end, base: base, field: path, member: member)
            case 0x74:
                i = try literal(p, i, end, base: base, word: 0x7472_7565, count: 4, field: path, member: member)
            case 0x66:
                i = try literal(p, i, end, base: base, word: 0x66_616C_7365, count: 5, field: path, member: member)
            case 0x6E:
                i = try literal(p, i, end, base: base, word: 0x6E75_6C6C, count: 4, field: path, member: member)
            default:
                throw error("unexpected character", at: i, base: base)
            }
            // A value ended at `i`: close containers until one takes another value.
            while true {
                let top = stack.count - 1
                if top < 0 { return i }
                let frame = stack.pointer(top).pointee
                if frame.isObject {
                    // The member runs from its key's quote to here (unchecked: here is past its key).
                    let from = members[frame.member].range.lowerBound
                    members[frame.member].range = Range(uncheckedBounds: (from, base &+ i))
                }
                skipSpace(p, &i, end, base: base)
                guard i < end else { throw error("unexpected end of input", at: i, base: base) }
                let c = p[i]
                if c == 0x2C {
                    let comma = i
                    i += 1
                    skipSpace(p, &i, end, base: base)
                    if frame.isObject {
                        (path, member) = try key(p, &i, end, base: base, comma: base + comma)
                    } else {
                        idx[idx.count - 1] += 1
                        idxClean = false
                        path = frame.child
                        member = -1
                    }
                    continue valueLoop
                }
                if c == (frame.isObject ? 0x7D : 0x5D) {
                    i += 1
                    stack.truncate(to: top)
                    if !frame.isObject {
                        idx.removeLast()
                        idxClean = false
                    }
                    continue
                }
                throw error("unexpected character", at: i, base: base)
            }
        }
    }

    /// Reads a member's key at `i` (expected to be `"`), its colon and the white space after; returns the
    /// member's path id and index.
    private mutating func key(
        _ p: UnsafeBufferPointer<UInt8>, _ i: inout Int, _ end: Int, base: Int, comma: Int?
    ) throws -> (path: Int, member: Int) {
        guard i < end else { throw error("unexpected end of input", at: i, base: base) }
        guard p[i] == 0x22 else { throw error("unexpected character", at: i, base: base) }
        let top = stack.count - 1
        let frame = stack.pointer(top).pointee
        let m = members.count
        let previous = frame.member >= 0 ? members[frame.member].field : -1
        if frame.member >= 0 { members[frame.member].nextStart = base + i }
        // The key's path comes from its decoded bytes, before its value and its member are written: each is
        // written once, whole (patching the field in afterwards was two more checked writes per key).
        let q = i
        let decodedStart = decoded.count, escapeStart = escapes.count
        i = try decodeString(p, q, end, base: base)
        // Ranges made without their bounds check (`uncheckedBounds`): each bound is past the one before by
        // construction (the string's quotes), and the checks were a fifth of this function's instructions.
        let at = base &+ q, after = base &+ i
        let field = paths.member(
            of: frame.path, after: previous, key: decoded.view(Range(uncheckedBounds: (decodedStart, decoded.count))))
        emit(
            decoded: decodedStart, source: Range(uncheckedBounds: (at &+ 1, after &- 1)),
            outer: Range(uncheckedBounds: (at, after)), escapes: escapeStart, field: field, kind: .key, member: m)
        members.append(
            MemberSpan(
                object: frame.child, index: frame.count, field: field, range: Range(uncheckedBounds: (at, at)),
                commaBefore: comma, nextStart: nil))
        stack.pointer(top).pointee = Frame(
            isObject: frame.isObject, path: frame.path, child: frame.child, member: m, count: frame.count + 1)
        skipSpace(p, &i, end, base: base)
        guard i < end else { throw error("unexpected end of input", at: i, base: base) }
        guard p[i] == 0x3A else { throw error("unexpected character", at: i, base: base) }
        i += 1
        skipSpace(p, &i, end, base: base)
        return (field, m)
    }

    @inline(__always)
    private mutating func emit(
        decoded start: Int, source: Range<Int>, outer: Range<Int>, escapes escapeStart: Int, field: Int,
        kind: ValueKind, member: Int
    ) {
        if !idxClean {
            let s = indices.count
            indices.append(contentsOf: idx)
            idxRange = s..<indices.count
            idxClean = true
        }
        values.append(
            RecordValue(
                decoded: Range(uncheckedBounds: (start, decoded.count)), source: source, outer: outer,
                escapes: Range(uncheckedBounds: (escapeStart, escapes.count)), field: field, kind: kind, line: line,
                column: source.lowerBound &- lineStart &+ 1, record: recordIndex, indices: idxRange, member: member))
    }

    private func tooLarge(_ count: Int) -> Bool { count > limits.maxFieldBytes }

    /// The string whose opening quote is at `q`, as a value; returns the position after its closing quote.
    private mutating func string(
        _ p: UnsafeBufferPointer<UInt8>, _ q: Int, _ end: Int, base: Int, kind: ValueKind, field: Int, member: Int
    ) throws -> Int {
        let decodedStart = decoded.count
        let escapeStart = escapes.count
        let after = try decodeString(p, q, end, base: base)
        let from = base &+ q, to = base &+ after
        emit(
            decoded: decodedStart, source: Range(uncheckedBounds: (from &+ 1, to &- 1)),
            outer: Range(uncheckedBounds: (from, to)), escapes: escapeStart, field: field, kind: kind, member: member)
        return after
    }

    /// Decodes the string whose opening quote is at `q` onto `decoded` (its escapes onto `escapes`); returns the
    /// position after its closing quote.
    @inline(__always)
    private mutating func decodeString(_ p: UnsafeBufferPointer<UInt8>, _ q: Int, _ end: Int, base: Int) throws -> Int {
        var i = q + 1
        var run = i
        let base8 = UnsafeRawPointer(p.baseAddress!)
        while true {
            // Eight bytes at a time while none is a quote, a backslash, a control character or non-ASCII; at
            // the first that is (`SWAR.firstByte`), the byte steps below decide.
            while i &+ 8 <= end {
                let w = base8.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                let control = (w &- 0x20 &* SWAR.ones) & ~w & SWAR.highs
                let stop = control | SWAR.has(w, 0x22) | SWAR.has(w, 0x5C) | (w & SWAR.highs)
                if stop != 0 {
                    i &+= SWAR.firstByte(stop)
                    break
                }
                i &+= 8
            }
            while i < end {
                let b = p[i]
                if b < 0x20 || b == 0x22 || b == 0x5C || b >= 0x80 { break }
                i += 1
            }
            guard i < end else { throw error("unterminated string", at: q, base: base) }
            let b = p[i]
            if b == 0x22 { break }
            if b >= 0x80 {
                let n = utf8SequenceLength(p, i, end)
                if n == 0 { throw error("invalid UTF-8 in a string", at: i, base: base) }
                i += n
                continue
            }
            if b < 0x20 { throw error("control character in a string", at: i, base: base) }
            if i > run { decoded.append(UnsafeBufferPointer(rebasing: p[run..<i])) }
            i = try escape(p, i, end, base: base)
            run = i
        }
        if i > run { decoded.append(UnsafeBufferPointer(rebasing: p[run..<i])) }
        if tooLarge(i - q - 1) { throw error("value larger than \(byteCount(limits.maxFieldBytes))", at: q, base: base) }
        return i + 1
    }

    /// The escape whose backslash is at `i`; returns the position after it.
    private mutating func escape(_ p: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int, base: Int) throws -> Int {
        guard i + 1 < end else { throw error("unterminated string", at: i, base: base) }
        let start = decoded.count
        var count = 2
        switch p[i + 1] {
        case 0x22, 0x5C, 0x2F: decoded.append(p[i + 1])
        case 0x62: decoded.append(0x08)
        case 0x66: decoded.append(0x0C)
        case 0x6E: decoded.append(0x0A)
        case 0x72: decoded.append(0x0D)
        case 0x74: decoded.append(0x09)
        case 0x75:
            guard let unit = hex4(p, i + 2, end) else { throw error("invalid escape", at: i, base: base) }
            count = 6
            var scalar = unit
            if unit >= 0xD800 && unit < 0xDC00 {
                if i + 12 <= end, p[i + 6] == 0x5C, p[i + 7] == 0x75, let low = hex4(p, i + 8, end),
                    low >= 0xDC00 && low < 0xE000
                {
                    scalar = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
                    count = 12
                } else {
                    scalar = 0xFFFD
                }
            } else if unit >= 0xDC00 && unit < 0xE000 {
                scalar = 0xFFFD
            }
            appendUTF8(scalar)
        default:
            throw error("invalid escape", at: i, base: base)
        }
        escapes.append(Escape(decoded: start..<decoded.count, source: (base + i)..<(base + i + count)))
        return i + count
    }

    private func hex4(_ p: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int) -> UInt32? {
        guard i + 4 <= end else { return nil }
        var v: UInt32 = 0
        for k in i..<(i + 4) {
            let b = p[k]
            let d: UInt8
            switch b {
            case 0x30...0x39: d = b - 0x30
            case 0x41...0x46: d = b - 0x41 + 10
            case 0x61...0x66: d = b - 0x61 + 10
            default: return nil
            }
            v = v << 4 | UInt32(d)
        }
        return v
    }

    private mutating func appendUTF8(_ s: UInt32) {
        if s < 0x80 {
            decoded.append(UInt8(s))
        } else if s < 0x800 {
            decoded.append(UInt8(0xC0 | s >> 6))
            decoded.append(UInt8(0x80 | s & 0x3F))
        } else if s < 0x10000 {
            decoded.append(UInt8(0xE0 | s >> 12))
            decoded.append(UInt8(0x80 | s >> 6 & 0x3F))
            decoded.append(UInt8(0x80 | s & 0x3F))
        } else {
            decoded.append(UInt8(0xF0 | s >> 18))
            decoded.append(UInt8(0x80 | s >> 12 & 0x3F))
            decoded.append(UInt8(0x80 | s >> 6 & 0x3F))
            decoded.append(UInt8(0x80 | s & 0x3F))
        }
    }

    /// The number starting at `start`; returns the position after it.
    private mutating func number(
        _ p: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, base: Int, field: Int, member: Int
    ) throws -> Int {
        @inline(__always) func digit(_ i: Int) -> Bool { i < end && p[i] &- 0x30 < 10 }
        var i = start
        if p[i] == 0x2D { i += 1 }
        guard digit(i) else { throw error("invalid number", at: start, base: base) }
        if p[i] == 0x30 {
            i += 1
        } else {
            while digit(i) { i += 1 }
        }
        if i < end && p[i] == 0x2E {
            i += 1
            guard digit(i) else { throw error("invalid number", at: start, base: base) }
            while digit(i) { i += 1 }
        }
        if i < end && (p[i] | 0x20) == 0x65 {
            i += 1
            if i < end && (p[i] == 0x2B || p[i] == 0x2D) { i += 1 }
            guard digit(i) else { throw error("invalid number", at: start, base: base) }
            while digit(i) { i += 1 }
        }
        if i < end {
            // `01`, `1.2.3`, `1x`: one bad token rather than a number and a stray character.
            let b = p[i]
            if b &- 0x30 < 10 || (b | 0x20) &- 0x61 < 26 || b == 0x2E || b == 0x2B || b == 0x2D { throw error("invalid number", at: start, base: base) }
        }
        if tooLarge(i - start) { throw error("value larger than \(byteCount(limits.maxFieldBytes))", at: start, base: base) }
        let d = decoded.count
        decoded.append(UnsafeBufferPointer(rebasing: p[start..<i]))
        emit(
            decoded: d, source: (base + start)..<(base + i), outer: (base + start)..<(base + i), escapes: escapes.count,
            field: field, kind: .number, member: member)
        return i
    }

    /// `true`, `false` or `null` (`word` holds its bytes, big-endian).
    private mutating func literal(
        _ p: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, base: Int, word: UInt64, count: Int, field: Int,
        member: Int
    ) throws -> Int {
        guard start + count <= end else { throw error("unexpected character", at: start, base: base) }
        for k in 0..<count where p[start + k] != UInt8(truncatingIfNeeded: word >> (8 * UInt64(count - 1 - k))) {
            throw error("unexpected character", at: start, base: base)
        }
        let d = decoded.count
        decoded.append(UnsafeBufferPointer(rebasing: p[start..<(start + count)]))
        emit(
            decoded: d, source: (base + start)..<(base + start + count), outer: (base + start)..<(base + start + count),
            escapes: escapes.count, field: field, kind: .literal, member: member)
        return start + count
    }
}

/// The length of the valid UTF-8 sequence starting at `p[i]` (a byte ≥ 0x80), or 0 when it is invalid
/// (overlong, a surrogate, above U+10FFFF, truncated).
@inline(__always)
func utf8SequenceLength(_ p: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int) -> Int {
    let b = p[i]
    @inline(__always) func cont(_ k: Int, _ lo: UInt8 = 0x80, _ hi: UInt8 = 0xBF) -> Bool {
        k < end && p[k] >= lo && p[k] <= hi
    }
    switch b {
    case 0xC2...0xDF: return cont(i + 1) ? 2 : 0
    case 0xE0: return cont(i + 1, 0xA0) && cont(i + 2) ? 3 : 0
    case 0xE1...0xEC, 0xEE...0xEF: return cont(i + 1) && cont(i + 2) ? 3 : 0
    case 0xED: return cont(i + 1, 0x80, 0x9F) && cont(i + 2) ? 3 : 0
    case 0xF0: return cont(i + 1, 0x90) && cont(i + 2) && cont(i + 3) ? 4 : 0
    case 0xF1...0xF3: return cont(i + 1) && cont(i + 2) && cont(i + 3) ? 4 : 0
    case 0xF4: return cont(i + 1, 0x80, 0x8F) && cont(i + 2) && cont(i + 3) ? 4 : 0
    default: return 0
    }
}

/// `16 MiB`, `1 GiB`, `512 bytes`: a limit as the messages name it.
func byteCount(_ n: Int) -> String {
    if n > 0 && n % (1 << 30) == 0 { return "\(n >> 30) GiB" }
    if n > 0 && n % (1 << 20) == 0 { return "\(n >> 20) MiB" }
    if n > 0 && n % (1 << 10) == 0 { return "\(n >> 10) KiB" }
    return "\(n) bytes"
}

/// JSON white space (`\n` included).
@inline(__always)
func isJSONSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }
