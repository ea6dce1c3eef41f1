import BlackbarCore
import Foundation

/// Field contexts of one detector by field name, leaf name and held entity, shared by every input of a run:
/// the columns and key paths of tables and record files, and the tags of metadata. Resolving a name reads
/// every rule's word lists (about 0.6 million instructions); a folder of small tables with the same header
/// paid that for every column of every file, more than scanning their cells.
final class FieldContextCache: @unchecked Sendable {
    private struct Key: Hashable {
        let name: String
        let leaf: String?
        let holds: String?
    }

    private let detector: Detector
    private let lock = NSLock()
    private var known: [Key: FieldContext] = [:]

    init(detector: Detector) { self.detector = detector }

    /// `detector.field(name, leaf: leaf, holds: ...)` for a field found to hold `holds` (nil: nothing yet),
    /// resolved once per run.
    func context(_ name: String, leaf: String?, holds: String?) -> FieldContext {
        let key = Key(name: name, leaf: leaf, holds: holds)
        lock.lock()
        if let made = known[key] {
            lock.unlock()
            return made
        }
        lock.unlock()
        let made = detector.field(name, leaf: leaf, holds: holds.map { [$0] } ?? [])
        lock.lock()
        known[key] = made
        lock.unlock()
        return made
    }
}
