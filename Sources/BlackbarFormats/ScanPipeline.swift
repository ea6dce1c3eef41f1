import Dispatch
import Foundation

/// The parallel path of `TextScanner`: one reader thread, `workers` scanning threads and the calling thread,
/// joined by one lock. Blocks flow reader → workers → caller, and the caller takes results in stream order.
///
/// Why not batches: with a batch per `concurrentPerform`, every batch ended with one core waiting for the
/// other's last block, and reading the next batch left both waiting; on two cores that cost a tenth of the
/// time. Here a worker takes the next block as soon as it is free, the reader keeps `limit` blocks ahead,
/// and memory stays flat: at most `limit` blocks are read and not yet handed to the caller.
///
/// SAFETY: `@unchecked Sendable` because every field is read and written with `condition` locked, except
/// `reader` (used by the reader thread only) and the per-worker scratches, each used by its own worker.
final class ScanPipeline: @unchecked Sendable {
    private let condition = NSCondition()
    private let reader: BlockReader
    private let limit: Int
    /// Blocks read and not yet taken by a worker, oldest first.
    private var queue: [TextBlock] = []
    /// Scanned blocks not yet handed to the caller, by block index.
    private var done: [Int: (TextBlock, BlockResult)] = [:]
    private var blocksRead = 0
    private var handed = 0
    /// The reader reached the end of the stream, or failed with `failure`.
    private var finished = false
    private var failure: InputError?
    /// The caller stopped early (its handler threw): everyone leaves.
    private var stopped = false
    private let threads = DispatchGroup()

    /// Starts the reader and the workers; `scan(block, worker)` runs on worker `worker`'s thread.
    init(
        reader: BlockReader, workers: Int, limit: Int,
        scan: @escaping @Sendable (TextBlock, Int) -> BlockResult
    ) {
        self.reader = reader
        self.limit = max(limit, workers)
        // Threads of their own, not the global dispatch queue: its pool is as wide as the machine has cores,
        // so a blocked reader and blocked workers could leave a worker waiting for a thread (or all of them).
        start { self.readAll() }
        for worker in 0..<workers { start { self.work(worker, scan) } }
    }

    private func start(_ body: @escaping @Sendable () -> Void) {
        threads.enter()
        let thread = Thread {
            body()
            self.threads.leave()
        }
        thread.start()
    }

    private func readAll() {
        while true {
            condition.lock()
            while !stopped && blocksRead - handed >= limit { condition.wait() }
            let stop = stopped
            condition.unlock()
            if stop { return }
            var block: TextBlock? = nil
            var error: InputError? = nil
            do throws(InputError) { block = try reader.next() } catch let e { error = e }
            condition.lock()
            if let block {
                queue.append(block)
                blocksRead += 1
            } else {
                finished = true
                failure = error
            }
            condition.broadcast()
            condition.unlock()
            if block == nil { return }
        }
    }

    private func work(_ worker: Int, _ scan: (TextBlock, Int) -> BlockResult) {
        while true {
            condition.lock()
            while !stopped && queue.isEmpty && !finished { condition.wait() }
            if stopped || queue.isEmpty {
                condition.unlock()
                return
            }
            // At most `limit` blocks wait here: taking the first is cheap, and the block is not kept alive.
            let block = queue.removeFirst()
            condition.unlock()
            let result = scan(block, worker)
            condition.lock()
            done[block.index] = (block, result)
            condition.broadcast()
            condition.unlock()
        }
    }

    /// The next block in stream order with its result; nil at the end. A read error is thrown after every
    /// block read before it has been handed on.
    func next() throws(InputError) -> (TextBlock, BlockResult)? {
        condition.lock()
        defer { condition.unlock() }
        while true {
            if let item = done.removeValue(forKey: handed) {
                handed += 1
                condition.broadcast()
                return item
            }
            if finished && handed == blocksRead {
                if let failure { throw failure }
                return nil
            }
            condition.wait()
        }
    }

    /// Stops every thread and waits for them (the caller closes the descriptor after this).
    func finish() {
        condition.lock()
        stopped = true
        condition.broadcast()
        condition.unlock()
        threads.wait()
    }
}
