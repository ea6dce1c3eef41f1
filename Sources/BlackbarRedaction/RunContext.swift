import BlackbarCore
import Foundation

/// What lives for a whole run and every operator may use: the fingerprint key, and counters scoped to the
/// run (numbered placeholders and consistent pseudonyms slot in here without a new operator interface).
///
/// SAFETY: `@unchecked Sendable` because the counters are guarded by `lock`; the fingerprinter is immutable.
public final class RunContext: @unchecked Sendable {
    /// The keyed fingerprint function (HMAC-SHA256).
    public let fingerprinter: Fingerprinter
    private let lock = NSLock()
    private var counters: [String: Int] = [:]

    /// Creates a context with a fingerprinter (its key comes from a file, `$BLACKBAR_KEY`, or is per run).
    public init(fingerprinter: Fingerprinter) { self.fingerprinter = fingerprinter }

    /// The one place that decides what a value's fingerprint is taken over: the entity and the value without
    /// separators (spaces, dashes, dots, slashes, underscores...), upper-cased, so `DE89 3704 ...` and
    /// `de8937040...` in two files correlate. Used by the risk log, file-name screening and (later) the hash
    /// and pseudonym operators.
    public static func fingerprintMaterial(entity: String, value: some Collection<UInt8>) -> [UInt8] {
        var material = Array(entity.utf8)
        material.append(UInt8(ascii: ":"))
        material += NormalizeStep.apply([.removeSeparators, .upper], to: Array(value)).filter { $0 != UInt8(ascii: "_") }
        return material
    }

    /// The keyed fingerprint of a value of `entity`: 32 hex digits.
    public func fingerprint(entity: String, value: some Collection<UInt8>) -> String {
        fingerprinter.fingerprint(Self.fingerprintMaterial(entity: entity, value: value))
    }

    /// The next number of a run-scoped counter (1, 2, 3 ...).
    public func next(_ counter: String) -> Int {
        lock.lock()
        defer { lock.unlock() }
        counters[counter, default: 0] += 1
        return counters[counter]!
    }
}
