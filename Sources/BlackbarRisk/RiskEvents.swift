import BlackbarCore

/// `run.start`: what ran, with which rules and policy.
public struct RunStartEvent: Encodable, Sendable {
    public let event = "run.start"
    public var time: String
    public var tool: String
    public var version: String
    public var command: String
    /// SHA-256 over the rule pack files used.
    public var rulePackDigest: String
    public var rules: Int
    /// Operator per entity (`default` for the rest); absent for `scan`.
    public var policy: [String: String]?
    /// Identifies the fingerprint key without revealing it (`ephemeral` for a per-run random key).
    public var keyID: String
    public var inputs: [String]
    public var minConfidence: Double

    /// Creates the event.
    public init(time: String, tool: String, version: String, command: String, rulePackDigest: String, rules: Int, policy: [String: String]?, keyID: String, inputs: [String], minConfidence: Double) {
        self.time = time
        self.tool = tool
        self.version = version
        self.command = command
        self.rulePackDigest = rulePackDigest
        self.rules = rules
        self.policy = policy
        self.keyID = keyID
        self.inputs = inputs
        self.minConfidence = minConfidence
    }

    enum CodingKeys: String, CodingKey {
        case event, time, tool, version, command, rules, policy, inputs
        case rulePackDigest = "rule_pack_digest"
        case keyID = "key_id"
        case minConfidence = "min_confidence"
    }
}

/// Where a finding is, for the log: byte range plus line/column or record/field.
public struct EventLocation: Encodable, Sendable {
    public var byteStart: Int
    public var byteEnd: Int
    public var line: Int?
    public var column: Int?
    public var record: Int?
    public var field: String?

    /// Creates the event.
    public init(byteStart: Int, byteEnd: Int, line: Int?, column: Int?, record: Int?, field: String?) {
        self.byteStart = byteStart
        self.byteEnd = byteEnd
        self.line = line
        self.column = column
        self.record = record
        self.field = field
    }

    enum CodingKeys: String, CodingKey {
        case line, column, record, field
        case byteStart = "byte_start"
        case byteEnd = "byte_end"
    }
}

/// `finding`: one piece of personal data, never its value.
public struct FindingEvent: Encodable, Sendable {
    public let event = "finding"
    public var input: String
    public var location: EventLocation
    public var entity: String
    public var rule: String
    public var confidence: Double
    public var validated: Bool
    /// Operator applied (`mask`, `placeholder`, ...) or `reported` for scans.
    public var action: String
    /// Keyed HMAC-SHA256 of the value (first 128 bits, hex): correlates equal values, reveals nothing.
    public var fingerprint: String
    public var severity: Severity
    public var gdpr: GDPRCategories
    public var ccpa: CCPACategories
    /// Creates the event.
    public init(input: String, location: EventLocation, entity: String, rule: String, confidence: Double, validated: Bool, action: String, fingerprint: String, severity: Severity, gdpr: GDPRCategories, ccpa: CCPACategories) {
        self.input = input
        self.location = location
        self.entity = entity
        self.rule = rule
        self.confidence = confidence
        self.validated = validated
        self.action = action
        self.fingerprint = fingerprint
        self.severity = severity
        self.gdpr = gdpr
        self.ccpa = ccpa
    }
}

/// `input.summary`: per input counts and hashes.
public struct InputSummaryEvent: Encodable, Sendable {
    public let event = "input.summary"
    public var input: String
    public var output: String?
    public var bytes: Int
    public var sha256Input: String
    public var sha256Output: String?
    public var findings: Int
    public var byEntity: [String: Int]
    public var bySeverity: [String: Int]
    /// Findings left in the output when rescanned (redact only); must be 0.
    public var residualFindings: Int?
    /// Set when the input was not scanned (binary), with why.
    public var skipped: String?

    /// Creates the event.
    public init(input: String, output: String?, bytes: Int, sha256Input: String, sha256Output: String?, findings: Int, byEntity: [String: Int], bySeverity: [String: Int], residualFindings: Int?, skipped: String?) {
        self.input = input
        self.output = output
        self.bytes = bytes
        self.sha256Input = sha256Input
        self.sha256Output = sha256Output
        self.findings = findings
        self.byEntity = byEntity
        self.bySeverity = bySeverity
        self.residualFindings = residualFindings
        self.skipped = skipped
    }

    enum CodingKeys: String, CodingKey {
        case event, input, output, bytes, findings, skipped
        case sha256Input = "sha256_input"
        case sha256Output = "sha256_output"
        case byEntity = "by_entity"
        case bySeverity = "by_severity"
        case residualFindings = "residual_findings"
    }
}

/// A rating of the whole run, with its reason.
public struct RiskRating: Encodable, Sendable {
    /// none, low, moderate or high.
    public var rating: String
    public var reason: String
    /// Creates the event.
    public init(rating: String, reason: String) {
        self.rating = rating
        self.reason = reason
    }
}

/// `run.summary`: totals and what the law says about what was found.
public struct RunSummaryEvent: Encodable, Sendable {
    public let event = "run.summary"
    public var time: String
    public var inputs: Int
    public var findings: Int
    public var byEntity: [String: Int]
    public var highestSeverity: Severity?
    /// Categories present, e.g. "CCPA sensitive personal information: US_SSN".
    public var categoriesPresent: [String]
    public var risk: RiskRating
    public var errors: Int

    /// Creates the event.
    public init(time: String, inputs: Int, findings: Int, byEntity: [String: Int], highestSeverity: Severity?, categoriesPresent: [String], risk: RiskRating, errors: Int) {
        self.time = time
        self.inputs = inputs
        self.findings = findings
        self.byEntity = byEntity
        self.highestSeverity = highestSeverity
        self.categoriesPresent = categoriesPresent
        self.risk = risk
        self.errors = errors
    }

    enum CodingKeys: String, CodingKey {
        case event, time, inputs, findings, risk, errors
        case byEntity = "by_entity"
        case highestSeverity = "highest_severity"
        case categoriesPresent = "categories_present"
    }
}
