/// A set of byte values, as four 64-bit words.
struct ByteSet: Hashable, Sendable {
    var words: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)

    static func == (a: ByteSet, b: ByteSet) -> Bool {
        a.words.0 == b.words.0 && a.words.1 == b.words.1 && a.words.2 == b.words.2 && a.words.3 == b.words.3
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(words.0)
        hasher.combine(words.1)
        hasher.combine(words.2)
        hasher.combine(words.3)
    }

    init() {}

    init(_ bytes: some Sequence<UInt8>) {
        for b in bytes { insert(b) }
    }

    init(range: ClosedRange<UInt8>) {
        for b in range { insert(b) }
    }

    static let all: ByteSet = { var s = ByteSet(); s.words = (~0, ~0, ~0, ~0); return s }()
    static let digits = ByteSet(range: 0x30...0x39)
    static let upper = ByteSet(range: 0x41...0x5A)
    static let lower = ByteSet(range: 0x61...0x7A)
    static let high = ByteSet(range: 0x80...0xFF)
    static let ascii = ByteSet(range: 0x00...0x7F)
    /// ASCII letters and digits: what the keyword pass counts as inside a word.
    static let alnum = digits.union(upper).union(lower)
    static let word = alnum.union(ByteSet([0x5F]))
    /// `\s` without UCP, plus NEL and NBSP (a superset is always safe here).
    static let space = ByteSet([0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x20, 0x85, 0xA0])

    func contains(_ b: UInt8) -> Bool {
        let bit = UInt64(1) << UInt64(b & 63)
        switch b >> 6 {
        case 0: return words.0 & bit != 0
        case 1: return words.1 & bit != 0
        case 2: return words.2 & bit != 0
        default: return words.3 & bit != 0
        }
    }

    mutating func insert(_ b: UInt8) {
        let bit = UInt64(1) << UInt64(b & 63)
        switch b >> 6 {
        case 0: words.0 |= bit
        case 1: words.1 |= bit
        case 2: words.2 |= bit
        default: words.3 |= bit
        }
    }

    func union(_ o: ByteSet) -> ByteSet {
        var s = self
        s.words = (words.0 | o.words.0, words.1 | o.words.1, words.2 | o.words.2, words.3 | o.words.3)
        return s
    }

    func intersection(_ o: ByteSet) -> ByteSet {
        var s = self
        s.words = (words.0 & o.words.0, words.1 & o.words.1, words.2 & o.words.2, words.3 & o.words.3)
        return s
    }

    var complement: ByteSet {
        var s = self
        s.words = (~words.0, ~words.1, ~words.2, ~words.3)
        return s
    }

    var isEmpty: Bool { words.0 | words.1 | words.2 | words.3 == 0 }

    /// How many bytes the set holds.
    var count: Int {
        words.0.nonzeroBitCount + words.1.nonzeroBitCount + words.2.nonzeroBitCount + words.3.nonzeroBitCount
    }

    /// The set's only byte; nil when it holds none or several.
    var single: UInt8? {
        guard count == 1 else { return nil }
        var only: UInt8 = 0
        forEach { only = $0 }
        return only
    }

    /// Calls `body` with each byte of the set, in ascending order, reading the set bits of each word.
    func forEach(_ body: (UInt8) -> Void) {
        for (k, word) in [words.0, words.1, words.2, words.3].enumerated() {
            var w = word
            while w != 0 {
                body(UInt8(k * 64 + w.trailingZeroBitCount))
                w &= w &- 1
            }
        }
    }

    /// The same set with both cases of every ASCII letter.
    var caseFolded: ByteSet {
        // 0x41-0x5A are bits 1-26 of the second word, 0x61-0x7A bits 33-58: a letter's other case is 32 bits away.
        let upper: UInt64 = ((1 << 26) - 1) << 1
        var s = self
        s.words.1 |= (words.1 & upper) << 32 | (words.1 >> 32) & upper
        return s
    }

    /// The set widened to whole coarse groups: any of the digits 1-9 brings all of them, any lower-case
    /// ASCII letter all lower-case ones, any byte >= 0x80 all of them. `0`, upper-case letters and
    /// punctuation stay exact (leading `0`/`00` of phone numbers and the letter codes of plates and VAT
    /// numbers are what make shapes selective). The shape gate works on these groups, which keeps its
    /// automaton small; a wider set only lets more through.
    var coarsened: ByteSet {
        var s = self
        for group in Self.coarseGroups where !intersection(group).isEmpty { s = s.union(group) }
        return s
    }

    private static let coarseGroups = [ByteSet([0x30]), ByteSet(range: 0x31...0x39), .lower, .high]
}

/// A regular expression over bytes that accepts at least every string a rule's pattern can match: the
/// pattern with lookarounds, anchors and word boundaries read as empty, backreferences read as a copy of
/// their group, and conditionals read as either branch.
indirect enum ShapeNode: Hashable, Sendable {
    case empty
    case bytes(ByteSet)
    case sequence([ShapeNode])
    case either([ShapeNode])
    /// `max` nil: unbounded.
    case repeated(ShapeNode, min: Int, max: Int?)

    /// Exactly the byte strings `sequences` (none empty), as a trie: strings that share a first byte share its
    /// node, and the strings of one byte at a level are one set, so an automaton built from it has a node per
    /// distinct prefix rather than per byte of every string.
    static func trie(_ sequences: [[UInt8]]) -> ShapeNode {
        var singles = ByteSet()
        var longer: [UInt8: [[UInt8]]] = [:]
        for s in sequences {
            guard let first = s.first else { continue }
            if s.count == 1 { singles.insert(first) } else { longer[first, default: []].append(Array(s.dropFirst())) }
        }
        var branches: [ShapeNode] = singles.isEmpty ? [] : [.bytes(singles)]
        for first in longer.keys.sorted() {
            branches.append(.sequence([.bytes(ByteSet([first])), trie(longer[first]!)]))
        }
        return branches.count == 1 ? branches[0] : .either(branches)
    }

    /// Shortest match length in bytes.
    var minLength: Int {
        switch self {
        case .empty: return 0
        case .bytes: return 1
        case .sequence(let items): return items.reduce(0) { $0 + $1.minLength }
        case .either(let items): return items.map(\.minLength).min() ?? 0
        case .repeated(let node, let min, _): return node.minLength * min
        }
    }

    /// Longest match length in bytes, or nil when unbounded.
    var maxLength: Int? {
        switch self {
        case .empty: return 0
        case .bytes: return 1
        case .sequence(let items):
            var total = 0
            for item in items {
                guard let m = item.maxLength else { return nil }
                total += m
            }
            return total
        case .either(let items):
            var best = 0
            for item in items {
                guard let m = item.maxLength else { return nil }
                best = Swift.max(best, m)
            }
            return best
        case .repeated(let node, _, let max):
            guard let max, let m = node.maxLength else { return node.maxLength == 0 ? 0 : nil }
            return m * max
        }
    }

    /// Every byte set in the tree widened to coarse groups, and equal branches of an alternation merged
    /// (alternatives that differ only in lower-case letters or digits 1-9 become one).
    var coarsened: ShapeNode {
        switch self {
        case .empty: return .empty
        case .bytes(let set): return .bytes(set.coarsened)
        case .sequence(let items):
            let parts = items.map(\.coarsened).filter { $0 != .empty }
            return parts.isEmpty ? .empty : parts.count == 1 ? parts[0] : .sequence(parts)
        case .either(let items):
            var seen = Set<ShapeNode>()
            var parts: [ShapeNode] = []
            for item in items.map(\.coarsened) where seen.insert(item).inserted { parts.append(item) }
            return parts.count == 1 ? parts[0] : .either(parts)
        case .repeated(let node, let min, let max): return .repeated(node.coarsened, min: min, max: max)
        }
    }

    /// Every byte set in the tree (for the byte classes of the automaton).
    /// Whether some repetition of a wide byte set (more than half of all bytes, such as `[^\n0-9]`) may run
    /// more than `spread` times beyond its minimum. In a DFA such a run keeps a state for every mix of
    /// positions it may have reached: `[^\n0-9]{1,40}` after a common prefix made the gate build states
    /// without end on ordinary prose.
    func hasWideRun(spread: Int) -> Bool {
        switch self {
        case .empty, .bytes: return false
        case .sequence(let items), .either(let items): return items.contains { $0.hasWideRun(spread: spread) }
        case .repeated(let node, let min, let max):
            if max.map({ $0 - min > spread }) ?? true && node.hasWideSet { return true }
            return node.hasWideRun(spread: spread)
        }
    }

    /// Whether some byte set in the tree holds more than half of all bytes.
    private var hasWideSet: Bool {
        switch self {
        case .empty: return false
        case .bytes(let set): return set.count > 128
        case .sequence(let items), .either(let items): return items.contains { $0.hasWideSet }
        case .repeated(let node, _, _): return node.hasWideSet
        }
    }

    func collectSets(into out: inout Set<ByteSet>) {
        switch self {
        case .empty: break
        case .bytes(let set): out.insert(set)
        case .sequence(let items), .either(let items): for item in items { item.collectSets(into: &out) }
        case .repeated(let node, _, _): node.collectSets(into: &out)
        }
    }
}

extension ShapeNode {
    /// When every string the node accepts holds a byte of `set`: the largest index at which the first such
    /// byte may stand. Nil when some accepted string holds none, or the index has no bound. For a rule whose
    /// shape holds a digit in every match within its first `reach + 1` bytes, a match starting at k needs a
    /// digit in `k...k + reach`: a window with none there is no match, and PCRE2 need not be asked.
    func firstIndexBound(of set: ByteSet) -> Int? {
        let (free, first) = firstIndexes(of: set)
        guard free == Self.none, first != Self.none, first < Self.unbounded else { return nil }
        return first
    }

    /// No string of that kind; a length or index without a bound (saturating).
    private static let none = -1
    private static let unbounded = 1 << 20

    /// (the longest accepted string without a byte of `set`, the largest index of the first such byte over
    /// accepted strings that hold one), each `none` when there is no such string.
    private func firstIndexes(of set: ByteSet) -> (free: Int, first: Int) {
        switch self {
        case .empty:
            return (0, Self.none)
        case .bytes(let bytes):
            let outside = !bytes.intersection(set.complement).isEmpty
            let inside = !bytes.intersection(set).isEmpty
            return (outside ? 1 : Self.none, inside ? 0 : Self.none)
        case .sequence(let items):
            var acc = (free: 0, first: Self.none)
            for item in items { acc = Self.then(acc, item.firstIndexes(of: set)) }
            return acc
        case .either(let items):
            var acc = (free: Self.none, first: Self.none)
            for item in items {
                let x = item.firstIndexes(of: set)
                acc = (Swift.max(acc.free, x.free), Swift.max(acc.first, x.first))
            }
            return acc
        case .repeated(let node, let min, let max):
            let x = node.firstIndexes(of: set)
            // `min` copies, then up to `max - min` optional ones (each the node or nothing); unrolled up to a
            // bound, past which a still-growing figure has none.
            let optional = (free: Swift.max(x.free, 0), first: x.first)
            var acc = (free: 0, first: Self.none)
            var copies = 0
            while copies < min {
                acc = Self.then(acc, x)
                copies += 1
                if copies > 64 { return (acc.free == Self.none ? Self.none : Self.unbounded, Self.unbounded) }
            }
            var extra = 0
            while max.map({ extra < $0 - min }) ?? true {
                let next = Self.then(acc, optional)
                if next == acc { break }
                acc = next
                extra += 1
                if extra > 64 { return (acc.free == Self.none ? Self.none : Self.unbounded, Self.unbounded) }
            }
            return acc
        }
    }

    /// The figures of `a` followed by `b`.
    private static func then(_ a: (free: Int, first: Int), _ b: (free: Int, first: Int)) -> (free: Int, first: Int) {
        let free = a.free == none || b.free == none ? none : Swift.min(unbounded, a.free + b.free)
        let through = a.free == none || b.first == none ? none : Swift.min(unbounded, a.free + b.first)
        return (free, Swift.max(a.first, through))
    }
}
