import BlackbarPipeline
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The downstream reader closed the pipe: stop quietly.
struct BrokenPipe: Error {}

/// A buffered writer to a file descriptor that reports write failures (and EPIPE as `BrokenPipe`).
final class FDWriter {
    let fd: Int32
    let name: String
    private var buffer: [UInt8] = []
    private let capacity = 1 << 16

    init(fd: Int32, name: String) {
        self.fd = fd
        self.name = name
        buffer.reserveCapacity(capacity)
    }

    func write(_ bytes: UnsafeRawBufferPointer) throws {
        if buffer.count + bytes.count > capacity { try flush() }
        if bytes.count >= capacity {
            try writeAll(bytes)
        } else {
            buffer.append(contentsOf: bytes)
        }
    }

    func write(_ string: String) throws {
        var s = string
        try s.withUTF8 { try write(UnsafeRawBufferPointer($0)) }
    }

    func flush() throws {
        guard !buffer.isEmpty else { return }
        try buffer.withUnsafeBytes { try writeAll($0) }
        buffer.removeAll(keepingCapacity: true)
    }

    private func writeAll(_ bytes: UnsafeRawBufferPointer) throws {
        var done = 0
        while done < bytes.count {
            let n = Glibc.write(fd, bytes.baseAddress! + done, bytes.count - done)
            if n < 0 {
                if errno == EINTR { continue }
                if errno == EPIPE { throw BrokenPipe() }
                throw CLIError("\(name): write error: \(String(cString: strerror(errno)))")
            }
            done += n
        }
    }
}

/// A file written beside its final path and renamed into place only when complete, so a reader
/// never sees half an output and a failure leaves the old file (or nothing) behind.
final class AtomicFile {
    let finalPath: String
    let tempPath: String
    let writer: FDWriter
    private var finished = false

    init(path: String) throws {
        finalPath = path
        let directory = (path as NSString).deletingLastPathComponent
        let dir = directory.isEmpty ? "." : directory
        do {
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        } catch {
            throw CLIError("\(dir): cannot create the folder: \(error.localizedDescription)")
        }
        var template = Array(
            ((dir as NSString).appendingPathComponent("." + (path as NSString).lastPathComponent + ".blackbar-XXXXXX"))
                .utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw CLIError("\(path): cannot create a temporary file: \(String(cString: strerror(errno)))") }
        tempPath = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        writer = FDWriter(fd: fd, name: path)
    }

    /// Flushes, syncs and renames into place, keeping the mode of an existing file at that path.
    func commit() throws {
        try writer.flush()
        var st = stat()
        if stat(finalPath, &st) == 0 { fchmod(writer.fd, st.st_mode & 0o7777) } else { fchmod(writer.fd, 0o644) }
        guard fsync(writer.fd) == 0 else { throw CLIError("\(finalPath): cannot sync: \(String(cString: strerror(errno)))") }
        close(writer.fd)
        guard rename(tempPath, finalPath) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(tempPath)
            throw CLIError("\(finalPath): cannot rename into place: \(reason)")
        }
        finished = true
    }

    /// Removes the temporary file after a failure.
    func abandon() {
        guard !finished else { return }
        close(writer.fd)
        unlink(tempPath)
        finished = true
    }

    deinit { abandon() }
}

extension FDWriter: ByteOutput {}
