/// A batch's decoded bytes as a reader appends them, in many short runs (a cell, a key, a string's bytes
/// between its escapes), handed over as one array per batch (`take`).
///
/// Not an `Array` while it fills: appending a run to one cost about 130 instructions (a uniqueness check, a
/// capacity check, a `memmove` call through the generic path), for every value of every record. Here a run is
/// a capacity compare and a copy; the array is made once per batch.
final class ByteBuilder {
    private var base: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    /// Bytes appended since the last `take`.
    private(set) var count = 0

    init(capacity: Int = 4096) {
        self.capacity = max(capacity, 16)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    /// Appends a run of bytes.
    @inline(__always) func append(_ run: UnsafeBufferPointer<UInt8>) {
        let n = run.count
        guard n > 0, let from = run.baseAddress else { return }
        if count + n > capacity { grow(count + n) }
        (base + count).update(from: from, count: n)
        count += n
    }

    /// Appends one byte.
    @inline(__always) func append(_ byte: UInt8) {
        if count == capacity { grow(count + 1) }
        base[count] = byte
        count += 1
    }

    private func grow(_ needed: Int) {
        let bigger = max(needed, 2 * capacity)
        let moved = UnsafeMutablePointer<UInt8>.allocate(capacity: bigger)
        moved.update(from: base, count: count)
        base.deallocate()
        base = moved
        capacity = bigger
    }

    /// Forgets the bytes after the first `n`.
    func truncate(to n: Int) { count = min(count, n) }

    /// Bytes `range` (valid until the next append).
    func view(_ range: Range<Int>) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: base + range.lowerBound, count: range.count)
    }

    /// The bytes as an array, and the builder empty again (its room kept for the next batch).
    func take() -> [UInt8] {
        defer { count = 0 }
        return [UInt8](UnsafeBufferPointer(start: base, count: count))
    }
}
