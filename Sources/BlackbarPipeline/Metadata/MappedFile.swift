#if canImport(Glibc)
    import Glibc
#endif

/// A whole input's bytes for the metadata path: a read-only mapping of a file (a video's `mdat` is copied
/// from it to the output without being read into memory), or the bytes of stdin.
final class MappedFile {
    private let base: UnsafeMutableRawPointer?
    private let length: Int
    private let owned: [UInt8]?

    /// Maps the file open on `fd`.
    init(fd: Int32, name: String) throws {
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw RunError("\(name): cannot stat: \(String(cString: strerror(errno)))") }
        length = Int(st.st_size)
        owned = nil
        if length == 0 {
            base = nil
            return
        }
        let p = mmap(nil, length, PROT_READ, MAP_PRIVATE, fd, 0)
        guard let p, p != MAP_FAILED else { throw RunError("\(name): cannot map: \(String(cString: strerror(errno)))") }
        base = p
    }

    /// Holds bytes already read (stdin).
    init(bytes: [UInt8]) {
        owned = bytes
        base = nil
        length = bytes.count
    }

    deinit { if let base, owned == nil { munmap(base, length) } }

    /// Runs `body` with the bytes.
    func withBytes<T>(_ body: (UnsafeRawBufferPointer) throws -> T) rethrows -> T {
        if let owned { return try owned.withUnsafeBytes(body) }
        return try body(UnsafeRawBufferPointer(start: base, count: length))
    }
}
