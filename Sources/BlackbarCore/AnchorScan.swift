#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Per-block anchor positions shared by all rules: the digit clusters, computed once per block.
struct DigitClusters {
    var starts: [Int] = []
    var ends: [Int] = []
    var digits: [Int] = []
    var dots: [Int] = []
    /// Whether the cluster is exactly a calendar date (`2024-11-05`, `05.11.2024`, `05/11/2024`).
    var isDate: [Bool] = []
    /// Lengths of the digit runs of every cluster, flattened; cluster k's runs start at `runStart[k]`.
    var runs: [Int] = []
    var runStart: [Int] = []

    /// Whether some contiguous group of cluster k's digit runs holds between `minimum` and `maximum` digits:
    /// a value of that many digits can sit inside the cluster.
    func holds(_ k: Int, _ minimum: Int, _ maximum: Int) -> Bool {
        let lo = runStart[k], hi = k + 1 < runStart.count ? runStart[k + 1] : runs.count
        var i = lo
        while i < hi {
            var sum = 0
            var j = i
            while j < hi && sum < minimum {
                sum += runs[j]
                j += 1
            }
            if sum >= minimum && sum <= maximum { return true }
            i += 1
        }
        return false
    }

    /// Joins digit runs separated by at most `maxGap` separator bytes (space, tab, `-`, `.`, `/`, `(`, `)`, `+`):
    /// the bytes that appear inside written numbers. Letters, colons and line feeds end a cluster, so a
    /// timestamp such as `2023-11-05T10:42:17` gives small clusters, not one long one.
    mutating func compute(_ base: UnsafePointer<UInt8>, from: Int, to: Int, maxGap: Int = 3) {
        starts.removeAll(keepingCapacity: true)
        ends.removeAll(keepingCapacity: true)
        digits.removeAll(keepingCapacity: true)
        dots.removeAll(keepingCapacity: true)
        isDate.removeAll(keepingCapacity: true)
        runs.removeAll(keepingCapacity: true)
        runStart.removeAll(keepingCapacity: true)
        var runLength = 0
        var i = from
        var open = false
        var cStart = 0, cEnd = 0, cDigits = 0, cDots = 0
        while i < to {
            if !open {
                // Skip eight bytes at a time while none is an ASCII digit (SWAR: x ^ 0x30 < 10 per byte).
                while i + 8 <= to {
                    let word = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self) ^ 0x3030_3030_3030_3030
                    let hasDigit = (word &- 0x0A0A_0A0A_0A0A_0A0A) & ~word & 0x8080_8080_8080_8080
                    if hasDigit != 0 { break }
                    i += 8
                }
                if i >= to { break }
            }
            let b = base[i]
            if ASCII.isDigit(b) {
                if open {
                    if cEnd == i { runLength += 1 } else {
                        runs.append(runLength)
                        runLength = 1
                    }
                    cEnd = i + 1
                    cDigits += 1
                } else {
                    open = true
                    cStart = i; cEnd = i + 1; cDigits = 1; cDots = 0
                    runStart.append(runs.count)
                    runLength = 1
                }
            } else if open && (!Self.isSeparator(b) || i - cEnd >= maxGap) {
                starts.append(cStart); ends.append(cEnd); digits.append(cDigits); dots.append(cDots)
                isDate.append(Self.isDate(base, cStart, cEnd))
                runs.append(runLength)
                open = false
            } else if open && b == 0x2E {
                cDots += 1
            }
            i += 1
        }
        if open {
            starts.append(cStart); ends.append(cEnd); digits.append(cDigits); dots.append(cDots)
            isDate.append(Self.isDate(base, cStart, cEnd))
            runs.append(runLength)
        }
    }

    /// `dddd-dd-dd` or `dd-dd-dddd` with `-`, `/` or `.` used twice: the shape of a lone calendar date.
    static func isDate(_ base: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        guard end - start == 10 else { return false }
        let (a, b) = base[start + 4] &- 0x30 >= 10 ? (4, 7) : (2, 5)
        let separator = base[start + a]
        guard separator == 0x2D || separator == 0x2F || separator == 0x2E, base[start + b] == separator else { return false }
        for k in 0..<10 where k != a && k != b && base[start + k] &- 0x30 >= 10 { return false }
        return true
    }

    /// Bytes that may sit between the digit groups of one written number.
    @inline(__always) static func isSeparator(_ b: UInt8) -> Bool {
        switch b {
        case 0x20, 0x09, 0x2D, 0x2E, 0x2F, 0x28, 0x29, 0x2B: return true
        default: return false
        }
    }
}

/// Per-block places where upper-case letters meet digits, computed once per block for all `mixed` rules.
struct LetterDigitAnchors {
    /// Start of each upper-case run that touches a digit, and the run's length.
    var starts: [Int] = []
    var lengths: [Int] = []

    mutating func compute(_ base: UnsafePointer<UInt8>, from: Int, to: Int) {
        starts.removeAll(keepingCapacity: true)
        lengths.removeAll(keepingCapacity: true)
        @inline(__always) func isDigit(_ i: Int) -> Bool { i >= from && i < to && ASCII.isDigit(base[i]) }
        @inline(__always) func isSeparator(_ b: UInt8) -> Bool { b == 0x20 || b == 0x2D || b == 0x2E || b == 0x2F }
        var i = from
        while i < to {
            // Skip eight bytes at a time while none is an upper-case ASCII letter (x - 0x41 < 26 per byte).
            while i + 8 <= to {
                let word = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                // Per byte, no borrows: (x | 0x80) - 0x41 has its high bit set iff x >= 0x41, and
                // 0xDA - (x & 0x7F) has it set iff (x & 0x7F) <= 0x5A; ~x keeps ASCII bytes only.
                let ge41 = (word | 0x8080_8080_8080_8080) &- 0x4141_4141_4141_4141
                let lt5B = 0xDADA_DADA_DADA_DADA &- (word & 0x7F7F_7F7F_7F7F_7F7F)
                let upper = ge41 & lt5B & ~word & 0x8080_8080_8080_8080
                if upper != 0 { break }
                i += 8
            }
            if i >= to { break }
            guard ASCII.isUpper(base[i]) else {
                i += 1
                continue
            }
            let start = i
            while i < to && ASCII.isUpper(base[i]) { i += 1 }
            let length = i - start
            let before = start - 1, after = i
            var touches = isDigit(before) || isDigit(after)
            if !touches, before - 1 >= from, isSeparator(base[before]) { touches = isDigit(before - 1) }
            if !touches, after < to, isSeparator(base[after]) { touches = isDigit(after + 1) }
            // ISO 8601 timestamps: a lone T between digits, a lone Z right after digits at the end of a token.
            if touches && length == 1 && base[start] == 0x54 && isDigit(before) && isDigit(after) { touches = false }
            if touches && length == 1 && base[start] == 0x5A && isDigit(before)
                && (after >= to || !ASCII.isAlnum(base[after]))
            {
                touches = false
            }
            if touches {
                starts.append(start)
                lengths.append(length)
            }
        }
    }
}

/// Merged windows (`[start, end)` pairs) around anchor hits, clamped to the subject.
struct WindowList {
    var starts: [Int] = []
    var ends: [Int] = []

    mutating func reset() {
        starts.removeAll(keepingCapacity: true)
        ends.removeAll(keepingCapacity: true)
    }

    /// Windows closer than this are searched in one call: scanning a few bytes costs less than a JIT call.
    static let mergeGap = 24

    /// Adds a window; windows must arrive in increasing start order. Windows closer than `gap` merge.
    @inline(__always) mutating func add(_ start: Int, _ end: Int, gap: Int = mergeGap) {
        if let last = ends.last, start <= last + gap {
            if end > last { ends[ends.count - 1] = end }
        } else {
            starts.append(start)
            ends.append(end)
        }
    }

    /// Appends a window that starts more than the merge gap past the last one's end (the caller knows: no
    /// merge test).
    @inline(__always) mutating func append(_ start: Int, _ end: Int) {
        starts.append(start)
        ends.append(end)
    }

    var isEmpty: Bool { starts.isEmpty }

    /// The ranges covered by `a` or `b` (each sorted and disjoint), written to `out`. The inputs are read through
    /// pointers and the window being grown is kept in locals: a field's opened windows (one per value of a
    /// table's column, thousands per batch) went through a bounds check and a uniqueness check per step, 2.6%
    /// of a scan of JSON Lines.
    static func union(_ a: WindowList, _ b: WindowList, into out: inout WindowList) {
        out.reset()
        out.starts.reserveCapacity(a.starts.count + b.starts.count)
        out.ends.reserveCapacity(a.starts.count + b.starts.count)
        var pendingStart = 0, pendingEnd = Int.min
        withBuffers(a, b) { aStarts, aEnds, bStarts, bEnds in
            var i = 0, j = 0
            let m = aStarts.count, n = bStarts.count
            while i < m || j < n {
                let s: Int, e: Int
                if j == n || (i < m && aStarts[i] <= bStarts[j]) {
                    (s, e) = (aStarts[i], aEnds[i])
                    i += 1
                } else {
                    (s, e) = (bStarts[j], bEnds[j])
                    j += 1
                }
                // As `add(_:_:gap: 0)`: a window starting at or before the pending one's end joins it.
                if pendingEnd != Int.min && s <= pendingEnd {
                    if e > pendingEnd { pendingEnd = e }
                } else {
                    if pendingEnd != Int.min { out.append(pendingStart, pendingEnd) }
                    (pendingStart, pendingEnd) = (s, e)
                }
            }
        }
        if pendingEnd != Int.min { out.append(pendingStart, pendingEnd) }
    }

    /// The ranges covered by both `a` and `b` (each sorted and disjoint), written to `out`.
    static func intersect(_ a: WindowList, _ b: WindowList, into out: inout WindowList) {
        out.reset()
        withBuffers(a, b) { aStarts, aEnds, bStarts, bEnds in
            var i = 0, j = 0
            let m = aStarts.count, n = bStarts.count
            while i < m && j < n {
                let s = Swift.max(aStarts[i], bStarts[j]), e = Swift.min(aEnds[i], bEnds[j])
                if s < e { out.append(s, e) }
                if aEnds[i] < bEnds[j] { i += 1 } else { j += 1 }
            }
        }
    }

    /// The starts and ends of two lists as buffers.
    @inline(__always)
    private static func withBuffers(
        _ a: WindowList, _ b: WindowList,
        _ body: (UnsafeBufferPointer<Int>, UnsafeBufferPointer<Int>, UnsafeBufferPointer<Int>, UnsafeBufferPointer<Int>) -> Void
    ) {
        a.starts.withUnsafeBufferPointer { aStarts in
            a.ends.withUnsafeBufferPointer { aEnds in
                b.starts.withUnsafeBufferPointer { bStarts in
                    b.ends.withUnsafeBufferPointer { bEnds in body(aStarts, aEnds, bStarts, bEnds) }
                }
            }
        }
    }
}

enum AnchorSearch {
    /// Every position of any of `bytes` in `from..<to` (with `period` > 0: where the same byte recurs at
    /// `+period` and `+2*period`). Whether a position is a hit depends on the bytes from it on, never on where
    /// the search started: a search near the shape gate's windows finds there what a search of the whole
    /// range finds.
    static func bytes(
        _ needles: [UInt8], period: Int, _ base: UnsafePointer<UInt8>, from: Int, to: Int, _ hit: (Int) -> Void
    ) {
        bytes(needles, period: period, count: 1, span: 0, base, from: from, to: to, hit)
    }

    /// Like `bytes(_:period:...)`; with `count` > 1, only where `count` needles fall within `span` bytes (of one
    /// segment, when `segmented`: the subject is a batch's values joined by `SegmentLayout.join`).
    static func bytes(
        _ needles: [UInt8], period: Int, count: Int, span: Int, _ base: UnsafePointer<UInt8>, from: Int, to: Int,
        segmented: Bool = false, _ hit: (Int) -> Void
    ) {
        if count > 1 && needles.count == 1 {
            var recent: [Int] = []
            var i = from
            while i < to, let p = memchr(base + i, Int32(needles[0]), to - i) {
                let at = UnsafePointer<UInt8>(p.assumingMemoryBound(to: UInt8.self)) - base
                recent.append(at)
                if recent.count > count { recent.removeFirst() }
                if recent.count == count && at - recent[0] < span {
                    // The needles must share a segment: colons of the value before must not open a window in
                    // this one (its findings would then depend on its neighbours).
                    if segmented, let join = SegmentLayout.lastJoin(base, from: recent[0], to: at) {
                        recent.removeAll { $0 < join }
                    } else {
                        hit(recent[0])
                    }
                }
                i = at + 1
            }
            return
        }
        if period > 0 {
            for needle in needles {
                var i = from
                let end = to - 2 * period
                while i < end, let p = memchr(base + i, Int32(needle), end - i) {
                    let at = UnsafePointer<UInt8>(p.assumingMemoryBound(to: UInt8.self)) - base
                    if base[at + period] == needle && base[at + 2 * period] == needle { hit(at) }
                    i = at + 1
                }
            }
            return
        }
        if needles.count == 1 {
            var i = from
            let needle = Int32(needles[0])
            while i < to, let p = memchr(base + i, needle, to - i) {
                let at = UnsafePointer<UInt8>(p.assumingMemoryBound(to: UInt8.self)) - base
                hit(at)
                i = at + 1
            }
            return
        }
        var table = [Bool](repeating: false, count: 256)
        for n in needles { table[Int(n)] = true }
        table.withUnsafeBufferPointer { t in
            for i in from..<to where t[Int(base[i])] { hit(i) }
        }
    }

    /// Every position of `literal` in `from..<to`.
    static func literal(_ literal: [UInt8], _ base: UnsafePointer<UInt8>, from: Int, to: Int, _ hit: (Int) -> Void) {
        guard let first = literal.first else { return }
        var i = from
        let n = literal.count
        literal.withUnsafeBufferPointer { lit in
            while i + n <= to, let p = memchr(base + i, Int32(first), to - i - n + 1) {
                let at = UnsafePointer<UInt8>(p.assumingMemoryBound(to: UInt8.self)) - base
                if memcmp(base + at, lit.baseAddress!, n) == 0 { hit(at) }
                i = at + 1
            }
        }
    }
}
