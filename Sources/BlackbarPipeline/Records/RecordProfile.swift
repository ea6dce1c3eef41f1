import BlackbarCore
import BlackbarRecords
import BlackbarRisk

/// What a buyer asks of a table first: per field, which personal data it holds and how much, and whether the
/// records can be told apart by quasi-identifiers even with every direct identifier removed (k-anonymity).
public struct RecordProfile: Encodable, Sendable {
    /// The input's name.
    public var input: String
    /// `csv`, `tsv`, `json` or `jsonl`.
    public var format: String
    /// Records profiled.
    public var records: Int
    /// Whether reading stopped at `--sample` records.
    public var sampled: Bool
    /// One entry per field, in the order fields were first seen.
    public var fields: [FieldProfile]
    /// The fields read as quasi-identifiers.
    public var quasiIdentifiers: [String]
    /// The smallest number of records sharing one combination of quasi-identifier values (k of
    /// k-anonymity); nil without quasi-identifiers.
    public var kAnonymity: Int?
    /// Records whose quasi-identifier values no other record shares.
    public var uniqueRecords: Int?
    /// `uniqueRecords` over `records`.
    public var uniqueShare: Double?

    /// One field.
    public struct FieldProfile: Encodable, Sendable {
        /// Column name or JSON general path.
        public var field: String
        /// 1-based column index (tables).
        public var index: Int?
        /// Records with a non-empty value in the field.
        public var values: Int
        /// Entities found in it, most frequent first.
        public var entities: [EntityShare]
        /// The entity most values validate as (whole-field evidence), if any.
        public var holds: String?
        /// The quasi-identifier kind its name says (`postcode`, `birth date`, `gender` ...).
        public var quasiIdentifier: String?
        /// What to do with it before a sale.
        public var suggested: String

        enum CodingKeys: String, CodingKey {
            case field, index, values, entities, holds, suggested
            case quasiIdentifier = "quasi_identifier"
        }
    }

    /// An entity in a field.
    public struct EntityShare: Encodable, Sendable {
        /// The entity.
        public var entity: String
        /// Records holding it in this field.
        public var records: Int
        /// `records` over all records profiled.
        public var share: Double
        /// Median confidence of its findings.
        public var confidence: Double
        /// Its severity.
        public var severity: String
    }

    enum CodingKeys: String, CodingKey {
        case input, format, records, sampled, fields
        case quasiIdentifiers = "quasi_identifiers"
        case kAnonymity = "k_anonymity"
        case uniqueRecords = "unique_records"
        case uniqueShare = "unique_share"
    }
}

extension TextRun {
    /// Profiles a record input: scans it (up to `options.sample` records) and counts per field.
    public func profileRecords(_ input: RunInput, format: RecordFormat, options: RecordOptions) throws -> RecordProfile {
        var profile: RecordProfile?
        _ = try withRecords(input, format: format, options: options) { pass, tally in
            profile = try pass.profile(sample: options.sample)
            return tally.outcome
        }
        return profile!
    }
}

extension RecordPass {
    /// Per field and entity: records holding it, and a histogram of confidences (hundredths).
    private struct Tallies {
        var records = 0
        var confidences = [Int](repeating: 0, count: 101)
    }

    func profile(sample: Int?) throws -> RecordProfile {
        var order: [Int] = []
        var seen = Set<Int>()
        var nonEmpty: [Int: Int] = [:]
        var tallies: [Int: [String: Tallies]] = [:]
        var groups: [Int: Int] = [:]
        var qiKinds: [Int: String?] = [:]
        var records = 0
        var sampled = false
        func qiKind(_ field: Int) -> String? {
            if let known = qiKinds[field] { return known }
            let name = names[field]
            let kind = QuasiIdentifiers.kind(ofField: format.isTable ? name : Self.fieldLeaf(of: name))
            qiKinds[field] = kind
            return kind
        }
        var names: [String] = []
        try forEachBatch { prepared, findings in
            let batch = prepared.batch
            names = prepared.fieldNames
            var byValue: [Int: [Finding]] = [:]
            for item in findings { byValue[item.value, default: []].append(item.finding) }
            for record in batch.records where record.number > 0 {
                if let sample, records >= sample {
                    sampled = true
                    return false
                }
                records += 1
                var qi: [(Int, ArraySlice<UInt8>)] = []
                var counted = Set<String>()
                var filled = Set<Int>()
                for v in record.values {
                    let value = batch.values[v]
                    guard value.kind != .key else { continue }
                    if seen.insert(value.field).inserted { order.append(value.field) }
                    if !value.decoded.isEmpty && value.kind != .literal && filled.insert(value.field).inserted {
                        nonEmpty[value.field, default: 0] += 1
                    }
                    if qiKind(value.field) != nil { qi.append((value.field, batch.decoded[value.decoded])) }
                    for f in byValue[v] ?? [] {
                        let key = "\(value.field)\u{0}\(f.entity)"
                        var t = tallies[value.field, default: [:]][f.entity] ?? Tallies()
                        if counted.insert(key).inserted { t.records += 1 }
                        t.confidences[min(100, max(0, Int((f.confidence * 100).rounded())))] += 1
                        tallies[value.field, default: [:]][f.entity] = t
                    }
                }
                var hasher = Hasher()
                for (field, bytes) in qi.sorted(by: { $0.0 < $1.0 }) {
                    hasher.combine(field)
                    hasher.combine(Self.normalized(bytes))
                }
                groups[hasher.finalize(), default: 0] += 1
            }
            return true
        }
        let regulations = run.riskLog.regulations
        var fields: [RecordProfile.FieldProfile] = []
        var qiNames: [String] = []
        let safe = shown(names)
        for field in order {
            let name = safe[field]
            var shares: [RecordProfile.EntityShare] = []
            for (entity, t) in tallies[field] ?? [:] {
                shares.append(.init(
                    entity: entity, records: t.records, share: records == 0 ? 0 : Double(t.records) / Double(records),
                    confidence: Self.median(t.confidences), severity: regulations.entry(for: entity).severity.rawValue))
            }
            shares.sort { ($0.records, $1.entity) > ($1.records, $0.entity) }
            let holds = evidence.holds(field)
            let qi = qiKind(field)
            if qi != nil { qiNames.append(name) }
            fields.append(.init(
                field: name, index: format.isTable ? field + 1 : nil, values: nonEmpty[field] ?? 0, entities: shares,
                holds: holds, quasiIdentifier: qi,
                suggested: Self.suggestion(name: name, shares: shares, holds: holds, qi: qi, table: format.isTable)))
        }
        var profile = RecordProfile(
            input: input.display, format: format.rawValue, records: records, sampled: sampled, fields: fields,
            quasiIdentifiers: qiNames)
        if !qiNames.isEmpty && records > 0 {
            profile.kAnonymity = groups.values.min()
            let unique = groups.values.filter { $0 == 1 }.count
            profile.uniqueRecords = unique
            profile.uniqueShare = Double(unique) / Double(records)
        }
        return profile
    }

    /// A value as compared for k-anonymity: trimmed, ASCII lower-cased.
    static func normalized(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
        var s = bytes
        while let f = s.first, f == 0x20 || f == 0x09 { s = s.dropFirst() }
        while let l = s.last, l == 0x20 || l == 0x09 { s = s.dropLast() }
        return s.map { $0 &- 0x41 < 26 ? $0 | 0x20 : $0 }
    }

    static func median(_ histogram: [Int]) -> Double {
        let total = histogram.reduce(0, +)
        guard total > 0 else { return 0 }
        var seen = 0
        for (i, n) in histogram.enumerated() {
            seen += n
            if seen * 2 >= total { return Double(i) / 100 }
        }
        return 1
    }

    /// What to do with a field before a sale.
    static func suggestion(
        name: String, shares: [RecordProfile.EntityShare], holds: String?, qi: String?, table: Bool
    ) -> String {
        let flag = table ? "--drop-column \(name)" : "--drop-column '\(name)'"
        if let top = shares.first, holds != nil || top.share >= 0.5 {
            return top.severity == "high" ? "drop (\(flag)) or replace every value" : "replace every value (placeholder) or drop"
        }
        if let qi { return "generalize or drop: quasi-identifier (\(qi))" }
        if !shares.isEmpty { return "redact the findings (free text)" }
        return "keep"
    }
}
