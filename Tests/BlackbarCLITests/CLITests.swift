import Foundation
import XCTest

/// Runs the built `blackbar` binary as a pipeline would: stdin, stdout, stderr, exit code.
final class CLITests: CLITestCase {
    let sample = "Mail jane.doe@example.com or call +44 20 7946 0958.\nSSN 536-22-1234\n"

    func testScanJSONLinesWithoutValues() throws {
        let r = try run(["scan", "--format", "jsonl", "-"], stdin: Data(sample.utf8))
        XCTAssertEqual(r.status, 1)
        let lines = r.stdout.split(separator: "\n")
        XCTAssertEqual(lines.count, 3)
        XCTAssertTrue(lines[0].contains(#""entity":"EMAIL_ADDRESS""#) && lines[0].contains(#""start":5"#), String(lines[0]))
        XCTAssertTrue(lines[0].contains(#""line":1"#) && lines[0].contains(#""column":6"#))
        XCTAssertFalse(r.stdout.contains("jane.doe"), "no raw value without --show-values")
        XCTAssertEqual(r.stderr, "")
    }

    /// JSON Lines records are valid JSON whatever the input's name holds (quotes, backslashes, control bytes,
    /// non-ASCII), with the same keys as before.
    func testJSONLinesEscapeInputNames() throws {
        let name = "we\"ird\\na\tme é\u{1}.txt"
        let path = try file(name, sample)
        let r = try run(["scan", "--format", "jsonl", "--show-values", path])
        let lines = r.stdout.split(separator: "\n")
        XCTAssertEqual(lines.count, 3)
        for line in lines {
            let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            XCTAssertEqual(object["input"] as? String, path)
            // `low_risk` is there for a look-alike (the sample's addresses are at example domains).
            XCTAssertEqual(
                Set(object.keys).subtracting(["low_risk"]),
                ["column", "confidence", "end", "entity", "input", "line", "rule", "start", "validated", "value"])
        }
    }

    /// A text finding's line is written from pieces kept per entity and input: an input name longer than the
    /// pieces' first width (a deep path) and a second input after it come out whole.
    func testJSONLinesOfLongInputNames() throws {
        let long = try file(String(repeating: "d", count: 200) + "/" + String(repeating: "n", count: 200) + ".txt", sample)
        let short = try file("s.txt", sample)
        let r = try run(["scan", "--format", "jsonl", "-j", "1", long, short])
        let inputs = try r.stdout.split(separator: "\n").map {
            try XCTUnwrap(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])["input"] as? String
        }
        XCTAssertEqual(inputs, [long, long, long, short, short, short], r.stdout)
    }

    /// Short strings are copied into a JSON line as two overlapping words, longer ones by `memmove`: field names
    /// and values of every length from 1 to 30 bytes come back exactly.
    func testJSONLinesKeepStringsOfEveryLength() throws {
        let names = (1...20).map { n in String(repeating: "k", count: n) }
        // Addresses of 6 to 30 bytes: `a@bc.de` grows by one letter of the local part per column.
        let values = (0..<names.count).map { n in String(repeating: "a", count: n + 1) + "@mail.de" }
        let text = names.joined(separator: ",") + "\n" + values.joined(separator: ",") + "\n"
        let path = try file("lengths.csv", text)
        let r = try run(["scan", "--format", "jsonl", "--show-values", path])
        var seen = 0
        for line in r.stdout.split(separator: "\n") {
            let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            let field = try XCTUnwrap(object["field"] as? String)
            let index = try XCTUnwrap(names.firstIndex(of: field), field)
            XCTAssertEqual(object["value"] as? String, values[index])
            XCTAssertEqual(object["entity"] as? String, "EMAIL_ADDRESS")
            seen += 1
        }
        XCTAssertEqual(seen, names.count, r.stdout)
    }

    /// Offsets and columns are written in decimal at every digit count: addresses of ten bytes start at 0, 89,
    /// 990 ... 999,989 bytes into the input, so they end at 10, 99, 1000 ... 999,999 (the printer counts a
    /// number's digits from its bit length).
    func testNumbersOfEveryDigitCount() throws {
        let starts = [0, 89, 990, 9989, 99990, 999_989]
        var text = ""
        for start in starts {
            text += String(repeating: " ", count: start - text.utf8.count)
            text += "ab@mail.de "
        }
        let path = try file("digits.txt", text)
        let r = try run(["scan", "--format", "jsonl", path])
        let objects = try r.stdout.split(separator: "\n").map {
            try XCTUnwrap(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        XCTAssertEqual(objects.compactMap { $0["start"] as? Int }, starts, r.stdout)
        XCTAssertEqual(objects.compactMap { $0["end"] as? Int }, starts.map { $0 + 10 })
        XCTAssertEqual(objects.compactMap { $0["column"] as? Int }, starts.map { $0 + 1 })
        XCTAssertTrue(r.stdout.contains(#""end":10,"#) && r.stdout.contains(#""start":0,"#), r.stdout)
    }

    /// Confidences are written as `JSONEncoder` writes numbers, the shortest text that reads back the same
    /// (`0.7`, `1`), whether they come from the printer's table of hundredths or are formatted.
    func testConfidencesAreWrittenAsShortestNumbers() throws {
        let text = sample + "IBAN DE89 3704 0044 0532 0130 00, card 4111 1111 1111 1111, IP 192.0.2.44, phone 030 1234567\n"
        let r = try run(["scan", "--format", "jsonl", "--min-confidence", "0", "-"], stdin: Data(text.utf8))
        var seen = Set<String>()
        for line in r.stdout.split(separator: "\n") {
            let after = try XCTUnwrap(line.range(of: #""confidence":"#))
            let written = String(line[after.upperBound...].prefix { $0 != "," })
            let value = try XCTUnwrap(Double(written), written)
            let expected = value == value.rounded() ? String(Int(value)) : value.description
            XCTAssertEqual(written, expected)
            seen.insert(written)
        }
        XCTAssertGreaterThan(seen.count, 1, "\(seen)")
    }

    func testShowValuesWarns() throws {
        let r = try run(["scan", "--format", "jsonl", "--show-values", "-"], stdin: Data(sample.utf8))
        XCTAssertTrue(r.stdout.contains(#""value":"jane.doe@example.com""#))
        XCTAssertTrue(r.stderr.contains("warning: --show-values prints raw personal data"))
    }

    func testExitCodes() throws {
        XCTAssertEqual(try run(["scan", "-"], stdin: Data("nothing to see here\n".utf8)).status, 0)
        XCTAssertEqual(try run(["scan", "-"], stdin: Data()).status, 0, "empty input")
        XCTAssertEqual(try run(["scan", "--fail-on", "high", "-"], stdin: Data("jane@example.com".utf8)).status, 0)
        XCTAssertEqual(try run(["scan", "--fail-on", "high", "-"], stdin: Data("SSN 536-22-1234".utf8)).status, 1)
        XCTAssertEqual(try run(["scan", "--min-confidence", "7", "-"]).status, 64)
        XCTAssertEqual(try run(["scan", "--no-such-flag"]).status, 64)
        XCTAssertEqual(try run(["redact", "--operator", "blur", "-"]).status, 64)
        XCTAssertEqual(try run(["redact", "-"], stdin: Data(sample.utf8)).status, 0)
    }

    /// A NUL byte in the first 8 KB: the input is skipped with a note (a file before any block is read, stdin
    /// after its first block), unless `--binary` asks to scan it as text.
    func testBinaryInputsAreSkippedAndNamed() throws {
        var bytes = [UInt8]("header".utf8) + [0, 1, 2, 0xFF] + Array(" mail jane@example.com\n".utf8)
        bytes += [UInt8](repeating: 0x41, count: 3_000_000)
        let url = scratch.appendingPathComponent("photo.bin")
        try Data(bytes).write(to: url)
        let skipped = try run(["scan", "--format", "jsonl", url.path])
        XCTAssertEqual(skipped.status, 3, "not everything was scanned")
        XCTAssertEqual(skipped.stdout, "")
        XCTAssertTrue(skipped.stderr.contains("photo.bin: skipped: looks binary"), skipped.stderr)
        // Small enough for the pipe's buffer: the scan stops reading after its first block.
        let piped = try run(["scan", "--format", "jsonl", "-"], stdin: Data(bytes[0..<40_000]))
        XCTAssertEqual(piped.status, 3)
        XCTAssertTrue(piped.stderr.contains("-: skipped: looks binary"), piped.stderr)
        let scanned = try run(["scan", "--format", "jsonl", "--binary", url.path])
        XCTAssertEqual(scanned.status, 1)
        XCTAssertTrue(scanned.stdout.contains("EMAIL_ADDRESS"), scanned.stdout)
    }

    func testMissingAndUnreadableInputsAreErrorsNamingTheFile() throws {
        let good = try file("ok.txt", "jane@example.com\n")
        let r = try run(["scan", "--format", "jsonl", "missing.txt", good])
        XCTAssertEqual(r.status, 2, "an error outranks findings")
        XCTAssertTrue(r.stderr.contains("missing.txt: no such file or folder"), r.stderr)
        XCTAssertTrue(r.stdout.contains("EMAIL_ADDRESS"), "other inputs are still scanned")
        // /proc/self/mem opens but every read fails (even as root): the error names the file and offset.
        let unreadable = try run(["scan", "/proc/self/mem"])
        XCTAssertEqual(unreadable.status, 2)
        XCTAssertTrue(unreadable.stderr.contains("/proc/self/mem: read error at byte 0"), unreadable.stderr)
    }

    func testInvalidUTF8IsScanned() throws {
        // (FF FE would be a UTF-16 byte-order mark: FF C0 is as invalid and means nothing.)
        var bytes = Data([0xFF, 0xC0, 0x0A])
        bytes.append(Data("jane@example.com ".utf8))
        bytes.append(Data([0xC3, 0x28, 0x0A]))
        let r = try run(["scan", "--format", "jsonl", "-"], stdin: bytes)
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.stdout.contains(#""line":2"#))
        let redacted = try run(["redact", "-"], stdin: bytes)
        var expected = Data([0xFF, 0xC0, 0x0A])
        expected.append(Data("<EMAIL_ADDRESS> ".utf8))
        expected.append(Data([0xC3, 0x28, 0x0A]))
        XCTAssertEqual(Data(redacted.stdout.utf8).count, String(decoding: expected, as: UTF8.self).utf8.count)
    }

    func testValueSplitAcrossTheOneMegabyteBlockBoundary() throws {
        // One line, no line feed: the 1 MiB block ends in the middle of the address.
        let offset = (1 << 20) - 7
        var text = String(repeating: "x", count: offset - 1) + " jane.doe@example.com "
        text += String(repeating: "y", count: 300_000) + "\n"
        let path = try file("long.txt", text)
        let r = try run(["scan", "--format", "jsonl", path])
        XCTAssertEqual(r.status, 1)
        XCTAssertEqual(r.stdout.split(separator: "\n").count, 1)
        XCTAssertTrue(r.stdout.contains(#""start":\#(offset),"#) && r.stdout.contains(#""end":\#(offset + 20),"#), r.stdout)
        let redacted = try run(["redact", path])
        XCTAssertEqual(redacted.stdout.utf8.count, text.utf8.count - 20 + "<EMAIL_ADDRESS>".utf8.count)
        XCTAssertTrue(redacted.stdout.contains("x <EMAIL_ADDRESS> y"))
    }

    func testRedactKeepsEveryOtherByteAndNeverTouchesTheInput() throws {
        let input = try file("in.txt", sample)
        let r = try run(["redact", "--operator", "mask", "--operator", "US_SSN=placeholder", input, "-o", "out.txt"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(try String(contentsOfFile: input, encoding: .utf8), sample)
        let out = try String(contentsOf: scratch.appendingPathComponent("out.txt"), encoding: .utf8)
        XCTAssertEqual(out, "Mail ****.***@*******.*** or call +** ** **** ****.\nSSN <US_SSN>\n")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: scratch.path).filter { $0.contains("blackbar-") }
        XCTAssertEqual(leftovers, [], "no temporary files left behind")
    }

    func testRedactFolderMirrorsTheTree() throws {
        _ = try file("data/a.txt", "one jane@example.com\n")
        _ = try file("data/sub/b.txt", "two 536-22-1234\n")
        _ = try file("data/sub/clean.txt", "nothing\n")
        let r = try run(["redact", "data", "-o", "clean"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let root = scratch.appendingPathComponent("clean")
        XCTAssertEqual(try String(contentsOf: root.appendingPathComponent("a.txt"), encoding: .utf8), "one <EMAIL_ADDRESS>\n")
        XCTAssertEqual(try String(contentsOf: root.appendingPathComponent("sub/b.txt"), encoding: .utf8), "two <US_SSN>\n")
        XCTAssertEqual(try String(contentsOf: root.appendingPathComponent("sub/clean.txt"), encoding: .utf8), "nothing\n")
        XCTAssertEqual(try run(["redact", "data"]).status, 64, "a folder needs -o")
    }

    func testRiskLogHasProvenanceAndNoRawValues() throws {
        let r = try run(["redact", "--risk-log", "risk.jsonl", "-"], stdin: Data(sample.utf8))
        XCTAssertEqual(r.status, 0, r.stderr)
        let log = try String(contentsOf: scratch.appendingPathComponent("risk.jsonl"), encoding: .utf8)
        let events = log.split(separator: "\n").map { String($0) }
        XCTAssertEqual(events.first.map { $0.contains(#""event":"run.start""#) && $0.contains("rule_pack_digest") }, true)
        XCTAssertEqual(events.filter { $0.contains(#""event":"finding""#) }.count, 3)
        let summary = try XCTUnwrap(events.first { $0.contains(#""event":"input.summary""#) })
        XCTAssertTrue(summary.contains(#""residual_findings":0"#) && summary.contains("sha256_output"), summary)
        XCTAssertTrue(events.last!.contains(#""event":"run.summary""#) && events.last!.contains(#""rating":"high""#))
        for value in ["jane.doe", "7946", "536-22"] { XCTAssertFalse(log.contains(value), "risk log leaks \(value)") }
    }

    func testBrokenPipeEndsQuietly() throws {
        let big = String(repeating: "mail jane@example.com now\n", count: 200_000)
        let path = try file("big.txt", big)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "'\(Self.binary.path)' scan --format jsonl '\(path)' | head -n 1 >/dev/null"]
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let err = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        XCTAssertEqual(String(decoding: err, as: UTF8.self), "")
    }

    func testRulesListAndTest() throws {
        let list = try run(["rules", "list"])
        XCTAssertEqual(list.status, 0)
        XCTAssertTrue(list.stdout.contains("iban") && list.stdout.contains("IBAN_CODE") && list.stdout.contains("iban "))
        // The summary names the rules the shape gate cannot read (they run on their prefilter alone).
        XCTAssertTrue(list.stdout.contains("; the shape gate reads ") && list.stdout.contains("(not: ") && list.stdout.contains(" email, ") && list.stdout.contains(" url,")
            && list.stdout.contains(" field rules (they read whole values"), list.stdout)
        let rows = try run(["rules", "list", "--format", "jsonl"])
        XCTAssertTrue(rows.stdout.contains(#""id":"iban","jurisdiction":"global","name""#) || rows.stdout.contains(#""shape-gate":"yes""#))
        XCTAssertTrue(rows.stdout.contains(#""id":"email""#) && rows.stdout.contains(#""shape-gate":"no""#))
        let test = try run(["rules", "test"])
        XCTAssertEqual(test.status, 0, test.stdout)
        XCTAssertTrue(test.stdout.contains("all passed"))
    }

    func testSlowStdinIsPassedOnLineByLine() throws {
        // A pipeline that feeds stdin slowly gets each line back before it closes the pipe.
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = ["redact", "-"]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(Data("mail jane@example.com\n".utf8))
        var received = Data()
        let deadline = Date().addingTimeInterval(10)
        let reader = output.fileHandleForReading
        while !String(decoding: received, as: UTF8.self).contains("\n") && Date() < deadline {
            received.append(reader.availableData)
        }
        XCTAssertEqual(String(decoding: received, as: UTF8.self), "mail <EMAIL_ADDRESS>\n", "first line not passed on while stdin is open")
        input.fileHandleForWriting.write(Data("call +44 20 7946 0958\n".utf8))
        try input.fileHandleForWriting.close()
        received.append(reader.readDataToEndOfFile())
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0)
        XCTAssertEqual(String(decoding: received, as: UTF8.self), "mail <EMAIL_ADDRESS>\ncall <PHONE_NUMBER>\n")
    }

    func testHelpScreenNamesCommandsAndExitCodes() throws {
        let help = try run(["--help"])
        XCTAssertEqual(help.status, 0)
        for text in ["scan", "redact", "rules", "1 findings", "--fail-on", "2 error", "64 usage"] {
            XCTAssertTrue(help.stdout.contains(text), "help lacks '\(text)':\n\(help.stdout)")
        }
        let scan = try run(["scan", "--help"])
        for option in ["--format", "--show-values", "--fail-on", "--rules", "--min-confidence", "--explain", "--risk-log"] {
            XCTAssertTrue(scan.stdout.contains(option), "scan --help lacks \(option)")
        }
    }

    func testBrokenRulePackIsAnError() throws {
        _ = try file("pack/xx/broken.yaml", "id: broken\nentity: X\nname: x\npattern: '('\nbase: 0.5\nexamples: {match: [], no-match: []}\n")
        let r = try run(["scan", "--rules", "pack", "-"])
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.stderr.contains("broken.yaml: rule broken: field pattern"), r.stderr)
    }

    /// Look-alikes (an example.com address, a test card) are findings at low severity with the reason;
    /// --min-severity moderate leaves them out, and the risk log records the reason.
    func testLookAlikesAreLowAndCanBeHidden() throws {
        let text = Data("mail jane@example.com or jane@gmx.de, card 4111 1111 1111 1111\n".utf8)
        let all = try run(["scan", "--format", "jsonl", "--risk-log", "risk.jsonl", "-"], stdin: text)
        XCTAssertEqual(all.status, 1)
        let lines = all.stdout.split(separator: "\n").map { try! JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
        XCTAssertEqual(lines.map { $0["low_risk"] as? String }, ["reserved example domain (RFC 2606)", nil, "well-known test card number"])
        let log = try String(contentsOf: scratch.appendingPathComponent("risk.jsonl"), encoding: .utf8)
        let card = log.split(separator: "\n").first { $0.contains(#""entity":"CREDIT_CARD""#) && $0.contains(#""event":"finding""#) }
        XCTAssertTrue(card?.contains(#""note":"well-known test card number""#) == true, log)
        XCTAssertTrue(card?.contains(#""severity":"low""#) == true, log)
        let moderate = try run(["scan", "--format", "jsonl", "--min-severity", "moderate", "-"], stdin: text)
        XCTAssertEqual(moderate.stdout.split(separator: "\n").count, 1, moderate.stdout)
        XCTAssertTrue(moderate.stdout.contains("gmx.de") == false && moderate.stdout.contains("EMAIL_ADDRESS"))
        let redacted = try run(["redact", "--min-severity", "moderate", "-"], stdin: text)
        XCTAssertEqual(redacted.stdout, "mail jane@example.com or <EMAIL_ADDRESS>, card 4111 1111 1111 1111\n")
    }

}
