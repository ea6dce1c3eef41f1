/// The shape gate's shared, immutable part: one nondeterministic automaton for the coarse shapes of every
/// rule it can read, over a small alphabet of byte classes. `ShapeRunner` (one per thread) turns it into a
/// lazy DFA and runs it once per block, so every gated rule learns in one pass where its pattern could end.
///
/// Why: with 150 rules the engine spent most of its time in JIT calls on windows around shared anchors
/// (a digit cluster is looked at by every digit rule). A rule's coarse shape (`DDD-DD-DDDD` for a US SSN)
/// rules out most of those windows for the price of one table lookup per byte. PCRE2 still decides every
/// match: the gate only removes windows where the pattern cannot match.
final class ShapeAutomaton: Sendable {
    /// Byte value to class number.
    let classOf: [UInt8]
    /// Number of byte classes.
    let classCount: Int
    /// Per node: the classes it consumes (bit k of word k/64), or empty for split and accept nodes.
    let masks: [(UInt64, UInt64)]
    /// Per consuming node: the node after it.
    let next: [Int32]
    /// Per node: the gated rule it accepts, or -1.
    let acceptRule: [Int32]
    /// Per class: the closure of every start node's successor on that class.
    let startMove: [[Int32]]
    /// Per node n: the nodes a DFA state gains when n consumes a byte (the closure of its successor, less
    /// the start closure), flat: `successors[successorStart[n]..<successorStart[n + 1]]`. One array, not one
    /// per node: reading a nested array costs a retain and a release, and building a DFA state reads hundreds.
    let successors: [Int32]
    let successorStart: [Int32]
    /// Whether a node is in the start closure (implicitly part of every DFA state).
    let inStart: [Bool]
    /// The DFA state at the start of the input: rules that need a byte before may start right there.
    let initialKey: [Int32]
    /// Per gated rule: its index in the rule set, and the shortest and longest match.
    let ruleIndex: [Int]
    let minLength: [Int]
    let maxLength: [Int]
    /// Per pattern: how close two of its windows must be to merge.
    let mergeGap: [Int]
    /// Per pattern k, words `4k..<4k+4`: the bytes that cannot follow its match (`GatePattern.after`); and
    /// whether it has any. An accepting position followed by such a byte opens no window for k: inside
    /// `SKU87201` a plate's shape accepts at `SKU872`, and its pattern's `(?![\w])` rules that out.
    let afterWords: [UInt64]
    let hasAfter: [Bool]
    /// Longest match of any gated rule.
    let reach: Int

    /// Longest match a gated rule may have; longer shapes keep only their own prefilter.
    static let maximumLength = 256

    /// The gate for the rules whose pattern can be read; nil when none can.
    convenience init?(rules: [Rule]) {
        let patterns = Self.shapePatterns(rules)
        guard !patterns.isEmpty else { return nil }
        self.init(patterns: patterns)
    }

    /// Per rule the gate can read: its coarse shape, shortest and longest match, and the bytes that may come
    /// before it (nil: any). Without that last part, a shape such as `[13][alnum]{25,34}` may start at every
    /// digit of a long token, and the DFA needs a state for every mix of such starts.
    static func shapePatterns(_ rules: [Rule]) -> [GatePattern] {
        var patterns: [GatePattern] = []
        for (index, rule) in rules.enumerated() {
            // A rule that opens only where one of its label keywords starts (`at-start`) is already placed
            // exactly by the anchor automaton; its shape in the gate would only add states (the label-anchored
            // rules' labels in a dozen languages made the gate's states twice as costly to build on real text).
            if case .keywords(_, true) = rule.prefilter { continue }
            let options = rule.pattern.options
            guard
                let (parsed, exclusion, after) = ShapeParser.parseWithBounds(
                    rule.pattern.source, unicode: options.unicode, caseless: options.caseless)
            else { continue }
            let shape = parsed.coarsened
            let low = shape.minLength
            guard low > 0, let high = shape.maxLength, high <= Self.maximumLength, !shape.hasWideRun(spread: 8) else {
                continue
            }
            patterns.append(GatePattern(
                ruleIndex: index, shape: shape, minLength: low, maxLength: high,
                before: exclusion.isEmpty ? nil : exclusion.complement.coarsened, after: after))
        }
        return patterns
    }

    /// An automaton over `patterns` (any number, even none); accept number k stands for `patterns[k]`.
    /// Nil when the patterns tell more than 128 byte classes apart.
    init?(patterns: [GatePattern]) {
        let shapes = patterns.map { ($0.ruleIndex, $0.shape, $0.minLength, $0.maxLength, $0.before) }
        // Byte classes: bytes that every shape treats alike share a class.
        var sets = Set<ByteSet>()
        for (_, shape, _, _, before) in shapes {
            shape.collectSets(into: &sets)
            if let before { sets.insert(before) }
        }
        // Refined set by set: a byte's class is the classes of the bytes before it split by each set in turn
        // (numbered by first byte, so the numbering does not depend on the order of the sets).
        var classOf = [Int](repeating: 0, count: 256)
        var count = 1
        for set in sets {
            var split: [Int: Int] = [:]  // class → its part inside the set
            for b in 0..<256 where set.contains(UInt8(b)) {
                let old = classOf[b]
                if let new = split[old] {
                    classOf[b] = new
                } else {
                    split[old] = count
                    classOf[b] = count
                    count += 1
                }
            }
        }
        var renumber = [Int](repeating: -1, count: count)
        var classCount = 0
        for b in 0..<256 where renumber[classOf[b]] < 0 {
            renumber[classOf[b]] = classCount
            classCount += 1
        }
        // Every class must fit the two 64-bit masks of a node.
        guard classCount <= 128 else { return nil }
        let classes = classOf.map { UInt8(renumber[$0]) }
        self.classOf = classes
        self.classCount = classCount

        var builder = NFABuilder(classOf: classes)
        var starts: [Int32] = []
        // Bodies of rules with a byte-before condition: at the very start of the input nothing precedes.
        var initialBodies: [Int32] = []
        for (gate, (_, shape, _, _, before)) in shapes.enumerated() {
            let accept = builder.add(mask: (0, 0), next: -1, accept: Int32(gate))
            let body = builder.build(shape, then: accept)
            if let before {
                let mask = builder.mask(before)
                starts.append(builder.add(mask: mask, next: body))
                initialBodies.append(body)
            } else {
                starts.append(body)
            }
        }
        masks = builder.masks
        next = builder.next
        acceptRule = builder.accept
        let closures = builder.closures()
        var inStart = [Bool](repeating: false, count: masks.count)
        var startSet: [Int32] = []
        for s in starts {
            for n in closures.of(s) where !inStart[Int(n)] {
                inStart[Int(n)] = true
                startSet.append(n)
            }
        }
        self.inStart = inStart
        var successors: [Int32] = []
        var successorStart: [Int32] = [0]
        successorStart.reserveCapacity(masks.count + 1)
        for n in 0..<masks.count {
            if masks[n] != (0, 0) {
                for m in closures.of(next[n]) where !inStart[Int(m)] { successors.append(m) }
            }
            successorStart.append(Int32(successors.count))
        }
        self.successors = successors
        self.successorStart = successorStart
        var startMove: [[Int32]] = []
        var seen = [Bool](repeating: false, count: masks.count)
        for c in 0..<classCount {
            var move: [Int32] = []
            for n in startSet where Self.consumes(masks[Int(n)], c) {
                for m in closures.of(next[Int(n)]) where !inStart[Int(m)] && !seen[Int(m)] {
                    seen[Int(m)] = true
                    move.append(m)
                }
            }
            for m in move { seen[Int(m)] = false }
            startMove.append(move.sorted())
        }
        self.startMove = startMove
        var initial = Set<Int32>()
        for body in initialBodies { for n in closures.of(body) where !inStart[Int(n)] { initial.insert(n) } }
        initialKey = initial.sorted()
        ruleIndex = shapes.map(\.0)
        minLength = shapes.map(\.2)
        maxLength = shapes.map(\.3)
        mergeGap = patterns.map(\.mergeGap)
        afterWords = patterns.flatMap { [$0.after.words.0, $0.after.words.1, $0.after.words.2, $0.after.words.3] }
        hasAfter = patterns.map { !$0.after.isEmpty }
        reach = maxLength.max() ?? 0
    }

    @inline(__always) static func consumes(_ mask: (UInt64, UInt64), _ c: Int) -> Bool {
        c < 64 ? mask.0 & (1 << UInt64(c)) != 0 : mask.1 & (1 << UInt64(c - 64)) != 0
    }
}

/// One pattern of a gate automaton: the rule it stands for, its shape, its shortest and longest match, and
/// the bytes that may come just before it (nil: any, including the start of the input).
struct GatePattern {
    let ruleIndex: Int
    let shape: ShapeNode
    let minLength: Int
    let maxLength: Int
    let before: ByteSet?
    /// The bytes that cannot come right after a match (a closing `(?![\w])`); empty: any. Checked where an
    /// accepting position becomes a window, not in the automaton: it costs no states.
    var after = ByteSet()
    /// Windows closer than this merge (0: only touching ones, for places that must stay exact).
    var mergeGap = WindowList.mergeGap
}

/// Thompson construction, built back to front: each node is made knowing what follows it.
private struct NFABuilder {
    let classOf: [UInt8]
    var masks: [(UInt64, UInt64)] = []
    var next: [Int32] = []
    var accept: [Int32] = []
    var epsilon: [[Int32]] = []
    /// Masks already made: a repeat makes a node per copy of the same set, and a mask costs 256 lookups.
    var maskCache: [ByteSet: (UInt64, UInt64)] = [:]

    init(classOf: [UInt8]) { self.classOf = classOf }

    mutating func add(mask: (UInt64, UInt64), next n: Int32, accept a: Int32 = -1, epsilon e: [Int32] = []) -> Int32 {
        masks.append(mask)
        next.append(n)
        accept.append(a)
        epsilon.append(e)
        return Int32(masks.count - 1)
    }

    mutating func mask(_ set: ByteSet) -> (UInt64, UInt64) {
        // A set of a few bytes (a keyword's letter in both cases, a digit) is quicker to read bit by bit than
        // to look up: hashing four words cost 390 instructions, and keyword automata ask for 27,000 masks.
        if set.count <= 16 { return Self.mask(set, classOf) }
        if let known = maskCache[set] { return known }
        let m = Self.mask(set, classOf)
        maskCache[set] = m
        return m
    }

    private static func mask(_ set: ByteSet, _ classOf: [UInt8]) -> (UInt64, UInt64) {
        var m: (UInt64, UInt64) = (0, 0)
        set.forEach { b in
            let c = Int(classOf[Int(b)])
            if c < 64 { m.0 |= 1 << UInt64(c) } else { m.1 |= 1 << UInt64(c - 64) }
        }
        return m
    }

    /// The entry node of `node` followed by `then`.
    mutating func build(_ node: ShapeNode, then: Int32) -> Int32 {
        switch node {
        case .empty: return then
        case .bytes(let set):
            let m = mask(set)
            return add(mask: m, next: then)
        case .sequence(let items):
            var entry = then
            for item in items.reversed() { entry = build(item, then: entry) }
            return entry
        case .either(let items):
            let entries = items.map { build($0, then: then) }
            return add(mask: (0, 0), next: -1, epsilon: entries)
        case .repeated(let inner, let min, let max):
            var entry = then
            if let max {
                for _ in 0..<(max - min) {
                    let copy = build(inner, then: entry)
                    entry = add(mask: (0, 0), next: -1, epsilon: [copy, then])
                }
            } else {
                let loop = add(mask: (0, 0), next: -1, epsilon: [])
                let body = build(inner, then: loop)
                epsilon[Int(loop)] = [body, then]
                entry = loop
            }
            for _ in 0..<min { entry = build(inner, then: entry) }
            return entry
        }
    }

    /// Each node's epsilon closure, keeping consuming and accepting nodes, flat: one array for all nodes, and
    /// one stack and one visited mark reused from node to node. Most nodes consume a byte and have no epsilon
    /// move: their closure is themselves. (With an array, a stack and a sorted copy per node, this was a third of
    /// the 45 ms the gate took to build, for every process.)
    func closures() -> Closures {
        var nodes: [Int32] = []
        var start: [Int32] = [0]
        start.reserveCapacity(masks.count + 1)
        var stamp = [Int](repeating: -1, count: masks.count)
        var stack: [Int32] = []
        for first in 0..<masks.count {
            if epsilon[first].isEmpty {
                if masks[first] != (0, 0) || accept[first] >= 0 { nodes.append(Int32(first)) }
                start.append(Int32(nodes.count))
                continue
            }
            stack.append(Int32(first))
            stamp[first] = first
            while let n = stack.popLast() {
                let k = Int(n)
                if epsilon[k].isEmpty && (masks[k] != (0, 0) || accept[k] >= 0) { nodes.append(n) }
                for e in epsilon[k] where stamp[Int(e)] != first {
                    stamp[Int(e)] = first
                    stack.append(e)
                }
            }
            start.append(Int32(nodes.count))
        }
        return Closures(nodes: nodes, start: start)
    }
}

/// Every node's epsilon closure: node n's is `nodes[start[n]..<start[n + 1]]`, in no particular order (DFA
/// states are sets).
private struct Closures {
    let nodes: [Int32]
    let start: [Int32]

    func of(_ n: Int32) -> ArraySlice<Int32> { nodes[Int(start[Int(n)])..<Int(start[Int(n) + 1])] }
}
