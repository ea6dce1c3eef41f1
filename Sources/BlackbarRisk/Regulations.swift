import Foundation
import Yams

/// How much harm exposure of a kind of data can do (after Google's sensitivity levels).
public enum Severity: String, Codable, Sendable, Comparable, CaseIterable {
    case low, moderate, high

    var rank: Int {
        switch self {
        case .low: return 0
        case .moderate: return 1
        case .high: return 2
        }
    }

    public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
}

/// What the GDPR says about an entity.
public struct GDPRCategories: Codable, Sendable, Equatable {
    /// Art. 4(1) identifier kind: `name`, `identification number`, `location data`, `online identifier`, or a factor.
    public var art4: String
    /// Art. 9(1) special category, when the data reveals one (`health data`).
    public var art9: String?
    /// Art. 87 national identification number or identifier of general application.
    public var art87: Bool?
}

/// What the CCPA/CPRA says about an entity.
public struct CCPACategories: Codable, Sendable, Equatable {
    /// §1798.140(v)(1) category letter with its name (`A identifiers`).
    public var category: String
    /// §1798.140(ae) sensitive personal information element, when it is one (`(ae)(1)(A) social security number`).
    public var sensitive: String?
    /// Whether it is a data element of §1798.81.5(d)(1) (breach-notifiable, private right of action under §1798.150).
    public var breach: Bool?
}

/// One entity's legal mapping and severity, from `rules/regulations.yaml`.
public struct RegulationEntry: Codable, Sendable, Equatable {
    /// GDPR categories.
    public var gdpr: GDPRCategories
    /// CCPA/CPRA categories.
    public var ccpa: CCPACategories
    /// low, moderate or high.
    public var severity: Severity
    /// Why this severity.
    public var reason: String
}

/// The whole mapping, by entity.
public struct RegulationTable: Sendable {
    /// Entries by entity name.
    public let entries: [String: RegulationEntry]

    /// Parses `regulations.yaml`.
    public init(yaml: String) throws {
        struct File: Decodable { var entities: [String: RegulationEntry] }
        entries = try YAMLDecoder().decode(File.self, from: yaml).entities
    }

    /// The entry for an entity; unknown entities (from custom packs) count as moderate, GDPR Art. 4(1) identifier.
    public func entry(for entity: String) -> RegulationEntry {
        entries[entity]
            ?? RegulationEntry(
                gdpr: GDPRCategories(art4: "identifier (unmapped entity)", art9: nil, art87: nil),
                ccpa: CCPACategories(category: "A identifiers (unmapped entity)", sensitive: nil, breach: nil),
                severity: .moderate, reason: "entity not in regulations.yaml; treated as an identifier")
    }
}
