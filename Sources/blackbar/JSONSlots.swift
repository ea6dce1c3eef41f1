/// Short JSON texts (confidences, pieces of lines holding rule and entity names) kept in fixed-width slots of
/// one allocation and written into a line through pointers. Kept in arrays, each read from the printer's
/// properties and handed on was a retain and a release, atomic ones, three per line (perf: 1.5% of a scan of
/// installed documentation).
final class JSONSlots {
    /// Bytes a slot holds.
    let width: Int
    /// How many slots there are (`ensure` adds more).
    private(set) var count: Int
    private var base: UnsafeMutablePointer<UInt8>
    /// Per slot: its length; `unknown` before it is stored, `tooLong` when what was stored did not fit.
    private var lengths: UnsafeMutablePointer<Int>

    /// A slot nothing was stored in (since `clear`).
    static let unknown = -1
    /// A slot whose text was longer than `width`.
    static let tooLong = -2

    init(count: Int, width: Int) {
        self.count = count
        self.width = width
        base = .allocate(capacity: count * width)
        lengths = .allocate(capacity: count)
        lengths.initialize(repeating: Self.unknown, count: count)
    }

    deinit {
        base.deallocate()
        lengths.deallocate()
    }

    /// Makes room for slots `0..<n` at least; new slots are unknown.
    func ensure(_ n: Int) {
        guard n > count else { return }
        let bigger = max(n, 2 * count)
        let moved = UnsafeMutablePointer<UInt8>.allocate(capacity: bigger * width)
        moved.update(from: base, count: count * width)
        base.deallocate()
        base = moved
        let movedLengths = UnsafeMutablePointer<Int>.allocate(capacity: bigger)
        movedLengths.update(from: lengths, count: count)
        (movedLengths + count).initialize(repeating: Self.unknown, count: bigger - count)
        lengths.deallocate()
        lengths = movedLengths
        count = bigger
    }

    /// Makes every slot unknown.
    func clear() { lengths.update(repeating: Self.unknown, count: count) }

    /// Stores `bytes` in slot `k`; false (and the slot marked `tooLong`) when they are longer than `width`.
    @discardableResult
    func store(_ k: Int, _ bytes: [UInt8]) -> Bool {
        guard bytes.count <= width else {
            lengths[k] = Self.tooLong
            return false
        }
        bytes.withUnsafeBufferPointer { (base + k * width).update(from: $0.baseAddress!, count: $0.count) }
        lengths[k] = bytes.count
        return true
    }

    /// Slot `k`'s bytes.
    @inline(__always) func start(_ k: Int) -> UnsafePointer<UInt8> { UnsafePointer(base + k * width) }
    /// Slot `k`'s length, or `unknown` or `tooLong`.
    @inline(__always) func length(_ k: Int) -> Int { lengths[k] }
}
