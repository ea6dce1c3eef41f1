import Foundation
import XCTest

#if canImport(Glibc)
    import Glibc
#endif

@testable import BlackbarRecords

/// Batch boundaries and chunked sources do not change what is read, and the batches reproduce the input.
final class CSVBatchTests: XCTestCase {
    static let input = Array(
        ("\u{FEFF}name,note\r\n" + "Ada,\"likes \"\"tea\"\"\nand cake\"\r\n\n" + "Bob,plain\n" + "\"C,D\",\r\n"
            + "E,\"\"\n" + "F,last").utf8)

    /// Values as (record number, field, line, column, kind, source, outer, decoded).
    func summary(_ read: CSVRead) -> [String] {
        read.batches.flatMap { b in
            b.values.map { v in
                let text = String(decoding: b.decoded[v.decoded], as: UTF8.self)
                return "\(b.records[v.record].number) \(v.field) \(v.line):\(v.column) \(v.kind) \(v.source) \(v.outer) \(text)"
            }
        }
    }

    func testBatchSizesGiveTheSameValues() {
        let whole = readCSV(Self.input)
        XCTAssertEqual(whole.batches.count, 1)
        for batchBytes in [1, 2, 5, 17, 64] {
            let read = readCSV(Self.input, batchBytes: batchBytes)
            XCTAssertNil(read.error)
            XCTAssertEqual(summary(read), summary(whole), "batchBytes \(batchBytes)")
            XCTAssertEqual(read.unpatched, Self.input, "batchBytes \(batchBytes)")
            XCTAssertEqual(read.names, whole.names)
            if batchBytes == 1 { XCTAssertEqual(read.batches.count, 6) }
            // Each batch's offsets continue the previous one's.
            var offset = 0
            for b in read.batches {
                XCTAssertEqual(b.sourceOffset, offset)
                offset += b.source.count
            }
        }
    }

    func testPipeInTinyWritesGivesTheSameValues() throws {
        var fds: [Int32] = [0, 0]
        XCTAssertEqual(pipe(&fds), 0)
        let bytes = Self.input
        let writeEnd = fds[1]
        let writer = Thread {
            // Three bytes at a time, so records straddle reads.
            var at = 0
            while at < bytes.count {
                let n = min(3, bytes.count - at)
                _ = bytes[at..<(at + n)].withUnsafeBytes { write(writeEnd, $0.baseAddress!, n) }
                at += n
                usleep(100)
            }
            close(writeEnd)
        }
        writer.start()
        let read = readCSV([], batchBytes: 7, source: ByteSource(fd: fds[0], name: "pipe"))
        close(fds[0])
        XCTAssertNil(read.error)
        XCTAssertEqual(summary(read), summary(readCSV(Self.input)))
        XCTAssertEqual(read.unpatched, Self.input)
    }

    func testSkippedRecordsAcrossBatches() {
        let input = Array("h\n1\n\"x\"y\n2\n\"open\n3\n".utf8)
        let whole = readCSV(input, policy: .skip)
        for batchBytes in [1, 3] {
            let read = readCSV(input, policy: .skip, batchBytes: batchBytes)
            XCTAssertEqual(read.rows, whole.rows)
            XCTAssertEqual(read.skipped, whole.skipped)
            XCTAssertEqual(read.unpatched, input)
            XCTAssertEqual(read.withoutSkipped, whole.withoutSkipped)
        }
        XCTAssertEqual(whole.rows, [["h"], ["1"], ["2"], ["3"]])
        XCTAssertEqual(whole.withoutSkipped, Array("h\n1\n2\n3\n".utf8))
    }

    func testLargeInputStaysBounded() {
        // 3 MB of records in 64 KiB batches: no batch holds much more than its share.
        var input: [UInt8] = []
        let row = Array("123,\"quoted, with comma\",plain text here\n".utf8)
        while input.count < 3 << 20 { input += row }
        let read = readCSV(input, noHeader, batchBytes: 64 << 10)
        XCTAssertEqual(read.unpatched, input)
        XCTAssertEqual(read.numbers.count, input.count / row.count)
        for b in read.batches { XCTAssertLessThan(b.source.count, (64 << 10) + row.count) }
    }
}
