import BlackbarCore

/// A rule file as written in YAML (`rules/<jurisdiction>/<id>.yaml`); see `rules/README.md` for the schema.
/// The default pack's specs are also generated as Swift values (`DefaultPackSpecs`).
public struct RuleSpec: Decodable, Sendable, Equatable {
    /// Unique id; equals the file name without `.yaml`.
    public var id: String
    /// SCREAMING_SNAKE entity name (`EMAIL_ADDRESS`).
    public var entity: String
    /// Human name.
    public var name: String
    /// PCRE2 pattern; may declare `(?<value>...)` to report only part of the match.
    public var pattern: String
    /// Compile with UTF + MATCH_INVALID_UTF + UCP.
    public var unicode: Bool?
    /// Case-insensitive pattern.
    public var caseInsensitive: Bool?
    /// Where the regex runs (see `PrefilterSpec`).
    public var prefilter: PrefilterSpec?
    /// Bytes around a prefilter hit that a match can reach (default 64).
    public var window: Int?
    /// The bytes a match may hold before its prefilter's anchor, as a PCRE2 character class over bytes
    /// (`'[A-Za-z0-9._%+\-\x80-\xFF]'`; empty: the match starts at the anchor). A window then starts where the
    /// unbroken run of such bytes before the anchor starts, not `window` bytes back. `bytes` and `literal`
    /// prefilters only.
    public var lead: String?
    /// Normalization steps before the validator.
    public var normalize: [String]?
    /// Validator name.
    public var validator: String?
    /// Base confidence, 0...1.
    public var base: Double
    /// Precedence among overlapping findings (default 0).
    public var priority: Int?
    /// Context words.
    public var context: [String]?
    /// Negative context words.
    public var negativeContext: [String]?
    /// Candidates without a context word are dropped.
    public var contextRequired: Bool?
    /// The validator's check is strong enough that a validated value stays a finding whatever word stands on
    /// its line: a negative word lowers its confidence, never below the minimum.
    public var strongCheck: Bool?
    /// Labels that name this kind of value on documents and forms (`NHS number`, `ITIN`, `DL#`): a value right
    /// after one of them is not reported by a rule of another entity (unless its check is strong and passes).
    public var labels: [String]?
    /// A field rule's field words (`fields: [dob, birth date]`): the rule reads only values of fields so named.
    public var fields: [String]?
    /// What the rule must and must not find.
    public var examples: Examples
    /// Free-text notes (sources, caveats).
    public var notes: String?

    /// Example texts: `match` ones mark each expected span with `«…»`.
    public struct Examples: Decodable, Sendable, Equatable {
        /// Texts with marked spans.
        public var match: [String]
        /// Texts that must yield nothing, each with the reason.
        public var noMatch: [NoMatch]

        enum CodingKeys: String, CodingKey {
            case match
            case noMatch = "no-match"
        }
    }

    /// A text that must not match, and why.
    public struct NoMatch: Decodable, Sendable, Equatable {
        /// The text.
        public var text: String
        /// Why it is not personal data of this kind.
        public var why: String
    }

    enum CodingKeys: String, CodingKey {
        case id, entity, name, pattern, unicode, prefilter, window, lead, normalize, validator, base, priority, context
        case examples, notes, fields
        case caseInsensitive = "case-insensitive"
        case negativeContext = "negative-context"
        case contextRequired = "context-required"
        case strongCheck = "strong-check"
        case labels
    }
}

/// `prefilter:` in a rule file: `none`, or one of `{bytes: "@"}` (optionally `repeat: 3`, or `count: 3, span: 24`),
/// `{literal: "://"}`, `{mixed: 2}`,
/// `{digits: 9}` (optionally `dots: 3`, `max: 11`), `{keywords: [...]}` (optionally `at-start: true`: every match
/// begins with one of the keywords).
public enum PrefilterSpec: Decodable, Sendable, Equatable {
    case none
    case bytes(String, period: Int, count: Int, span: Int)
    case literal(String)
    case digits(Int, dots: Int, maximum: Int)
    case keywords([String], atStart: Bool)
    case mixed(Int)

    enum CodingKeys: String, CodingKey {
        case bytes, literal, digits, keywords, dots, mixed, count, span, max, `repeat`
        case atStart = "at-start"
    }

    public init(from decoder: Decoder) throws {
        if let single = try? decoder.singleValueContainer(), let word = try? single.decode(String.self) {
            guard word == "none" else {
                throw DecodingError.dataCorrupted(
                    .init(codingPath: decoder.codingPath, debugDescription: "expected none or a map, got '\(word)'"))
            }
            self = .none
            return
        }
        let map = try decoder.container(keyedBy: CodingKeys.self)
        if let v = try map.decodeIfPresent(String.self, forKey: .bytes) {
            self = .bytes(
                v, period: try map.decodeIfPresent(Int.self, forKey: .repeat) ?? 0,
                count: try map.decodeIfPresent(Int.self, forKey: .count) ?? 1,
                span: try map.decodeIfPresent(Int.self, forKey: .span) ?? 0)
        } else if let v = try map.decodeIfPresent(String.self, forKey: .literal) {
            self = .literal(v)
        } else if let v = try map.decodeIfPresent(Int.self, forKey: .digits) {
            self = .digits(
                v, dots: try map.decodeIfPresent(Int.self, forKey: .dots) ?? 0,
                maximum: try map.decodeIfPresent(Int.self, forKey: .max) ?? 0)
        } else if let v = try map.decodeIfPresent([String].self, forKey: .keywords) {
            self = .keywords(v, atStart: try map.decodeIfPresent(Bool.self, forKey: .atStart) ?? false)
        } else if let v = try map.decodeIfPresent(Int.self, forKey: .mixed) {
            self = .mixed(v)
        } else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "prefilter needs bytes, literal, digits, keywords or mixed"))
        }
    }

    /// The engine's prefilter.
    var compiled: Prefilter {
        switch self {
        case .none: return .none
        case .bytes(let s, let period, let count, let span):
            return .bytes(Array(s.utf8), period: period, count: count, span: span)
        case .literal(let s): return .literal(Array(s.utf8))
        case .digits(let n, let dots, let maximum): return .digits(n, dots: dots, maximum: maximum)
        case .keywords(let words, let atStart): return .keywords(words.map { Array($0.lowercased().utf8) }, atStart: atStart)
        case .mixed(let n): return .mixed(n)
        }
    }
}
