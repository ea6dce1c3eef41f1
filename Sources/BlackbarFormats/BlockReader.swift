#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A read failure, naming the input and the byte offset reached.
public struct InputError: Error, CustomStringConvertible, Sendable {
    /// The input's name (`-` for stdin).
    public let input: String
    /// Byte offset where reading failed.
    public let offset: Int
    /// The system's reason.
    public let reason: String
    public var description: String { "\(input): read error at byte \(offset): \(reason)" }
}

/// A piece of a byte stream: `bytes` holds some bytes before `region` (lookbehind), the region, and
/// some bytes after it (lookahead), so matches near the edges see real context.
public struct TextBlock: Sendable {
    /// Lookbehind + region + lookahead.
    public let bytes: [UInt8]
    /// The bytes this block is responsible for: matches starting here are its own.
    public let region: Range<Int>
    /// Stream offset of `bytes[0]`.
    public let offset: Int
    /// 0-based block number.
    public let index: Int
}

/// Reads a file descriptor as a sequence of blocks of about `blockSize` bytes, ending at a line feed
/// when one is near, so memory stays flat however long the stream is.
public final class BlockReader {
    /// A descriptor (-1 when the bytes are in memory).
    let fd: Int32
    /// Bytes to read instead of a descriptor (a decoded UTF-16 file).
    private let memory: [UInt8]?
    let name: String
    let blockSize: Int
    let lookbehind: Int
    let lookahead: Int
    private var buffer: [UInt8] = []
    /// Stream offset of `buffer[0]`.
    private var bufferOffset = 0
    /// Stream offset where the next region starts.
    private var regionStart = 0
    private var eof = false
    /// For a regular file: bytes its size says are still to read (from `fstat` at the start), so a small
    /// file's read asks for its size and no more; nil for a pipe, or once the file turned out longer.
    private var expectedRemaining: Int?
    private var nextIndex = 0
    /// Bytes read so far.
    public private(set) var bytesRead = 0
    /// Whether every block has been handed out (the stream ended and nothing is left).
    public var isAtEnd: Bool { eof && regionStart >= bufferOffset + buffer.count }

    /// Creates a reader. The descriptor stays open; the caller closes it.
    ///
    /// `prefix` holds bytes already read from the descriptor (a pipe's first bytes, read to sniff it).
    public init(
        fd: Int32, name: String, prefix: [UInt8] = [], blockSize: Int = 1 << 20, lookbehind: Int = 256,
        lookahead: Int = 4096
    ) {
        self.fd = fd
        memory = nil
        buffer = prefix
        bytesRead = prefix.count
        var st = stat()
        if fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG {
            let position = lseek(fd, 0, SEEK_CUR)
            if position >= 0 { expectedRemaining = max(0, Int(st.st_size) - Int(position)) }
        }
        self.name = name
        self.blockSize = max(blockSize, 1)
        self.lookbehind = lookbehind
        self.lookahead = lookahead
    }

    /// A reader over bytes already in memory.
    public init(bytes: [UInt8], name: String, blockSize: Int = 1 << 20, lookbehind: Int = 256, lookahead: Int = 4096) {
        fd = -1
        memory = bytes
        self.name = name
        self.blockSize = max(blockSize, 1)
        self.lookbehind = lookbehind
        self.lookahead = lookahead
    }

    /// The next block, or nil at the end of the stream.
    ///
    /// A stream that pauses (a pipe fed line by line) gets a shorter block ending at its last complete line,
    /// so output keeps up with input; bulk input still comes in blocks of about `blockSize`.
    public func next() throws(InputError) -> TextBlock? {
        let want = regionStart + blockSize + lookahead - bufferOffset
        var paused = false
        try fill(upTo: want, paused: &paused)
        let available = bufferOffset + buffer.count
        if regionStart >= available { return nil }
        var end: Int
        if eof && available <= regionStart + blockSize {
            end = available
        } else if paused, available < regionStart + blockSize,
            let lastLine = buffer[(regionStart - bufferOffset)..<(available - bufferOffset)].lastIndex(of: 0x0A)
        {
            end = lastLine + bufferOffset + 1
        } else {
            end = regionStart + blockSize
            // End after the last line feed in the block's second half, if there is one.
            let searchFrom = regionStart + blockSize / 2
            var i = end - 1
            while i >= searchFrom {
                if buffer[i - bufferOffset] == 0x0A {
                    end = i + 1
                    break
                }
                i -= 1
            }
        }
        let from = max(bufferOffset, regionStart - lookbehind)
        let to = min(available, end + lookahead)
        let bytes = Array(buffer[(from - bufferOffset)..<(to - bufferOffset)])
        let block = TextBlock(
            bytes: bytes, region: (regionStart - from)..<(end - from), offset: from, index: nextIndex)
        nextIndex += 1
        regionStart = end
        // Keep only what later blocks can still need.
        let keepFrom = max(bufferOffset, regionStart - lookbehind)
        if keepFrom - bufferOffset > buffer.count / 2 {
            buffer.removeFirst(keepFrom - bufferOffset)
            bufferOffset = keepFrom
        }
        return block
    }

    private func fill(upTo wanted: Int, paused: inout Bool) throws(InputError) {
        while !eof && buffer.count < wanted {
            // Nothing more to read right now and a complete line is waiting: hand it on instead of blocking.
            // (poll first: it is one cheap call; the line-feed search runs only when the stream pauses)
            if memory == nil, buffer.count > regionStart - bufferOffset, !Self.isReadable(fd, waitingMilliseconds: 50),
                buffer[(regionStart - bufferOffset)...].contains(0x0A)
            {
                paused = true
                return
            }
            // At most 256 KB a read: the buffer is zero-filled before each read, and a small file must not
            // pay for a whole block of zeros (2,000 files of 1 KB spent a tenth of their time there).
            var chunk = min(max(wanted - buffer.count, 64 * 1024), 256 * 1024)
            // A regular file's size bounds the read (one byte more, to see its end in the same call).
            if let memory {
                chunk = min(chunk, memory.count - bytesRead + 1)
            } else if let expected = expectedRemaining {
                chunk = min(chunk, expected + 1)
            }
            let old = buffer.count
            buffer.reserveCapacity(old + chunk)
            var got = 0
            var failure: Int32 = 0
            buffer.append(contentsOf: repeatElement(0, count: chunk))
            buffer.withUnsafeMutableBytes { raw in
                if let memory {
                    got = min(chunk, memory.count - bytesRead)
                    if got > 0 {
                        memory.withUnsafeBytes {
                            raw.baseAddress!.advanced(by: old).copyMemory(from: $0.baseAddress! + bytesRead, byteCount: got)
                        }
                    }
                    return
                }
                while true {
                    let n = read(fd, raw.baseAddress! + old, chunk)
                    if n < 0 && errno == EINTR { continue }
                    if n < 0 { failure = errno } else { got = n }
                    break
                }
            }
            buffer.removeLast(chunk - got)
            if failure != 0 {
                throw InputError(input: name, offset: bytesRead, reason: String(cString: strerror(failure)))
            }
            if got == 0 { eof = true }
            bytesRead += got
            if let expected = expectedRemaining { expectedRemaining = got > expected ? nil : expected - got }
        }
    }

    /// Whether a read on `fd` would return within `waitingMilliseconds` (data or end of stream). A short
    /// wait tells a paused writer from a bulk one that is momentarily behind the reader.
    static func isReadable(_ fd: Int32, waitingMilliseconds: Int32) -> Bool {
        var entry = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        return poll(&entry, 1, waitingMilliseconds) > 0
    }
}
