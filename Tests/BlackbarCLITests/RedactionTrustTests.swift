import Foundation
import XCTest

/// Redaction a vendor can trust (issue 8): a fixed point, records in = records out, UTF-16 in its own
/// encoding, and nothing skipped in silence.
final class RedactionTrustTests: CLITestCase {
    /// `remove` brings `ssn` within reach of a number the input scan had rejected: the rescan finds it, and
    /// a second pass redacts it.
    func testRedactionReachesAFixedPoint() throws {
        let email = "a.very.long.address.of.someone.at.a.company@example-company.com"
        let text = "ssn \(email) 536221234\n"
        XCTAssertFalse(try run(["scan", "-"], stdin: Data(text.utf8)).stdout.contains("US_SSN"), "not found in the input")
        let r = try run(["redact", "--operator", "remove", "--risk-log", "risk.jsonl", "-"], stdin: Data(text.utf8))
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(r.stdout, "ssn  \n")
        let log = try String(contentsOf: scratch.appendingPathComponent("risk.jsonl"), encoding: .utf8)
        XCTAssertTrue(log.contains(#""redaction_passes":2"#), log)
        XCTAssertTrue(log.contains(#""residual_findings":0"#), log)
    }

    /// When the output is still not clean after the last pass, it is not written, the message names the file
    /// and line, and the run ends with exit 4.
    func testResidualFindingsFailTheFileAndWriteNothing() throws {
        let email = "a.very.long.address.of.someone.at.a.company@example-company.com"
        let path = try file("notes.txt", "first line\nssn \(email) 536221234\n")
        let r = try run(["redact", "--operator", "remove", "--max-passes", "1", path, "-o", "out.txt", "--risk-log", "r.jsonl"])
        XCTAssertEqual(r.status, 4, r.stderr)
        XCTAssertTrue(r.stderr.contains("notes.txt: line 2: 1 finding (US_SSN first) still found"), r.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: scratch.appendingPathComponent("out.txt").path))
        XCTAssertTrue(r.stderr.contains("1 output not written"), r.stderr)
        let log = try String(contentsOf: scratch.appendingPathComponent("r.jsonl"), encoding: .utf8)
        XCTAssertTrue(log.contains(#""residual_findings":1"#) && log.contains("personal data left after redaction"), log)
    }

    /// A passport MRZ spans lines: it is replaced line by line, so a 5-line file stays 5 lines.
    func testRecordsInEqualRecordsOut() throws {
        let text = "Name: Anna\nP<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10\nmail anna@example.com\nend\n"
        for op in ["placeholder", "mask", "remove"] {
            let r = try run(["redact", "--operator", op, "-"], stdin: Data(text.utf8))
            XCTAssertEqual(r.status, 0, r.stderr)
            XCTAssertEqual(r.stdout.split(separator: "\n", omittingEmptySubsequences: false).count, 6, "\(op): \(r.stdout)")
            XCTAssertFalse(r.stdout.contains("L898902C3"), r.stdout)
        }
    }

    /// UTF-16 files are scanned with offsets in their own bytes and written back in their own encoding.
    func testUTF16IsScannedAndWrittenInItsEncoding() throws {
        let text = "Grüße, mail jane.doe@example.com\nTel +44 20 7946 0958 東京\n"
        for (name, bigEndian) in [("le.txt", false), ("be.txt", true)] {
            let bom: [UInt8] = bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]
            var bytes = bom
            for unit in text.utf16 {
                bytes += bigEndian ? [UInt8(unit >> 8), UInt8(unit & 0xFF)] : [UInt8(unit & 0xFF), UInt8(unit >> 8)]
            }
            let url = scratch.appendingPathComponent(name)
            try Data(bytes).write(to: url)
            let scan = try run(["scan", "--format", "jsonl", url.path])
            XCTAssertEqual(scan.status, 1, scan.stderr)
            let first = try XCTUnwrap(scan.stdout.split(separator: "\n").first)
            let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(first.utf8)) as? [String: Any])
            // "Grüße, mail " is 12 UTF-16 units after the 2-byte mark.
            XCTAssertEqual(object["start"] as? Int, 2 + 12 * 2, name)
            XCTAssertEqual(object["end"] as? Int, 2 + 32 * 2, name)
            let out = scratch.appendingPathComponent("out-" + name)
            let r = try run(["redact", url.path, "-o", out.path])
            XCTAssertEqual(r.status, 0, r.stderr)
            let written = try Data(contentsOf: out)
            XCTAssertEqual(Array(written.prefix(2)), bom)
            let decoded = try XCTUnwrap(String(data: written, encoding: bigEndian ? .utf16BigEndian : .utf16LittleEndian))
            XCTAssertEqual(decoded.drop { $0 == "\u{FEFF}" }, "Grüße, mail <EMAIL_ADDRESS>\nTel <PHONE_NUMBER> 東京\n")
        }
    }

    /// A binary file is never copied into a sanitized output and never silent: a summary line, the risk log
    /// and exit 3 say not everything was handled.
    func testSkippedFilesAreCountedLoggedAndChangeTheExitStatus() throws {
        _ = try file("data/a.txt", "mail jane@example.com\n")
        try Data([0x50, 0x4B, 0x00, 0x01, 0x02] + Array("jane@example.com".utf8)).write(
            to: scratch.appendingPathComponent("data/blob.bin"))
        let r = try run(["redact", "data", "-o", "clean", "--risk-log", "risk.jsonl"])
        XCTAssertEqual(r.status, 3, r.stderr)
        XCTAssertTrue(r.stderr.contains("redact: 1 output written, 1 finding (EMAIL_ADDRESS 1), 1 skipped (binary 1)"), r.stderr)
        XCTAssertTrue(FileManager.default.fileExists(atPath: scratch.appendingPathComponent("clean/a.txt").path))
        XCTAssertFalse(FileManager.default.fileExists(atPath: scratch.appendingPathComponent("clean/blob.bin").path))
        let log = try String(contentsOf: scratch.appendingPathComponent("risk.jsonl"), encoding: .utf8)
        XCTAssertTrue(log.contains(#""skipped":"binary""#) && log.contains("blob.bin"), log)
        // One binary input to stdout: nothing written, and exit 3, not 0.
        let single = try run(["redact", "data/blob.bin"])
        XCTAssertEqual(single.status, 3)
        XCTAssertEqual(single.stdout, "")
    }
}

/// File names are data too (issue 8, defect 9).
final class FileNameTests: CLITestCase {
    func testNamesWithPersonalDataAreRedactedInOutputsLogsAndOutputNames() throws {
        _ = try file("pn/jane.doe@gmail.com.txt", "call +44 20 7946 0958\n")
        _ = try file("pn/report-2024-11-05.txt", "nothing here\n")
        let key = ["BLACKBAR_KEY": "file-name-test-key-0123456789"]
        let scan = try run(["scan", "--format", "jsonl", "--risk-log", "scan.jsonl", "pn"], environment: key)
        XCTAssertEqual(scan.status, 1, scan.stderr)
        XCTAssertFalse(scan.stdout.contains("jane.doe"), scan.stdout)
        XCTAssertTrue(scan.stdout.contains("pn/<EMAIL_ADDRESS:"), scan.stdout)
        let r = try run(["redact", "pn", "-o", "out", "--risk-log", "redact.jsonl"], environment: key)
        XCTAssertEqual(r.status, 0, r.stderr)
        let written = try FileManager.default.contentsOfDirectory(atPath: scratch.appendingPathComponent("out").path).sorted()
        XCTAssertEqual(written.count, 2)
        XCTAssertTrue(written.contains("report-2024-11-05.txt"), "names without personal data are kept: \(written)")
        XCTAssertTrue(written.contains { $0.hasPrefix("EMAIL_ADDRESS-") && $0.hasSuffix(".txt") }, "\(written)")
        for log in ["scan.jsonl", "redact.jsonl"] {
            let text = try String(contentsOf: scratch.appendingPathComponent(log), encoding: .utf8)
            XCTAssertFalse(text.contains("jane.doe"), "\(log) names the file raw")
        }
    }
}
