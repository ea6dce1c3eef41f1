#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A string kept for the life of the process, one object per distinct value: rule ids, entity names,
/// look-alike notes, explanations. A `Finding` refers to its names through `unowned(unsafe)` references to
/// these, which makes it a plain value: a copy is a copy of its bytes, with no reference counting and no
/// value-witness call. With four `String`s inline, copying, storing and destroying findings on their way from
/// the detector to the printer cost about a twentieth of a scan of installed documentation in atomic
/// reference counts alone (perf, `swift_retain`, `swift_bridgeObjectRelease`, `swift_arrayDestroy`).
///
/// The set of names is bounded by the rule packs a process loads (ids, entities, their words and notes),
/// not by the data it scans, so keeping every name is safe.
public final class InternedName: Sendable, CustomStringConvertible {
    /// The value.
    public let string: String
    /// The name's number: 0 for the first name interned, 1 for the next, and so on (no gaps). Tables of
    /// what is kept per name (the printer's escaped JSON) index by it, without hashing or collisions.
    public let index: Int

    private init(_ string: String, index: Int) {
        self.string = string
        self.index = index
    }

    public var description: String { string }

    /// The one name object for `string`.
    public static func of(_ string: String) -> InternedName { table.intern(string) }

    private static let table = InternTable<String, InternedName> { InternedName($0, index: $1) }
}

/// A dictionary from values to objects that are never freed, behind a mutex.
///
/// SAFETY: `@unchecked Sendable` because `objects` is read and written only with `mutex` locked, and the
/// objects it hands out are immutable and `Sendable`.
final class InternTable<Key: Hashable, Object: AnyObject & Sendable>: @unchecked Sendable {
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private var objects: [Key: Object] = [:]
    /// Makes the object for a key and its number (how many were made before it).
    private let make: @Sendable (Key, Int) -> Object

    init(_ make: @escaping @Sendable (Key, Int) -> Object) {
        self.make = make
        pthread_mutex_init(mutex, nil)
    }

    /// The object for `key`, made on first use and kept for the life of the process (tables are static).
    func intern(_ key: Key) -> Object {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        if let known = objects[key] { return known }
        let made = make(key, objects.count)
        objects[key] = made
        return made
    }
}
