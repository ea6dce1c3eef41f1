/// Per-thread lazy DFA over a `ShapeAutomaton`: states are built on first use and cached, so a block costs
/// about one table lookup per byte. When the cache grows past `maximumStates` it is dropped and rebuilt
/// (results stay exact; only speed would suffer on input that keeps making new states).
final class ShapeRunner {
    let automaton: ShapeAutomaton
    /// Per gated rule: merged windows where a match of that rule may start, for the last `run`.
    private(set) var windows: [WindowList]

    private var shift: Int
    /// Row `state << shift`, column class: the next state's row offset (`next << shift`), plus 1 when that
    /// state accepts, or -1 when not built yet. Row offsets keep the per-byte step to a load, a mask and an or.
    private var table: [Int32] = []
    private var keys: [[Int32]] = []
    private var accepts: [[Int32]] = []
    private var index: [[Int32]: Int32] = [:]
    private var stamp: [UInt32]
    private var generation: UInt32 = 0
    /// Accepting positions of the current run, as (end, state), resolved into windows in batches.
    private var events: [(Int, Int32)] = []

    /// States kept before the cache is dropped: 8192 states of up to 64 classes is a 2 MB table.
    let maximumStates: Int

    /// States that may be built before the budget starts counting scanned bytes.
    let stateBudget: Int

    init(_ automaton: ShapeAutomaton, maximumStates: Int = 8192, stateBudget: Int = 4096) {
        self.automaton = automaton
        self.maximumStates = maximumStates
        self.stateBudget = stateBudget
        windows = Array(repeating: WindowList(), count: automaton.ruleIndex.count)
        var s = 1  // at least 1: bit 0 of an entry is the accepting flag
        while 1 << s < automaton.classCount { s += 1 }
        shift = s
        stamp = Array(repeating: 0, count: automaton.masks.count)
        reset()
    }

    var probeEvents = 0
    var probeRuleEvents = 0
    /// Set when input keeps making new states (random letters and digits can): building a state costs
    /// microseconds, so past a budget of 4096 plus one per 256 bytes scanned the gate turns itself off for this
    /// thread and the detector falls back to the prefilters alone. Findings do not change.
    private(set) var exhausted = false
    private var built = 0
    private var scanned = 0

    /// Number of DFA states built (for tests and the benchmark).
    var stateCount: Int { keys.count }

    private func reset() {
        table.removeAll(keepingCapacity: true)
        keys.removeAll(keepingCapacity: true)
        accepts.removeAll(keepingCapacity: true)
        index.removeAll(keepingCapacity: true)
        _ = intern([])
        initialState = intern(automaton.initialKey)
    }

    private var initialState: Int32 = 0

    private func intern(_ key: [Int32]) -> Int32 {
        if let s = index[key] { return s }
        let s = Int32(keys.count)
        keys.append(key)
        var rules: [Int32] = []
        for n in key where automaton.acceptRule[Int(n)] >= 0 { rules.append(automaton.acceptRule[Int(n)]) }
        accepts.append(rules)
        index[key] = s
        table.append(contentsOf: repeatElement(-1, count: 1 << shift))
        return s
    }

    /// Builds the transition of `state` on class `c`; returns the table entry.
    private func transition(_ state: Int32, _ c: Int) -> Int32 {
        generation &+= 1
        if generation == 0 {
            for k in stamp.indices { stamp[k] = 0 }
            generation = 1
        }
        let a = automaton
        var key: [Int32] = []
        for m in a.startMove[c] where stamp[Int(m)] != generation {
            stamp[Int(m)] = generation
            key.append(m)
        }
        for n in keys[Int(state)] where ShapeAutomaton.consumes(a.masks[Int(n)], c) {
            for m in a.closure[Int(a.next[Int(n)])] where !a.inStart[Int(m)] && stamp[Int(m)] != generation {
                stamp[Int(m)] = generation
                key.append(m)
            }
        }
        key.sort()
        built += 1
        if keys.count >= maximumStates && index[key] == nil {
            flushEvents()
            reset()
            let target = intern(key)
            return target << Int32(shift) | (accepts[Int(target)].isEmpty ? 0 : 1)
        }
        let target = intern(key)
        let entry = target << Int32(shift) | (accepts[Int(target)].isEmpty ? 0 : 1)
        table[Int(state) << shift + c] = entry
        return entry
    }

    /// Runs the automaton over `from..<to` and fills `windows` with, per gated rule, the merged ranges
    /// where a match may start.
    func run(_ base: UnsafePointer<UInt8>, from: Int, to: Int) {
        for k in windows.indices { windows[k].reset() }
        scanned += max(0, to - from)
        events.removeAll(keepingCapacity: true)
        let shift = self.shift
        var row = Int(initialState) << shift
        var i = from
        let classOf = automaton.classOf
        // Accepting positions are collected in a local array (no exclusivity checks per append) and
        // handed back to `events` whenever a transition is built, since a cache flush resolves them.
        var found = events
        events = []
        while i < to {
            // The inner loop runs on raw pointers with its state in locals; it leaves when a transition is
            // missing, which may grow the table (and move it), then resumes.
            var missing = -1
            (i, row, missing) = table.withUnsafeBufferPointer { t in
                classOf.withUnsafeBufferPointer { cls in
                    var at = i
                    var r = row
                    while at < to {
                        let c = Int(cls[Int(base[at])])
                        let entry = Int(t[r | c])
                        if entry < 0 { return (at, r, c) }
                        r = entry & ~1
                        at += 1
                        if entry & 1 != 0 { found.append((at, Int32(r >> shift))) }
                    }
                    return (at, r, -1)
                }
            }
            if missing >= 0 {
                if built > stateBudget + scanned / 256 {
                    exhausted = true
                    events = []
                    return
                }
                events = found
                let entry = Int(transition(Int32(row >> shift), missing))
                found = events
                events = []
                row = entry & ~1
                i += 1
                if entry & 1 != 0 { found.append((i, Int32(row >> shift))) }
            }
        }
        events = found
        flushEvents()
    }

    /// Turns the recorded accepting positions into windows.
    private func flushEvents() {
        let a = automaton
        probeEvents += events.count
        for (end, state) in events {
            probeRuleEvents += accepts[Int(state)].count
            for r in accepts[Int(state)] {
                let k = Int(r)
                windows[k].add(end - a.maxLength[k], end - a.minLength[k] + 1)
            }
        }
        events.removeAll(keepingCapacity: true)
    }
}
