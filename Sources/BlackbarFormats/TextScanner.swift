import BlackbarCore
import CBlackbarSIMD

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
    ///
    /// `prefix`: bytes already read from `fd` (a pipe's first bytes, read to sniff its encoding).
    public func scan(
        fd: Int32, name: String, prefix: [UInt8] = [], handler: (TextBlock, [LocatedFinding]) throws -> Void
    ) throws -> TextScanStats {
        let reader = BlockReader(
            fd: fd, name: name, prefix: prefix, blockSize: blockSize, lookbehind: 256, lookahead: lookahead)
        return try scan(reader, handler)
    }

    /// Scans bytes already in memory (a decoded UTF-16 file), in blocks as a stream would be.
    public func scan(bytes: [UInt8], name: String, handler: (TextBlock, [LocatedFinding]) throws -> Void) throws
        -> TextScanStats
    {
        try scan(BlockReader(bytes: bytes, name: name, blockSize: blockSize, lookbehind: 256, lookahead: lookahead), handler)
    }

    /// Scans a whole input already in memory that fits one block, on `scratch` (a thread of the caller's, not
    /// one of this scanner's workers); nil when it does not fit one block. `deliver` hands the result on.
    /// This lets a run detect upcoming small files on other threads while it handles the current one.
    public func scanWhole(_ bytes: [UInt8], name: String, scratch: DetectorScratch) -> ScannedInput? {
        let reader = BlockReader(bytes: bytes, name: name, blockSize: blockSize, lookbehind: 256, lookahead: lookahead)
        let block = try? reader.next()
        guard reader.isAtEnd else { return nil }
        guard let block else { return ScannedInput(block: nil, bytes: 0, limitHits: 0) }
        let hits = scratch.limitHits
        let result = Self.scanBlock(block, detector, scratch)
        return ScannedInput(block: (block, result), bytes: reader.bytesRead, limitHits: scratch.limitHits - hits)
    }

    /// Hands a `scanWhole` result to `handler` as `scan` would have.
    public func deliver(_ scanned: ScannedInput, handler: (TextBlock, [LocatedFinding]) throws -> Void) throws
        -> TextScanStats
    {
        var delivery = Delivery()
        if let (block, result) = scanned.block { try delivery.hand(block, result, to: handler) }
        delivery.stats.bytes = scanned.bytes
        delivery.stats.limitHits = scanned.limitHits
        return delivery.stats
    }

    /// Bytes after a block's region that its matches and context may read.
    private var lookahead: Int { max(4096, detector.ruleSet.maxWindow * 2) }

    private func scan(_ reader: BlockReader, _ handler: (TextBlock, [LocatedFinding]) throws -> Void) throws
        -> TextScanStats
    {
        var delivery = Delivery()
        let detector = self.detector
        let scratches = self.scratches
        let hitsBefore = scratches.reduce(0) { $0 + $1.scratch.limitHits }
        // An input of one block (most files) is scanned on this thread: starting workers for a single block
        // cost more than the block (a folder of 2,000 files of 1 KB took twice as long with two workers).
        var first = workers == 1 ? nil : try reader.next()
        if workers == 1 || reader.isAtEnd {
            if let block = first { try delivery.hand(block, Self.scanBlock(block, detector, scratches[0].scratch), to: handler) }
            while let block = try reader.next() {
                try delivery.hand(block, Self.scanBlock(block, detector, scratches[0].scratch), to: handler)
            }
        } else {
            // Four blocks in flight per worker keep every core busy; memory stays a few blocks per worker.
            let pipeline = OrderedPipeline<TextBlock, BlockResult>(
                workers: workers, limit: workers * 4,
                produce: {
                    if let block = first {
                        first = nil
                        return block
                    }
                    return try reader.next()
                },
                work: { block, worker in Self.scanBlock(block, detector, scratches[worker].scratch) })
            do {
                while let (block, result) = try pipeline.next() { try delivery.hand(block, result, to: handler) }
            } catch {
                // The reader must be done before this returns: the caller closes the descriptor.
                pipeline.finish()
                throw error
            }
            pipeline.finish()
        }
        delivery.stats.bytes = reader.bytesRead
        // The scratches count from their creation: this input's share is the difference.
        delivery.stats.limitHits = scratches.reduce(0) { $0 + $1.scratch.limitHits } - hitsBefore
        return delivery.stats
    }

    /// Turns each block's findings into input-wide ones with line and column, in stream order.
    private struct Delivery {
        var stats = TextScanStats()
        var locator = LineLocator()
        var carryEnd = 0

        mutating func hand(
            _ block: TextBlock, _ result: BlockResult, to handler: (TextBlock, [LocatedFinding]) throws -> Void
        ) throws {
            var located: [LocatedFinding] = []
            located.reserveCapacity(result.findings.count)
            for (k, f) in result.findings.enumerated() {
                var g = f
                g.range = f.range.shifted(by: block.offset)
                // A finding that crossed the previous region's end already claimed these bytes.
                if g.range.start < carryEnd { continue }
                carryEnd = g.range.end
                let location = locator.locate(result.lines.before[k], start: g.range.start, in: block)
                located.append(LocatedFinding(finding: g, location: location))
            }
            locator.finish(block, result.lines)
            stats.blocks += 1
            try handler(block, located)
        }
    }

    /// Scans a block and counts its line feeds (in the worker, so the ordered part stays a few additions
    /// per finding).
    private static func scanBlock(_ block: TextBlock, _ detector: Detector, _ scratch: DetectorScratch) -> BlockResult {
        block.bytes.withUnsafeBytes { bytes in
            let found = detector.scan(bytes, region: block.region, scratch: scratch)
            return BlockResult(findings: found, lines: BlockLines(bytes, region: block.region, findings: found))
        }
    }
}

/// A whole input scanned ahead as one block (`TextScanner.scanWhole`); `block` nil for an empty input.
public struct ScannedInput: Sendable {
    let block: (TextBlock, BlockResult)?
    /// Bytes read.
    public let bytes: Int
    /// Matches cut short by PCRE2's limits.
    let limitHits: Int
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
            guard counted < end else { return }
            // Counted sixteen bytes at a time (`memchr` per line feed paid a call for every line of the text).
            var last = -1
            count.feeds += bb_count_byte(base + counted, end - counted, 0x0A, &last)
            if last >= 0 { count.lineStart = counted + last + 1 }
            counted = end
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

/// A detector scratch handed to exactly one worker at a time.
///
/// SAFETY: `@unchecked Sendable` because worker `w` of the scan pipeline is the only user of `scratches[w]`,
/// and a scanner runs one scan at a time.
final class ScratchBox: @unchecked Sendable {
    let scratch: DetectorScratch
    init(_ scratch: DetectorScratch) { self.scratch = scratch }
}
