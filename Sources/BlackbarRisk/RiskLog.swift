import BlackbarCore
import Foundation

/// Writes the GDPR/CCPA risk log as JSON Lines (appending), and keeps the run's totals.
///
/// Never receives a raw value: findings arrive with their fingerprint already computed.
public final class RiskLog {
    private let handle: FileHandle?
    private let encoder: JSONEncoder
    /// The regulation mapping used for categories and severity.
    public let regulations: RegulationTable
    private(set) var byEntity: [String: Int] = [:]
    private(set) var total = 0
    private(set) var inputs = 0
    private(set) var errors = 0

    /// Opens `path` for appending (created if missing); a nil path keeps totals only.
    public init(path: String?, regulations: RegulationTable) throws {
        self.regulations = regulations
        encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        if let path {
            if !FileManager.default.fileExists(atPath: path) {
                guard FileManager.default.createFile(atPath: path, contents: nil) else {
                    throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: path])
                }
            }
            handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
            try handle?.seekToEnd()
        } else {
            handle = nil
        }
    }

    /// Whether events are written anywhere (false: totals only, so callers can skip building events).
    public var isWriting: Bool { handle != nil }

    /// Records a finding's entity in the totals without writing an event.
    public func count(entity: String) {
        byEntity[entity, default: 0] += 1
        total += 1
    }

    /// Writes any event.
    public func write<E: Encodable>(_ event: E) throws {
        guard let handle else { return }
        var data = try encoder.encode(event)
        data.append(0x0A)
        try handle.write(contentsOf: data)
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

    /// Flushes and closes the file.
    public func close() throws { try handle?.close() }

    /// The current time in ISO 8601 (UTC).
    public static func now() -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.string(from: Date())
    }
}
