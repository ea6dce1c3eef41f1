import XCTest

@testable import BlackbarRecords

/// Batches cover every byte once, whatever their size and however the source arrives.
final class JSONBatchTests: XCTestCase {
    let lines = """
        {"name": "Ann \\u00e9", "tags": ["a", "b"], "n": -0}
        \r
           \t
        {"name": "Bob", "nested": {"deep": [[1, 2], {"x": null}]}}\r
        "bare"
        [1e-7, 12.50, true]
        """

    func testBatchSizesAndChunksGiveTheSameValues() throws {
        let whole = try readJSON(lines)
        XCTAssertEqual(whole.batches.count, 1)
        XCTAssertEqual(whole.records.map(\.number), [1, 2, 3, 4])
        XCTAssertEqual(whole.records.map(\.line), [1, 4, 5, 6])
        let expected = whole.values.map { "\($0.kind) \($0.path) \($0.decoded) \($0.source) \($0.record)" }
        for batchBytes in [1, 2, 17, 100, 1 << 20] {
            for chunk in [1, 3, 64, 1 << 20] {
                let read = try readJSON(lines, batchBytes: batchBytes, chunk: chunk)
                XCTAssertEqual(read.values.map { "\($0.kind) \($0.path) \($0.decoded) \($0.source) \($0.record)" }, expected)
                XCTAssertEqual(read.output(), Array(lines.utf8))
                XCTAssertEqual(read.records.map(\.line), [1, 4, 5, 6])
                if batchBytes == 1 { XCTAssertEqual(read.batches.count, 6, "one line per batch") }
                // Offsets are absolute and batches are back to back.
                var at = 0
                for batch in read.batches {
                    XCTAssertEqual(batch.sourceOffset, at)
                    at += batch.source.count
                }
            }
        }
    }

    func testDocumentBatchesHoldWholeElements() throws {
        let doc = "\u{FEFF} [\n {\"a\": \"x\"} ,\n\"y\\n\", [1, {\"b\": 2}],\n 3\n ] \n"
        let whole = try readJSON(doc, document: true)
        XCTAssertEqual(whole.batches.count, 1)
        let expected = whole.values.map { "\($0.kind) \($0.path) \($0.decoded) \($0.source) \($0.record)" }
        XCTAssertEqual(whole.records.map(\.number), [1, 2, 3, 4])
        for batchBytes in [1, 5, 12, 30, 1 << 20] {
            let read = try readJSON(doc, document: true, batchBytes: batchBytes)
            XCTAssertEqual(read.values.map { "\($0.kind) \($0.path) \($0.decoded) \($0.source) \($0.record)" }, expected)
            XCTAssertEqual(read.output(), Array(doc.utf8))
            XCTAssertEqual(read.records.map(\.number), [1, 2, 3, 4])
            if batchBytes == 1 {
                XCTAssertEqual(read.batches.count, 4, "the last element's batch takes the closing bracket")
                XCTAssertEqual(read.batches.map(\.records.count), [1, 1, 1, 1])
            }
            for batch in read.batches {
                for r in batch.records {
                    let text = String(decoding: batch.source[(r.source.lowerBound - batch.sourceOffset)..<(r.source.upperBound - batch.sourceOffset)], as: UTF8.self)
                    XCTAssertFalse(text.hasPrefix(",") || text.hasPrefix(" ") || text.hasSuffix(","), text)
                }
            }
        }
        let empty = try readJSON(" [ ] ", document: true)
        XCTAssertEqual(empty.batches.count, 1)
        XCTAssertEqual(empty.records.count, 0)
        XCTAssertEqual(empty.output(), Array(" [ ] ".utf8))
    }

    func testRoundTripIsByteIdentical() throws {
        let samples = [
            "{\"a\" :  1.50e+3 ,\"b\":[ ],\"c\":{ },\"d\":\"\\u00E9\\/\"}",
            "\u{FEFF}{\"x\": [\"😀\", \"\\ud83d\\ude00\"]}\r\n\r\n",
            "  \"just a string\"  ",
            "-0",
        ]
        for text in samples {
            XCTAssertEqual(try readJSON(text).output(), Array(text.utf8), text)
            XCTAssertEqual(try readJSON(text, document: true).output(), Array(text.utf8), text)
        }
        XCTAssertEqual(try readJSON("").batches.count, 0)
        XCTAssertEqual(try readJSON("\n \n").records.count, 0)
        XCTAssertEqual(try readJSON("\n \n").output(), Array("\n \n".utf8))
    }

    func testReadsFromADescriptor() throws {
        var fds: [Int32] = [0, 0]
        XCTAssertEqual(pipe(&fds), 0)
        let text = Array(lines.utf8)
        let written = text.withUnsafeBytes { write(fds[1], $0.baseAddress, $0.count) }
        XCTAssertEqual(written, text.count)
        close(fds[1])
        let reader = JSONLinesReader(source: ByteSource(fd: fds[0], name: "pipe"), config: RecordReaderConfig(batchBytes: 10))
        var out: [UInt8] = []
        while let batch = try reader.next() { out += batch.source }
        close(fds[0])
        XCTAssertEqual(out, text)
    }
}
