import BlackbarCore

/// `run.start`: what ran, with which rules and policy.
public struct RunStartEvent: RiskEvent {
    /// The event type, as written in the log.
    public let event = "run.start"
    /// When the event was written (ISO 8601, UTC).
    public var time: String
    /// The tool that wrote the log.
    public var tool: String
    /// The tool version.
    public var version: String
    /// The command that ran (`scan` or `redact`).
    public var command: String
    /// SHA-256 over the rule pack files used.
    public var rulePackDigest: String
    /// How many rules were loaded.
    public var rules: Int
    /// Operator per entity (`default` for the rest); absent for `scan`.
    public var policy: [String: String]?
    /// Identifies the fingerprint key without revealing it (`ephemeral` for a per-run random key).
    public var keyID: String
    /// The inputs as given on the command line (or the number of inputs, in the summary).
    public var inputs: [String]
    /// The minimum confidence a finding needed to be reported.
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

/// `finding`: one piece of personal data, never its value.
public struct FindingEvent: RiskEvent {
    /// The event type, as written in the log.
    public let event = "finding"
    /// The input (path, or `-` for stdin).
    public var input: String
    /// The value's bytes in the input.
    public var range: ByteRange
    /// Where the value sits, in terms a person reads.
    public var location: Location
    /// What kind of data it is (`EMAIL_ADDRESS`).
    public var entity: String
    /// The rule that found it.
    public var rule: String
    /// How sure the detector is, 0 to 1.
    public var confidence: Double
    /// Whether a checksum or structure validator confirmed it.
    public var validated: Bool
    /// Operator applied (`mask`, `placeholder`, ...) or `reported` for scans.
    public var action: String
    /// Keyed HMAC-SHA256 of the value (first 128 bits, hex): correlates equal values, reveals nothing.
    public var fingerprint: String
    /// low, moderate or high, from regulations.yaml (low for a look-alike: `note` says why).
    public var severity: Severity
    /// Why a value of its entity's shape is low risk (a reserved example domain, a test card number).
    public var note: String?
    /// GDPR categories of the entity.
    public var gdpr: GDPRCategories
    /// CCPA/CPRA categories of the entity.
    public var ccpa: CCPACategories
    /// Creates the event.
    public init(input: String, range: ByteRange, location: Location, entity: String, rule: String, confidence: Double, validated: Bool, action: String, fingerprint: String, severity: Severity, gdpr: GDPRCategories, ccpa: CCPACategories, note: String? = nil) {
        self.input = input
        self.range = range
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
        self.note = note
    }

    enum CodingKeys: String, CodingKey {
        case event, input, location, entity, rule, confidence, validated, action, fingerprint, severity, note, gdpr, ccpa
    }

    enum LocationKeys: String, CodingKey {
        case line, column, record, field
        case fieldIndex = "field_index"
        case valueStart = "value_start"
        case valueEnd = "value_end"
        case byteStart = "byte_start"
        case byteEnd = "byte_end"
    }

    /// The log keeps one `location` object: the byte range beside the line and column (or record and field).
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(event, forKey: .event)
        try c.encode(input, forKey: .input)
        var l = c.nestedContainer(keyedBy: LocationKeys.self, forKey: .location)
        try l.encode(range.start, forKey: .byteStart)
        try l.encode(range.end, forKey: .byteEnd)
        try l.encodeIfPresent(location.line, forKey: .line)
        try l.encodeIfPresent(location.column, forKey: .column)
        try l.encodeIfPresent(location.record, forKey: .record)
        try l.encodeIfPresent(location.field, forKey: .field)
        try l.encodeIfPresent(location.fieldIndex, forKey: .fieldIndex)
        try l.encodeIfPresent(location.inValue?.lowerBound, forKey: .valueStart)
        try l.encodeIfPresent(location.inValue?.upperBound, forKey: .valueEnd)
        try c.encode(entity, forKey: .entity)
        try c.encode(rule, forKey: .rule)
        try c.encode(confidence, forKey: .confidence)
        try c.encode(validated, forKey: .validated)
        try c.encode(action, forKey: .action)
        try c.encode(fingerprint, forKey: .fingerprint)
        try c.encode(severity, forKey: .severity)
        try c.encodeIfPresent(note, forKey: .note)
        try c.encode(gdpr, forKey: .gdpr)
        try c.encode(ccpa, forKey: .ccpa)
    }
}

/// `input.summary`: per input counts and hashes.
public struct InputSummaryEvent: RiskEvent {
    /// The event type, as written in the log.
    public let event = "input.summary"
    /// The input (path, or `-` for stdin).
    public var input: String
    /// Where the sanitized copy went (`-` for stdout), for redact.
    public var output: String?
    /// Bytes read from the input.
    public var bytes: Int
    /// SHA-256 of the input bytes (hex).
    public var sha256Input: String
    /// SHA-256 of the output bytes (hex), for redact.
    public var sha256Output: String?
    /// How many findings.
    public var findings: Int
    /// Findings counted by entity.
    public var byEntity: [String: Int]
    /// Findings counted by severity.
    public var bySeverity: [String: Int]
    /// Findings left in the output when rescanned (redact only); must be 0.
    public var residualFindings: Int?
    /// Set when the input was not scanned (binary), with why.
    public var skipped: String?
    /// The input's text encoding when it is not plain UTF-8 (`utf-8-bom`, `utf-16le`, `utf-16be`).
    public var encoding: String?
    /// Redact: the scans of the output it took to reach a fixed point (1: the first rescan found nothing).
    public var redactionPasses: Int?
    /// For a table or record file: its format, record counts, records left out, and what its fields hold.
    public var records: RecordsSummary?

    /// Creates the event.
    public init(
        input: String, output: String?, bytes: Int, sha256Input: String, sha256Output: String?, findings: Int,
        byEntity: [String: Int], bySeverity: [String: Int], residualFindings: Int?, skipped: String?,
        encoding: String? = nil, redactionPasses: Int? = nil
    ) {
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
        self.encoding = encoding
        self.redactionPasses = redactionPasses
    }

    enum CodingKeys: String, CodingKey {
        case event, input, output, bytes, findings, skipped, encoding, records
        case redactionPasses = "redaction_passes"
        case sha256Input = "sha256_input"
        case sha256Output = "sha256_output"
        case byEntity = "by_entity"
        case bySeverity = "by_severity"
        case residualFindings = "residual_findings"
    }
}

/// What a record input's summary adds: records in and out, the ones left out, and the fields found to hold one
/// entity (so a buyer reads "column 4 holds NL_BSN" without a finding per row).
public struct RecordsSummary: Encodable, Sendable, Equatable {
    /// `csv`, `tsv`, `json` or `jsonl`.
    public var format: String
    /// Records read (a CSV header is not one).
    public var recordsIn: Int
    /// Records written (redact): records in minus those left out.
    public var recordsOut: Int?
    /// Records left out under `--on-error skip`: number, line and why (never their bytes).
    public var skipped: [SkippedNote]
    /// Fields found to hold one entity (most of their values validate as it), by field name.
    public var fieldsHolding: [String: String]
    /// Fields dropped from the output (`--drop-column`).
    public var droppedFields: [String]

    /// A record left out.
    public struct SkippedNote: Encodable, Sendable, Equatable {
        /// 1-based record number.
        public var record: Int
        /// 1-based line.
        public var line: Int
        /// Why.
        public var reason: String

        /// Creates a note.
        public init(record: Int, line: Int, reason: String) {
            self.record = record
            self.line = line
            self.reason = reason
        }
    }

    /// Creates a summary.
    public init(
        format: String, recordsIn: Int, recordsOut: Int?, skipped: [SkippedNote], fieldsHolding: [String: String],
        droppedFields: [String]
    ) {
        self.format = format
        self.recordsIn = recordsIn
        self.recordsOut = recordsOut
        self.skipped = skipped
        self.fieldsHolding = fieldsHolding
        self.droppedFields = droppedFields
    }

    enum CodingKeys: String, CodingKey {
        case format, skipped
        case recordsIn = "records_in"
        case recordsOut = "records_out"
        case fieldsHolding = "fields_holding"
        case droppedFields = "dropped_fields"
    }
}

/// A rating of the whole run, with its reason.
public struct RiskRating: Encodable, Sendable {
    /// none, low, moderate or high.
    public var rating: String
    /// Why the rating was given.
    public var reason: String
    /// Creates the event.
    public init(rating: String, reason: String) {
        self.rating = rating
        self.reason = reason
    }
}

/// `run.summary`: totals and what the law says about what was found.
public struct RunSummaryEvent: RiskEvent {
    /// The event type, as written in the log.
    public let event = "run.summary"
    /// When the event was written (ISO 8601, UTC).
    public var time: String
    /// The inputs as given on the command line (or the number of inputs, in the summary).
    public var inputs: Int
    /// How many findings.
    public var findings: Int
    /// Findings counted by entity.
    public var byEntity: [String: Int]
    /// The highest severity among the findings, if any.
    public var highestSeverity: Severity?
    /// Categories present, e.g. "CCPA sensitive personal information: US_SSN".
    public var categoriesPresent: [String]
    /// The run's risk rating and its reason.
    public var risk: RiskRating
    /// Inputs that failed (read, write or open errors).
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
