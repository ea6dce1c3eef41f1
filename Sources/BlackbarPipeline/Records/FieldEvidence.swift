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
        /// Per entity: values holding a validated finding of it.
        var validated: [String: Int] = [:]
        /// The entity the field holds, once decided.
        var holds: String?
    }

    /// Share of values that must validate as one entity. Half, not most: a column is rarely half one entity by
    /// chance (each value must pass its validator), and mixed columns (phones written two ways, only one of
    /// which validates without a label) are common in real exports.
    static let share = 0.5
    /// Values a field needs before it can qualify.
    static let minimumValues = 10

    private(set) var fields: [Int: Counts] = [:]

    /// Counts one value of `field` and the entities validated in it.
    mutating func count(field: Int, validated entities: Set<String>) {
        fields[field, default: Counts()].values += 1
        for entity in entities { fields[field]!.validated[entity, default: 0] += 1 }
    }

    /// Fields that now qualify and did not before, with their entity (and marks them).
    mutating func newlyHolding() -> [(field: Int, entity: String)] {
        var out: [(Int, String)] = []
        for (field, counts) in fields where counts.holds == nil && counts.values >= Self.minimumValues {
            guard let (entity, n) = counts.validated.max(by: { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) })
            else { continue }
            if Double(n) >= Self.share * Double(counts.values) {
                fields[field]!.holds = entity
                out.append((field, entity))
            }
        }
        return out.sorted { $0.0 < $1.0 }
    }

    /// The entity a field holds, if decided.
    func holds(_ field: Int) -> String? { fields[field]?.holds }
}
