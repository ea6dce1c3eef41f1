#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Keys of a record input found to hold no personal data, by their decoded bytes.
///
/// A key is scanned alone: no field name is context for it (`RecordPass.prepare`) and context never reaches
/// past its own bytes, so the same bytes always give the same findings. A JSON Lines file repeats the same
/// keys in every record, and they were most of what the detector read: about two thirds of the values of the
/// benchmark's JSON Lines corpus are keys. Once a key's bytes gave no finding, its later copies are not
/// scanned again; a key that gave one is scanned every time.
///
/// Hand-written, not a `Set<[UInt8]>`: it is asked about every key of every record, and a set would hash
/// with SipHash and allocate an array for each question. Open addressing with FNV-1a over bytes stored
/// flat. Bounded: at most `capacity` keys of at most `maxLength` bytes (a file whose keys are ids or dates
/// stops adding and is scanned as before).
struct CleanKeys {
    static let capacity = 4096
    static let maxLength = 64

    private var bytes: [UInt8] = []
    /// Per slot: where its key starts in `bytes` and its length; start -1 for an empty slot.
    private var slots = [(start: Int32, length: Int32)](repeating: (-1, 0), count: 2 * capacity)
    private(set) var count = 0

    /// Whether `key` is known to hold no personal data.
    func contains(_ key: UnsafeBufferPointer<UInt8>) -> Bool {
        guard count > 0, key.count <= Self.maxLength else { return false }
        return find(key).found
    }

    /// Records that `key` held no personal data.
    mutating func insert(_ key: UnsafeBufferPointer<UInt8>) {
        guard count < Self.capacity, key.count <= Self.maxLength else { return }
        let (slot, found) = find(key)
        if found { return }
        slots[slot] = (Int32(bytes.count), Int32(key.count))
        bytes.append(contentsOf: key)
        count += 1
    }

    /// The slot holding `key`, or the empty slot where it would go.
    private func find(_ key: UnsafeBufferPointer<UInt8>) -> (slot: Int, found: Bool) {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for b in key { hash = (hash ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
        let mask = slots.count - 1
        var i = Int(truncatingIfNeeded: hash ^ (hash >> 32)) & mask
        return bytes.withUnsafeBufferPointer { stored in
            while true {
                let (start, length) = slots[i]
                if start < 0 { return (i, false) }
                if Int(length) == key.count
                    && (key.isEmpty || memcmp(stored.baseAddress! + Int(start), key.baseAddress!, key.count) == 0)
                {
                    return (i, true)
                }
                i = (i + 1) & mask
            }
        }
    }
}
