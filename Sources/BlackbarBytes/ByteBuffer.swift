/// Bytes written through a pointer into storage that grows by doubling: the output line the printer writes,
/// the decoded values a record reader collects, the segments of a batch the detector joins.
///
/// Not an `[UInt8]`: appending to an array checks uniqueness and capacity and goes through a generic copy at
/// every call, about 130 instructions for a short run and a few dozen for one byte. Writing a finding's line
/// byte by byte into an array cost about 9,000 instructions, and a table's cells and keys were appended two or
/// three times each on their way to the detector. Here `reserve` makes room once for what follows, and then
/// a byte is a store and a run of up to 16 bytes two overlapping loads and stores.
public final class ByteBuffer {
    @usableFromInline var base: UnsafeMutablePointer<UInt8>
    @usableFromInline var capacity: Int
    @usableFromInline var written = 0

    /// An empty buffer with room for `capacity` bytes.
    public init(capacity: Int = 512) {
        self.capacity = max(capacity, 16)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    /// How many bytes are written.
    @inlinable public var count: Int { written }

    /// Empties the buffer, keeping its storage.
    @inlinable public func reset() { written = 0 }

    /// Forgets the bytes after the first `n`.
    @inlinable public func truncate(to n: Int) { written = min(written, n) }

    /// Makes room for `n` more bytes.
    @inline(__always) @inlinable public func reserve(_ n: Int) {
        if written + n > capacity { grow(written + n) }
    }

    @usableFromInline func grow(_ needed: Int) {
        (base, capacity) = grownStorage(base, written: written, capacity: capacity, needed: needed)
    }

    /// Writes one byte; room must have been reserved.
    @inline(__always) @inlinable public func put(_ b: UInt8) {
        base[written] = b
        written += 1
    }

    /// Writes `n` bytes from `p`; room must have been reserved. Up to 16 bytes (a key, a name, a number, most
    /// cells of a table) are copied as two overlapping words, not through a `memmove` call.
    @inline(__always) @inlinable public func put(_ p: UnsafePointer<UInt8>, _ n: Int) {
        let to = UnsafeMutableRawPointer(base + written), from = UnsafeRawPointer(p)
        if n >= 8 && n <= 16 {
            let head = from.loadUnaligned(as: UInt64.self)
            let tail = from.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self)
            to.storeBytes(of: head, as: UInt64.self)
            to.storeBytes(of: tail, toByteOffset: n - 8, as: UInt64.self)
        } else if n >= 4 && n < 8 {
            let head = from.loadUnaligned(as: UInt32.self)
            let tail = from.loadUnaligned(fromByteOffset: n - 4, as: UInt32.self)
            to.storeBytes(of: head, as: UInt32.self)
            to.storeBytes(of: tail, toByteOffset: n - 4, as: UInt32.self)
        } else {
            (base + written).update(from: p, count: n)
        }
        written += n
    }

    /// Appends one byte, making room if needed.
    @inline(__always) @inlinable public func append(_ b: UInt8) {
        reserve(1)
        put(b)
    }

    /// Appends a run of bytes, making room if needed.
    @inline(__always) @inlinable public func append(_ run: UnsafeBufferPointer<UInt8>) {
        guard let p = run.baseAddress, run.count > 0 else { return }
        reserve(run.count)
        put(p, run.count)
    }

    /// Lets `body` write `n` bytes in place; room must have been reserved.
    @inlinable public func write(count n: Int, _ body: (UnsafeMutablePointer<UInt8>) -> Void) {
        body(base + written)
        written += n
    }

    /// Lets `body` write at most `n` bytes in place (room must have been reserved); it returns how many it wrote.
    @inlinable public func write(upTo n: Int, _ body: (UnsafeMutablePointer<UInt8>) -> Int) {
        written += body(base + written)
    }

    /// The bytes written so far.
    @inlinable public func withBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try body(UnsafeRawBufferPointer(start: base, count: written))
    }

    /// The bytes written so far, valid until the next write.
    @inlinable public var bytes: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: base, count: written) }

    /// Bytes `range`, valid until the next write.
    @inlinable public func view(_ range: Range<Int>) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: base + range.lowerBound, count: range.count)
    }

    /// The bytes as an array, and the buffer empty again (its storage kept).
    public func take() -> [UInt8] {
        defer { written = 0 }
        return [UInt8](UnsafeBufferPointer(start: base, count: written))
    }
}
