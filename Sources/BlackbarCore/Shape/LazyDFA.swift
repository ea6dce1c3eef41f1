/// One `ShapeAutomaton` turned into a DFA lazily, per thread: states are built on first use and cached, so a
/// block costs about one table lookup per byte. When the cache grows past `maximumStates` it is dropped and
/// rebuilt (results stay exact; only speed would suffer on input that keeps making new states).
/// `ShapeRunner` drives two of these over the same bytes.
final class LazyDFA {
    let automaton: ShapeAutomaton
    /// Per pattern: merged windows where a match of that pattern may start, for the last run.
    private(set) var windows: [WindowList]
    /// A row's width: the automaton's class count. (Rows were a power of two wide, for a shift: the gate's 53
    /// classes took 64 entries, and a fifth of the table, which outgrows the caches on real text, was padding.
    /// Only building a transition and resolving an accepting position turn a row back into its state.)
    let stride: Int
    /// `ceil(2^32 / stride)`: a row turns back into its state by a multiply and a shift, where a division on
    /// the chain of every resolved accepting position stalled `flushEvents` (a fifth of its time on real text).
    /// Exact for every row: `state * stride * inverse / 2^32` exceeds `state` by less than
    /// `state * stride / 2^32`, and rows stay below 2^32 (`maximumStates * stride`, checked in `init`).
    let strideInverse: Int
    /// The state whose row starts at `row`.
    @inline(__always) func state(ofRow row: Int) -> Int { Self.state(ofRow: row, inverse: strideInverse) }
    @inline(__always) static func state(ofRow row: Int, inverse: Int) -> Int { (row &* inverse) >> 32 }
    /// Row `state * stride`, column class: the next state's row offset (`next * stride`), its complement
    /// (`~row`, negative) when that state accepts, or `missing` when not built yet. Row offsets keep the
    /// per-byte step to a load and an add, and one sign test tells a walk to stop and look (`ShapeRunner`).
    private(set) var table: [Int32] = []
    /// The entry of a transition not built yet.
    static let missing = Int(Int32.min)
    /// The row an entry leads to (an accepting entry is the complement of its row).
    @inline(__always) static func row(_ entry: Int) -> Int { entry ^ (entry >> 63) }
    /// A state is a set of NFA nodes. A state entered on a byte of class c holds all of `startMove[c]` (any rule
    /// may start at any byte): a few hundred nodes, alike in every state entered on c. So a state is kept as that
    /// class, `lastClass[s]` (as `startClass[c]`: classes with the same start moves are one; -1 for the empty and
    /// the initial state), and its other nodes, `keyNodes[keyStart[s]..<keyStart[s + 1]]`, in no particular
    /// order; the start moves' own moves are made once per pair of classes (`pairMoves`). With the start nodes
    /// in every key, a transition wrote, hashed and compared about 380 nodes on source code, 360 of them those.
    /// A state is named by the sum of its nodes' random codes (Zobrist hashing), the start moves' sum taken once
    /// per class: building one needs no sort and no hash over its nodes. The same set entered on two classes is
    /// one state (keyed by class as well, one set became several states on random text, and a scan of it took
    /// four times as long).
    private var keyNodes: [Int32] = []
    private var keyStart: [Int32] = [0]
    private var keyHash: [UInt64] = []
    private var lastClass: [Int32] = []
    /// Open addressing over state numbers by `keyHash` (-1: empty); its size is a power of two.
    private var slots: [Int32] = []
    /// A random code per NFA node (fixed seed: the same states on every run), and per class the sum of the
    /// codes of its start moves.
    private let code: [UInt64]
    private let startHash: [UInt64]
    /// Per class c, bit n set when node n is in `startMove[c]` (`startWords` words per class).
    private let startBits: [UInt64]
    private let startWords: Int
    /// Per class c: the rules that nodes of `startMove[c]` accept.
    private let startAccept: [[Int32]]
    /// Per class: the first class with the same start moves. A state records that class as `lastClass`, so
    /// two states entered on such classes compare by their other nodes only.
    private let startClass: [Int32]
    /// Per pair of classes (c then d): the nodes that `startMove[c]` moves to on d, less `startMove[d]`, made on
    /// first use (nil until then).
    private var pairMoves: [[Int32]?]
    /// Room for the set being built (one slot per NFA node).
    private var building: [Int32]
    /// The patterns state s accepts are `acceptList[acceptStart[s]..<acceptStart[s + 1]]` (flat: one array of
    /// arrays cost a retain and a release per accepting position).
    private var acceptStart: [Int32] = []
    private var acceptList: [Int32] = []
    /// Per state s, words `4s..<4s+4`: the bytes that none of its accepted patterns may be followed by (the
    /// intersection of their `ShapeAutomaton.afterWords`; empty when one has none). An accepting position
    /// followed by such a byte is dropped before its patterns are looked at: inside a run of digits, a state
    /// accepting twenty ID shapes at every byte gave twenty window updates per byte.
    private var stateAfter: [UInt64] = []
    private var stamp: [UInt32]
    private var generation: UInt32 = 0
    /// Per start class: the state that is exactly that class's start moves (no other node), or -1 when not met
    /// yet. A third of the transitions built on source code lead there (a byte that continues no shape), and
    /// finding that state by its hash compared its 600 nodes with a candidate's every time.
    private var bareState: [Int32]
    /// Accepting positions of the current run, as (end, row of the state), turned into windows in batches. A run
    /// may walk the block as two streams (the first half, and the second half from a little before its start);
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
    /// States kept before the cache is dropped (65,536 by default: a 14 MB table for the gate's 53-wide rows;
    /// installed documentation needs about 18,000 states over 200 MB, the anchor automaton under 1,000).
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
        stride = max(1, automaton.classCount)
        strideInverse = ((1 << 32) + stride - 1) / stride
        precondition(maximumStates * stride < 1 << 31, "rows must stay below 2^31 (Int32 entries)")
        stamp = Array(repeating: 0, count: automaton.masks.count)
        building = Array(repeating: 0, count: automaton.masks.count)
        bareState = Array(repeating: -1, count: automaton.classCount)
        var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
        func splitMix() -> UInt64 {
            seed &+= 0x9E37_79B9_7F4A_7C15
            var z = seed
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        let codes = automaton.masks.indices.map { _ in splitMix() }
        code = codes
        startHash = automaton.startMove.map { move in
            move.reduce(UInt64(0)) { $0 &+ codes[Int($1)] }
        }
        let words = (automaton.masks.count + 63) / 64
        startWords = words
        var bits = [UInt64](repeating: 0, count: words * automaton.classCount)
        for c in 0..<automaton.classCount {
            for n in automaton.startMove[c] { bits[c * words + Int(n) / 64] |= 1 << UInt64(Int(n) % 64) }
        }
        startBits = bits
        startAccept = automaton.startMove.map { move in
            move.compactMap { automaton.acceptRule[Int($0)] >= 0 ? automaton.acceptRule[Int($0)] : nil }
        }
        pairMoves = Array(repeating: nil, count: automaton.classCount * automaton.classCount)
        var firstWith: [[Int32]: Int32] = [:]
        startClass = automaton.startMove.indices.map { c in
            if let known = firstWith[automaton.startMove[c]] { return known }
            firstWith[automaton.startMove[c]] = Int32(c)
            return Int32(c)
        }
        // Room for the states a scan of real text builds (about 20,000 for installed documentation), taken
        // up front: growing by doubling copied the table and the node sets again and again, and the copies'
        // fresh pages faulted in (8% of a scan of documentation). Pages never touched cost nothing.
        let states = min(maximumStates, 1 << 15)
        table.reserveCapacity(states * stride)
        keyNodes.reserveCapacity(states * 64)
        keyHash.reserveCapacity(states)
        keyStart.reserveCapacity(states + 1)
        lastClass.reserveCapacity(states)
        acceptStart.reserveCapacity(states + 1)
        reset()
    }

    /// Every NFA node of state s (for tests).
    func nodeSet(of s: Int) -> Set<Int32> {
        var set = Set(keyNodes[Int(keyStart[s])..<Int(keyStart[s + 1])])
        if lastClass[s] >= 0 { set.formUnion(automaton.startMove[Int(lastClass[s])]) }
        return set
    }

    /// Number of DFA states built and cached.
    var stateCount: Int { keyHash.count }

    /// Whether pattern k has no window in the last run.
    @inline(__always) func windowsAreEmpty(_ k: Int) -> Bool { windows[k].starts.isEmpty }

    /// The bytes of the current run and how many of them may be read (past the run's end too): where an
    /// accepting position's next byte is looked up (`ShapeAutomaton.afterWords`).
    private var runBase: UnsafePointer<UInt8>? = nil
    private var runLength = 0

    /// Clears the windows and events of the last run; `base[0..<length]` are the bytes it walks and may read.
    func beginRun(_ base: UnsafePointer<UInt8>, length: Int) {
        runBase = base
        runLength = length
        // Most patterns have no window in a short subject (a cell, a file name): test before touching.
        for k in windows.indices where !windows[k].isEmpty { windows[k].reset() }
        for k in lateWindows.indices where !lateWindows[k].isEmpty { lateWindows[k].reset() }
        events.removeAll(keepingCapacity: true)
        lateEvents.removeAll(keepingCapacity: true)
        open.withUnsafeMutableBufferPointer { $0.update(repeating: -1) }
        lateOpen.withUnsafeMutableBufferPointer { $0.update(repeating: -1) }
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
        keyNodes.removeAll(keepingCapacity: true)
        keyStart.removeAll(keepingCapacity: true)
        keyStart.append(0)
        keyHash.removeAll(keepingCapacity: true)
        lastClass.removeAll(keepingCapacity: true)
        slots = Array(repeating: -1, count: 1024)
        acceptStart.removeAll(keepingCapacity: true)
        acceptStart.append(0)
        acceptList.removeAll(keepingCapacity: true)
        stateAfter.removeAll(keepingCapacity: true)
        for k in bareState.indices { bareState[k] = -1 }
        _ = intern([], last: -1)
        initialRow = Int(intern(automaton.initialKey, last: -1)) * stride
    }

    /// The state entered on class `last` (-1: none) with the nodes `key` besides that class's start moves
    /// (no node twice, none of those), made if new.
    private func intern(_ key: [Int32], last: Int32) -> Int32 {
        var hash: UInt64 = last >= 0 ? startHash[Int(last)] : 0
        for n in key { hash &+= code[Int(n)] }
        return intern(key, last: last, hash: hash)
    }

    /// The same, with `hash` already summed.
    private func intern(_ key: [Int32], last: Int32, hash: UInt64) -> Int32 {
        if let s = key.withUnsafeBufferPointer({ find($0, last: last, hash: hash) }) { return s }
        let s = Int32(keyHash.count)
        keyNodes.append(contentsOf: key)
        keyStart.append(Int32(keyNodes.count))
        keyHash.append(hash)
        lastClass.append(last)
        if last >= 0 { acceptList.append(contentsOf: startAccept[Int(last)]) }
        for n in key where automaton.acceptRule[Int(n)] >= 0 { acceptList.append(automaton.acceptRule[Int(n)]) }
        acceptStart.append(Int32(acceptList.count))
        var common: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        let accepted = Int(acceptStart[Int(s)])..<acceptList.count
        if !accepted.isEmpty && accepted.allSatisfy({ automaton.hasAfter[Int(acceptList[$0])] }) {
            common = (~0, ~0, ~0, ~0)
            let words = automaton.afterWords
            for r in accepted {
                let w = Int(acceptList[r]) * 4
                common = (common.0 & words[w], common.1 & words[w + 1], common.2 & words[w + 2], common.3 & words[w + 3])
            }
        }
        stateAfter.append(contentsOf: [common.0, common.1, common.2, common.3])
        table.append(contentsOf: repeatElement(Int32.min, count: stride))
        if keyHash.count * 2 > slots.count {
            slots = Array(repeating: -1, count: slots.count * 2)
            for t in 0..<keyHash.count { place(Int32(t)) }
        } else {
            place(s)
        }
        return s
    }

    private func place(_ s: Int32) {
        let mask = slots.count - 1
        var i = Int(truncatingIfNeeded: keyHash[Int(s)]) & mask
        while slots[i] >= 0 { i = (i + 1) & mask }
        slots[i] = s
    }

    /// The existing state for `key` entered on `last`, or nil (read in place: most transitions lead to a state
    /// that exists).
    private func find(_ key: UnsafeBufferPointer<Int32>, last: Int32, hash: UInt64) -> Int32? {
        let mask = slots.count - 1
        var i = Int(truncatingIfNeeded: hash) & mask
        while slots[i] >= 0 {
            let s = Int(slots[i])
            if keyHash[s] == hash && sameSet(s, key, last) { return Int32(s) }
            i = (i + 1) & mask
        }
        return nil
    }

    /// Whether state s holds exactly the start moves of class `last` (none for -1) and the nodes of `key`
    /// (no node twice, none of those start moves).
    private func sameSet(_ s: Int, _ key: UnsafeBufferPointer<Int32>, _ last: Int32) -> Bool {
        let lo = Int(keyStart[s]), hi = Int(keyStart[s + 1])
        let other = lastClass[s]
        let a = automaton
        if other == last {
            guard hi - lo == key.count else { return false }
        } else {
            let mine = last >= 0 ? a.startMove[Int(last)].count : 0
            let theirs = other >= 0 ? a.startMove[Int(other)].count : 0
            guard mine + key.count == theirs + hi - lo else { return false }
        }
        generation &+= 1
        if generation == 0 { resetStamps() }
        let mark = generation
        return stamp.withUnsafeMutableBufferPointer { stamp in
            keyNodes.withUnsafeBufferPointer { nodes in
                for n in key { stamp[Int(n)] = mark }
                if other != last {
                    // Entered on another class: compare the whole sets.
                    if last >= 0 { for n in a.startMove[Int(last)] { stamp[Int(n)] = mark } }
                    if other >= 0 { for n in a.startMove[Int(other)] where stamp[Int(n)] != mark { return false } }
                }
                for k in lo..<hi where stamp[Int(nodes[k])] != mark { return false }
                return true
            }
        }
    }

    private func resetStamps() {
        for k in stamp.indices { stamp[k] = 0 }
        generation = 1
    }

    private func entry(_ target: Int32) -> Int {
        acceptStart[Int(target) + 1] > acceptStart[Int(target)] ? ~(Int(target) * stride) : Int(target) * stride
    }

    /// Builds the transition of the state at `row` on class `c` and returns the table entry. When the cache
    /// is full it is dropped first: pending events are resolved before (they name states), and `other`, the
    /// row of another walk through the same cache, is moved to the same state in the new cache.
    func transition(row: Int, _ c: Int, keeping other: inout Int) -> Int {
        let state = self.state(ofRow: row)
        let from = Int(lastClass[state])
        // The start moves of the class the state was entered on, moved on c: the same for every such state.
        let fromStart = from >= 0 ? pairMove(from, c) : []
        generation &+= 1
        if generation == 0 { resetStamps() }
        var hash: UInt64 = startHash[c]
        let mark = generation
        var count = 0
        building.withUnsafeMutableBufferPointer { out in
            code.withUnsafeBufferPointer { code in
                stamp.withUnsafeMutableBufferPointer { stamp in
                    for m in fromStart {
                        stamp[Int(m)] = mark
                        out[count] = m
                        count += 1
                        hash &+= code[Int(m)]
                    }
                }
            }
        }
        keyNodes.withUnsafeBufferPointer { nodes in
            addMoves(of: UnsafeBufferPointer(rebasing: nodes[Int(keyStart[state])..<Int(keyStart[state + 1])]), on: c,
                     mark: mark, count: &count, hash: &hash)
        }
        built += 1
        let last = startClass[c]
        if count == 0, bareState[Int(last)] >= 0 {
            let e = entry(bareState[Int(last)])
            table[row + c] = Int32(e)
            return e
        }
        if let existing = building.withUnsafeBufferPointer({
            find(UnsafeBufferPointer(rebasing: $0[0..<count]), last: last, hash: hash)
        }) {
            if count == 0 { bareState[Int(last)] = existing }
            let e = entry(existing)
            table[row + c] = Int32(e)
            return e
        }
        let key = Array(building[0..<count])
        if keyHash.count >= maximumStates {
            let o = self.state(ofRow: other)
            let otherKey = Array(keyNodes[Int(keyStart[o])..<Int(keyStart[o + 1])])
            let otherLast = lastClass[o]
            flushEvents()
            reset()
            let e = entry(intern(key, last: last, hash: hash))
            other = Int(intern(otherKey, last: otherLast)) * stride
            return e
        }
        let target = intern(key, last: last, hash: hash)
        if count == 0 { bareState[Int(last)] = target }
        let e = entry(target)
        table[row + c] = Int32(e)
        return e
    }

    /// The nodes `startMove[from]` moves to on class c, less `startMove[c]` (no node twice), made once.
    private func pairMove(_ from: Int, _ c: Int) -> [Int32] {
        let index = from * automaton.classCount + c
        if let known = pairMoves[index] { return known }
        generation &+= 1
        if generation == 0 { resetStamps() }
        var count = 0
        var hash: UInt64 = 0
        automaton.startMove[from].withUnsafeBufferPointer {
            addMoves(of: $0, on: c, mark: generation, count: &count, hash: &hash)
        }
        let move = Array(building[0..<count])
        pairMoves[index] = move
        return move
    }

    /// Appends to `building` (from `count` on) the nodes that `nodes` move to on class c, less `startMove[c]`
    /// (implied by every state entered on c) and less nodes already stamped `mark` (stamping the new ones), and
    /// adds their codes to `hash`. Raw pointers, into a buffer with room for every node: this loop may read
    /// hundreds of nodes per new state, and appending to an array checked its uniqueness at every node.
    private func addMoves(
        of nodes: UnsafeBufferPointer<Int32>, on c: Int, mark: UInt32, count: inout Int, hash: inout UInt64
    ) {
        let a = automaton
        let inStartMove = c * startWords
        building.withUnsafeMutableBufferPointer { out in
            a.masks.withUnsafeBufferPointer { masks in
                a.successors.withUnsafeBufferPointer { successors in
                    a.successorStart.withUnsafeBufferPointer { successorStart in
                        code.withUnsafeBufferPointer { code in
                            startBits.withUnsafeBufferPointer { startBits in
                                stamp.withUnsafeMutableBufferPointer { stamp in
                                    for n32 in nodes {
                                        let n = Int(n32)
                                        guard ShapeAutomaton.consumes(masks[n], c) else { continue }
                                        for j in Int(successorStart[n])..<Int(successorStart[n + 1]) {
                                            let m = Int(successors[j])
                                            if stamp[m] == mark { continue }
                                            stamp[m] = mark
                                            if startBits[inStartMove + m / 64] & (1 << UInt64(m % 64)) != 0 { continue }
                                            out[count] = Int32(m)
                                            count += 1
                                            hash &+= code[m]
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

    /// Turns the recorded accepting positions of both streams into windows.
    func flushEvents() {
        let next = NextBytes(base: runBase, length: runLength)
        Self.resolve(
            events, after: Int.min, into: &windows, open: &open, automaton, acceptStart, acceptList, stateAfter, next, strideInverse)
        Self.resolve(
            lateEvents, after: lateFrom, into: &lateWindows, open: &lateOpen, automaton, acceptStart, acceptList, stateAfter,
            next, strideInverse)
        events.removeAll(keepingCapacity: true)
        lateEvents.removeAll(keepingCapacity: true)
    }

    private static func resolve(
        _ events: [(Int, Int32)], after: Int, into windows: inout [WindowList], open: inout [Int],
        _ a: ShapeAutomaton, _ acceptStart: [Int32], _ acceptList: [Int32], _ stateAfter: [UInt64], _ next: NextBytes,
        _ strideInverse: Int
    ) {
        if events.isEmpty { return }
        // Through a pointer: indexing the array of lists in place checked its uniqueness and bounds for every
        // window closed (half the cost of this function on a CSV file).
        windows.withUnsafeMutableBufferPointer { windows in
            acceptStart.withUnsafeBufferPointer { starts in
                acceptList.withUnsafeBufferPointer { list in
                    a.maxLength.withUnsafeBufferPointer { maxLength in
                        a.minLength.withUnsafeBufferPointer { minLength in
                            a.mergeGap.withUnsafeBufferPointer { gap in
                                open.withUnsafeMutableBufferPointer { open in
                                    events.withUnsafeBufferPointer { events in
                                        a.hasAfter.withUnsafeBufferPointer { hasAfter in
                                            a.afterWords.withUnsafeBufferPointer { afterWords in
                                                stateAfter.withUnsafeBufferPointer { stateAfter in
                                                    resolve(
                                                        events, after, windows, open, starts, list, maxLength, minLength,
                                                        gap, hasAfter, afterWords, stateAfter, next, strideInverse)
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

    /// The loop of `resolve`, on the buffers.
    @inline(__always)
    private static func resolve(
        _ events: UnsafeBufferPointer<(Int, Int32)>, _ after: Int, _ windows: UnsafeMutableBufferPointer<WindowList>,
        _ open: UnsafeMutableBufferPointer<Int>, _ starts: UnsafeBufferPointer<Int32>, _ list: UnsafeBufferPointer<Int32>,
        _ maxLength: UnsafeBufferPointer<Int>, _ minLength: UnsafeBufferPointer<Int>, _ gap: UnsafeBufferPointer<Int>,
        _ hasAfter: UnsafeBufferPointer<Bool>, _ afterWords: UnsafeBufferPointer<UInt64>,
        _ stateAfter: UnsafeBufferPointer<UInt64>, _ next: NextBytes, _ strideInverse: Int
    ) {
        var i = 0
        while i < events.count {
            // A run of events in one state at consecutive ends (inside a long digit run, a shape accepts at every
            // byte) gives each of its patterns one merged window. Events name the state's row; one division per
            // run (not per event, in the walk) names the state.
            let (first, row) = events[i]
            let state = state(ofRow: Int(row), inverse: strideInverse)
            if let base = next.base, first < next.length {
                // No pattern of the state may end before this byte.
                let b = Int(base[first])
                if stateAfter[Int(state) &* 4 &+ b >> 6] & (1 << UInt64(b & 63)) != 0 {
                    i += 1
                    continue
                }
            }
            var last = first
            i += 1
            while i < events.count && events[i].1 == row && events[i].0 == last + 1 {
                last += 1
                i += 1
            }
            if last <= after { continue }
            let from = max(first, after + 1)
            for r in Int(starts[Int(state)])..<Int(starts[Int(state) + 1]) {
                let k = Int(list[r])
                var low = from, high = last
                if hasAfter[k], let base = next.base {
                    // Ends followed by a byte the pattern's closing lookahead rejects are no match's end: the
                    // window spans the first to the last end that remain (inside a digit run, only its last).
                    let words = k &* 4
                    func excluded(_ p: Int) -> Bool {
                        guard p < next.length else { return false }
                        let b = Int(base[p])
                        return afterWords[words &+ b >> 6] & (1 << UInt64(b & 63)) != 0
                    }
                    while low <= high && excluded(low) { low += 1 }
                    if low > high { continue }
                    while excluded(high) { high -= 1 }
                }
                let s = low - maxLength[k], e = high - minLength[k] + 1
                // Events come in order of `end`, so starts only grow: as `WindowList.add`.
                let openEnd = open[2 * k + 1]
                if openEnd >= 0 && s <= openEnd + gap[k] {
                    if e > openEnd { open[2 * k + 1] = e }
                } else {
                    // The open window began more than `gap` past the last one closed.
                    if openEnd >= 0 { windows[k].append(open[2 * k], openEnd) }
                    open[2 * k] = s
                    open[2 * k + 1] = e
                }
            }
        }
    }
}

/// The bytes a run walks and how far they may be read, for the checks of what follows a match.
struct NextBytes {
    let base: UnsafePointer<UInt8>?
    let length: Int
}
