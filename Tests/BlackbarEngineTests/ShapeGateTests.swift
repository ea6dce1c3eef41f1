@testable import BlackbarCore
import BlackbarRegex
import BlackbarRules
import XCTest

/// The shape gate must never change what is found: every string a pattern matches must fit the shape
/// read from it, and scanning with and without the gate must give the same findings.
final class ShapeGateTests: XCTestCase {
    static let files = try! RulePack.load(extraDirectories: [])

    /// Whether `node` matches exactly `bytes[from..<to]` (a small backtracking matcher for tests).
    func fits(_ node: ShapeNode, _ bytes: [UInt8], _ from: Int, _ to: Int) -> Bool {
        ends(node, bytes, from, limit: to).contains(to)
    }

    func ends(_ node: ShapeNode, _ bytes: [UInt8], _ at: Int, limit: Int) -> Set<Int> {
        switch node {
        case .empty: return [at]
        case .bytes(let set): return at < limit && set.contains(bytes[at]) ? [at + 1] : []
        case .sequence(let items):
            var current: Set<Int> = [at]
            for item in items {
                var next = Set<Int>()
                for p in current { next.formUnion(ends(item, bytes, p, limit: limit)) }
                current = next
                if current.isEmpty { break }
            }
            return current
        case .either(let items):
            return items.reduce(into: Set<Int>()) { $0.formUnion(ends($1, bytes, at, limit: limit)) }
        case .repeated(let inner, let min, let max):
            var current: Set<Int> = [at]
            var all = Set<Int>()
            var count = 0
            while !current.isEmpty && count < (max ?? limit - at + 1) {
                if count >= min { all.formUnion(current) }
                var next = Set<Int>()
                for p in current { next.formUnion(ends(inner, bytes, p, limit: limit)) }
                current = next.subtracting(count >= min ? all : [])
                count += 1
            }
            if count >= min { all.formUnion(current) }
            return all
        }
    }

    func shape(_ pattern: String, unicode: Bool = false, caseless: Bool = false) -> ShapeNode? {
        ShapeParser.parse(pattern, unicode: unicode, caseless: caseless)
    }

    func testReadsTheSyntaxOurRulesUse() {
        let cases: [(String, String, Bool)] = [
            // pattern, a string it matches, whether the shape must accept it
            (#"(?<![\w\-.])[0-9]{3}([ \-])[0-9]{2}\1[0-9]{4}(?![\w])"#, "536-22-1234", true),
            (#"(?i)\bdob\b"#, "DoB", true),
            (#"[A-HJ-NP-Z]{2}"#, "AB", true),
            (#"(?:US|U\.S\.)"#, "U.S.", true),
            (#"(?<value>[0-9]{5})K?"#, "12345K", true),
            (#"a(?(1)b|c)"#, "ac", true),
            (#"\x41\x{42}"#, "AB", true),
            (#"[^\n0-9]{2}"#, "éa", true),
            (#"(?i:ä)"#, "Ä", true),
            (#"[\d-x]"#, "-", true),
        ]
        for (pattern, text, accepted) in cases {
            guard let node = shape(pattern, unicode: true) else {
                XCTFail("could not read \(pattern)")
                continue
            }
            let bytes = Array(text.utf8)
            XCTAssertEqual(fits(node, bytes, 0, bytes.count), accepted, pattern)
        }
    }

    func testGivesUpOnSyntaxItDoesNotKnow() {
        for pattern in [#"(*UTF)a"#, #"\Qa.b\E"#, #"[[:alpha:]]"#, #"(?x) a"#, #"a{,3"#, #"(?|a|b)"#, #"\R"#, #"(?s:.)"#] {
            XCTAssertNil(shape(pattern), pattern)
        }
    }

    func testLeadingNegativeLookbehindBecomesAnExcludedByte() throws {
        let read = try XCTUnwrap(ShapeParser.parseWithExclusion(#"(?<![\w\-.]|[0-9] )[0-9]{4}"#, unicode: false, caseless: false))
        XCTAssertTrue(read.exclusion.contains(UInt8(ascii: "a")))
        XCTAssertTrue(read.exclusion.contains(UInt8(ascii: "-")))
        XCTAssertFalse(read.exclusion.contains(UInt8(ascii: " ")))  // only one-byte branches count
        // Not at the start of a top-level alternative: no exclusion.
        let alternative = try XCTUnwrap(ShapeParser.parseWithExclusion(#"(?<![a-z])1|2"#, unicode: false, caseless: false))
        XCTAssertTrue(alternative.exclusion.isEmpty)
    }

    /// Every match of every rule's pattern in its own examples fits the rule's coarse shape, and the byte
    /// before it is not excluded.
    func testEveryExampleMatchFitsItsRulesShape() throws {
        let scratch = MatchScratch()
        var checked = 0
        for file in Self.files {
            let rule = try RulePack.compile(file)
            let options = rule.pattern.options
            guard let read = ShapeParser.parseWithExclusion(rule.pattern.source, unicode: options.unicode, caseless: options.caseless)
            else { continue }
            let coarse = read.shape.coarsened
            let texts = file.spec.examples.match.compactMap { MarkedExample($0)?.bytes }
                + file.spec.examples.noMatch.map { Array($0.text.utf8) }
            for bytes in texts {
                var limitHits = 0
                bytes.withUnsafeBytes { subject in
                    rule.pattern.forEachMatch(
                        in: subject, length: bytes.count, from: 0, to: bytes.count, scratch: scratch, limitHits: &limitHits
                    ) { match in
                        checked += 1
                        XCTAssertTrue(fits(coarse, bytes, match.start, match.end), "\(rule.id): shape misses a match")
                        if match.start > 0 {
                            XCTAssertFalse(
                                read.exclusion.contains(bytes[match.start - 1]), "\(rule.id): excluded byte before a match")
                        }
                        return true
                    }
                }
            }
        }
        XCTAssertGreaterThan(checked, 900)
    }

    /// A corpus of every example, glued together with noise, gives the same findings with and without the gate.
    func testTheGateNeverChangesFindings() {
        var random = SeededRandom(seed: 7)
        var texts: [[UInt8]] = []
        for file in Self.files {
            texts += file.spec.examples.match.compactMap { MarkedExample($0)?.bytes }
            texts += file.spec.examples.noMatch.map { Array($0.text.utf8) }
        }
        let noise: [[UInt8]] = [" ", "\n", ", ", "-", "ID 12", "x", "0", "Ab", ": ", "\u{00E9}", "\t", "/"].map { Array($0.utf8) }
        var corpus: [UInt8] = []
        for round in 0..<3 {
            for text in texts.shuffled(using: &random) {
                corpus += text
                corpus += round == 0 ? [0x0A] : random.pick(noise)
            }
        }
        let gated = Detector(ruleSet: defaultRules)
        let plain = Detector(ruleSet: defaultRules, options: DetectorOptions(shapeGate: false))
        XCTAssertGreaterThan(gated.gatedRuleIDs.count, 100)
        let a = gated.scan(corpus), b = plain.scan(corpus)
        XCTAssertGreaterThan(a.count, 1000)
        XCTAssertEqual(a.count, b.count)
        // Name the first difference rather than print thousands of findings.
        let difference = zip(a, b).first { $0.range != $1.range || $0.ruleID != $1.ruleID }
        XCTAssertNil(difference.map { "gated \($0.ruleID) \($0.range), plain \($1.ruleID) \($1.range)" })
    }

    /// A DFA cache that is dropped every few states still gives the same windows.
    func testCacheFlushesKeepResults() throws {
        let gate = try XCTUnwrap(ShapeAutomaton(rules: defaultRules.rules))
        let text = Array("Call 020 7946 0958 or mail a.b@example.com; plate AB12 CDE, IBAN DE89 3704 0044 0532 0130 00.\n".utf8)
        let big = ShapeRunner(gate), tiny = ShapeRunner(gate, maximumStates: 3)
        text.withUnsafeBufferPointer { p in
            big.run(p.baseAddress!, from: 0, to: p.count)
            tiny.run(p.baseAddress!, from: 0, to: p.count)
        }
        for k in gate.ruleIndex.indices {
            XCTAssertEqual(big.windows[k].starts, tiny.windows[k].starts)
            XCTAssertEqual(big.windows[k].ends, tiny.windows[k].ends)
        }
        XCTAssertLessThanOrEqual(tiny.stateCount, 4)
    }

    /// Input that keeps making new DFA states turns the gate off (bounded cost) instead of stalling.
    func testStateBudgetTurnsTheGateOff() throws {
        let gate = try XCTUnwrap(ShapeAutomaton(rules: defaultRules.rules))
        var random = SeededRandom(seed: 3)
        let alphabet = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ -./:".utf8)
        let text = (0..<20_000).map { _ in random.pick(alphabet) }
        let strict = ShapeRunner(gate), normal = ShapeRunner(gate)
        text.withUnsafeBufferPointer { strict.run($0.baseAddress!, from: 0, to: $0.count) }
        XCTAssertTrue(strict.exhausted)
        // Ordinary text builds few states and keeps the gate on.
        let prose = Array(String(repeating: "Order 4471 shipped to Jane Doe, call 020 7946 0958 or mail jane@example.com.\n", count: 300).utf8)
        prose.withUnsafeBufferPointer { normal.run($0.baseAddress!, from: 0, to: $0.count) }
        XCTAssertFalse(normal.exhausted)
        XCTAssertLessThan(normal.stateCount, 1000)
    }
}
