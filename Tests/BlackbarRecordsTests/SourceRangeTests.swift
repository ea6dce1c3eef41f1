import XCTest

@testable import BlackbarRecords

/// Decoded ranges map back to the exact source bytes, widened to whole escapes.
final class SourceRangeTests: XCTestCase {
    func testRangesMapThroughEscapes() {
        // Source `xA\u00e9B\nC` at offset 100, inside quotes at 99; decoded `A é B \n C`.
        // Source bytes: A(100) \u00e9(101..<107) B(107) \n(108..<110) C(110)
        // Decoded bytes: A(0) é(1..<3) B(3) LF(4) C(5)
        let value = RecordValue(
            decoded: 0..<6, source: 100..<111, outer: 99..<112, escapes: 0..<2, field: 0, kind: .string, line: 1,
            column: 1, record: 0)
        let escapes = [Escape(decoded: 1..<3, source: 101..<107), Escape(decoded: 4..<5, source: 108..<110)]
        let batch = RecordBatch(
            source: [], sourceOffset: 0, decoded: [], records: [], values: [value], escapes: escapes)
        let cases: [(Range<Int>, Range<Int>)] = [
            (0..<1, 100..<101),  // A
            (0..<3, 100..<107),  // A é
            (1..<3, 101..<107),  // é
            (2..<3, 101..<107),  // half of é widens to the escape
            (3..<4, 107..<108),  // B
            (3..<6, 107..<111),  // B LF C
            (5..<6, 110..<111),  // C
            (0..<6, 100..<111),
        ]
        for (decoded, source) in cases {
            XCTAssertEqual(batch.sourceRange(ofValue: 0, decoded: decoded), source, "\(decoded)")
        }
    }

    func testConcretePathFillsIndices() {
        let value = RecordValue(
            decoded: 0..<0, source: 0..<0, outer: 0..<0, escapes: 0..<0, field: 0, kind: .string, line: 1, column: 1,
            record: 0, indices: 0..<2)
        let batch = RecordBatch(source: [], sourceOffset: 0, decoded: [], records: [], values: [value], indices: [3, 0])
        XCTAssertEqual(batch.path(ofValue: 0, fieldNames: ["$.users[*].tags[*]"]), "$.users[3].tags[0]")
    }
}
