import BlackbarCore
import BlackbarFormats
import BlackbarRules
import Foundation
import XCTest

/// One input, every path: the same findings in memory, streamed in blocks of 1 byte, 7 bytes and 64 KiB,
/// as segments of a batch, as CSV cells and as JSON strings.
final class EveryPathTests: XCTestCase {
    let detector = Detector(ruleSet: defaultRules)

    /// Every match example of every default rule, one a line (markers removed).
    static let lines: [[UInt8]] = {
        let files = try! RulePack.load(extraDirectories: []).filter { !$0.isFieldRule }
        return files.flatMap { $0.spec.examples.match.compactMap { MarkedExample($0)?.bytes } }
            .filter { !$0.contains(0x0A) && !$0.contains(0x0D) }
    }()

    /// Findings as (entity, value) pairs, in order.
    func pairs(_ findings: [Finding], in bytes: [UInt8]) -> [String] {
        findings.map { "\($0.entity) " + String(decoding: bytes[$0.range.start..<$0.range.end], as: UTF8.self) }
    }

    func testBlocksOfOneSevenAnd64KiBFindWhatMemoryFinds() throws {
        let all = Self.lines.joined(separator: [0x0A]).map { $0 }
        let whole = detector.scan(all)
        XCTAssertGreaterThan(whole.count, 600)
        for (blockSize, workers) in [(7, 1), (7, 2), (65536, 1), (65536, 2)] {
            let found = try scanStream(detector, all, blockSize: blockSize, workers: workers)
            XCTAssertEqual(pairs(found, in: all), pairs(whole, in: all), "blocks of \(blockSize), \(workers) workers")
        }
        // One-byte blocks: every tenth line (a block a byte makes a scan call a byte).
        let some = Self.lines.enumerated().filter { $0.offset % 10 == 0 }.map(\.element).joined(separator: [0x0A]).map { $0 }
        let found = try scanStream(detector, some, blockSize: 1, workers: 2)
        XCTAssertEqual(pairs(found, in: some), pairs(detector.scan(some), in: some), "blocks of 1 byte")
    }

    func testSegmentsOfABatchFindWhatEachFindsAlone() {
        let segments = Self.lines.map { Segment($0) }
        let scratch = DetectorScratch()
        let batch = detector.scan(segments, scratch: scratch)
        var bySegment = Array(repeating: [Finding](), count: segments.count)
        for f in batch { bySegment[f.segment].append(f) }
        for (k, line) in Self.lines.enumerated() {
            XCTAssertEqual(
                pairs(bySegment[k], in: line), pairs(detector.scan(line), in: line),
                String(decoding: line, as: UTF8.self))
        }
    }

    /// A batch over one buffer made whole (`SegmentBatch(buffer:ranges:fieldNumbers:fields:)`, as the record
    /// pass makes it) finds what the same batch appended segment by segment finds.
    func testABatchMadeWholeEqualsOneAppendedSegmentBySegment() {
        let joined: [UInt8] = Self.lines.flatMap { $0 + [0x0A] }
        var ranges: [Range<Int>] = []
        var at = 0
        for line in Self.lines {
            ranges.append(at..<(at + line.count))
            at += line.count + 1
        }
        let fields = [detector.field("note"), detector.field("ssn")]
        let numbers = ranges.indices.map { Int32($0 % 3) - 1 }
        let buffer = SharedBytes(joined)
        var appended = SegmentBatch(buffer: buffer)
        for field in fields { _ = appended.addField(field) }
        for (k, range) in ranges.enumerated() { appended.append(range, field: numbers[k]) }
        let whole = SegmentBatch(buffer: buffer, ranges: ranges, fieldNumbers: numbers, fields: fields)
        XCTAssertEqual(whole.count, appended.count)
        let a = detector.scan(appended, scratch: DetectorScratch()), b = detector.scan(whole, scratch: DetectorScratch())
        XCTAssertEqual(a, b)
        XCTAssertGreaterThan(a.count, 10)
    }

    func testCSVCellsAndJSONStringsFindWhatTextFinds() throws {
        for line in Self.lines {
            let text = String(decoding: line, as: UTF8.self)
            let want = pairs(detector.scan(line), in: line).sorted()
            let cell = Array(("id,note\r\n42,\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\",x\r\n").utf8)
            let json = try JSONSerialization.data(withJSONObject: ["note": text], options: [.withoutEscapingSlashes])
            // A backslash in the text is escaped in JSON: `\n` written out is no longer a separator there.
            let shapes = line.contains(0x5C) ? [("CSV cell", cell)] : [("CSV cell", cell), ("JSON string", Array(json))]
            for (name, shaped) in shapes {
                // Values holding a quote are escaped in the shaped text; compare the others.
                let got = pairs(detector.scan(shaped), in: shaped).filter { !$0.contains("\"") && !$0.contains("\\") }
                XCTAssertEqual(got.sorted(), want.filter { !$0.contains("\"") && !$0.contains("\\") }, "\(name): \(text)")
            }
        }
    }

    func testAFieldNameIsContextForEveryValueOfItsSegments() {
        // `name,ssn` then `Jane Roe,536221234`: the header names the data; the value alone says nothing.
        let ssn = detector.field("ssn")
        let value = Array("536221234".utf8)
        XCTAssertEqual(detector.scan([Segment(value)], scratch: DetectorScratch()).count, 0)
        let cells = [Segment(Array("Jane Roe".utf8), field: detector.field("name")), Segment(value, field: ssn)]
        let found = detector.scan(cells, scratch: DetectorScratch())
        // The name column's value is a person's name by its field alone (a field rule).
        XCTAssertEqual(found.map(\.entity), ["PERSON", "US_SSN"])
        XCTAssertEqual(found.map(\.segment), [0, 1])
        XCTAssertEqual(found.last?.range, ByteRange(0, 9))
        // A negative field name lowers a value the same way a negative word on its line does.
        XCTAssertNotNil(detector.field("order_id").name)
    }

    func testAValueFindsTheSameWhateverItsNeighbours() {
        // The rule that reports a value, not only its span, is the value's own: three colons close together
        // open the `ipv6` rule's window, and two of them in the cell before must not count for this cell's
        // `fe80::1` (reported by `ipv6-compressed` alone, by `ipv6` when the colons counted across the join).
        let value = Array("fe80::1".utf8)
        let alone = detector.scan([Segment(value)], scratch: DetectorScratch()).map(\.ruleID)
        XCTAssertEqual(alone, ["ipv6-compressed"])
        for before in ["a:b", "x::", "12:30", "::", "see a:b:c"] {
            let cells = [Segment(Array(before.utf8)), Segment(value)]
            let found = detector.scan(cells, scratch: DetectorScratch()).filter { $0.segment == 1 }
            XCTAssertEqual(found.map(\.ruleID), alone, before)
        }
        // Every rule example in a batch reports by the same rules as alone.
        let segments = Self.lines.map { Segment($0) }
        var bySegment = Array(repeating: [String](), count: segments.count)
        for f in detector.scan(segments, scratch: DetectorScratch()) { bySegment[f.segment].append(f.ruleID) }
        for (k, line) in Self.lines.enumerated() {
            XCTAssertEqual(bySegment[k], detector.scan(line).map(\.ruleID), String(decoding: line, as: UTF8.self))
        }
    }

    func testContextAndMatchesStayInsideTheirSegment() {
        // `SSN` in one cell is not context for the number in the next one.
        let cells = [Segment(Array("SSN".utf8)), Segment(Array("536221234".utf8))]
        XCTAssertEqual(detector.scan(cells, scratch: DetectorScratch()).count, 0)
        XCTAssertEqual(detector.scan(Array("SSN 536221234".utf8)).map(\.entity), ["US_SSN"])
        // Ranges are in each segment's buffer: a shared buffer with two cells.
        let buffer = SharedBytes(Array("x,jane@example.com,+44 20 7946 0958".utf8))
        let shared = [
            Segment(buffer: buffer, range: 2..<18, origin: SegmentOrigin(offset: 2)),
            Segment(buffer: buffer, range: 19..<35, origin: SegmentOrigin(offset: 19)),
        ]
        let found = detector.scan(shared, scratch: DetectorScratch())
        XCTAssertEqual(found.map(\.range), [ByteRange(2, 18), ByteRange(19, 35)])
        XCTAssertEqual(found.map(\.segment), [0, 1])
    }
}
