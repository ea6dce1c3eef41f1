import Dispatch
import Foundation

/// A producer thread, `workers` worker threads and the calling thread, joined by one lock: jobs flow
/// producer → workers → caller, and the caller takes results in the order the jobs were produced. At most
/// `limit` jobs are produced and not yet taken by the caller, so memory stays flat.
///
/// The text scanner runs blocks through it (a job is a block, a result its findings), the record path batches
/// of records with their segments. Why not batches per `concurrentPerform`: every batch ended with one core
/// waiting for the other's last job, and reading the next left both waiting; here a worker takes the next job
/// as soon as it is free. The threads are threads of their own, not the global dispatch queue: its pool is as
/// wide as the machine has cores, so a blocked producer and blocked workers could leave a worker without one.
///
/// SAFETY: `@unchecked Sendable` because every mutable field is read and written with `condition` locked;
/// `produce` runs on the producer thread only and `work(_, w)` on worker `w`'s thread only.
public final class OrderedPipeline<Job, Result>: @unchecked Sendable {
    private let condition = NSCondition()
    private let limit: Int
    private var queue: [(Int, Job)] = []
    private var done: [Int: (Job, Result)] = [:]
    private var produced = 0
    private var handed = 0
    private var finished = false
    private var failure: Error?
    private var stopped = false
    private let threads = DispatchGroup()

    /// Starts the threads. `produce` returns the next job, nil at the end, or throws (the error reaches the
    /// caller after every job produced before it); `work` runs a job on a worker.
    public init(workers: Int, limit: Int, produce: @escaping () throws -> Job?, work: @escaping (Job, Int) -> Result) {
        self.limit = max(limit, workers)
        start { self.produceAll(produce) }
        for w in 0..<workers { start { self.workLoop(w, work) } }
    }

    private func start(_ body: @escaping () -> Void) {
        threads.enter()
        let box = UncheckedBox(body)
        Thread {
            box.value()
            self.threads.leave()
        }.start()
    }

    private func produceAll(_ produce: () throws -> Job?) {
        while true {
            condition.lock()
            while !stopped && produced - handed >= limit { condition.wait() }
            let stop = stopped
            condition.unlock()
            if stop { return }
            var job: Job? = nil
            var error: Error? = nil
            do { job = try produce() } catch let e { error = e }
            condition.lock()
            if let job {
                queue.append((produced, job))
                produced += 1
            } else {
                finished = true
                failure = error
            }
            condition.broadcast()
            condition.unlock()
            if job == nil { return }
        }
    }

    private func workLoop(_ worker: Int, _ work: (Job, Int) -> Result) {
        while true {
            condition.lock()
            while !stopped && queue.isEmpty && !finished { condition.wait() }
            if stopped || queue.isEmpty {
                condition.unlock()
                return
            }
            let (index, job) = queue.removeFirst()
            condition.unlock()
            let result = work(job, worker)
            condition.lock()
            done[index] = (job, result)
            condition.broadcast()
            condition.unlock()
        }
    }

    /// The next job in production order with its result; nil at the end.
    public func next() throws -> (Job, Result)? {
        condition.lock()
        defer { condition.unlock() }
        while true {
            if let item = done.removeValue(forKey: handed) {
                handed += 1
                condition.broadcast()
                return item
            }
            if finished && handed == produced {
                if let failure { throw failure }
                return nil
            }
            condition.wait()
        }
    }

    /// Stops every thread and waits for them.
    public func finish() {
        condition.lock()
        stopped = true
        condition.broadcast()
        condition.unlock()
        threads.wait()
    }
}

/// Hands a non-Sendable value to a thread that is its only user from then on.
struct UncheckedBox<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}
