#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Generalized JSON key paths (`$.users[*].email`), interned once per reader: ids index `names`.
///
/// Root `$`; an object member `.key` when the decoded key matches `[A-Za-z_][A-Za-z0-9_]*`, else `['key']`
/// with `'` and `\` escaped by a backslash; an array element `[*]` (the concrete indices live in
/// `RecordBatch.indices`, and `RecordBatch.path(ofValue:fieldNames:)` fills them in).
///
/// Looking a child up hashes the key's bytes in place: no String is built unless the path is new.
struct JSONPathTable {
    /// Path strings by id; id 0 is `$`.
    private(set) var names: [String] = ["$"]
    /// The `[*]` child of each path, or -1 until it is seen.
    private var arrayChild: [Int32] = [-1]
    /// Key bytes of every interned member path, back to back.
    private var keyBytes: [UInt8] = []
    /// Open-addressing table of member paths: slot → entry index + 1 (0 = empty).
    private var slots: [Int32] = Array(repeating: 0, count: 64)
    private var entries: [Entry] = []
    /// Per path id: the member path that followed it last time in its object (records of JSON Lines
    /// repeat their keys in order, so most keys are found by one comparison, without hashing).
    private var nextSibling: [Int32] = [-1]
    /// Per path id: the member path its objects started with last time.
    private var firstMember: [Int32] = [-1]
    /// Per member path id: its entry (key bytes), or -1 for `$` and `[*]` paths.
    private var entryOf: [Int32] = [-1]

    private struct Entry {
        var parent: Int32
        var keyStart: Int32
        var keyCount: Int32
        var hash: UInt32
        var id: Int32
    }

    /// The root path's id.
    static let root = 0

    /// The id of `parent`'s array-element path (`parent[*]`).
    mutating func element(of parent: Int) -> Int {
        let known = arrayChild[parent]
        if known >= 0 { return Int(known) }
        let id = add(names[parent] + "[*]")
        arrayChild[parent] = Int32(id)
        return id
    }

    /// The id of `parent`'s member path for the decoded key `key`, `previous` being the path of the member
    /// before it in its object (-1 for the first).
    mutating func member(of parent: Int, after previous: Int, key: UnsafeBufferPointer<UInt8>) -> Int {
        let guess = Int(previous >= 0 ? nextSibling[previous] : firstMember[parent])
        if guess >= 0 {
            // Read in place: the entry through a pointer and the key compared with `memcmp` (a checked byte loop
            // and an entry copied out cost about 120 instructions a key, once per member of every record).
            let hit = entries.withUnsafeBufferPointer { entries in
                let entry = entries[Int(entryOf[guess])]
                guard Int(entry.keyCount) == key.count, entry.parent == Int32(parent) else { return false }
                return key.isEmpty || keyBytes.withUnsafeBufferPointer {
                    memcmp($0.baseAddress! + Int(entry.keyStart), key.baseAddress!, key.count) == 0
                }
            }
            if hit { return guess }
        }
        let id = lookUp(parent, key)
        if previous >= 0 { nextSibling[previous] = Int32(id) } else { firstMember[parent] = Int32(id) }
        return id
    }

    private mutating func lookUp(_ parent: Int, _ key: UnsafeBufferPointer<UInt8>) -> Int {
        var hash: UInt32 = 2_166_136_261 ^ UInt32(truncatingIfNeeded: parent &* 16_777_619)
        for b in key { hash = (hash ^ UInt32(b)) &* 16_777_619 }
        let mask = slots.count - 1
        var slot = Int(hash) & mask
        while true {
            let e = Int(slots[slot])
            if e == 0 { break }
            let entry = entries[e - 1]
            if entry.hash == hash, entry.parent == Int32(parent), Int(entry.keyCount) == key.count,
                keyMatches(Int(entry.keyStart), key)
            {
                return Int(entry.id)
            }
            slot = (slot + 1) & mask
        }
        let id = add(names[parent] + Self.segment(key))
        entryOf[id] = Int32(entries.count)
        entries.append(
            Entry(
                parent: Int32(parent), keyStart: Int32(keyBytes.count), keyCount: Int32(key.count), hash: hash,
                id: Int32(id)))
        keyBytes.append(contentsOf: key)
        slots[slot] = Int32(entries.count)
        if entries.count * 2 > slots.count { rehash() }
        return id
    }

    private func keyMatches(_ start: Int, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        while i < key.count {
            if keyBytes[start + i] != key[i] { return false }
            i += 1
        }
        return true
    }

    private mutating func add(_ name: String) -> Int {
        names.append(name)
        arrayChild.append(-1)
        nextSibling.append(-1)
        firstMember.append(-1)
        entryOf.append(-1)
        return names.count - 1
    }

    private mutating func rehash() {
        var grown = [Int32](repeating: 0, count: slots.count * 2)
        let mask = grown.count - 1
        for (i, entry) in entries.enumerated() {
            var slot = Int(entry.hash) & mask
            while grown[slot] != 0 { slot = (slot + 1) & mask }
            grown[slot] = Int32(i + 1)
        }
        slots = grown
    }

    /// `.key` for an identifier, else `['key']` with `'` and `\` escaped.
    static func segment(_ key: UnsafeBufferPointer<UInt8>) -> String {
        func isStart(_ b: UInt8) -> Bool { (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == 0x5F }
        func isPart(_ b: UInt8) -> Bool { isStart(b) || (b >= 0x30 && b <= 0x39) }
        if let first = key.first, isStart(first), key.allSatisfy(isPart) {
            return "." + String(decoding: key, as: UTF8.self)
        }
        var out: [UInt8] = [0x5B, 0x27]  // ['
        for b in key {
            if b == 0x27 || b == 0x5C { out.append(0x5C) }
            out.append(b)
        }
        out += [0x27, 0x5D]  // ']
        return String(decoding: out, as: UTF8.self)
    }
}
