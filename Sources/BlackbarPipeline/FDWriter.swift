#if canImport(Glibc)
    import Glibc
#endif

/// The downstream reader closed the pipe: stop quietly.
public struct BrokenPipe: Error {
    /// Creates the error.
    public init() {}
}

/// A buffered writer to a file descriptor that reports write failures (and EPIPE as `BrokenPipe`).
public final class FDWriter {
    /// The descriptor written to; the writer never closes it.
    public let fd: Int32
    /// What errors call the destination: a path, or `stdout`.
    public let name: String
    /// The buffer, written through a pointer: a line per finding appended to an `[UInt8]` cost 360 instructions
    /// in the generic append.
    private let buffer: UnsafeMutableRawPointer
    private var count = 0
    private let capacity = 1 << 16

    /// Creates a writer to `fd`, named `name` in errors.
    public init(fd: Int32, name: String) {
        self.fd = fd
        self.name = name
        buffer = .allocate(byteCount: capacity, alignment: 16)
    }

    deinit { buffer.deallocate() }

    /// Buffers bytes; large writes go straight through.
    public func write(_ bytes: UnsafeRawBufferPointer) throws {
        if count + bytes.count > capacity { try flush() }
        if bytes.count >= capacity {
            try writeAll(bytes)
        } else if let source = bytes.baseAddress {
            (buffer + count).copyMemory(from: source, byteCount: bytes.count)
            count += bytes.count
        }
    }

    /// Buffers a string's UTF-8 bytes.
    public func write(_ string: String) throws {
        var s = string
        try s.withUTF8 { try write(UnsafeRawBufferPointer($0)) }
    }

    /// Writes out what is buffered.
    public func flush() throws {
        guard count > 0 else { return }
        let pending = count
        count = 0
        try writeAll(UnsafeRawBufferPointer(start: buffer, count: pending))
    }

    private func writeAll(_ bytes: UnsafeRawBufferPointer) throws {
        var done = 0
        while done < bytes.count {
            let n = Glibc.write(fd, bytes.baseAddress! + done, bytes.count - done)
            if n < 0 {
                if errno == EINTR { continue }
                if errno == EPIPE { throw BrokenPipe() }
                throw FileError(name, "write error: \(systemMessage())")
            }
            done += n
        }
    }
}

extension FDWriter: ByteOutput {}
