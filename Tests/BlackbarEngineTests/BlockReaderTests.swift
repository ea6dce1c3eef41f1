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
