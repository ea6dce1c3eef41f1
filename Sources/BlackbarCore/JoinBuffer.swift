/// The bytes of a batch's segments joined into one subject (`SegmentLayout.join` before each segment and after
/// the last), written through a pointer into storage a scratch keeps from batch to batch.
///
/// Not an `Array`: appending a cell's bytes to one cost about 130 instructions (a uniqueness check, a capacity
/// check, a `memmove` call), twice per cell with its join, some 4% of a CSV scan. Here the room is made once
/// per batch and short runs are copied inline.
final class JoinBuffer {
    private var base: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    /// Bytes written since `start`.
    private(set) var count = 0

    init() {
        capacity = 64
        base = .allocate(capacity: capacity)
    }

    deinit { base.deallocate() }

    /// Empties the buffer, with room for `bytes` bytes of `segments` segments and their joins.
    func start(bytes: Int, segments: Int) {
        count = 0
        let needed = bytes + (segments + 1) * SegmentLayout.join.count
        guard needed > capacity else { return }
        base.deallocate()
        capacity = max(needed, 2 * capacity)
        base = .allocate(capacity: capacity)
    }

    /// Appends `SegmentLayout.join` (a line feed, a NUL, a line feed).
    @inline(__always) func appendJoin() {
        base[count] = 0x0A
        base[count + 1] = 0x00
        base[count + 2] = 0x0A
        count += 3
    }

    /// Appends `bytes` (room was made by `start`). Up to sixteen bytes are copied as two overlapping words.
    @inline(__always) func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        let n = bytes.count
        guard n > 0, let from = bytes.baseAddress else { return }
        let to = UnsafeMutableRawPointer(base + count), source = UnsafeRawPointer(from)
        if n >= 8 && n <= 16 {
            let head = source.loadUnaligned(as: UInt64.self)
            let tail = source.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self)
            to.storeBytes(of: head, as: UInt64.self)
            to.storeBytes(of: tail, toByteOffset: n - 8, as: UInt64.self)
        } else if n < 8 {
            for k in 0..<n { to.storeBytes(of: from[k], toByteOffset: k, as: UInt8.self) }
        } else {
            to.copyMemory(from: source, byteCount: n)
        }
        count += n
    }

    /// The bytes written since `start` (valid until the next `start`).
    var bytes: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: base, count: count) }
}
