import BlackbarCore

/// Whole-field evidence: when at least half of a field's values validate as one entity (96% of a column pass
/// the BSN check; a customer-number column whose international phones validate and national ones lack a
/// label), the field holds that entity, and its other values are judged as if the field were named for it
/// (a bare nine-digit BSN that the rule takes only with a label is taken there). Counts run over the records
/// read so far, so a stream keeps constant memory; a field qualifies once it has enough values.
struct FieldEvidence {
    /// A field's counts.
    struct Counts {
        /// Non-empty values scanned.
        var values = 0
        /// Per entity: values holding a validated finding of it. A short list searched by identity, not a
        /// dictionary by string: a field holds few entities, and hashing the entity's name per validated finding
        /// was about 350 instructions.
        var validated: [(entity: InternedName, count: Int)] = []
        /// The entity the field holds, once decided.
        var holds: String?
    }

    /// Share of values that must validate as one entity. Half, not most: a column is rarely half one entity by
    /// chance (each value must pass its validator), and mixed columns (phones written two ways, only one of
    /// which validates without a label) are common in real exports.
    static let share = 0.5
    /// Values a field needs before it can qualify.
    static let minimumValues = 10

    /// Per field index (fields are numbered densely by the readers): its counts. An array, not a dictionary:
    /// every value of every record is counted, and two hashed lookups per value showed in a table's scan.
    private var counts: [Counts] = []

    /// The fields counted so far, by index.
    var fields: [Int: Counts] {
        var out: [Int: Counts] = [:]
        for (field, c) in counts.enumerated() where c.values > 0 { out[field] = c }
        return out
    }

    /// Makes counts for fields `0..<fields` (a batch's values are counted per field in a local array and added
    /// once per batch: an increment per value here was a uniqueness check of the counts per cell of a table).
    mutating func makeRoom(fields: Int) {
        if fields > counts.count { counts.append(contentsOf: repeatElement(Counts(), count: fields - counts.count)) }
    }

    /// Adds `values[f]` values to field f, for every f (making room for fields not yet counted).
    mutating func addValues(_ values: [Int]) {
        makeRoom(fields: values.count)
        for (field, n) in values.enumerated() where n > 0 { counts[field].values += n }
    }

    /// Counts a validated finding of `entity` in a value of `field` (once per value and entity; the value itself
    /// is counted by `addValues`).
    mutating func countValidated(field: Int, entity: InternedName) {
        if let k = counts[field].validated.firstIndex(where: { $0.entity === entity }) {
            counts[field].validated[k].count += 1
        } else {
            counts[field].validated.append((entity, 1))
        }
    }

    /// Fields that now qualify and did not before, with their entity (and marks them).
    mutating func newlyHolding() -> [(field: Int, entity: String)] {
        var out: [(Int, String)] = []
        for field in counts.indices where counts[field].holds == nil && counts[field].values >= Self.minimumValues {
            let c = counts[field]
            // The most frequent; of equals, the first by name.
            guard
                let (name, n) = c.validated.max(by: {
                    $0.count < $1.count || ($0.count == $1.count && $0.entity.string > $1.entity.string)
                })
            else { continue }
            if Double(n) >= Self.share * Double(c.values) {
                let entity = name.string
                counts[field].holds = entity
                out.append((field, entity))
            }
        }
        return out
    }

    /// The entity a field holds, if decided.
    func holds(_ field: Int) -> String? { field < counts.count ? counts[field].holds : nil }
}
