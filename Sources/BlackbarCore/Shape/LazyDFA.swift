/// One `ShapeAutomaton` turned into a DFA lazily, per thread: states are built on first use and cached, so a
/// block costs about one table lookup per byte. When the cache grows past `maximumStates` it is dropped and
/// rebuilt (results stay exact; only speed would suffer on input that keeps making new states).
/// `ShapeRunner` drives two of these over the same bytes.
final class LazyDFA {
    let automaton: ShapeAutomaton
    /// Per pattern: merged windows where a match of that pattern may start, for the last run.
    private(set) var windows: [WindowList]
    /// log2 of a row's width (at least 1: bit 0 of an entry is the accepting flag).
    let shift: Int
    /// Row `state << shift`, column class: the next state's row offset (`next << shift`), plus 1 when that
    /// state accepts, or -1 when not built yet. Row offsets keep the per-byte step to a load, a mask and an or.
    private(set) var table: [Int32] = []
    private var keys: [[Int32]] = []
    private var index: [[Int32]: Int32] = [:]
    /// The patterns state s accepts are `acceptList[acceptStart[s]..<acceptStart[s + 1]]` (flat: one array of
    /// arrays cost a retain and a release per accepting position).
    private var acceptStart: [Int32] = []
    private var acceptList: [Int32] = []
    private var stamp: [UInt32]
    private var generation: UInt32 = 0
    /// Accepting positions of the current run, as (end, state), turned into windows in batches. A run may
    /// walk the block as two streams (the first half, and the second half from a little before its start);
    /// `events` and `windows` are the first's, `lateEvents` and `lateWindows` the second's.
    var events: [(Int, Int32)] = []
    var lateEvents: [(Int, Int32)] = []
    private var lateWindows: [WindowList]
    /// Per pattern, the window still growing (start and end interleaved; end -1: none), per stream: most
    /// events extend it, so they touch two integers instead of the window list.
    private var open: [Int]
    private var lateOpen: [Int]
    /// The second stream's events ending at or before this are the first stream's to report.
    var lateFrom = Int.max
    /// States kept before the cache is dropped: 8192 states of up to 128 classes is a 4 MB table.
    let maximumStates: Int
    /// States built so far (the runner's budget counts them).
    private(set) var built = 0
    /// Row offset of the state at the start of a run.
    private(set) var initialRow = 0

    init(_ automaton: ShapeAutomaton, maximumStates: Int) {
        self.automaton = automaton
        self.maximumStates = maximumStates
        windows = Array(repeating: WindowList(), count: automaton.ruleIndex.count)
        lateWindows = windows
        open = Array(repeating: -1, count: 2 * automaton.ruleIndex.count)
        lateOpen = open
        var s = 1
        while 1 << s < automaton.classCount { s += 1 }
        shift = s
        stamp = Array(repeating: 0, count: automaton.masks.count)
        reset()
    }

    /// Number of DFA states built and cached.
    var stateCount: Int { keys.count }

    /// Clears the windows and events of the last run.
    func beginRun() {
        for k in windows.indices {
            windows[k].reset()
            lateWindows[k].reset()
        }
        events.removeAll(keepingCapacity: true)
        lateEvents.removeAll(keepingCapacity: true)
        for k in open.indices {
            open[k] = -1
            lateOpen[k] = -1
        }
        lateFrom = Int.max
    }

    /// Resolves the last events and appends the second stream's windows to the first's (in order: the
    /// second stream's events all end after the first's).
    func finishRun() {
        flushEvents()
        for k in windows.indices {
            let gap = automaton.mergeGap[k]
            if open[2 * k + 1] >= 0 { windows[k].add(open[2 * k], open[2 * k + 1], gap: gap) }
            if lateOpen[2 * k + 1] >= 0 { lateWindows[k].add(lateOpen[2 * k], lateOpen[2 * k + 1], gap: gap) }
        }
        for k in windows.indices where !lateWindows[k].isEmpty {
            let late = lateWindows[k]
            let gap = automaton.mergeGap[k]
            for w in 0..<late.starts.count { windows[k].add(late.starts[w], late.ends[w], gap: gap) }
            lateWindows[k].reset()
        }
    }

    private func reset() {
        table.removeAll(keepingCapacity: true)
        keys.removeAll(keepingCapacity: true)
        index.removeAll(keepingCapacity: true)
        acceptStart = [0]
        acceptList.removeAll(keepingCapacity: true)
        _ = intern([])
        initialRow = Int(intern(automaton.initialKey)) << shift
    }

    private func intern(_ key: [Int32]) -> Int32 {
        if let s = index[key] { return s }
        let s = Int32(keys.count)
        keys.append(key)
        for n in key where automaton.acceptRule[Int(n)] >= 0 { acceptList.append(automaton.acceptRule[Int(n)]) }
        acceptStart.append(Int32(acceptList.count))
        index[key] = s
        table.append(contentsOf: repeatElement(-1, count: 1 << shift))
        return s
    }

    private func entry(_ target: Int32) -> Int {
        Int(target) << shift | (acceptStart[Int(target) + 1] > acceptStart[Int(target)] ? 1 : 0)
    }

    /// Builds the transition of the state at `row` on class `c` and returns the table entry. When the cache
    /// is full it is dropped first: pending events are resolved before (they name states), and `other`, the
    /// row of another walk through the same cache, is moved to the same state in the new cache.
    func transition(row: Int, _ c: Int, keeping other: inout Int) -> Int {
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
        for n in keys[row >> shift] where ShapeAutomaton.consumes(a.masks[Int(n)], c) {
            for m in a.closure[Int(a.next[Int(n)])] where !a.inStart[Int(m)] && stamp[Int(m)] != generation {
                stamp[Int(m)] = generation
                key.append(m)
            }
        }
        key.sort()
        built += 1
        if keys.count >= maximumStates && index[key] == nil {
            let otherKey = keys[other >> shift]
            flushEvents()
            reset()
            let e = entry(intern(key))
            other = Int(intern(otherKey)) << shift
            return e
        }
        let e = entry(intern(key))
        table[row + c] = Int32(e)
        return e
    }

    /// Turns the recorded accepting positions of both streams into windows.
    func flushEvents() {
        Self.resolve(events, after: Int.min, into: &windows, open: &open, automaton, acceptStart, acceptList)
        Self.resolve(lateEvents, after: lateFrom, into: &lateWindows, open: &lateOpen, automaton, acceptStart, acceptList)
        events.removeAll(keepingCapacity: true)
        lateEvents.removeAll(keepingCapacity: true)
    }

    private static func resolve(
        _ events: [(Int, Int32)], after: Int, into windows: inout [WindowList], open: inout [Int],
        _ a: ShapeAutomaton, _ acceptStart: [Int32], _ acceptList: [Int32]
    ) {
        if events.isEmpty { return }
        acceptStart.withUnsafeBufferPointer { starts in
            acceptList.withUnsafeBufferPointer { list in
                a.maxLength.withUnsafeBufferPointer { maxLength in
                    a.minLength.withUnsafeBufferPointer { minLength in
                      a.mergeGap.withUnsafeBufferPointer { gap in
                        open.withUnsafeMutableBufferPointer { open in
                          events.withUnsafeBufferPointer { events in
                            var i = 0
                            while i < events.count {
                                // A run of events in one state at consecutive ends (inside a long digit run, a
                                // shape accepts at every byte) gives each of its patterns one merged window.
                                let (first, state) = events[i]
                                var last = first
                                i += 1
                                while i < events.count && events[i].1 == state && events[i].0 == last + 1 {
                                    last += 1
                                    i += 1
                                }
                                if last <= after { continue }
                                let from = max(first, after + 1)
                                for r in Int(starts[Int(state)])..<Int(starts[Int(state) + 1]) {
                                    let k = Int(list[r])
                                    let s = from - maxLength[k], e = last - minLength[k] + 1
                                    // Events come in order of `end`, so starts only grow: as `WindowList.add`.
                                    let openEnd = open[2 * k + 1]
                                    if openEnd >= 0 && s <= openEnd + gap[k] {
                                        if e > openEnd { open[2 * k + 1] = e }
                                    } else {
                                        if openEnd >= 0 { windows[k].add(open[2 * k], openEnd, gap: gap[k]) }
                                        open[2 * k] = s
                                        open[2 * k + 1] = e
                                    }
                                }
                            }
                          }
                        }
                      }
                    }
                }
            }
        }
    }
}
