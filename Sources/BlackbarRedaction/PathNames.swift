import BlackbarCore

/// A path with the personal data in its names replaced: one form for logs and messages, one for the
/// names of redacted output files. Components without findings are kept byte for byte.
public struct ScreenedPath: Sendable {
    /// The path as given (bytes that are not UTF-8 shown as U+FFFD when it was given as bytes).
    public let original: String
    /// For logs and messages: each value replaced by `<ENTITY:fp8>`.
    public let display: String
    /// For output file names: each value replaced by `ENTITY-fp8` (no `<`, `>` or `:`).
    public let safeName: String
    /// `safeName` as bytes, with bytes that are not UTF-8 kept as they were: what to hand the file system.
    public let safeNameBytes: [UInt8]
    /// Each value found: the index of its component (split on `/`, counting empty ones) and its entity.
    public let findings: [(component: Int, entity: String)]

    /// Whether any name in the path holds personal data.
    public var hasPersonalData: Bool { !findings.isEmpty }
}

/// Screens file and folder names for personal data, so a path such as `pn/jane.doe@gmail.com.txt` never
/// reaches a log, a message or an output name as it is.
///
/// Each component (split on `/`) is scanned on its own and whole, and again in two forms a name needs:
/// - without its last extensions: an extension can hide a value from a rule whose pattern reads it as part
///   of the value (the email rule takes `gmail.com.txt` as the domain, and its validator rejects `.txt`);
/// - with `_` read as a space: names use it between words (`John_Smith_123-45-6789.pdf`), where rules that
///   refuse a value glued to a word character (`\w` holds `_`) would not see one.
/// The findings of all scans are resolved as overlapping candidates are (`jane_doe@example.com` is found
/// whole, not as `doe@example.com`).
///
/// A screen keeps one detector scratch (its match buffers and lazily built automaton, reused from name to
/// name), shared by its copies: use one screen per thread.
public struct PathNameScreen {
    /// Returns a short hex fingerprint of a value of an entity; the caller decides the key.
    public typealias Fingerprint = (_ entity: String, _ value: [UInt8]) -> String

    /// The detector that scans each name.
    public let detector: Detector
    private let fingerprint: Fingerprint
    private let scratch = DetectorScratch()
    /// Names already screened (a folder's name recurs in every path below it).
    private let cache = NameCache()
    /// How many trailing extensions are taken off, one at a time (`name.tar.gz.1`).
    private static let maxExtensions = 4
    /// The longest extension taken off.
    private static let maxExtensionLength = 8

    /// Creates a screen.
    public init(detector: Detector, fingerprint: @escaping Fingerprint) {
        self.detector = detector
        self.fingerprint = fingerprint
    }

    /// Screens a path given as a string.
    public func screen(_ path: String) -> ScreenedPath {
        screen(bytes: Array(path.utf8), original: path)
    }

    /// Screens a path given as the file system's bytes (which need not be UTF-8).
    public func screen(bytes path: [UInt8]) -> ScreenedPath {
        screen(bytes: path, original: String(decoding: path, as: UTF8.self))
    }

    /// The findings in one file or folder name, sorted by start and not overlapping, offsets into `name`.
    public func findings(inName name: [UInt8]) -> [Finding] { findings(inNames: [name])[0] }

    /// The findings of several names, scanned as one batch of segments (one detector call for a whole path,
    /// not one per name and stem); names seen before come from a cache.
    func findings(inNames names: [[UInt8]]) -> [[Finding]] {
        var result = names.map { cache.known[$0] }
        var segments: [Segment] = []
        var owner: [Int] = []
        for (k, name) in names.enumerated() where result[k] == nil {
            let ends = [name.count] + Self.stemEnds(name)
            // Same length as the name: offsets into it are offsets into the name.
            let spaced = name.contains(0x5F) ? [name.map { $0 == 0x5F ? 0x20 : $0 }] : []
            for form in [name] + spaced {
                let buffer = SharedBytes(form)
                for end in ends where end > 0 {
                    segments.append(Segment(buffer: buffer, range: 0..<end, origin: SegmentOrigin(offset: 0)))
                    owner.append(k)
                }
            }
        }
        var found = Array(repeating: [Finding](), count: names.count)
        if !segments.isEmpty {
            for f in detector.scan(segments, scratch: scratch) { found[owner[f.segment]].append(f) }
        }
        for k in names.indices where result[k] == nil {
            let resolved = OverlapResolver.resolve(found[k].sorted { $0.range < $1.range })
            cache.known[names[k]] = resolved
            result[k] = resolved
        }
        return result.map { $0! }
    }

    /// Screens the names in many paths ahead, `batch` names to a detector call, so that `screen` then finds
    /// them cached. A folder of 2,000 small files otherwise makes 2,000 detector calls of a name or two each,
    /// and each call's fixed cost (planning windows for every rule) was a tenth of such a run. Findings are
    /// the same: segments of a batch are scanned independently.
    public func prescreen(_ paths: [String], batch: Int = 512) {
        var pending: [[UInt8]] = []
        var queued = Set<[UInt8]>()
        for path in paths {
            for part in Array(path.utf8).split(separator: 0x2F, omittingEmptySubsequences: false) {
                let name = Array(part)
                guard cache.known[name] == nil, queued.insert(name).inserted else { continue }
                pending.append(name)
                if pending.count == batch {
                    _ = findings(inNames: pending)
                    pending.removeAll(keepingCapacity: true)
                }
            }
        }
        if !pending.isEmpty { _ = findings(inNames: pending) }
    }

    private func screen(bytes path: [UInt8], original: String) -> ScreenedPath {
        var display: [UInt8] = []
        var safe: [UInt8] = []
        var found: [(component: Int, entity: String)] = []
        let names = path.split(separator: 0x2F, omittingEmptySubsequences: false).map { Array($0) }
        for (index, (name, nameFindings)) in zip(names, findings(inNames: names)).enumerated() {
            if index > 0 {
                display.append(0x2F)
                safe.append(0x2F)
            }
            var cursor = 0
            for finding in nameFindings {
                let value = Array(name[finding.range.start..<finding.range.end])
                let short = fingerprint(finding.entity, value).prefix(8)
                display += name[cursor..<finding.range.start]
                display += Array("<\(finding.entity):\(short)>".utf8)
                safe += name[cursor..<finding.range.start]
                safe += Array("\(finding.entity)-\(short)".utf8)
                cursor = finding.range.end
                found.append((index, finding.entity))
            }
            display += name[cursor...]
            safe += name[cursor...]
        }
        return ScreenedPath(
            original: original, display: String(decoding: display, as: UTF8.self),
            safeName: String(decoding: safe, as: UTF8.self), safeNameBytes: safe, findings: found)
    }

    /// Where a name ends without its last extensions, longest first: a backup's trailing `~`, then up to four
    /// extensions, each a `.` after at least one byte and 1 to 8 ASCII letters and digits holding a letter
    /// (`.txt`, `.mp3`) or 1 to 3 digits (a rotated log's `.1`, a split archive's `.001`; not `.2024`:
    /// taking a longer number off could cut a value short of what makes it one).
    static func stemEnds(_ name: [UInt8]) -> [Int] {
        var ends: [Int] = []
        var end = name.count
        if end > 1 && name[end - 1] == 0x7E {
            end -= 1
            ends.append(end)
        }
        var taken = 0
        while taken < maxExtensions, let dot = name[..<end].lastIndex(of: 0x2E), dot > 0 {
            let ext = name[(dot + 1)..<end]
            let hasLetter = ext.contains { (0x61...0x7A).contains($0 | 0x20) }
            guard (1...maxExtensionLength).contains(ext.count), hasLetter || ext.count <= 3,
                ext.allSatisfy({ (0x61...0x7A).contains($0 | 0x20) || (0x30...0x39).contains($0) })
            else { break }
            end = dot
            ends.append(end)
            taken += 1
        }
        return ends
    }
}

/// Findings of names already screened, shared by a screen's copies (one screen per thread, as its scratch).
final class NameCache {
    var known: [[UInt8]: [Finding]] = [:]
}
