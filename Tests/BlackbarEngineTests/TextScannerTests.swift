import BlackbarCore
import BlackbarFormats
import Foundation
import XCTest

/// One input, every path: the same findings whatever the block size or the number of workers.
final class TextScannerTests: XCTestCase {
    let detector = Detector(ruleSet: defaultRules)

    /// Writes bytes to a temporary file and returns an open descriptor for reading.
    func descriptor(_ bytes: [UInt8]) -> Int32 {
        let path = NSTemporaryDirectory() + "blackbar-test-\(UUID().uuidString)"
        _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
        let fd = open(path, O_RDONLY)
        unlink(path)
        return fd
    }

    func scanAll(_ bytes: [UInt8], blockSize: Int, workers: Int) throws -> [LocatedFinding] {
        let fd = descriptor(bytes)
        defer { close(fd) }
        var all: [LocatedFinding] = []
        _ = try TextScanner(detector: detector, workers: workers, blockSize: blockSize).scan(fd: fd, name: "t") {
            all += $1
        }
        return all
    }

    func corpus() -> [UInt8] {
        var text = ""
        for i in 0..<400 {
            text += "line \(i) Größe 東京 and some words to pad the line out a little.\n"
            if i % 7 == 0 { text += "Contact jane\(i)@example.com or +44 20 7946 0958; card 4111 1111 1111 1111\n" }
            if i % 11 == 0 { text += "IBAN DE89 3704 0044 0532 0130 00, host 10.0.\(i % 250).1\n" }
        }
        return Array(text.utf8)
    }

    func testBlockSizeAndWorkersDoNotChangeFindings() throws {
        let bytes = corpus()
        let whole = detector.scan(bytes)
        XCTAssertGreaterThan(whole.count, 100)
        for (blockSize, workers) in [(1024, 1), (1024, 2), (4096, 2), (1 << 20, 1), (1 << 20, 2)] {
            let found = try scanAll(bytes, blockSize: blockSize, workers: workers)
            XCTAssertEqual(found.map(\.finding.range), whole.map(\.range), "block \(blockSize), workers \(workers)")
        }
    }

    func testLinesAndColumnsAcrossBlocks() throws {
        let bytes = corpus()
        for located in try scanAll(bytes, blockSize: 1024, workers: 2) {
            let before = bytes[0..<located.finding.range.start]
            let line = before.filter { $0 == 0x0A }.count + 1
            let column = located.finding.range.start - (before.lastIndex(of: 0x0A).map { $0 + 1 } ?? 0) + 1
            XCTAssertEqual(located.location.line, line)
            XCTAssertEqual(located.location.column, column)
        }
    }

    func testValueSplitAcrossABlockBoundaryOnOneLongLine() throws {
        // No line feed anywhere: blocks end mid-line, and the email straddles the 1024-byte edge.
        for shift in [1000, 1010, 1020, 1023, 1024, 1030] {
            var text = String(repeating: "x ", count: shift / 2) + (shift % 2 == 1 ? " " : "")
            text += "jane.doe@example.com " + String(repeating: "y ", count: 800)
            let found = try scanAll(Array(text.utf8), blockSize: 1024, workers: 2)
            XCTAssertEqual(found.map(\.finding.range), [ByteRange(shift, shift + 20)], "email at \(shift)")
        }
    }

    func testEmptyInputAndInvalidUTF8() throws {
        XCTAssertEqual(try scanAll([], blockSize: 1024, workers: 2).count, 0)
        var bytes: [UInt8] = [0xFF, 0xFE, 0xC3, 0x28]
        bytes += Array(" jane@example.com ".utf8) + [0x80, 0x80] + Array("4111 1111 1111 1111".utf8) + [0xED, 0xA0, 0x80]
        let found = try scanAll(bytes, blockSize: 1024, workers: 1)
        XCTAssertEqual(found.map(\.finding.entity), ["EMAIL_ADDRESS", "CREDIT_CARD"])
    }

    func testReadErrorNamesTheInputAndOffset() throws {
        // A directory opens but cannot be read: the error names the input and the byte offset.
        for workers in [1, 2] {
            let fd = open(NSTemporaryDirectory(), O_RDONLY)
            defer { close(fd) }
            XCTAssertThrowsError(try TextScanner(detector: detector, workers: workers).scan(fd: fd, name: "some-dir") { _, _ in }) {
                XCTAssertTrue("\($0)".hasPrefix("some-dir: read error at byte 0"), "\($0)")
            }
        }
    }

    struct Stop: Error {}

    /// A handler that throws stops the scan: the reader and the workers leave, blocks arrive in order until
    /// then, and the error reaches the caller.
    func testAThrowingHandlerStopsEveryThread() throws {
        let bytes = corpus()
        let fd = descriptor(bytes)
        defer { close(fd) }
        var seen: [Int] = []
        XCTAssertThrowsError(
            try TextScanner(detector: detector, workers: 2, blockSize: 1024).scan(fd: fd, name: "t") { block, _ in
                seen.append(block.index)
                if block.index == 5 { throw Stop() }
            }
        ) { XCTAssertTrue($0 is Stop) }
        XCTAssertEqual(seen, Array(0...5))
    }
}
