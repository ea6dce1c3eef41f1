/// Short JSON texts (confidences, rule and entity names) kept in fixed slots of one allocation and written into
/// a line through pointers. Kept in arrays, each read from the printer's properties and handed on was a retain
/// and a release, atomic ones, three per line (perf: 1.5% of a scan of installed documentation).
final class JSONSlots {
    /// Bytes a slot holds.
    let width: Int
    private let base: UnsafeMutablePointer<UInt8>
    private let lengths: UnsafeMutablePointer<Int>
    private let count: Int

    init(count: Int, width: Int) {
        self.count = count
        self.width = width
        base = .allocate(capacity: count * width)
        lengths = .allocate(capacity: count)
        lengths.initialize(repeating: 0, count: count)
    }

    deinit {
        base.deallocate()
        lengths.deallocate()
    }

    /// Stores `bytes` in slot `k`; false (and the slot emptied) when they are longer than `width`.
    @discardableResult
    func store(_ k: Int, _ bytes: [UInt8]) -> Bool {
        guard bytes.count <= width else {
            lengths[k] = 0
            return false
        }
        bytes.withUnsafeBufferPointer { (base + k * width).update(from: $0.baseAddress!, count: $0.count) }
        lengths[k] = bytes.count
        return true
    }

    /// Slot `k`'s bytes.
    @inline(__always) func start(_ k: Int) -> UnsafePointer<UInt8> { UnsafePointer(base + k * width) }
    @inline(__always) func length(_ k: Int) -> Int { lengths[k] }
}
