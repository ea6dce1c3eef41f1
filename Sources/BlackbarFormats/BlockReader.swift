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
    ///
    /// Each block is its own array, read into directly: the bytes kept from the block before (its lookbehind
    /// and what was read past its end) first, then the descriptor's bytes. (Reading into a shared buffer, then
    /// copying each block out of it and moving the rest down, cost the reading thread a quarter of a second per
    /// 200 MB, time taken from the workers on two cores.)
    public func next() throws(InputError) -> TextBlock? {
        let capacity = readCapacity()
        var paused = false
        var failure: Int32 = 0
        let carried = buffer
        var block = [UInt8](unsafeUninitializedCapacity: max(capacity, carried.count)) { raw, count in
            let base = UnsafeMutableRawPointer(raw.baseAddress!)
            carried.withUnsafeBytes { if $0.count > 0 { base.copyMemory(from: $0.baseAddress!, byteCount: $0.count) } }
            count = carried.count
            failure = fill(base, count: &count, capacity: capacity, paused: &paused)
        }
        let want = regionStart + blockSize + lookahead - bufferOffset
        if failure == 0 && !eof && !paused && block.count < want {
            // A regular file longer than its size said when it was opened: read on into a larger array.
            let old = block.count
            var count = old
            block.append(contentsOf: repeatElement(0, count: want - old))
            block.withUnsafeMutableBytes { failure = fill($0.baseAddress!, count: &count, capacity: want, paused: &paused) }
            block.removeLast(want - count)
        }
        let available = bufferOffset + block.count
        if failure != 0 || regionStart >= available {
            buffer = block
            if failure != 0 { throw readError(failure) }
            return nil
        }
        var end: Int
        if eof && available <= regionStart + blockSize {
            end = available
        } else if paused, available < regionStart + blockSize,
            let lastLine = block[(regionStart - bufferOffset)..<(available - bufferOffset)].lastIndex(of: 0x0A)
        {
            end = lastLine + bufferOffset + 1
        } else {
            end = regionStart + blockSize
            // End after the last line feed in the block's second half, if there is one.
            let searchFrom = regionStart + blockSize / 2
            var i = end - 1
            while i >= searchFrom {
                if block[i - bufferOffset] == 0x0A {
                    end = i + 1
                    break
                }
                i -= 1
            }
        }
        // The next block starts with what later blocks can still need: this one's last bytes as lookbehind, and
        // everything read past its end.
        let keepFrom = max(bufferOffset, end - lookbehind)
        buffer = Array(block[(keepFrom - bufferOffset)...])
        let from = max(bufferOffset, regionStart - lookbehind)
        let to = min(available, end + lookahead)
        block.removeLast(available - to)
        if from > bufferOffset { block.removeFirst(from - bufferOffset) }
        let result = TextBlock(bytes: block, region: (regionStart - from)..<(end - from), offset: from, index: nextIndex)
        nextIndex += 1
        regionStart = end
        bufferOffset = keepFrom
        return result
    }

    /// Bytes the next block's array needs room for: a block and its lookahead past the region's start, no more
    /// than a regular file (or the bytes in memory) still holds, plus one byte to see the end in the same call.
    private func readCapacity() -> Int {
        var capacity = regionStart + blockSize + lookahead - bufferOffset
        if let memory {
            capacity = min(capacity, buffer.count + memory.count - bytesRead + 1)
        } else if let expected = expectedRemaining {
            capacity = min(capacity, buffer.count + expected + 1)
        }
        return max(capacity, buffer.count)
    }

    private func readError(_ code: Int32) -> InputError {
        InputError(input: name, offset: bytesRead, reason: String(cString: strerror(code)))
    }

    /// Reads into `base[count..<capacity]` until it is full, the stream ends, or it pauses; returns errno of a
    /// failed read, else 0.
    private func fill(_ base: UnsafeMutableRawPointer, count: inout Int, capacity: Int, paused: inout Bool) -> Int32 {
        while !eof {
            if count >= capacity {
                // Full; a regular file that turned out longer than its size said reads on in the next block.
                return 0
            }
            // Nothing more to read right now and a complete line is waiting: hand it on instead of blocking.
            // (poll first: it is one cheap call; the line-feed search runs only when the stream pauses)
            let regionAt = regionStart - bufferOffset
            // (A regular file is always readable: no poll for it.)
            if memory == nil, expectedRemaining == nil, count > regionAt, !Self.isReadable(fd, waitingMilliseconds: 50),
                UnsafeRawBufferPointer(start: base + regionAt, count: count - regionAt).contains(0x0A)
            {
                paused = true
                return 0
            }
            var chunk = capacity - count
            var got = 0
            if let memory {
                got = min(chunk, memory.count - bytesRead)
                if got > 0 { memory.withUnsafeBytes { (base + count).copyMemory(from: $0.baseAddress! + bytesRead, byteCount: got) } }
            } else {
                if let expected = expectedRemaining { chunk = min(chunk, expected + 1) }
                while true {
                    let n = read(fd, base + count, chunk)
                    if n < 0 && errno == EINTR { continue }
                    if n < 0 { return errno }
                    got = n
                    break
                }
            }
            if got == 0 { eof = true }
            count += got
            bytesRead += got
            if let expected = expectedRemaining { expectedRemaining = got > expected ? nil : expected - got }
        }
        return 0
    }

    /// Whether a read on `fd` would return within `waitingMilliseconds` (data or end of stream). A short
    /// wait tells a paused writer from a bulk one that is momentarily behind the reader.
    static func isReadable(_ fd: Int32, waitingMilliseconds: Int32) -> Bool {
        var entry = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        return poll(&entry, 1, waitingMilliseconds) > 0
    }
}
