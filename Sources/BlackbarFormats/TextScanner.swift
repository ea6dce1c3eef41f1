import BlackbarCore
import Dispatch
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Counts of one text scan.
public struct TextScanStats: Sendable {
    /// Bytes read.
    public var bytes = 0
    /// Blocks scanned.
    public var blocks = 0
    /// Match attempts cut short by PCRE2's limits.
    public var limitHits = 0
}

/// Scans a stream of text: reads blocks, runs the detector on all cores, and hands each block with its
/// findings (input-wide offsets, line and column) to `handler` in stream order.
public final class TextScanner {
    let detector: Detector
    let workers: Int
    let blockSize: Int
    private let scratches: [ScratchBox]

    /// The first worker's detector scratch (its counters serve the benchmark).
    public var firstScratch: DetectorScratch { scratches[0].scratch }

    /// Creates a scanner using `workers` threads (1 scans on the calling thread).
    public init(detector: Detector, workers: Int, blockSize: Int = 1 << 20) {
        self.detector = detector
        self.workers = max(1, workers)
        self.blockSize = blockSize
        scratches = (0..<max(1, workers)).map { _ in ScratchBox(DetectorScratch()) }
    }

    /// Scans everything readable from `fd`.
    ///
    /// - Parameter handler: receives each block and its findings, in order; findings are sorted and
    ///   non-overlapping, offsets are input-wide. Throwing stops the scan.
    public func scan(
        fd: Int32, name: String, handler: (TextBlock, [LocatedFinding]) throws -> Void
    ) throws -> TextScanStats {
        let lookahead = max(4096, detector.ruleSet.maxWindow * 2)
        let reader = BlockReader(fd: fd, name: name, blockSize: blockSize, lookbehind: 256, lookahead: lookahead)
        var stats = TextScanStats()
        var locator = LineLocator()
        var carryEnd = 0
        let batchSize = workers == 1 ? 1 : workers * 8
        let source = BatchSource(reader, batchSize: batchSize)
        // With several workers the next batch is read while this one is scanned: the read (a copy out of the
        // page cache, or a wait on a pipe) would otherwise leave the cores idle for a tenth of the time.
        let overlap = workers > 1
        var batch = try source.read()
        while !batch.isEmpty {
            let reading = DispatchGroup()
            if overlap { DispatchQueue.global().async(group: reading) { source.readAhead() } }
            // The reader must be done before this returns or throws: the caller closes the descriptor.
            defer { reading.wait() }
            let results = scanBatch(batch)
            // Findings are handed on before waiting for the next batch, so a paused pipe never holds
            // back the findings already made.
            for (block, result) in zip(batch, results) {
                var located: [LocatedFinding] = []
                located.reserveCapacity(result.findings.count)
                for (k, f) in result.findings.enumerated() {
                    var g = f
                    g.range = f.range.shifted(by: block.offset)
                    // A finding that crossed the previous region's end already claimed these bytes.
                    if g.range.start < carryEnd { continue }
                    carryEnd = g.range.end
                    located.append(LocatedFinding(finding: g, location: locator.locate(result.lines.before[k], start: g.range.start, in: block)))
                }
                locator.finish(block, result.lines)
                stats.blocks += 1
                try handler(block, located)
            }
            reading.wait()
            batch = overlap ? try source.takeAhead() : try source.read()
        }
        stats.bytes = reader.bytesRead
        stats.limitHits = scratches.reduce(0) { $0 + $1.scratch.limitHits }
        return stats
    }

    /// Scans a block and counts its line feeds (in the worker, so the ordered part after a batch stays short).
    private static func scanBlock(_ block: TextBlock, _ detector: Detector, _ scratch: DetectorScratch) -> BlockResult {
        block.bytes.withUnsafeBytes { bytes in
            let found = detector.scan(bytes, region: block.region, scratch: scratch)
            return BlockResult(findings: found, lines: BlockLines(bytes, region: block.region, findings: found))
        }
    }

    private func scanBatch(_ batch: [TextBlock]) -> [BlockResult] {
        let detector = self.detector
        let workers = self.workers
        let scratches = self.scratches
        if batch.count == 1 || workers == 1 {
            return batch.map { Self.scanBlock($0, detector, scratches[0].scratch) }
        }
        let slots = ResultSlots(count: batch.count)
        // Each worker takes the next unscanned block (not a fixed share), so a slow block does not leave
        // the other cores idle at the end of the batch.
        let next = Atomic<Int>(0)
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            while true {
                let i = next.wrappingAdd(1, ordering: .relaxed).oldValue
                if i >= batch.count { break }
                let block = batch[i]
                slots.set(i, Self.scanBlock(block, detector, scratches[worker].scratch))
            }
        }
        return slots.values
    }
}

/// A block's findings and its line feeds.
struct BlockResult: Sendable {
    var findings: [Finding]
    var lines: BlockLines
}

/// Line feeds of one block, counted by the worker that scanned it. A count pairs the line feeds from the
/// region's start up to some offset with the block offset just after the last of them (-1: none).
struct BlockLines: Sendable {
    typealias Count = (feeds: Int, lineStart: Int)
    /// Per finding: up to its start.
    var before: [Count] = []
    /// Up to the region's end.
    var total: Count = (0, -1)

    /// No findings, no line feeds.
    init() {}

    /// Counts for `findings` (sorted by start, each starting in or after the region).
    init(_ bytes: UnsafeRawBufferPointer, region: Range<Int>, findings: [Finding]) {
        guard let base = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return }
        var counted = region.lowerBound
        var count: Count = (0, -1)
        func advance(to target: Int) {
            let end = min(target, bytes.count)
            while counted < end, let p = memchr(base + counted, 0x0A, end - counted) {
                let at = UnsafePointer<UInt8>(p.assumingMemoryBound(to: UInt8.self)) - base
                count.feeds += 1
                count.lineStart = at + 1
                counted = at + 1
            }
            counted = max(counted, end)
        }
        before.reserveCapacity(findings.count)
        for f in findings {
            // Findings may start past the region (a value after a label at its end): count from the region.
            if f.range.start < counted { counted = region.lowerBound; count = (0, -1) }
            advance(to: f.range.start)
            before.append(count)
        }
        if region.upperBound < counted { counted = region.lowerBound; count = (0, -1) }
        advance(to: region.upperBound)
        total = count
    }
}

/// Turns a block's line-feed counts into 1-based line and byte column, carried across blocks in order.
struct LineLocator {
    /// Line number at the start of the next block's region.
    var line = 1
    /// Stream offset where that line starts.
    var lineStart = 0

    /// Line and column of a finding starting at stream offset `start`, whose counts are `count`.
    func locate(_ count: BlockLines.Count, start: Int, in block: TextBlock) -> Location {
        let lineBegins = count.lineStart >= 0 ? block.offset + count.lineStart : lineStart
        return Location(line: line + count.feeds, column: start - lineBegins + 1)
    }

    /// Moves past the block's region.
    mutating func finish(_ block: TextBlock, _ lines: BlockLines) {
        line += lines.total.feeds
        if lines.total.lineStart >= 0 { lineStart = block.offset + lines.total.lineStart }
    }
}

/// Reads batches of blocks, on the calling thread or ahead on another.
///
/// SAFETY: `@unchecked Sendable` because the reader and `ahead` are used by one thread at a time: `readAhead`
/// runs on a background thread only between the scanner's dispatch and its `wait()`, and the scanner calls
/// `takeAhead` and `read` only after that wait.
final class BatchSource: @unchecked Sendable {
    private let reader: BlockReader
    private let batchSize: Int
    private var ahead: Result<[TextBlock], InputError> = .success([])

    init(_ reader: BlockReader, batchSize: Int) {
        self.reader = reader
        self.batchSize = batchSize
    }

    /// The next batch: up to `batchSize` blocks, but never waiting for more input once a block is in hand
    /// (slow pipes). Empty at the end of the stream.
    func read() throws(InputError) -> [TextBlock] {
        var batch: [TextBlock] = []
        while batch.count < batchSize, batch.isEmpty || reader.canProduceWithoutWaiting, let block = try reader.next() {
            batch.append(block)
        }
        return batch
    }

    /// Reads the next batch and keeps it (or its error) for `takeAhead`.
    func readAhead() {
        do throws(InputError) { ahead = .success(try read()) } catch { ahead = .failure(error) }
    }

    /// The batch `readAhead` read.
    func takeAhead() throws(InputError) -> [TextBlock] {
        defer { ahead = .success([]) }
        return try ahead.get()
    }
}

/// A detector scratch handed to exactly one worker at a time.
///
/// SAFETY: `@unchecked Sendable` because worker `w` of `concurrentPerform` is the only user of
/// `scratches[w]` while a batch runs, and batches never overlap.
final class ScratchBox: @unchecked Sendable {
    let scratch: DetectorScratch
    init(_ scratch: DetectorScratch) { self.scratch = scratch }
}

/// Per-block result slots written by parallel workers.
///
/// SAFETY: `@unchecked Sendable` because each index is written by exactly one worker (each block index
/// is handed out once by an atomic counter), and `values` is read only after `concurrentPerform` returns.
final class ResultSlots: @unchecked Sendable {
    private let storage: UnsafeMutablePointer<BlockResult>
    private let count: Int

    init(count: Int) {
        self.count = count
        storage = .allocate(capacity: count)
        storage.initialize(repeating: BlockResult(findings: [], lines: BlockLines()), count: count)
    }

    func set(_ index: Int, _ value: BlockResult) { storage[index] = value }

    var values: [BlockResult] { Array(UnsafeBufferPointer(start: storage, count: count)) }

    deinit {
        storage.deinitialize(count: count)
        storage.deallocate()
    }
}
