import BlackbarCore
import Foundation

/// The GDPR/CCPA risk log of a run: the run's totals (its tally) and the sinks events go to.
///
/// Never receives a raw value: findings arrive with their fingerprint already computed.
public final class RiskLog {
    private var sinks: [any RiskSink]
    /// The regulation mapping used for categories and severity.
    public let regulations: RegulationTable
    private(set) var byEntity: [String: Int] = [:]
    private(set) var total = 0
    private(set) var inputs = 0
    private(set) var errors = 0

    /// A log writing to `sinks` (none: totals only).
    public init(sinks: [any RiskSink], regulations: RegulationTable) {
        self.sinks = sinks
        self.regulations = regulations
    }

    /// A JSON Lines log appended to `path`; a nil path keeps totals only.
    public convenience init(path: String?, regulations: RegulationTable) throws {
        self.init(sinks: try path.map { [try JSONLinesRiskSink(path: $0)] } ?? [], regulations: regulations)
    }

    /// Adds a sink (a log opened once the run has checked where it may go); events written before it are
    /// not repeated.
    public func add(_ sink: any RiskSink) { sinks.append(sink) }

    /// Whether events are written anywhere (false: totals only, so callers can skip building events).
    public var isWriting: Bool { !sinks.isEmpty }

    /// Records `count` findings of an entity in the totals without writing events.
    public func count(entity: String, _ count: Int = 1) {
        byEntity[entity, default: 0] += count
        total += count
    }

    /// Writes any event.
    public func write(_ event: any RiskEvent) throws {
        for sink in sinks { try sink.write(event) }
    }

    /// Records and writes a finding.
    public func record(_ event: FindingEvent) throws {
        byEntity[event.entity, default: 0] += 1
        total += 1
        try write(event)
    }

    /// Records and writes an input summary.
    public func record(_ event: InputSummaryEvent) throws {
        inputs += 1
        try write(event)
    }

    /// Counts an input that failed.
    public func recordError() { errors += 1 }

    /// The run summary for what has been recorded.
    public func summary(time: String) -> RunSummaryEvent {
        var highest: Severity? = nil
        var sensitive: [String] = [], special: [String] = [], national: [String] = [], breach: [String] = []
        for entity in byEntity.keys.sorted() {
            let entry = regulations.entry(for: entity)
            if highest == nil || entry.severity > highest! { highest = entry.severity }
            if entry.ccpa.sensitive != nil { sensitive.append(entity) }
            if entry.gdpr.art9 != nil { special.append(entity) }
            if entry.gdpr.art87 == true { national.append(entity) }
            if entry.ccpa.breach == true { breach.append(entity) }
        }
        var categories: [String] = []
        if !special.isEmpty { categories.append("GDPR Art. 9(1) special category data: " + special.joined(separator: ", ")) }
        if !national.isEmpty {
            categories.append("GDPR Art. 87 national identification numbers: " + national.joined(separator: ", "))
        }
        if !sensitive.isEmpty {
            categories.append("CCPA §1798.140(ae) sensitive personal information: " + sensitive.joined(separator: ", "))
        }
        if !breach.isEmpty {
            categories.append("CCPA §1798.81.5(d)(1) breach-notifiable data elements: " + breach.joined(separator: ", "))
        }
        if total > 0 { categories.append("GDPR Art. 4(1) personal data: " + byEntity.keys.sorted().joined(separator: ", ")) }
        let rating: RiskRating
        switch highest {
        case nil: rating = RiskRating(rating: "none", reason: "no personal data found")
        case .high?:
            let why = (special + sensitive + national).isEmpty ? "high-severity identifiers present"
                : "sensitive or special-category data present: " + Array(Set(special + sensitive + national)).sorted().joined(separator: ", ")
            rating = RiskRating(rating: "high", reason: why)
        case .moderate?: rating = RiskRating(rating: "moderate", reason: "direct identifiers present, no sensitive categories")
        case .low?: rating = RiskRating(rating: "low", reason: "only low-severity identifiers present")
        }
        return RunSummaryEvent(
            time: time, inputs: inputs, findings: total, byEntity: byEntity, highestSeverity: highest,
            categoriesPresent: categories, risk: rating, errors: errors)
    }

    /// Finishes every sink.
    public func close() throws {
        for sink in sinks { try sink.close() }
    }

    /// The current time in ISO 8601 (UTC).
    public static func now() -> String {
        // The format style, not `ISO8601DateFormatter`: that one sets up a CoreFoundation formatter per call
        // (about 2 ms at start-up); both write `2024-05-01T12:00:00.123Z`.
        Date().formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true))
    }
}
