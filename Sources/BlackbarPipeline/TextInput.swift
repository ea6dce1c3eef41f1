import BlackbarFormats

#if canImport(Glibc)
    import Glibc
#endif

/// A failure of one input or output, as a sentence naming the file (and the position where one applies).
public struct RunError: Error, CustomStringConvertible, Sendable {
    /// The message.
    public let message: String
    /// What the run should end with because of it.
    public let status: ExitStatus

    /// Creates an error.
    public init(_ message: String, status: ExitStatus = .error) {
        self.message = message
        self.status = status
    }

    public var description: String { message }
}

/// An input opened for scanning: a stream of UTF-8 (with or without a byte-order mark), UTF-16 decoded in
/// memory, or a file that is not text.
enum TextInput {
    /// `prefix`: bytes already read from a pipe to sniff it (empty for a file, sniffed in place).
    case utf8(fd: Int32, bom: Bool, prefix: [UInt8])
    case utf16(UTF16Text, encoding: TextEncoding)
    case binary

    /// The most a UTF-16 file may hold: it is decoded in memory (UTF-16 files are rarely large).
    static let utf16Limit = 1 << 30

    /// Sniffs the first bytes of a regular file (`pread`, the offset stays): a byte-order mark decides the
    /// encoding; without one, a NUL byte in the first 8 KB means binary (unless `allowBinary`). A stream
    /// (a pipe) is sniffed by its first block instead (`TextRun`).
    static func open(fd: Int32, name: String, allowBinary: Bool) throws -> TextInput {
        var head = [UInt8](repeating: 0, count: 8192)
        var n = head.withUnsafeMutableBytes { pread(fd, $0.baseAddress, 8192, 0) }
        var prefix: [UInt8] = []
        if n < 0 && errno == ESPIPE {
            // A pipe: its first bytes are read (what has arrived, up to 8 KB) and handed on to the reader.
            repeat { n = head.withUnsafeMutableBytes { read(fd, $0.baseAddress, 8192) } } while n < 0 && errno == EINTR
            if n > 0 { prefix = Array(head[0..<n]) }
        }
        guard n > 0 else { return .utf8(fd: fd, bom: false, prefix: prefix) }
        let encoding = TextEncoding.sniff(head[0..<n])
        switch encoding {
        case .utf16LE, .utf16BE:
            var st = stat()
            fstat(fd, &st)
            guard Int(st.st_size) <= utf16Limit else {
                throw RunError("\(name): UTF-16 text larger than 1 GiB is not supported (it is decoded in memory)")
            }
            let bytes = prefix + (try readAll(fd: fd, name: name))
            return .utf16(UTF16Text(source: bytes, bigEndian: encoding == .utf16BE), encoding: encoding)
        case .utf8BOM:
            return .utf8(fd: fd, bom: true, prefix: prefix)
        case .utf8:
            if !allowBinary && head[0..<n].contains(0) { return .binary }
            return .utf8(fd: fd, bom: false, prefix: prefix)
        }
    }

    /// Every byte of a descriptor.
    static func readAll(fd: Int32, name: String) throws -> [UInt8] {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw RunError("\(name): read error at byte \(bytes.count): \(String(cString: strerror(errno)))")
            }
            if n == 0 { return bytes }
            bytes += chunk[0..<n]
        }
    }
}

extension TextEncoding {
    /// The name in the risk log, nil for plain UTF-8.
    var logName: String? {
        switch self {
        case .utf8: return nil
        case .utf8BOM: return "utf-8-bom"
        case .utf16LE: return "utf-16le"
        case .utf16BE: return "utf-16be"
        }
    }
}
