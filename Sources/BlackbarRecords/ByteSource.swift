#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where a record reader's bytes come from: a descriptor (a file or a pipe, read in chunks, so memory
/// stays flat) or bytes already in memory.
public final class ByteSource {
    private let fd: Int32
    private var pending: [UInt8]
    private var pendingAt = 0
    /// The input's name for read errors.
    public let name: String
    /// Bytes handed out so far.
    public private(set) var offset = 0
    /// Whether the end was reached.
    public private(set) var atEnd = false

    /// Reads `fd` (left open: the caller closes it), after `prefix` (bytes already read from it to sniff it).
    public init(fd: Int32, name: String, prefix: [UInt8] = []) {
        self.fd = fd
        self.name = name
        pending = prefix
    }

    /// Reads `bytes`.
    public init(bytes: [UInt8], name: String) {
        fd = -1
        self.name = name
        pending = bytes
    }

    /// Appends up to `count` more bytes to `buffer`; returns how many (0 only at the end).
    @discardableResult
    public func read(into buffer: inout [UInt8], count: Int) throws -> Int {
        guard !atEnd, count > 0 else { return 0 }
        if pendingAt < pending.count {
            let n = min(count, pending.count - pendingAt)
            buffer.append(contentsOf: pending[pendingAt..<(pendingAt + n)])
            pendingAt += n
            if pendingAt == pending.count {
                pending = []
                pendingAt = 0
            }
            offset += n
            return n
        }
        if fd < 0 {
            atEnd = true
            return 0
        }
        let old = buffer.count
        buffer.reserveCapacity(old + count)
        var got = 0
        buffer.append(contentsOf: repeatElement(0, count: count))
        while true {
            got = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress! + old, count) }
            if got >= 0 || errno != EINTR { break }
        }
        if got < 0 {
            let reason = String(cString: strerror(errno))
            buffer.removeLast(count)
            throw SourceReadError(input: name, offset: offset, reason: reason)
        }
        buffer.removeLast(count - got)
        if got == 0 { atEnd = true }
        offset += got
        return got
    }

    /// Every remaining byte, refusing more than `limit` (a JSON document is read whole).
    public func readAll(limit: Int) throws -> [UInt8]? {
        var bytes: [UInt8] = []
        while true {
            // Grow geometrically: `read` reserves only what one call needs, which would copy the whole
            // document again for every chunk.
            if bytes.capacity < bytes.count + (1 << 20) { bytes.reserveCapacity(max(bytes.capacity * 2, bytes.count + (1 << 20))) }
            guard try read(into: &bytes, count: 1 << 20) > 0 else { break }
            if bytes.count > limit { return nil }
        }
        return bytes
    }
}

/// A read failure, naming the input and the byte offset reached.
public struct SourceReadError: Error, CustomStringConvertible, Sendable {
    /// The input's name (`-` for stdin).
    public let input: String
    /// Byte offset where reading failed.
    public let offset: Int
    /// The system's reason.
    public let reason: String
    public var description: String { "\(input): read error at byte \(offset): \(reason)" }
}

/// Takes `buffer[0..<n]` out as an array of its own without copying it: the bytes after it (read past a batch's
/// end, about a chunk at most) move to a fresh buffer of the same capacity, which becomes `buffer`. (Copying
/// each batch's source out of the buffer was a megabyte's copy per batch.)
func splitOff(_ buffer: inout [UInt8], _ n: Int) -> [UInt8] {
    var rest: [UInt8] = []
    rest.reserveCapacity(buffer.capacity)
    rest.append(contentsOf: buffer[n...])
    buffer.removeLast(buffer.count - n)
    swap(&rest, &buffer)
    return rest
}
