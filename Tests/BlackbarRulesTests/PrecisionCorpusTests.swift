import BlackbarCore
import BlackbarRules
import BlackbarValidators
import Foundation
import XCTest

extension SeededRandom {
    mutating func digits(_ n: Int) -> String { String((0..<n).map { _ in Character(String(below(10))) }) }
    mutating func hex(_ n: Int) -> String { String((0..<n).map { _ in Array("0123456789abcdef")[below(16)] }) }
}

/// Look-alikes found in real datasets, none of them personal data: timestamps and epoch values, UUIDs,
/// hashes and git SHAs, versions, prices, order and invoice numbers, ISBN-13 and EAN-13 with valid check
/// digits, tracking numbers, and long digit runs with phone- or card-shaped pieces inside.
struct LookAlikeText {
    var random = SeededRandom(seed: 0x5EED_1A7E)

    static func gtin13(_ twelve: String) -> String {
        let digits = twelve.compactMap { $0.wholeNumberValue }
        let sum = digits.enumerated().reduce(0) { $0 + $1.element * ($1.offset % 2 == 0 ? 1 : 3) }
        return twelve + String((10 - sum % 10) % 10)
    }

    mutating func line() -> String {
        func p2(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        let y = 2015 + random.below(11), mo = 1 + random.below(12), d = 1 + random.below(28)
        switch random.below(16) {
        case 0: return "\(y)-\(p2(mo))-\(p2(d))T\(p2(random.below(24))):\(p2(random.below(60))):\(p2(random.below(60))).\(random.digits(3))Z job finished"
        case 1: return "created_at=\(1_500_000_000 + random.below(300_000_000)) updated_ms=\(1_500_000_000_000 + random.below(300_000_000_000))"
        case 2: return "request id \(random.hex(8))-\(random.hex(4))-4\(random.hex(3))-a\(random.hex(3))-\(random.hex(12)) retried"
        case 3: return "commit \(random.hex(40)) merged; md5 \(random.hex(32))"
        case 4: return "sha256 \(random.hex(64))"
        case 5: return "upgraded to version \(random.below(20)).\(random.below(30)).\(random.below(100)) (build \(random.digits(5)))"
        case 6: return "total EUR \(random.below(9999)).\(p2(random.below(100))), USD \(random.below(99)),\(random.digits(3)).\(p2(random.below(100))) and 1.\(random.digits(3)),\(p2(random.below(100))) €"
        case 7: return "Order #\(random.digits(9)) for invoice INV-\(y)-\(random.digits(6)), sku \(random.digits(8))"
        case 8: return "ISBN \(Self.gtin13("978" + random.digits(9))) and EAN \(Self.gtin13("40" + random.digits(10)))"
        case 9: return "tracking number 1Z\(random.hex(6).uppercased())\(random.digits(10)) shipped"
        case 10: return "reference \(random.digits(20)) in batch \(random.digits(6))"
        case 11: return "serial \(random.digits(4))-\(random.digits(4))-\(random.digits(4))-\(random.digits(4))-\(random.digits(4)) registered"
        case 12: return "ratio \(random.below(10)).\(random.digits(4)), \(random.below(10)).\(random.digits(4)) and p = 0.\(random.digits(4))"
        case 13: return "measured \(random.digits(3)) ms, \(random.digits(2)) % of \(random.digits(7)) rows on \(p2(d)).\(p2(mo)).\(y)"
        case 14: return "port \(1024 + random.below(60000)), pid \(random.digits(5)), \(random.below(256)) workers"
        default: return "The quarterly report covers \(random.digits(4)) accounts across \(random.below(40)) regions."
        }
    }

    mutating func text(bytes: Int) -> String {
        var out = ""
        while out.utf8.count < bytes { out += line() + "\n" }
        return out
    }
}

/// Precision and recall of the whole default pack on a synthetic, labelled corpus.
final class PrecisionCorpusTests: XCTestCase {
    struct Labelled {
        var bytes: [UInt8] = []
        var expected: Set<[Int]> = []  // [start, end, entity index]
        var nearMisses: [(Int, Int, String)] = []
        /// Example texts: labelled only at their marked spans (the sentences may hold other, unmarked PII).
        var exampleRegions: [(Int, Int)] = []
    }

    /// The value with one digit changed (last digits first) so that `validator` rejects it, or nil.
    static func nearMiss(_ bytes: [UInt8], _ s: Int, _ e: Int, _ validator: Validator, _ spec: RuleSpec) -> [UInt8]? {
        let steps = (spec.normalize ?? []).compactMap(NormalizeStep.init(rawValue:))
        for position in stride(from: e - 1, through: s, by: -1) where bytes[position] &- 0x30 < 10 {
            for delta in 1...9 {
                var mutated = bytes
                mutated[position] = 0x30 + (bytes[position] - 0x30 + UInt8(delta)) % 10
                if validator.check(NormalizeStep.apply(steps, to: Array(mutated[s..<e]))) == .invalid { return mutated }
            }
        }
        return nil
    }

    func build() throws -> (Labelled, [String]) {
        let files = try RulePack.load(extraDirectories: [rulesFolder], includeDefault: false).filter { !$0.isFieldRule }
        let entities = Array(Set(files.map(\.spec.entity))).sorted()
        var corpus = Labelled()
        var filler = LookAlikeText()
        func append(_ text: String) { corpus.bytes += Array(text.utf8) }
        for file in files {
            for example in file.spec.examples.match {
                guard let marked = MarkedExample(example) else { continue }
                append(filler.line() + "\n")
                let base = corpus.bytes.count
                corpus.bytes += marked.bytes
                corpus.exampleRegions.append((base, corpus.bytes.count))
                for (s, e) in marked.spans {
                    corpus.expected.insert([base + s, base + e, entities.firstIndex(of: file.spec.entity)!])
                }
                append("\n")
                // The same value with one digit changed so that the rule's own validator rejects it.
                if let name = file.spec.validator, let validator = Validators.named(name), let (s, e) = marked.spans.first,
                    let mutated = Self.nearMiss(marked.bytes, s, e, validator, file.spec)
                {
                    append(filler.line() + "\n")
                    let at = corpus.bytes.count
                    corpus.bytes += mutated
                    corpus.nearMisses.append((at + s, at + e, file.spec.id))
                    corpus.exampleRegions.append((at, corpus.bytes.count))
                    append("\n")
                }
            }
        }
        return (corpus, entities)
    }

    func testF1OnLabelledCorpusWithLookAlikes() throws {
        let (corpus, entities) = try build()
        let detector = Detector(ruleSet: try RulePack.compile(try RulePack.load(extraDirectories: [rulesFolder], includeDefault: false)))
        let found = detector.scan(corpus.bytes)
        var truePositives = 0
        var falsePositives: [String] = []
        var judged = 0
        let expectedRanges = corpus.expected.map { ByteRange($0[0], $0[1]) }
        let nearMissRanges = corpus.nearMisses.map { ByteRange($0.0, $0.1) }
        for f in found {
            let key = [f.range.start, f.range.end, entities.firstIndex(of: f.entity) ?? -1]
            let inExample = corpus.exampleRegions.contains { $0.0 <= f.range.start && f.range.end <= $0.1 }
            let touchesLabel = expectedRanges.contains { $0.overlaps(f.range) } || nearMissRanges.contains { $0.overlaps(f.range) }
            // Inside an example sentence but away from its marked span: unlabelled, not judged.
            if inExample && !touchesLabel { continue }
            judged += 1
            if corpus.expected.contains(key) {
                truePositives += 1
            } else {
                let text = String(decoding: corpus.bytes[f.range.start..<f.range.end], as: UTF8.self)
                falsePositives.append("\(f.ruleID): '\(text)'")
            }
        }
        let falseNegatives = corpus.expected.count - truePositives
        let precision = Double(truePositives) / Double(max(1, judged))
        let recall = Double(truePositives) / Double(max(1, corpus.expected.count))
        let f1 = 2 * precision * recall / max(1e-9, precision + recall)
        print(String(format: "labelled corpus: %.2f MB, %d expected, %d judged findings, precision %.4f, recall %.4f, F1 %.4f",
                     Double(corpus.bytes.count) / 1e6, corpus.expected.count, judged, precision, recall, f1))
        for line in falsePositives.prefix(40) { print("  false finding: \(line)") }
        let foundKeys = Set(found.map { [$0.range.start, $0.range.end, entities.firstIndex(of: $0.entity) ?? -1] })
        for key in corpus.expected.subtracting(foundKeys).sorted(by: { $0[0] < $1[0] }).prefix(30) {
            let lineStart = corpus.bytes[..<key[0]].lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
            let lineEnd = corpus.bytes[key[1]...].firstIndex(of: 0x0A) ?? corpus.bytes.count
            let other = found.first { $0.range.overlaps(ByteRange(key[0], key[1])) }
            print("  missed \(entities[key[2]]): '\(String(decoding: corpus.bytes[key[0]..<key[1]], as: UTF8.self))' in '\(String(decoding: corpus.bytes[lineStart..<lineEnd], as: UTF8.self))' taken by \(other?.ruleID ?? "nothing")")
        }
        XCTAssertGreaterThanOrEqual(f1, 0.97, "F1 over all entities; false findings: \(falsePositives.count), missed: \(falseNegatives)")
        // A finding that fails its checksum is not a finding: the rule never reports its own near miss.
        let selfHits = corpus.nearMisses.filter { miss in
            found.contains { $0.ruleID == miss.2 && $0.range.overlaps(ByteRange(miss.0, miss.1)) }
        }
        XCTAssertEqual(selfHits.map(\.2), [], "rules reporting a value their validator rejects")
        print("near misses: \(corpus.nearMisses.count), reported by their own rule: \(selfHits.count)")
    }

    func testFewerThanTwentyFalseFindingsPerMegabyteOfLookAlikes() throws {
        var text = LookAlikeText()
        let bytes = Array(text.text(bytes: 2_000_000).utf8)
        let detector = Detector(ruleSet: defaultPack)
        let found = detector.scan(bytes)
        let perMB = Double(found.count) / (Double(bytes.count) / 1e6)
        print(String(format: "look-alike text: %.2f MB, %d false findings, %.1f per MB", Double(bytes.count) / 1e6, found.count, perMB))
        var byRule: [String: Int] = [:]
        for f in found { byRule[f.ruleID, default: 0] += 1 }
        for (rule, n) in byRule.sorted(by: { $0.value > $1.value }).prefix(15) {
            let samples = found.filter { $0.ruleID == rule }.prefix(4).map { f -> String in
                let lineStart = bytes[..<f.range.start].lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
                let lineEnd = bytes[f.range.end...].firstIndex(of: 0x0A) ?? bytes.count
                return String(decoding: bytes[lineStart..<lineEnd], as: UTF8.self)
            }
            print("  \(rule): \(n) e.g. \(samples)")
        }
        XCTAssertLessThan(perMB, 20)
    }

    let defaultPack: RuleSet = try! RulePack.compile(try! RulePack.load(extraDirectories: []))
}
