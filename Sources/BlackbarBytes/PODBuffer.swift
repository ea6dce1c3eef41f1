/// Values of a plain type (no references: `_isPOD`) appended and updated through a pointer into storage that
/// grows by doubling: the open containers of the JSON scanner, read and rewritten at every key and value.
///
/// Not an array: an array's append and its element writes check uniqueness and capacity each time (the stack
/// of open containers took two such checks per key of a JSON record). Here an append is a capacity test and a
/// store, and `pointer(_:)` reaches an element directly. A reference type, so one owner at a time: the scanner
/// that holds it.
///
/// Only for what stays inside its owner: `take()` copies into an array. The scanner's values and members, handed
/// to each batch, stay arrays: kept here and copied out per batch, they cost 3.7% fewer instructions and 3% more
/// time on bench.jsonl (136 bytes a value, copied once more through the caches).
public final class PODBuffer<Element> {
    @usableFromInline var base: UnsafeMutablePointer<Element>
    @usableFromInline var capacity: Int
    @usableFromInline var written = 0

    /// An empty buffer with room for `capacity` values.
    public init(capacity: Int = 64) {
        precondition(_isPOD(Element.self), "PODBuffer holds plain values only (they are copied bitwise)")
        self.capacity = max(capacity, 4)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    /// How many values are written.
    @inlinable public var count: Int { written }

    /// Whether none is.
    @inlinable public var isEmpty: Bool { written == 0 }

    /// Makes room for `n` more values.
    @inline(__always) @inlinable public func reserve(_ n: Int) {
        if written + n > capacity { grow(written + n) }
    }

    @usableFromInline func grow(_ needed: Int) {
        (base, capacity) = grownStorage(base, written: written, capacity: capacity, needed: needed)
    }

    /// Appends a value.
    @inline(__always) @inlinable public func append(_ value: Element) {
        if written == capacity { grow(written + 1) }
        (base + written).initialize(to: value)
        written += 1
    }

    /// The value at `i` (below `count`).
    @inline(__always) @inlinable public subscript(i: Int) -> Element {
        get {
            assert(i >= 0 && i < written, "PODBuffer index out of range")
            return base[i]
        }
        set {
            assert(i >= 0 && i < written, "PODBuffer index out of range")
            base[i] = newValue
        }
    }

    /// The value at `i` (below `count`) in place, to update a field of it.
    @inline(__always) @inlinable public func pointer(_ i: Int) -> UnsafeMutablePointer<Element> {
        assert(i >= 0 && i < written, "PODBuffer index out of range")
        return base + i
    }

    /// Forgets the values after the first `n`.
    @inlinable public func truncate(to n: Int) { written = min(written, max(0, n)) }

    /// The values as an array, and the buffer emptied (its storage kept).
    public func take() -> [Element] {
        let out = Array(UnsafeBufferPointer(start: base, count: written))
        written = 0
        return out
    }
}

/// The growth step `ByteBuffer` and `PODBuffer` share: the first `written` values of `base` moved into new storage
/// for at least `needed` (twice the old capacity, or more), the old storage freed. Returns the new storage and
/// its capacity.
@usableFromInline func grownStorage<T>(
    _ base: UnsafeMutablePointer<T>, written: Int, capacity: Int, needed: Int
) -> (UnsafeMutablePointer<T>, Int) {
    let bigger = max(needed, 2 * capacity)
    let moved = UnsafeMutablePointer<T>.allocate(capacity: bigger)
    moved.moveInitialize(from: base, count: written)
    base.deallocate()
    return (moved, bigger)
}
