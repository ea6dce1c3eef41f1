import BlackbarRegex
import BlackbarValidators

/// The cheap test that decides where a rule's regex runs.
public enum Prefilter: Sendable, Equatable {
    /// Run the regex over the whole block (for patterns PCRE2 can start quickly: a fixed first byte).
    case none
    /// Run around every occurrence of any of these bytes (`@` for emails). With `period` > 0, only where the
    /// same byte recurs `period` and `2 * period` bytes later (a MAC address: `:` every 3 bytes). With `count` > 1
    /// (one needle), only where `count` of them fall within `span` bytes (IPv6: three colons within 24 bytes).
    case bytes([UInt8], period: Int, count: Int = 1, span: Int = 0)
    /// Run around every occurrence of this literal, compared case-sensitively (`://`).
    case literal([UInt8])
    /// Run around digit clusters (digit runs joined across up to 3 separator bytes) holding at least `minimum`
    /// digits and at least `dots` dots between them. A cluster that is exactly a calendar date (`2024-11-05`)
    /// never qualifies: dates are found by rules anchored on their context words. With `maximum` > 0, the
    /// cluster must hold a contiguous group of digit runs with `minimum...maximum` digits (an 11-digit ID
    /// is not looked for in a cluster of 9).
    case digits(Int, dots: Int, maximum: Int = 0)
    /// Run around every case-insensitive occurrence of any of these keywords (at a word start). With `atStart`,
    /// every match begins with one of them, so the regex runs only right at each one, not around it.
    case keywords([[UInt8]], atStart: Bool = false)
    /// Run around each place where a run of at least this many upper-case ASCII letters meets a digit
    /// (directly or across one space, `-`, `.` or `/`): licence plates, alphanumeric IDs. A lone `T`
    /// between two digits or a lone `Z` ending digits (ISO 8601 timestamps) does not count.
    case mixed(Int)
}

extension Prefilter {
    /// The words a keyword prefilter is looked up by, sorted: the first word of each phrase (`codice fiscale`
    /// must also open `codice_fiscale` and `codice-fiscale`, which the context test on word tokens accepts),
    /// when it can be found at all (`isFindableKeyword`). Empty for other prefilters.
    var keywordFirstWords: [[UInt8]] {
        guard case .keywords(let phrases, _) = self else { return [] }
        return Set(phrases.compactMap { $0.split(separator: 0x20).first.map(Array.init) }.filter(Self.isFindableKeyword))
            .sorted { $0.lexicographicallyPrecedes($1) }
    }

    /// Whether a keyword can be found: keywords are looked for only at word starts, an ASCII letter or digit
    /// or a byte outside ASCII, so a word opening with anything else (`+49`) never is; nor is one longer
    /// than the anchor automaton reads. The keyword table and the anchor automaton both ask this, so they
    /// find the same hits.
    static func isFindableKeyword(_ word: [UInt8]) -> Bool {
        guard let first = word.first, word.count <= ShapeAutomaton.maximumLength else { return false }
        return ASCII.isAlnum(first) || first >= 0x80
    }

    /// Digit clusters, letter-digit runs or the whole block: prefilters that only say where a value of
    /// some shape may sit. For rules the shape gate can read, the rule's own shape says it better.
    var isPositional: Bool {
        switch self {
        case .none, .digits, .mixed: return true
        case .bytes, .literal, .keywords: return false
        }
    }
}

/// The bytes a match may hold before its prefilter's anchor (`Rule.lead`): a set of the 256 byte values.
public struct LeadBytes: Sendable, Equatable {
    private var words: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)

    /// The set of the bytes for which `contains` returns true.
    public init(where contains: (UInt8) -> Bool) {
        for b in 0...255 where contains(UInt8(b)) {
            switch b >> 6 {
            case 0: words.0 |= 1 << UInt64(b & 63)
            case 1: words.1 |= 1 << UInt64(b & 63)
            case 2: words.2 |= 1 << UInt64(b & 63)
            default: words.3 |= 1 << UInt64(b & 63)
            }
        }
    }

    /// Whether `byte` is in the set.
    @inline(__always) public func contains(_ byte: UInt8) -> Bool {
        let word: UInt64
        switch byte >> 6 {
        case 0: word = words.0
        case 1: word = words.1
        case 2: word = words.2
        default: word = words.3
        }
        return word >> UInt64(byte & 63) & 1 != 0
    }

    /// Where the unbroken run of these bytes that ends right before `at` starts, but not before `bound`.
    @inline(__always) func runStart(before at: Int, in base: UnsafePointer<UInt8>, notBefore bound: Int) -> Int {
        var s = at
        while s > bound && contains(base[s - 1]) { s -= 1 }
        return s
    }

    public static func == (a: LeadBytes, b: LeadBytes) -> Bool {
        a.words.0 == b.words.0 && a.words.1 == b.words.1 && a.words.2 == b.words.2 && a.words.3 == b.words.3
    }
}

/// A compiled detection rule: pattern, prefilter, normalization, validator and context.
///
/// A class, not a struct: the detector reads every rule for every block and every batch of cells, and a
/// struct of fifteen reference-holding fields costs fifteen retains and releases per copy (on a folder of
/// 1 KB files, copying rules was half of the run's time).
public final class Rule: Sendable {
    /// Unique id, the rule file's name (`iban`, `us-ssn`).
    public let id: String
    /// Entity it finds (`IBAN_CODE`).
    public let entity: String
    /// Human name.
    public let name: String
    /// Folder it came from (`global`, `us`, `de`).
    public let jurisdiction: String
    /// The compiled, JIT-compiled pattern.
    public let pattern: CompiledPattern
    /// Where the pattern runs.
    public let prefilter: Prefilter
    /// Bytes around a prefilter hit that a match can reach (the longest match the rule expects).
    public let window: Int
    /// The bytes a match may hold before its prefilter's anchor (a `bytes` or `literal` prefilter), or nil:
    /// each window then starts at the run of such bytes before its anchor instead of `window` bytes back
    /// (an e-mail's window is its local part, about 10 bytes, not 128).
    public let lead: LeadBytes?
    /// Steps before the validator.
    public let normalize: [NormalizeStep]
    /// Checksum or structure validator, if any.
    public let validator: Validator?
    /// The validator's check alone, and whether there is one: the detector calls it for most candidates, and
    /// binding `validator` copied its name, summary and closure (three retains and three releases a call).
    let hasValidator: Bool
    let check: @Sendable ([UInt8]) -> ValidatorOutcome
    /// Confidence before validator and context.
    public let base: Double
    /// Words that raise confidence when near the match or in the field name.
    public let context: ContextWords
    /// Words that lower confidence.
    public let negativeContext: ContextWords
    /// Drop candidates that have no context word nearby.
    public let contextRequired: Bool
    /// A validated value is reported even with a negative word on its line (its confidence is lowered, but
    /// not below the detector's minimum): the check is too strong for a word to outweigh it.
    public let strongCheck: Bool
    /// Labels that name this rule's kind of value (`LabelIndex`).
    public let labels: [String]
    /// Precedence among overlapping findings of different rules (higher wins first).
    public let priority: Int
    /// A field rule's words: the rule reads only values whose field's own name (a CSV column, the last key
    /// of a JSON path, a metadata tag) holds one of them, and then the whole value; a column named `dob`
    /// makes any date in it a date of birth, where no pattern over text could. Empty for text rules.
    public let fieldWords: ContextWords

    /// The look-alikes its entity has (`LookAlike`), if any.
    let lookAlike: LookAlike.Kind?
    /// `id` and `entity` interned, for its findings.
    let internedID: InternedName
    let internedEntity: InternedName

    /// Whether the rule reads only values of fields named for it (`fieldWords`).
    public var isFieldRule: Bool { !fieldWords.isEmpty }

    /// Creates a rule from compiled parts.
    public init(
        id: String, entity: String, name: String, jurisdiction: String, pattern: CompiledPattern,
        prefilter: Prefilter, window: Int, normalize: [NormalizeStep], validator: Validator?, base: Double,
        context: ContextWords, negativeContext: ContextWords, contextRequired: Bool, priority: Int,
        fieldWords: ContextWords = .empty, strongCheck: Bool = false, labels: [String] = [], lead: LeadBytes? = nil
    ) {
        self.lead = lead
        self.id = id
        self.entity = entity
        self.name = name
        self.jurisdiction = jurisdiction
        self.pattern = pattern
        self.prefilter = prefilter
        self.window = window
        self.normalize = normalize
        self.validator = validator
        hasValidator = validator != nil
        if let validator { check = validator.check } else { check = { _ in ValidatorOutcome.notApplicable } }
        self.base = base
        self.context = context
        self.negativeContext = negativeContext
        self.contextRequired = contextRequired
        self.priority = priority
        self.fieldWords = fieldWords
        self.strongCheck = strongCheck
        self.labels = labels
        lookAlike = LookAlike.kind(of: entity)
        internedID = .of(id)
        internedEntity = .of(entity)
    }
}

/// An ordered set of rules, and the digest that identifies the packs they came from.
public struct RuleSet: Sendable {
    /// The rules, in a stable order.
    public let rules: [Rule]
    /// SHA-256 (hex) over the rule pack files, as the loader defines it; recorded in the risk log.
    public var digest: String { digestCell.get() }
    /// Made on first use: hashing the default pack's text was a tenth of the start-up of every run, and only a
    /// run with a risk log reads it.
    private let digestCell: OnceCell<String>

    /// Largest window of any rule: how far a match may reach past a block edge.
    public let maxWindow: Int

    /// Creates a set.
    public init(rules: [Rule], digest: String) {
        self.init(rules: rules, digest: { digest })
    }

    /// Creates a set whose digest `digest` computes when it is first read.
    public init(rules: [Rule], digest: @escaping @Sendable () -> String) {
        self.rules = rules
        digestCell = OnceCell(digest)
        maxWindow = rules.map(\.window).max() ?? 0
    }
}
