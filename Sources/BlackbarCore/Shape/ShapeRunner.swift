/// Per-thread runner of the shape gate and the keyword automaton: one pass per block steps both lazy DFAs
/// byte by byte. Each step is a chain of dependent loads (the next row depends on this one); two
/// independent chains in one loop overlap, so the keyword lookups ride along for almost nothing (measured:
/// 2.2 ns per byte for one chain, the same for two).
final class ShapeRunner {
    let shapes: LazyDFA
    let keywords: LazyDFA
    /// The automata it was made for (the detector makes a new runner when they change).
    var automaton: ShapeAutomaton { shapes.automaton }

    /// Per gated rule: merged windows where a match of that rule may start, for the last `run`.
    var windows: [WindowList] { shapes.windows }
    /// Per keyword rule (in `ShapeAutomaton.keywords` order): merged ranges where one of its keywords starts.
    var keywordWindows: [WindowList] { keywords.windows }

    /// States that may be built before the budget starts counting scanned bytes.
    let stateBudget: Int
    /// Set when input keeps making new states (random letters and digits can): building a state costs
    /// microseconds, so past a budget of 4096 plus one per 256 bytes scanned the gate turns itself off for this
    /// thread and the detector falls back to the prefilters alone. Findings do not change.
    private(set) var exhausted = false
    private var scanned = 0

    /// Number of shape-gate DFA states built (for tests and the benchmark).
    var stateCount: Int { shapes.stateCount }

    /// - Parameters:
    ///   - shapes: the shape gate.
    ///   - keywords: the keyword automaton, or nil for none.
    init(_ shapes: ShapeAutomaton, keywords: ShapeAutomaton? = nil, maximumStates: Int = 8192, stateBudget: Int = 4096) {
        self.shapes = LazyDFA(shapes, maximumStates: maximumStates)
        self.keywords = LazyDFA(keywords ?? ShapeAutomaton(patterns: [])!, maximumStates: maximumStates)
        self.stateBudget = stateBudget
    }

    /// Runs both automata over `from..<to` and fills `windows` and `keywordWindows`.
    func run(_ base: UnsafePointer<UInt8>, from: Int, to: Int) {
        let one = shapes, two = keywords
        one.beginRun()
        two.beginRun()
        scanned += max(0, to - from)
        let shift1 = one.shift, shift2 = two.shift
        let classes1 = one.automaton.classOf, classes2 = two.automaton.classOf
        var row1 = one.initialRow, row2 = two.initialRow
        var i = from
        // Accepting positions go to local arrays (no exclusivity checks per append); they are handed back
        // whenever a transition is built, since a cache flush resolves them.
        var found1 = one.events, found2 = two.events
        one.events = []
        two.events = []
        while i < to {
            // The inner loop runs on raw pointers with its state in locals; it leaves when a transition of
            // either automaton is missing, which may grow a table (and move it), then resumes.
            var stuck = false
            (i, row1, row2, stuck) = one.table.withUnsafeBufferPointer { t1 in
                two.table.withUnsafeBufferPointer { t2 in
                    classes1.withUnsafeBufferPointer { c1 in
                        classes2.withUnsafeBufferPointer { c2 in
                            var at = i, r1 = row1, r2 = row2
                            while at < to {
                                let x = Int(base[at])
                                let e1 = Int(t1[r1 | Int(c1[x])])
                                let e2 = Int(t2[r2 | Int(c2[x])])
                                if e1 | e2 < 0 { return (at, r1, r2, true) }
                                r1 = e1 & ~1
                                r2 = e2 & ~1
                                at += 1
                                if (e1 | e2) & 1 != 0 {
                                    if e1 & 1 != 0 { found1.append((at, Int32(r1 >> shift1))) }
                                    if e2 & 1 != 0 { found2.append((at, Int32(r2 >> shift2))) }
                                }
                            }
                            return (at, r1, r2, false)
                        }
                    }
                }
            }
            guard stuck else { break }
            if one.built + two.built > stateBudget + scanned / 256 {
                exhausted = true
                return
            }
            // One byte, each automaton on its own; a transition may drop its cache and resolve its events.
            let x = Int(base[i])
            one.events = found1
            two.events = found2
            var e1 = Int(one.table[row1 | Int(classes1[x])])
            if e1 < 0 { e1 = one.transition(row: row1, Int(classes1[x])) }
            var e2 = Int(two.table[row2 | Int(classes2[x])])
            if e2 < 0 { e2 = two.transition(row: row2, Int(classes2[x])) }
            found1 = one.events
            found2 = two.events
            one.events = []
            two.events = []
            row1 = e1 & ~1
            row2 = e2 & ~1
            i += 1
            if e1 & 1 != 0 { found1.append((i, Int32(row1 >> shift1))) }
            if e2 & 1 != 0 { found2.append((i, Int32(row2 >> shift2))) }
        }
        one.events = found1
        two.events = found2
        one.flushEvents()
        two.flushEvents()
    }
}
