#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A value made on first use, once: the first caller makes it while later ones wait, then all share it.
/// A pthread mutex because the standard library's `Mutex` needs macOS 15 (the package supports 13) and this
/// module does without Foundation's `NSLock`.
///
/// SAFETY: `@unchecked Sendable` because `stored` is read and written only with `mutex` locked (`make` runs
/// under it too), and the value itself is `Sendable`.
final class OnceCell<Value: Sendable>: @unchecked Sendable {
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private var stored: Value?
    private let make: @Sendable () -> Value

    /// A cell that calls `make` on the first `get()`.
    init(_ make: @escaping @Sendable () -> Value) {
        self.make = make
        pthread_mutex_init(mutex, nil)
    }

    deinit {
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
    }

    /// The value, made now if no caller has made it yet.
    func get() -> Value {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        if let stored { return stored }
        let made = make()
        stored = made
        return made
    }
}
