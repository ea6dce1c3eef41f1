import BlackbarCore
import BlackbarRedaction

/// One way a rule's examples failed.
public struct ExampleFailure: Sendable, CustomStringConvertible {
    /// The rule file.
    public let file: String
    /// The rule id.
    public let ruleID: String
    /// Which example (`match[2]`, `no-match[0]`, `rule`).
    public let example: String
    /// Which variant of it (`as written`, `multibyte prefix`, `CRLF`, ...).
    public let variant: String
    /// What went wrong (never more than the example's own text, which is synthetic).
    public let message: String

    public var description: String { "\(file): \(ruleID) \(example) [\(variant)]: \(message)" }
}

/// Runs every example of every rule, and the variants, against the production detector.
///
/// Used by the test suite and by `blackbar rules test`, so both agree.
public struct ExampleRunner {
    let files: [RuleFile]
    let pack: Detector
    let tracer: Detector
    /// The pack with the shape gate off, and a scratch whose gate has turned itself off (`ExampleRunner+Gate`;
    /// one scratch, so a runner runs on one thread at a time).
    let plain: Detector
    let exhaustedScratch: DetectorScratch
    let ruleIndex: [String: Int]

    /// Prepares a runner over the given files (compiled together as one pack).
    public init(files: [RuleFile]) throws(RuleLoadError) {
        self.files = files
        let set = try RulePack.compile(files)
        pack = Detector(ruleSet: set)
        tracer = Detector(ruleSet: set, options: DetectorOptions(explain: true))
        plain = Detector(ruleSet: set, options: DetectorOptions(shapeGate: false))
        exhaustedScratch = Self.makeExhaustedScratch(for: pack)
        var index: [String: Int] = [:]
        for (i, rule) in set.rules.enumerated() { index[rule.id] = i }
        ruleIndex = index
    }

    /// Every failure; empty when all examples hold.
    public func run() -> [ExampleFailure] {
        var failures: [ExampleFailure] = []
        for file in files { failures += run(file) }
        return failures
    }

    /// Failures for one rule file.
    public func run(_ file: RuleFile) -> [ExampleFailure] {
        let spec = file.spec
        var failures: [ExampleFailure] = []
        func fail(_ example: String, _ variant: String, _ message: String) {
            failures.append(
                ExampleFailure(file: file.path, ruleID: spec.id, example: example, variant: variant, message: message))
        }
        guard let index = ruleIndex[spec.id] else { return failures }
        let single = Detector(ruleSet: RuleSet(rules: [pack.ruleSet.rules[index]], digest: ""), labelsOf: pack.ruleSet.rules)
        if spec.examples.match.isEmpty { fail("rule", "-", "has no match examples") }
        if spec.examples.noMatch.isEmpty { fail("rule", "-", "has no no-match examples") }
        if spec.fields != nil { return failures + runFieldRule(file, single: single) }

        for (i, text) in spec.examples.match.enumerated() {
            let name = "match[\(i)]"
            guard let example = MarkedExample(text), !example.starts.isEmpty else {
                fail(name, "as written", "needs balanced «…» markers around each expected span")
                continue
            }
            let labelled = pack.ruleSet.rules[index].pattern.valueGroup != nil
            for (variant, shaped) in Self.variants(of: example, labelled: labelled) {
                let got = single.scan(shaped.bytes).map { [$0.range.start, $0.range.end] }
                let want = shaped.spans.map { [$0.0, $0.1] }
                if got != want {
                    fail(name, variant, "rule alone found \(got), expected \(want) in \(Self.show(shaped.bytes))")
                }
            }
            // The whole pack must keep this rule's entity at each marked span after overlap resolution.
            let packFindings = pack.scan(example.bytes)
            for (s, e) in example.spans
            where !packFindings.contains(where: { $0.range == ByteRange(s, e) && $0.entity == spec.entity }) {
                let other = packFindings.first { $0.range.overlaps(ByteRange(s, e)) }
                fail(name, "whole pack", "span \(s)..<\(e) lost to \(other.map { "\($0.ruleID) at \($0.range)" } ?? "nothing")")
            }
            failures += glued(example, single: single, file: file, name: name)
            failures += sameFindingsWhateverTheGate(example.bytes, file: file, name: name)
            failures += redactAndRescan(example, file: file, name: name, single: single)
        }

        var validatorRejects = false
        for (i, noMatch) in spec.examples.noMatch.enumerated() {
            let bytes = Array(noMatch.text.utf8)
            if noMatch.why.trimmingCharacters(in: .whitespaces).isEmpty { fail("no-match[\(i)]", "-", "needs a why") }
            let found = single.scan(bytes)
            failures += sameFindingsWhateverTheGate(bytes, file: file, name: "no-match[\(i)]")
            if !found.isEmpty {
                fail("no-match[\(i)]", "as written", "found \(found.map { "\($0.range)" }) in \(Self.show(bytes)) (\(noMatch.why))")
            }
            let traced = bytes.withUnsafeBytes {
                tracer.candidates($0, region: 0..<$0.count, field: nil, scratch: DetectorScratch(), keepDropped: true)
            }
            if traced.contains(where: { $0.ruleIndex == index && $0.drop == .validatorRejected }) { validatorRejects = true }
        }
        if spec.validator != nil && !validatorRejects {
            fail("no-match", "-", "a rule with a validator needs a no-match that its pattern hits and its validator rejects")
        }
        return failures
    }

    /// A field rule's examples are `FIELD: VALUE`: the value is scanned as one segment of that field, as a CSV
    /// cell or a JSON value would be. Each match must give exactly its marked spans, alone and in the whole
    /// pack, must not be found in a field of another name, and must leave nothing after redaction.
    func runFieldRule(_ file: RuleFile, single: Detector) -> [ExampleFailure] {
        let spec = file.spec
        var failures: [ExampleFailure] = []
        func fail(_ example: String, _ message: String) {
            failures.append(
                ExampleFailure(file: file.path, ruleID: spec.id, example: example, variant: "field", message: message))
        }
        func split(_ text: String) -> (field: String, value: String)? {
            guard let colon = text.range(of: ": ") else { return nil }
            return (String(text[..<colon.lowerBound]), String(text[colon.upperBound...]))
        }
        func scan(_ detector: Detector, _ bytes: [UInt8], field: String) -> [Finding] {
            let context = detector.field(field)
            return detector.scan([Segment(bytes, field: context)], scratch: DetectorScratch())
        }
        for (i, text) in spec.examples.match.enumerated() {
            let name = "match[\(i)]"
            guard let (field, value) = split(text), let example = MarkedExample(value), !example.starts.isEmpty else {
                fail(name, "a field rule's example is FIELD: VALUE with balanced «…» markers in the value")
                continue
            }
            let want = example.spans.map { [$0.0, $0.1] }
            let got = scan(single, example.bytes, field: field).map { [$0.range.start, $0.range.end] }
            if got != want { fail(name, "rule alone found \(got), expected \(want) in \(Self.show(example.bytes))") }
            let packFindings = scan(pack, example.bytes, field: field)
            for (s, e) in example.spans
            where !packFindings.contains(where: { $0.range == ByteRange(s, e) && $0.entity == spec.entity }) {
                fail(name, "whole pack lost span \(s)..<\(e) to \(packFindings.map(\.ruleID))")
            }
            if !scan(single, example.bytes, field: "note").isEmpty {
                fail(name, "found under the field name 'note': a field rule reads only fields named for it")
            }
            for op in [Operator.mask(), .placeholder, .remove] {
                let output = Redactor(policy: RedactionPolicy(defaultOperator: op)).redact(
                    example.bytes, findings: packFindings)
                let left = scan(pack, output, field: field)
                if !left.isEmpty { fail(name, "redacted with \(op), rescan found \(left.map(\.ruleID)) in \(Self.show(output))") }
            }
        }
        for (i, noMatch) in spec.examples.noMatch.enumerated() {
            let name = "no-match[\(i)]"
            guard let (field, value) = split(noMatch.text) else {
                fail(name, "a field rule's no-match is FIELD: VALUE")
                continue
            }
            let found = scan(single, Array(value.utf8), field: field)
            if !found.isEmpty { fail(name, "found \(found.map { "\($0.range)" }) in \(Self.show(Array(noMatch.text.utf8))) (\(noMatch.why))") }
        }
        return failures
    }

    /// What real text puts right before a value: the span found must be the value and nothing else.
    static let neighboursBefore: [(String, String)] = [
        ("CJK and a full-width colon", "邮箱："), ("CJK", "联系"), ("a full-width bracket", "（"),
        ("a guillemet", "«"), ("an em dash", "see—"), ("an en dash", "–"), ("a curly quote", "“"),
        ("a no-break space", "\u{A0}"), ("a byte-order mark", "\u{FEFF}"), ("JSON \\n", #"Regards,\n"#),
        ("JSON \\t", #"\t"#), ("JSON \\r", #"\r"#), ("JSON \\/", #"\/"#), ("JSON \\\"", #"\""#),
        ("JSON \\u00e9", #"\u00e9"#),
    ]
    /// What real text puts right after a value.
    static let neighboursAfter: [(String, String)] = [
        ("a guillemet", "»"), ("a curly quote", "”"), ("a full-width full stop", "。"), ("a no-break space", "\u{A0}"),
        ("JSON \\n", #"\nBest"#), ("JSON \\\"", #"\""#),
    ]

    /// The example as written, and shaped the ways real data shapes it. A `labelled` rule (its match holds a
    /// label before the value) gets its neighbours before the whole example instead of right before the span.
    static func variants(of example: MarkedExample, labelled: Bool = false) -> [(String, MarkedExample)] {
        var out: [(String, MarkedExample)] = [("as written", example)]
        for (name, text) in neighboursBefore {
            let glue = Array(text.utf8)
            out.append(("after \(name)", labelled ? example.wrapped(glue) : example.inserting(glue, before: true)))
        }
        for (name, text) in neighboursAfter {
            out.append(("before \(name)", example.inserting(Array(text.utf8), before: false)))
        }
        out.append(("byte-order mark at the start", example.wrapped([0xEF, 0xBB, 0xBF])))
        out.append(("multibyte prefix", example.wrapped(Array("Zürich Ωμέγα 東京 — ".utf8))))
        out.append(("after invalid UTF-8", example.wrapped([0xFF, 0xC3, 0x20], [0x20, 0xFE])))
        out.append(("CRLF", example.wrapped(Array("line one\n".utf8), Array("\nlast line\n".utf8))
            .replacing([0x0A], with: [0x0D, 0x0A])))
        if !example.bytes.contains(UInt8(ascii: "\"")) && !example.bytes.contains(UInt8(ascii: "\\"))
            && !example.bytes.contains(0x0A)
        {
            out.append(("JSON string", example.wrapped(Array(#"{"id":7,"note":""#.utf8), Array(#""}"#.utf8))))
        }
        let csv = example.replacing([UInt8(ascii: "\"")], with: Array(#""""#.utf8))
        out.append(("CSV cell", csv.wrapped(Array("id,note\r\n42,\"".utf8), Array("\",x\r\n".utf8))))
        return out
    }

    /// Gluing a letter or a digit to an alphanumeric edge of a marked value must not leave that span found.
    func glued(_ example: MarkedExample, single: Detector, file: RuleFile, name: String) -> [ExampleFailure] {
        var failures: [ExampleFailure] = []
        for (s, e) in example.spans {
            for glue in [UInt8(ascii: "x"), UInt8(ascii: "7")] {
                let isAlnum: (UInt8) -> Bool = { ($0 | 0x20) &- 0x61 < 26 || $0 &- 0x30 < 10 }
                if isAlnum(example.bytes[s]) {
                    var bytes = example.bytes
                    bytes.insert(glue, at: s)
                    if single.scan(bytes).contains(where: { $0.range == ByteRange(s + 1, e + 1) }) {
                        failures.append(ExampleFailure(
                            file: file.path, ruleID: file.spec.id, example: name,
                            variant: "glued '\(Character(Unicode.Scalar(glue)))' before",
                            message: "still found in \(Self.show(bytes))"))
                    }
                }
                if isAlnum(example.bytes[e - 1]) {
                    var bytes = example.bytes
                    bytes.insert(glue, at: e)
                    if single.scan(bytes).contains(where: { $0.range == ByteRange(s, e) }) {
                        failures.append(ExampleFailure(
                            file: file.path, ruleID: file.spec.id, example: name,
                            variant: "glued '\(Character(Unicode.Scalar(glue)))' after",
                            message: "still found in \(Self.show(bytes))"))
                    }
                }
            }
        }
        return failures
    }

    /// Redacting with each operator leaves nothing for the rule (and, for mask and placeholder, for the pack) to find.
    func redactAndRescan(_ example: MarkedExample, file: RuleFile, name: String, single: Detector) -> [ExampleFailure] {
        var failures: [ExampleFailure] = []
        let findings = pack.scan(example.bytes)
        for op in [Operator.mask(), .placeholder, .remove] {
            let output = Redactor(policy: RedactionPolicy(defaultOperator: op)).redact(example.bytes, findings: findings)
            let left = op == .remove ? single.scan(output) : pack.scan(output)
            if !left.isEmpty {
                failures.append(ExampleFailure(
                    file: file.path, ruleID: file.spec.id, example: name, variant: "redacted with \(op)",
                    message: "rescan found \(left.map { "\($0.ruleID) at \($0.range)" }) in \(Self.show(output))"))
            }
        }
        return failures
    }

    static func show(_ bytes: [UInt8]) -> String {
        "'" + String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: "\r", with: "\\r")
            .replacingOccurrences(of: "\n", with: "\\n") + "'"
    }
}
