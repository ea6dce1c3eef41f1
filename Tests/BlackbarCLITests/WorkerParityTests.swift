import Foundation
import XCTest

/// Two workers read and scan small files ahead of the one being reported (`TextLookahead`); whatever the
/// files, findings, outputs, risk log and exit status must be those of one worker.
final class WorkerParityTests: CLITestCase {
    /// A mixed folder: small text files with personal data, an empty file, a binary file, a UTF-16 file, a
    /// file with a byte-order mark, a CSV table, a text file larger than a block, a file named for an email.
    func makeMixedFolder() throws -> String {
        let dir = scratch.appendingPathComponent("mixed").path
        for k in 0..<40 {
            try file("mixed/note\(k).txt", "Ticket \(k): call +44 20 7946 0958 or write to jane.doe\(k)@example.com\n")
        }
        try file("mixed/empty.txt", "")
        try Data([0x00, 0x01, 0x02, 0x40, 0x41]).write(to: URL(fileURLWithPath: dir + "/blob.bin"))
        var utf16 = Data([0xFF, 0xFE])
        utf16.append("mail bob@example.org\n".data(using: .utf16LittleEndian)!)
        try utf16.write(to: URL(fileURLWithPath: dir + "/wide.txt"))
        try file("mixed/bom.txt", "\u{FEFF}IBAN DE89 3704 0044 0532 0130 00\n")
        try file("mixed/table.csv", "name,email\nAnn,ann@example.com\n")
        let line = "Order 4471 shipped; contact anna.smith@example.net, card 4539 1488 0343 6467.\n"
        try file("mixed/big.txt", String(repeating: line, count: 1_200_000 / line.utf8.count + 1))
        try file("mixed/jane.doe@gmail.com.txt", "nothing here\n")
        return dir
    }

    func testScanFindsTheSameWithOneAndTwoWorkers() throws {
        let dir = try makeMixedFolder()
        let key = try file("key", "a fixed fingerprint key for both runs")
        let one = try run(["scan", "--format", "jsonl", "-j", "1", "--key-file", key, "--risk-log", "one.jsonl", dir])
        let two = try run(["scan", "--format", "jsonl", "-j", "2", "--key-file", key, "--risk-log", "two.jsonl", dir])
        XCTAssertEqual(one.status, two.status)
        XCTAssertTrue(one.stdout == two.stdout, "findings differ")
        XCTAssertEqual(one.stderr, two.stderr)
        XCTAssertGreaterThan(one.stdout.split(separator: "\n").count, 80)
        let logs = (try riskLogWithoutTimes("one.jsonl"), try riskLogWithoutTimes("two.jsonl"))
        XCTAssertEqual(logs.0.count, logs.1.count)
        // Compared line by line: the log is large, and a failure should name the first line that differs.
        if let k = logs.0.indices.first(where: { $0 < logs.1.count && logs.0[$0] != logs.1[$0] }) {
            XCTFail("risk logs differ at line \(k + 1):\n\(logs.0[k].prefix(300))\n\(logs.1[k].prefix(300))")
        }
    }

    func testRedactWritesTheSameWithOneAndTwoWorkers() throws {
        let dir = try makeMixedFolder()
        let key = try file("key", "a fixed fingerprint key for both runs")
        let one = try run(["redact", "-j", "1", "--key-file", key, "-o", "out1", dir])
        let two = try run(["redact", "-j", "2", "--key-file", key, "-o", "out2", dir])
        XCTAssertEqual(one.status, two.status)
        XCTAssertEqual(one.stderr, two.stderr)
        let fm = FileManager.default
        let names = try fm.subpathsOfDirectory(atPath: scratch.appendingPathComponent("out1").path).sorted()
        XCTAssertEqual(names, try fm.subpathsOfDirectory(atPath: scratch.appendingPathComponent("out2").path).sorted())
        XCTAssertGreaterThan(names.count, 40)
        for name in names {
            let a = fm.contents(atPath: scratch.appendingPathComponent("out1/" + name).path)
            let b = fm.contents(atPath: scratch.appendingPathComponent("out2/" + name).path)
            XCTAssertEqual(a, b, name)
        }
        let note = try XCTUnwrap(fm.contents(atPath: scratch.appendingPathComponent("out2/note7.txt").path))
        XCTAssertFalse(String(decoding: note, as: UTF8.self).contains("jane.doe7@example.com"))
    }

    /// The risk log's lines with their time stamps removed.
    func riskLogWithoutTimes(_ name: String) throws -> [String] {
        let text = try String(contentsOf: scratch.appendingPathComponent(name), encoding: .utf8)
        return text.split(separator: "\n").map {
            String($0).replacingOccurrences(of: #""time":"[^"]*""#, with: "", options: .regularExpression)
        }
    }
}
