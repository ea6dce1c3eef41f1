import BlackbarCore
import BlackbarFormats

#if canImport(Glibc)
    import Glibc
#endif

/// Detection of upcoming small text files on worker threads while the run handles the current one.
///
/// A run handles its inputs one after another (findings, risk events and outputs come in input order), and a
/// file of one block gives the block pipeline nothing to share between workers: on a folder of 2,000 files of
/// 1 KB, two workers took 1.3 s where one took 0.85 s (threads started per file). Here whole small files are read and scanned ahead, in input
/// order, by `workers` threads with scratch of their own; the run takes each result when it reaches that
/// input. Whatever is not plainly a small UTF-8 text file (a folder, a pipe, a large file, a byte-order mark,
/// a NUL byte, a record format) gets no result and goes the ordinary way, so findings never differ.
final class TextLookahead {
    /// What a worker made of one input: its bytes scanned, or nil (the run reads it itself).
    struct Ahead: Sendable {
        let path: String
        let scanned: ScannedInput?
    }

    private let pipeline: OrderedPipeline<[RunInput], [Ahead]>
    private let paths: Set<String>
    /// Results taken from the pipeline and not yet asked for, in input order.
    private var pending: [Ahead] = []
    private var done = false

    /// Inputs per job, at most: handing each 1 KB file to a worker on its own cost more in locking and waking
    /// threads than scanning it. A job also ends once its files reach `batchBytes`, so the jobs in flight
    /// (four per worker) hold a few MB, not 16 files of up to `maximumBytes` each.
    static let batch = 16
    static let batchBytes = 1 << 20

    /// Starts reading and scanning `inputs` ahead (files of at most `maximumBytes`).
    /// - Parameter isRecords: whether the run reads an input as records instead of text (no scan then), given
    ///   its first `TextRun.headBytes` bytes (read once with the rest of the file, not again to sniff it).
    init(
        inputs: [RunInput], scanner: TextScanner, workers: Int, allowBinary: Bool, maximumBytes: Int,
        isRecords: @escaping @Sendable (RunInput, [UInt8]) -> Bool
    ) {
        paths = Set(inputs.map(\.path))
        var next = 0
        let scratches = (0..<workers).map { _ in DetectorScratch() }
        pipeline = OrderedPipeline(
            workers: workers, limit: workers * 4,
            produce: {
                guard next < inputs.count else { return nil }
                var job: [RunInput] = []
                var bytes = 0
                while next < inputs.count && job.count < Self.batch && bytes < Self.batchBytes {
                    bytes += Self.size(of: inputs[next])
                    job.append(inputs[next])
                    next += 1
                }
                return job
            },
            work: { batch, worker in
                batch.map { input in
                    guard !input.isStdin, let bytes = Self.readSmall(input.path, maximumBytes: maximumBytes),
                        !isRecords(input, Array(bytes.prefix(TextRun.headBytes))),
                        Self.isPlainText(bytes, allowBinary: allowBinary)
                    else { return Ahead(path: input.path, scanned: nil) }
                    return Ahead(
                        path: input.path,
                        scanned: scanner.scanWhole(bytes, name: input.display, scratch: scratches[worker]))
                }
            })
    }

    /// The result for `input`, if it was scanned ahead. Inputs must be asked for in the order given (inputs
    /// the run handled without asking are passed over).
    func take(_ input: RunInput) -> ScannedInput? {
        guard paths.contains(input.path) else { return nil }
        while true {
            while let first = pending.first {
                pending.removeFirst()
                if first.path == input.path { return first.scanned }
            }
            guard !done, let (_, results) = try? pipeline.next() else {
                done = true
                return nil
            }
            pending = results
        }
    }

    /// Stops the threads.
    func finish() { pipeline.finish() }

    /// The size `stat` gives (0 when it fails: the worker then finds out).
    private static func size(of input: RunInput) -> Int {
        var st = stat()
        return !input.isStdin && stat(input.path, &st) == 0 ? Int(st.st_size) : 0
    }

    /// The whole file when it is a regular file of at most `maximumBytes`, else nil.
    private static func readSmall(_ path: String, maximumBytes: Int) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG, Int(st.st_size) <= maximumBytes else { return nil }
        // One byte more than the size says: a file that grew since is left to the ordinary path.
        var bytes = [UInt8](repeating: 0, count: Int(st.st_size) + 1)
        var got = 0
        while got < bytes.count {
            let n = bytes.withUnsafeMutableBytes { read(fd, $0.baseAddress! + got, $0.count - got) }
            if n < 0 && errno == EINTR { continue }
            if n < 0 { return nil }
            if n == 0 { break }
            got += n
        }
        guard got == Int(st.st_size) else { return nil }
        bytes.removeLast()
        return bytes
    }

    /// Plain UTF-8 as `TextInput` sniffs it: no byte-order mark, and no NUL byte in the first 8 KB unless
    /// binary files are scanned as text.
    static func isPlainText(_ bytes: [UInt8], allowBinary: Bool) -> Bool {
        let head = bytes.prefix(8192)
        guard TextEncoding.sniff(head) == .utf8 else { return false }
        return allowBinary || !head.contains(0)
    }
}
