@testable import BlackbarCore
import BlackbarFormats
import BlackbarRules
import Foundation
import XCTest

/// Findings must not depend on the shape gate's state: on, off, or turned off mid-way by input that keeps making
/// new automaton states (a per-thread budget, so in a folder scan one worker's gate may be off while another's
/// is on). When the gate is off, each rule's own prefilter decides where its regex runs, so every prefilter must
/// let through whatever the gate lets through.
final class GateExhaustionTests: XCTestCase {
    static let files = try! RulePack.load(extraDirectories: []).filter { !$0.isFieldRule }

    /// Bytes between two examples: more than the context window, so no example lends another a context word.
    static let gap = [UInt8](repeating: 0x0A, count: 80)

    /// The exhausting prefix, then every match example of every rule, each after `gap`; and where each marked
    /// span is, with its rule's entity.
    static func prefixAndExamples() -> (text: [UInt8], prefix: Int, spans: [(entity: String, range: ByteRange, what: String)]) {
        var text = ExampleRunner.gateExhaustingText()
        let prefix = text.count
        var spans: [(String, ByteRange, String)] = []
        for file in files {
            for (i, written) in file.spec.examples.match.enumerated() {
                guard let example = MarkedExample(written) else { continue }
                text += gap
                for (s, e) in example.spans {
                    spans.append((file.spec.entity, ByteRange(text.count + s, text.count + e), "\(file.spec.id) match[\(i)]"))
                }
                text += example.bytes
            }
        }
        text += gap
        return (text, prefix, spans)
    }

    func scan(_ detector: Detector, _ text: [UInt8], scratch: DetectorScratch = DetectorScratch()) -> [Finding] {
        text.withUnsafeBytes { detector.scan($0, region: 0..<$0.count, scratch: scratch) }
    }

    /// The first difference between two finding lists, or nil when they are the same.
    func difference(_ a: [Finding], _ b: [Finding]) -> String? {
        if let (x, y) = zip(a, b).first(where: { $0.range != $1.range || $0.ruleID != $1.ruleID }) {
            return "\(x.ruleID) at \(x.range) against \(y.ruleID) at \(y.range)"
        }
        return a.count == b.count ? nil : "\(a.count) findings against \(b.count)"
    }

    /// The report: `VAT number: ES B12345674` found alone, and lost after 3,000 lines of random IDs. Every rule's
    /// match examples after that prefix keep their findings, with a fresh scratch (the gate turns itself off
    /// during the prefix) and with one a previous scan already turned off.
    func testEveryExampleIsFoundAfterAnExhaustingPrefix() {
        let detector = Detector(ruleSet: defaultRules)
        let (text, _, spans) = Self.prefixAndExamples()
        XCTAssertGreaterThan(spans.count, 700)
        let fresh = DetectorScratch(gateBudget: ExampleRunner.smallGateBudget)
        let worn = DetectorScratch(gateBudget: ExampleRunner.smallGateBudget)
        _ = scan(detector, ExampleRunner.gateExhaustingText(), scratch: worn)
        XCTAssertTrue(worn.shapeGateExhausted, "the prefix must turn the gate off")
        for (name, scratch) in [("fresh scratch", fresh), ("exhausted scratch", worn)] {
            let found = scan(detector, text, scratch: scratch)
            XCTAssertTrue(scratch.shapeGateExhausted, name)
            for span in spans where !found.contains(where: { $0.range == span.range && $0.entity == span.entity }) {
                let other = found.first { $0.range.overlaps(span.range) }
                XCTFail("\(name): \(span.what) lost (\(other.map { "\($0.ruleID) at \($0.range)" } ?? "nothing found"))")
            }
        }
    }

    /// One text, every state of the gate: on (the examples alone), off, exhausted mid-way, exhausted before, and
    /// streamed in blocks by one or two workers (each with its own gate, turned off at its own block).
    func testSameFindingsWithTheGateOnOffOrExhausted() throws {
        let gated = Detector(ruleSet: defaultRules)
        let plain = Detector(ruleSet: defaultRules, options: DetectorOptions(shapeGate: false))
        let (text, prefix, _) = Self.prefixAndExamples()
        let reference = scan(plain, text)
        XCTAssertGreaterThan(reference.count, 700)

        // The prefix holds no finding. The examples, a hundred at a time (all of them make enough states to
        // spend a gate's budget too), keep the gate on.
        var on: [Finding] = []
        var start = prefix
        while start < text.count {
            var end = start
            for _ in 0..<100 {
                guard let next = text[(end + 1)...].firstRange(of: Self.gap)?.lowerBound else {
                    end = text.count
                    break
                }
                end = next
            }
            let scratch = DetectorScratch()
            for f in scan(gated, Array(text[start..<end]), scratch: scratch) {
                var g = f
                g.range = f.range.shifted(by: start)
                on.append(g)
            }
            XCTAssertFalse(scratch.shapeGateExhausted)
            start = end
        }
        XCTAssertNil(difference(on, reference), "gate on")

        let during = DetectorScratch(gateBudget: ExampleRunner.smallGateBudget)
        XCTAssertNil(difference(scan(gated, text, scratch: during), reference), "gate exhausted during the prefix")
        XCTAssertTrue(during.shapeGateExhausted)
        let worn = DetectorScratch(gateBudget: ExampleRunner.smallGateBudget)
        _ = scan(gated, ExampleRunner.gateExhaustingText(seed: 5), scratch: worn)
        XCTAssertTrue(worn.shapeGateExhausted)
        XCTAssertNil(difference(scan(gated, text, scratch: worn), reference), "gate exhausted before")
        for (blockSize, workers) in [(16_384, 1), (16_384, 2), (1 << 20, 2)] {
            XCTAssertNil(
                difference(try scanStream(gated, text, blockSize: blockSize, workers: workers), reference),
                "streamed in blocks of \(blockSize), \(workers) workers")
        }
    }

    /// A random string drawn from `node` (a rule's shape: a superset of what its pattern matches), short
    /// repetitions and printable bytes preferred.
    static func draw(_ node: ShapeNode, _ random: inout SeededRandom, into out: inout [UInt8]) {
        switch node {
        case .empty: break
        case .bytes(let set):
            let all = (0..<256).map(UInt8.init).filter { set.contains($0) }
            let printable = all.filter { $0 >= 0x20 && $0 < 0x7F }
            out.append(random.pick(printable.isEmpty || random.below(10) == 0 ? all : printable))
        case .sequence(let items): for item in items { draw(item, &random, into: &out) }
        case .either(let items): draw(random.pick(items), &random, into: &out)
        case .repeated(let inner, let min, let max):
            let count = random.below(2) == 0 ? min : min + random.below((max ?? min + 4) - min + 1)
            for _ in 0..<count { draw(inner, &random, into: &out) }
        }
    }

    /// Values drawn from the shape of every rule the gate reads whose prefilter it replaces (digit clusters,
    /// letter-digit runs): the rule alone must give the same candidates with the gate and with its prefilter.
    /// Caught `mixed: 2` on eu-vat (`AT U12345678`), a lone T between digits on plates (`06T1234`), Finnish
    /// plates with Å, Ä, Ö, alphanumeric CNPJs and eight-digit international phone numbers.
    func testPrefiltersLetThroughWhatTheShapeLetsThrough() {
        var random = SeededRandom(seed: 42)
        let around: [(String, String)] = [(" ", " "), ("\n", "\n"), ("VAT: ", ","), ("(", ")"), ("x ", " y"), ("\"", "\"")]
        var checked = 0
        for rule in defaultRules.rules where rule.prefilter.isPositional {
            let alone = RuleSet(rules: [rule], digest: "")
            let gated = Detector(ruleSet: alone), plain = Detector(ruleSet: alone, options: DetectorOptions(shapeGate: false))
            let options = rule.pattern.options
            guard !gated.gatedRuleIDs.isEmpty,
                let read = ShapeParser.parseWithExclusion(
                    rule.pattern.source, unicode: options.unicode, caseless: options.caseless)
            else { continue }
            for _ in 0..<150 {
                var value: [UInt8] = []
                Self.draw(read.shape, &random, into: &value)
                let (before, after) = random.pick(around)
                let text = Array(before.utf8) + value + Array(after.utf8)
                // Validator-rejected candidates are never findings, whatever found them.
                func kept(_ detector: Detector) -> [ByteRange] {
                    text.withUnsafeBytes {
                        detector.candidates($0, region: 0..<$0.count, field: nil, scratch: DetectorScratch(), keepDropped: true)
                    }.filter { $0.drop != .validatorRejected }.map(\.finding.range)
                }
                let a = kept(gated), b = kept(plain)
                if !a.isEmpty { checked += 1 }
                if a != b {
                    XCTFail("\(rule.id): gate \(a), prefilter \(b) in \(String(decoding: text, as: UTF8.self).debugDescription)")
                    break
                }
            }
        }
        XCTAssertGreaterThan(checked, 4_000)
    }

    /// Regions inside a larger subject (as blocks are): anchors near the region's edges must count the same way
    /// for the anchor automaton as for the keyword table and the byte searches. Caught keyword windows that
    /// opened up to the longest keyword's length before the keyword when the automaton found it.
    func testRegionsGiveTheSameCandidatesWithAndWithoutTheGate() {
        var pieces: [[UInt8]] = []
        for file in Self.files {
            pieces += file.spec.examples.match.compactMap { MarkedExample($0)?.bytes }
            pieces += file.spec.examples.noMatch.map { Array($0.text.utf8) }
        }
        // Without the URL rule's window of 2 KB, windows before the region start inside the subject.
        let rules = RuleSet(rules: defaultRules.rules.filter { $0.window <= 128 }, digest: "")
        let gated = Detector(ruleSet: rules), plain = Detector(ruleSet: rules, options: DetectorOptions(shapeGate: false))
        var random = SeededRandom(seed: 9)
        for _ in 0..<250 {
            var text: [UInt8] = []
            while text.count < 2_600 {
                text += random.pick(pieces)
                text += random.pick([[0x20], [0x0A], [0x2C, 0x20], [0x78], []])
            }
            let lo = 200 + random.below(1_400), hi = lo + 1 + random.below(1_000)
            func kept(_ detector: Detector) -> [String] {
                text.withUnsafeBytes {
                    detector.candidates($0, region: lo..<hi, field: nil, scratch: DetectorScratch(), keepDropped: true)
                }.filter { $0.drop != .validatorRejected }.map { "\($0.finding.ruleID) at \($0.finding.range)" }
            }
            let a = kept(gated), b = kept(plain)
            if a != b {
                XCTFail("region \(lo)..<\(hi): only with the gate \(Set(a).subtracting(b)), only without \(Set(b).subtracting(a))")
                return
            }
        }
    }
}
