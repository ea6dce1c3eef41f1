import BlackbarCore
import BlackbarFormats
import Foundation
import XCTest

/// A regular file's size bounds each read; what the reader hands out must still be every byte, also when the
/// file is longer or shorter by the time it is read than when it was opened.
final class BlockReaderTests: XCTestCase {
    private func temporaryFile(_ bytes: [UInt8]) throws -> String {
        let path = NSTemporaryDirectory() + "blockreader-\(UUID().uuidString).txt"
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        addTeardownBlock { try? FileManager.default.removeItem(atPath: path) }
        return path
    }

    private func readAll(_ reader: BlockReader) throws -> [UInt8] {
        var out: [UInt8] = []
        while let block = try reader.next() { out += block.bytes[block.region] }
        return out
    }

    func testReadsEveryByteWhateverTheSizeDoesMeanwhile() throws {
        // (bytes at open, bytes appended after open, bytes cut off after open)
        let cases: [(Int, Int, Int)] = [(0, 0, 0), (1, 0, 0), (1024, 0, 0), (300_000, 0, 0), (1024, 5000, 0), (0, 70_000, 0),
                                        (2_000_000, 10, 0), (1024, 0, 500)]
        for (size, appended, cut) in cases {
            let first = (0..<size).map { UInt8(truncatingIfNeeded: $0 % 251) }
            let path = try temporaryFile(first)
            let fd = open(path, O_RDONLY)
            XCTAssertGreaterThanOrEqual(fd, 0)
            defer { close(fd) }
            let reader = BlockReader(fd: fd, name: path, blockSize: 1 << 20)
            var expected = first
            if appended > 0 {
                let more = [UInt8](repeating: 0x41, count: appended)
                let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
                handle.seekToEndOfFile()
                handle.write(Data(more))
                try handle.close()
                expected += more
            }
            if cut > 0 {
                XCTAssertEqual(truncate(path, off_t(size - cut)), 0)
                expected = Array(first.prefix(size - cut))
            }
            XCTAssertEqual(try readAll(reader), expected, "\(size) + \(appended) - \(cut)")
        }
    }

    /// Every block, from a file or from memory, is the stream's bytes at its offset; regions follow each other
    /// without gap; a region ends after a line feed in its second half when there is one; the lookbehind is
    /// what the stream has of `lookbehind` bytes and the lookahead what it has of `lookahead` bytes.
    func testBlocksAreTheStreamWithTheirContext() throws {
        var random = SeededRandom(seed: 5)
        for (size, blockSize, lookahead) in [(0, 64, 16), (10, 64, 16), (1000, 64, 16), (5000, 100, 300), (70_000, 4096, 4096),
                                             (300_000, 1 << 16, 4096)] {
            let bytes = (0..<size).map { _ in random.below(30) == 0 ? UInt8(0x0A) : UInt8(0x61 + random.below(26)) }
            let path = try temporaryFile(bytes)
            let fd = open(path, O_RDONLY)
            defer { close(fd) }
            let readers = [
                BlockReader(fd: fd, name: path, blockSize: blockSize, lookbehind: 32, lookahead: lookahead),
                BlockReader(bytes: bytes, name: "memory", blockSize: blockSize, lookbehind: 32, lookahead: lookahead),
            ]
            for reader in readers {
                var regionStart = 0
                var index = 0
                while let block = try reader.next() {
                    let start = block.offset + block.region.lowerBound, end = block.offset + block.region.upperBound
                    let label = "\(size)/\(blockSize) block \(index)"
                    XCTAssertEqual(block.index, index, label)
                    XCTAssertEqual(start, regionStart, label)
                    XCTAssertEqual(block.offset, max(0, start - 32), label)
                    XCTAssertEqual(block.offset + block.bytes.count, min(size, end + lookahead), label)
                    XCTAssertEqual(block.bytes, Array(bytes[block.offset..<(block.offset + block.bytes.count)]), label)
                    XCTAssertLessThanOrEqual(end - start, blockSize, label)
                    if end < size, bytes[(start + blockSize / 2)..<(start + blockSize)].contains(0x0A) {
                        XCTAssertEqual(bytes[end - 1], 0x0A, label)
                    }
                    regionStart = end
                    index += 1
                }
                XCTAssertEqual(regionStart, size)
                XCTAssertTrue(reader.isAtEnd)
            }
        }
    }

    func testReadsAfterAPrefixAlreadyTaken() throws {
        let bytes = Array("line one\nline two\n".utf8)
        let path = try temporaryFile(bytes)
        let fd = open(path, O_RDONLY)
        defer { close(fd) }
        var prefix = [UInt8](repeating: 0, count: 5)
        XCTAssertEqual(read(fd, &prefix, 5), 5)
        XCTAssertEqual(try readAll(BlockReader(fd: fd, name: path, prefix: prefix)), bytes)
    }
}
