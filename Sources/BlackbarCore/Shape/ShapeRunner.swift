/// Per-thread runner of the shape gate and the anchor automaton (keywords, bytes, literals): one pass per
/// block steps both lazy DFAs byte by byte. Each step is a chain of dependent loads (the next row depends on
/// this one); two independent chains in one loop overlap, so the anchor lookups ride along for almost
/// nothing (measured on the benchmark corpus: 2.2 ns per byte for one chain, the same for two).
final class ShapeRunner {
    let shapes: LazyDFA
    let anchors: LazyDFA

    /// Per gated rule: merged windows where a match of that rule may start, for the last `run`.
    var windows: [WindowList] { shapes.windows }
    /// Per anchor pattern (in `ShapeAutomaton.anchors` order): merged ranges where one of its anchors starts.
    var anchorWindows: [WindowList] { anchors.windows }

    /// Transitions that may be built before the budget starts counting scanned bytes.
    let stateBudget: Int
    /// Set when input keeps making new transitions: building one costs a few microseconds, so past a budget
    /// of 131,072 plus one per 128 bytes scanned the gate turns itself off for this thread and the detector
    /// falls back to the prefilters alone. Findings do not change. Measured (scripts/text-bench-corpus.py):
    /// the first MB of installed documentation builds about 27,000 transitions and then about 250 per MB;
    /// random capitals, digits and separators 73,000 and then about 2,500 per MB. The old budget (4,096 plus
    /// one per 256 bytes) turned the gate off in the first block of both, which made them 1.4 and 4.5 times
    /// slower: without the gate every digit or capital opens windows for dozens of rules.
    private(set) var exhausted = false
    private var scanned = 0

    /// Number of shape-gate DFA states built (for tests and the benchmark).
    var stateCount: Int { shapes.stateCount }

    /// - Parameters:
    ///   - shapes: the shape gate.
    ///   - anchors: the anchor automaton, or nil for none.
    ///   - splitMinimum: blocks at least this long are walked as two streams (tests set it to compare).
    ///   - eventRoom: accepting positions a walk holds before handing them over (at least 4).
    init(
        _ shapes: ShapeAutomaton, anchors: ShapeAutomaton? = nil, maximumStates: Int = 65536, stateBudget: Int = 131_072,
        splitMinimum: Int = 8192, eventRoom: Int = 1024
    ) {
        self.splitMinimum = splitMinimum
        self.eventRoom = max(4, eventRoom)
        eventStorage = .allocate(capacity: 4 * max(4, eventRoom))
        self.shapes = LazyDFA(shapes, maximumStates: maximumStates)
        self.anchors = LazyDFA(anchors ?? ShapeAutomaton(patterns: [])!, maximumStates: maximumStates)
        self.stateBudget = stateBudget
        let one = self.shapes.automaton.classOf, two = self.anchors.automaton.classOf
        classes = (0..<256).map { UInt16(one[$0]) | UInt16(two[$0]) << 8 }
    }

    /// Per byte: its class in the shape gate (low byte) and in the anchor automaton (high byte). One table
    /// for both leaves the walk a register for its rows.
    private let classes: [UInt16]

    /// One walk through the bytes: where it is, where it stops, both automata's rows, and the accepting
    /// positions found, as (end, row), in room the runner keeps (`eventRoom` each): no uniqueness or capacity
    /// check per position, as an array's append made (a table's digits make one every twenty-odd bytes). A walk
    /// stops when either is nearly full, and the caller hands them over (`hand`).
    private struct Cursor {
        var at: Int
        let end: Int
        var row1: Int
        var row2: Int
        let found1: UnsafeMutablePointer<(Int, Int32)>
        let found2: UnsafeMutablePointer<(Int, Int32)>
        var count1 = 0
        var count2 = 0
        /// `eventRoom - 2`: a step adds at most one position to each, and one more step may come before the
        /// hand-over.
        let full: Int

        /// Whether a walk must stop for a hand-over.
        @inline(__always) var isNearlyFull: Bool { count1 >= full || count2 >= full }

        /// Records the step to `at` whose entries were `e1` and `e2` (negative: accepting) into rows `r1`, `r2`.
        @inline(__always) mutating func record(_ at: Int, _ e1: Int, _ r1: Int, _ e2: Int, _ r2: Int) {
            if e1 < 0 {
                found1[count1] = (at, Int32(truncatingIfNeeded: r1))
                count1 &+= 1
            }
            if e2 < 0 {
                found2[count2] = (at, Int32(truncatingIfNeeded: r2))
                count2 &+= 1
            }
        }
    }

    /// Positions a cursor holds before they are handed to the automata (tests make it small).
    let eventRoom: Int
    /// Room for two cursors' positions: four runs of `eventRoom`.
    private let eventStorage: UnsafeMutablePointer<(Int, Int32)>

    deinit { eventStorage.deallocate() }

    /// A cursor over `from..<to` in the initial states, recording into room `slot` (0 or 1).
    private func cursor(from: Int, to: Int, slot: Int) -> Cursor {
        let room = eventRoom
        return Cursor(
            at: from, end: to, row1: shapes.initialRow, row2: anchors.initialRow, found1: eventStorage + 2 * slot * room,
            found2: eventStorage + (2 * slot + 1) * room, full: room - 2)
    }

    /// Blocks shorter than this are walked as one stream.
    let splitMinimum: Int

    /// Runs both automata over `from..<to` and fills `windows` and `anchorWindows`.
    ///
    /// A long block is walked as two streams in one loop, four independent chains of loads: the first half,
    /// and the second half from `warm` bytes before it. No match of either automaton is longer than `warm`,
    /// so by the second half the second stream is in exactly the state a single walk would be in (it starts in
    /// the initial state, which allows more, never less); its events before the half are dropped. Findings are
    /// the same as with one stream, in about two thirds of the time.
    /// `length`: how many bytes of `base` may be read (the byte after a match that ends at `to` is looked at
    /// when it exists); nil: `to`.
    func run(_ base: UnsafePointer<UInt8>, from: Int, to: Int, length: Int? = nil) {
        let one = shapes, two = anchors
        one.beginRun(base, length: length ?? to)
        two.beginRun(base, length: length ?? to)
        scanned += max(0, to - from)
        let warm = max(one.automaton.reach, two.automaton.reach) + 1
        if to - from >= max(splitMinimum, 4 * warm) {
            // Equal lengths: mid - from == to - (mid - warm).
            let mid = (from + to + warm) / 2
            one.lateFrom = mid
            two.lateFrom = mid
            var first = cursor(from: from, to: mid, slot: 0)
            var second = cursor(from: mid - warm, to: to, slot: 1)
            while first.at < first.end && second.at < second.end {
                walkPair(base, &first, &second)
                if first.at < first.end && second.at < second.end {
                    // Every event goes to the automata before any transition is built (a cache drop resolves
                    // them, and they name states), and each cursor keeps the other's states valid across a drop.
                    hand(&second, late: true)
                    var rows = (second.row1, second.row2)
                    guard step(base, &first, late: false, other: &rows) else { return }
                    (second.row1, second.row2) = rows
                    hand(&first, late: false)
                    rows = (first.row1, first.row2)
                    guard step(base, &second, late: true, other: &rows) else { return }
                    (first.row1, first.row2) = rows
                }
            }
            // One of them is done; the other finishes alone.
            hand(&second, late: true)
            var rows = (second.row1, second.row2)
            guard walk(base, &first, late: false, other: &rows) else { return }
            (second.row1, second.row2) = rows
            hand(&first, late: false)
            var none = (one.initialRow, two.initialRow)
            guard walk(base, &second, late: true, other: &none) else { return }
            hand(&second, late: true)
        } else {
            var only = cursor(from: from, to: to, slot: 0)
            var none = (one.initialRow, two.initialRow)
            guard walk(base, &only, late: false, other: &none) else { return }
            hand(&only, late: false)
        }
        one.finishRun()
        two.finishRun()
    }

    /// Gives a cursor's events to the automata (a transition may drop a cache and resolve them).
    private func hand(_ c: inout Cursor, late: Bool) {
        if c.count1 == 0 && c.count2 == 0 { return }
        let found1 = UnsafeBufferPointer(start: c.found1, count: c.count1)
        let found2 = UnsafeBufferPointer(start: c.found2, count: c.count2)
        if late {
            shapes.lateEvents.append(contentsOf: found1)
            anchors.lateEvents.append(contentsOf: found2)
        } else {
            shapes.events.append(contentsOf: found1)
            anchors.events.append(contentsOf: found2)
        }
        c.count1 = 0
        c.count2 = 0
    }

    /// Walks one cursor to its end; false when the state budget ran out (the runner is then exhausted).
    /// `other`: the rows of another cursor, kept valid if a cache is dropped.
    private func walk(_ base: UnsafePointer<UInt8>, _ c: inout Cursor, late: Bool, other: inout (Int, Int)) -> Bool {
        let one = shapes, two = anchors
        while c.at < c.end {
            if c.isNearlyFull { hand(&c, late: late) }
            // The inner loop runs on raw pointers with its state in locals; it leaves when a transition of
            // either automaton is missing, which may grow a table (and move it), then resumes.
            one.table.withUnsafeBufferPointer { t1 in
                two.table.withUnsafeBufferPointer { t2 in
                    classes.withUnsafeBufferPointer { k in
                        let t1 = t1.baseAddress!, t2 = t2.baseAddress!, k = k.baseAddress!
                        var p = base + c.at, r1 = c.row1, r2 = c.row2
                        let end = base + c.end
                        while p < end {
                            (p, r1, r2) = Self.glide(p, end, r1, r2, t1, t2, k)
                            guard p < end else { break }
                            // The next step accepts or is missing: take it here, or leave it to `step`.
                            let x = Int(k[Int(p.pointee)])
                            let e1 = Int(t1[r1 &+ x & 0xFF])
                            let e2 = Int(t2[r2 &+ x >> 8])
                            if e1 == LazyDFA.missing || e2 == LazyDFA.missing { break }
                            r1 = LazyDFA.row(e1)
                            r2 = LazyDFA.row(e2)
                            p += 1
                            c.record(base.distance(to: p), e1, r1, e2, r2)
                            if c.isNearlyFull { break }
                        }
                        c.at = base.distance(to: p)
                        c.row1 = r1
                        c.row2 = r2
                    }
                }
            }
            if c.at < c.end && !step(base, &c, late: late, other: &other) { return false }
        }
        return true
    }

    /// Walks two cursors together until either ends or meets a missing transition.
    private func walkPair(_ base: UnsafePointer<UInt8>, _ a: inout Cursor, _ b: inout Cursor) {
        let one = shapes, two = anchors
        one.table.withUnsafeBufferPointer { t1 in
            two.table.withUnsafeBufferPointer { t2 in
                classes.withUnsafeBufferPointer { k in
                    let t1 = t1.baseAddress!, t2 = t2.baseAddress!, k = k.baseAddress!
                    var p = base + a.at
                    let gap = b.at - a.at
                    var ra1 = a.row1, ra2 = a.row2, rb1 = b.row1, rb2 = b.row2
                    let end = p + min(a.end - a.at, b.end - b.at)
                    while p < end {
                        (p, ra1, ra2, rb1, rb2) = Self.glidePair(p, gap, end, ra1, ra2, rb1, rb2, t1, t2, k)
                        guard p < end else { break }
                        // The next step of either stream accepts or is missing: take it here, or leave it.
                        let x = Int(k[Int(p.pointee)]), y = Int(k[Int(p[gap])])
                        let ea1 = Int(t1[ra1 &+ x & 0xFF])
                        let ea2 = Int(t2[ra2 &+ x >> 8])
                        let eb1 = Int(t1[rb1 &+ y & 0xFF])
                        let eb2 = Int(t2[rb2 &+ y >> 8])
                        let missing = LazyDFA.missing
                        if ea1 == missing || ea2 == missing || eb1 == missing || eb2 == missing { break }
                        ra1 = LazyDFA.row(ea1)
                        ra2 = LazyDFA.row(ea2)
                        rb1 = LazyDFA.row(eb1)
                        rb2 = LazyDFA.row(eb2)
                        p += 1
                        let i = base.distance(to: p)
                        a.record(i, ea1, ra1, ea2, ra2)
                        b.record(i + gap, eb1, rb1, eb2, rb2)
                        if a.isNearlyFull || b.isNearlyFull { break }
                    }
                    let i = base.distance(to: p)
                    a.at = i
                    b.at = i + gap
                    (a.row1, a.row2, b.row1, b.row2) = (ra1, ra2, rb1, rb2)
                }
            }
        }
    }

    /// Steps both automata over `p..<end` while no step accepts and none is missing (both are negative
    /// entries); returns where it stopped and the rows there. Nothing is recorded in the loop, so it keeps
    /// every value in a register: with the event appends inside, the loop spilled its rows and table bases to
    /// the stack (23 instructions per byte on installed documentation).
    @inline(never)
    private static func glide(
        _ p: UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>, _ r1: Int, _ r2: Int,
        _ t1: UnsafePointer<Int32>, _ t2: UnsafePointer<Int32>, _ k: UnsafePointer<UInt16>
    ) -> (UnsafePointer<UInt8>, Int, Int) {
        var p = p, r1 = r1, r2 = r2
        while p < end {
            let x = Int(k[Int(p.pointee)])
            let e1 = Int(t1[r1 &+ x & 0xFF])
            let e2 = Int(t2[r2 &+ x >> 8])
            if e1 | e2 < 0 { break }
            r1 = e1
            r2 = e2
            p += 1
        }
        return (p, r1, r2)
    }

    /// `glide` for two streams at once, the second `gap` bytes after the first: four independent chains of
    /// loads in one loop. Stops where either stream's next step accepts or is missing.
    @inline(never)
    private static func glidePair(
        _ p: UnsafePointer<UInt8>, _ gap: Int, _ end: UnsafePointer<UInt8>, _ ra1: Int, _ ra2: Int, _ rb1: Int, _ rb2: Int,
        _ t1: UnsafePointer<Int32>, _ t2: UnsafePointer<Int32>, _ k: UnsafePointer<UInt16>
    ) -> (UnsafePointer<UInt8>, Int, Int, Int, Int) {
        var p = p, ra1 = ra1, ra2 = ra2, rb1 = rb1, rb2 = rb2
        // Two steps per turn: the second reads the first's entries as its rows, so no register is copied
        // between steps (one step per turn copied all four rows every byte).
        let gap1 = gap &+ 1
        while p + 1 < end {
            let x = Int(k[Int(p.pointee)]), y = Int(k[Int(p[gap])])
            let ea1 = Int(t1[ra1 &+ x & 0xFF])
            let ea2 = Int(t2[ra2 &+ x >> 8])
            let eb1 = Int(t1[rb1 &+ y & 0xFF])
            let eb2 = Int(t2[rb2 &+ y >> 8])
            if ea1 | ea2 | eb1 | eb2 < 0 { return (p, ra1, ra2, rb1, rb2) }
            let u = Int(k[Int(p[1])]), v = Int(k[Int(p[gap1])])
            let fa1 = Int(t1[ea1 &+ u & 0xFF])
            let fa2 = Int(t2[ea2 &+ u >> 8])
            let fb1 = Int(t1[eb1 &+ v & 0xFF])
            let fb2 = Int(t2[eb2 &+ v >> 8])
            if fa1 | fa2 | fb1 | fb2 < 0 { return (p + 1, ea1, ea2, eb1, eb2) }
            ra1 = fa1
            ra2 = fa2
            rb1 = fb1
            rb2 = fb2
            p += 2
        }
        if p < end {
            let x = Int(k[Int(p.pointee)]), y = Int(k[Int(p[gap])])
            let ea1 = Int(t1[ra1 &+ x & 0xFF])
            let ea2 = Int(t2[ra2 &+ x >> 8])
            let eb1 = Int(t1[rb1 &+ y & 0xFF])
            let eb2 = Int(t2[rb2 &+ y >> 8])
            if ea1 | ea2 | eb1 | eb2 >= 0 { return (p + 1, ea1, ea2, eb1, eb2) }
        }
        return (p, ra1, ra2, rb1, rb2)
    }

    /// Advances a cursor by one byte, building missing transitions; false when the state budget ran out.
    /// `other`: the rows of another cursor, kept valid if a cache is dropped.
    private func step(_ base: UnsafePointer<UInt8>, _ c: inout Cursor, late: Bool, other: inout (Int, Int)) -> Bool {
        let one = shapes, two = anchors
        let x = Int(classes[Int(base[c.at])])
        let class1 = x & 0xFF, class2 = x >> 8
        var e1 = Int(one.table[c.row1 &+ class1])
        var e2 = Int(two.table[c.row2 &+ class2])
        if e1 == LazyDFA.missing || e2 == LazyDFA.missing {
            if one.built + two.built - scanned / 128 > stateBudget {
                exhausted = true
                return false
            }
            // A transition may drop its automaton's cache, which resolves the events recorded so far: hand
            // them over first (the caller has handed over the other cursor's).
            hand(&c, late: late)
            if e1 == LazyDFA.missing { e1 = one.transition(row: c.row1, class1, keeping: &other.0) }
            if e2 == LazyDFA.missing { e2 = two.transition(row: c.row2, class2, keeping: &other.1) }
        }
        c.row1 = LazyDFA.row(e1)
        c.row2 = LazyDFA.row(e2)
        c.at += 1
        c.record(c.at, e1, c.row1, e2, c.row2)
        return true
    }
}
