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
        while true {
            var batch: [TextBlock] = []
            // Collect a batch, but never wait for more input once a block is in hand (slow pipes).
            while batch.count < batchSize, batch.isEmpty || reader.canProduceWithoutWaiting,
                let block = try reader.next()
            {
                batch.append(block)
            }
            if batch.isEmpty { break }
            let results = scanBatch(batch)
            for (block, findings) in zip(batch, results) {
                var located: [LocatedFinding] = []
                located.reserveCapacity(findings.count)
                for f in findings {
                    var g = f
                    g.range = f.range.shifted(by: block.offset)
                    // A finding that crossed the previous region's end already claimed these bytes.
                    if g.range.start < carryEnd { continue }
                    carryEnd = g.range.end
                    located.append(LocatedFinding(finding: g, location: Location()))
                }
                locator.locate(&located, in: block)
                stats.blocks += 1
                try handler(block, located)
            }
        }
        stats.bytes = reader.bytesRead
        stats.limitHits = scratches.reduce(0) { $0 + $1.scratch.limitHits }
        return stats
    }

    private func scanBatch(_ batch: [TextBlock]) -> [[Finding]] {
        let detector = self.detector
        let workers = self.workers
        let scratches = self.scratches
        if batch.count == 1 || workers == 1 {
            return batch.map { block in
                block.bytes.withUnsafeBytes { detector.scan($0, region: block.region, scratch: scratches[0].scratch) }
            }
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
                let found = block.bytes.withUnsafeBytes {
                    detector.scan($0, region: block.region, scratch: scratches[worker].scratch)
                }
                slots.set(i, found)
            }
        }
        return slots.values
    }
}

/// Turns input-wide byte offsets into 1-based line and byte column, carried across blocks.
struct LineLocator {
    /// Line number at `position`.
    var line = 1
    /// Stream offset just after the last line feed seen (start of the current line).
    var lineStart = 0
    /// Stream offset up to which line feeds have been counted.
    var position = 0

    mutating func locate(_ findings: inout [LocatedFinding], in block: TextBlock) {
        block.bytes.withUnsafeBufferPointer { bytes in
            for k in findings.indices {
                advance(to: findings[k].finding.range.start, bytes, block)
                findings[k].location.line = line
                findings[k].location.column = findings[k].finding.range.start - lineStart + 1
            }
            advance(to: block.offset + block.region.upperBound, bytes, block)
        }
    }

    private mutating func advance(to target: Int, _ bytes: UnsafeBufferPointer<UInt8>, _ block: TextBlock) {
        guard target > position, let base = bytes.baseAddress else { return }
        var i = position - block.offset
        let end = min(target - block.offset, bytes.count)
        while i < end, let p = memchr(base + i, 0x0A, end - i) {
            let at = UnsafePointer<UInt8>(p.assumingMemoryBound(to: UInt8.self)) - base
            line += 1
            lineStart = block.offset + at + 1
            i = at + 1
        }
        position = target
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
    private let storage: UnsafeMutablePointer<[Finding]>
    private let count: Int

    init(count: Int) {
        self.count = count
        storage = .allocate(capacity: count)
        storage.initialize(repeating: [], count: count)
    }

    func set(_ index: Int, _ value: [Finding]) { storage[index] = value }

    var values: [[Finding]] { Array(UnsafeBufferPointer(start: storage, count: count)) }

    deinit {
        storage.deinitialize(count: count)
        storage.deallocate()
    }
}
