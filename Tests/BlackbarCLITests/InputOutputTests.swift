import Foundation
import XCTest

#if canImport(Glibc)
    import Glibc
#endif

/// Inputs, outputs and the risk log as the built binary sees them: symbolic links, mirrored outputs,
/// in-place rewrites, and the guards that refuse a run before it writes anything.
extension CLITests {
    func link(_ name: String, to target: String) throws {
        let url = scratch.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: url.path, withDestinationPath: target)
    }

    func read(_ name: String) throws -> String {
        try String(contentsOf: scratch.appendingPathComponent(name), encoding: .utf8)
    }

    func exists(_ name: String) -> Bool {
        var st = stat()
        return lstat(scratch.appendingPathComponent(name).path, &st) == 0
    }

    func isLink(_ name: String) -> Bool {
        var st = stat()
        return lstat(scratch.appendingPathComponent(name).path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFLNK
    }

    // MARK: symbolic links (defect 4)

    func testScanAndRedactFollowALinkToAFolder() throws {
        _ = try file("real/a.txt", "mail jane@example.com\n")
        try link("cache", to: "real")
        let scan = try run(["scan", "--format", "jsonl", "cache"])
        XCTAssertEqual(scan.status, 1, scan.stderr)
        XCTAssertTrue(scan.stdout.contains(#""input":"cache/a.txt""#), scan.stdout)
        let redact = try run(["redact", "cache", "-o", "out"])
        XCTAssertEqual(redact.status, 0, redact.stderr)
        XCTAssertEqual(try read("out/a.txt"), "mail <EMAIL_ADDRESS>\n")
    }

    func testLinkedFilesInsideAFolderAreReadOnceUnderTheFirstPath() throws {
        _ = try file("blobs/x1", "mail jane@example.com\n")
        _ = try file("elsewhere/secret.txt", "SSN 536-22-1234\n")
        try link("data/b-link.txt", to: "../blobs/x1")
        try link("data/a-link.txt", to: "../blobs/x1")
        try link("data/c.txt", to: "../elsewhere/secret.txt")
        let r = try run(["scan", "--format", "jsonl", "data"])
        XCTAssertEqual(r.status, 1, r.stderr)
        let lines = r.stdout.split(separator: "\n")
        guard lines.count == 2 else { return XCTFail("expected 2 findings: \(r.stdout)") }
        XCTAssertTrue(lines[0].contains(#""input":"data/a-link.txt""#), r.stdout)
        XCTAssertTrue(lines[1].contains(#""input":"data/c.txt""#), r.stdout)
        XCTAssertTrue(r.stderr.contains("read once"), r.stderr)
    }

    func testALinkToAnAncestorIsReportedAsALoopWithoutHanging() throws {
        _ = try file("data/sub/a.txt", "mail jane@example.com\n")
        try link("data/sub/up", to: "..")
        let r = try run(["scan", "--format", "jsonl", "data"])
        XCTAssertEqual(r.status, 1, r.stderr)
        XCTAssertEqual(r.stdout.split(separator: "\n").count, 1, r.stdout)
        XCTAssertTrue(r.stderr.contains("data/sub/up: skipped: a link to its own ancestor folder"), r.stderr)
    }

    func testBrokenLinksAreErrorsNamingTheLink() throws {
        _ = try file("data/a.txt", "mail jane@example.com\n")
        try link("data/gone.txt", to: "nowhere.txt")
        let r = try run(["scan", "--format", "jsonl", "data"])
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.stderr.contains("data/gone.txt: a broken symbolic link"), r.stderr)
        XCTAssertTrue(r.stdout.contains("EMAIL_ADDRESS"), "other inputs are still scanned")
    }

    func testNoFollowSkipsLinksAndSaysHowMany() throws {
        _ = try file("real/a.txt", "mail jane@example.com\n")
        _ = try file("data/plain.txt", "nothing\n")
        try link("data/a.txt", to: "../real/a.txt")
        try link("cache", to: "real")
        let r = try run(["scan", "--no-follow", "--format", "jsonl", "data", "cache"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(r.stdout, "")
        XCTAssertTrue(r.stderr.contains("2 symbolic links not followed (--no-follow)"), r.stderr)
        let redact = try run(["redact", "--no-follow", "data", "-o", "out"])
        XCTAssertEqual(redact.status, 0, redact.stderr)
        XCTAssertFalse(exists("out/a.txt"))
        XCTAssertTrue(redact.stderr.contains("1 symbolic link not followed"), redact.stderr)
    }

    // MARK: outputs (defect 5)

    func testSeveralArgumentsAreMirroredEachUnderItsOwnName() throws {
        _ = try file("d1/a.txt", "one jane@example.com\n")
        _ = try file("d2/a.txt", "two 536-22-1234\n")
        _ = try file("loose/b.txt", "three jane@example.com\n")
        let r = try run(["redact", "d1", "d2", "loose/b.txt", "-o", "out"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(try read("out/d1/a.txt"), "one <EMAIL_ADDRESS>\n")
        XCTAssertEqual(try read("out/d2/a.txt"), "two <US_SSN>\n")
        XCTAssertEqual(try read("out/b.txt"), "three <EMAIL_ADDRESS>\n")
    }

    func testOutputsThatWouldCollideAreRefusedBeforeAnythingIsWritten() throws {
        _ = try file("x/d/a.txt", "one jane@example.com\n")
        _ = try file("y/d/a.txt", "two jane@example.com\n")
        let r = try run(["redact", "x/d", "y/d", "-o", "out", "--risk-log", "risk.jsonl"])
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.stderr.contains("x/d") && r.stderr.contains("y/d") && r.stderr.contains("out/d"), r.stderr)
        XCTAssertFalse(exists("out"), "nothing written")
        XCTAssertFalse(exists("risk.jsonl"), "nothing written")
    }

    func testAnOutputThatIsAnInputIsRefused() throws {
        _ = try file("data/a.txt", "one jane@example.com\n")
        try link("alias.txt", to: "data/a.txt")
        let r = try run(["redact", "data", "-o", "data"])
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.stderr.contains("data/a.txt") && r.stderr.contains("--in-place"), r.stderr)
        let viaLink = try run(["redact", "data/a.txt", "-o", "alias.txt"])
        XCTAssertEqual(viaLink.status, 2, viaLink.stderr)
        XCTAssertEqual(try read("data/a.txt"), "one jane@example.com\n")
        XCTAssertTrue(isLink("alias.txt"))
    }

    // MARK: in place (defect 8)

    func testInPlaceRewritesTheTargetOfALinkAndKeepsTheLink() throws {
        _ = try file("store/a.txt", "mail jane@example.com\n")
        try link("data/a.txt", to: "../store/a.txt")
        try link("named.txt", to: "store/a.txt")
        let r = try run(["redact", "--in-place", "data", "named.txt"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(isLink("data/a.txt") && isLink("named.txt"), "links stay links")
        XCTAssertEqual(try read("store/a.txt"), "mail <EMAIL_ADDRESS>\n")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: scratch.appendingPathComponent("store").path)
        XCTAssertEqual(leftovers, ["a.txt"], "no temporary file left beside the target")
    }

    func testInPlaceRefusesAHardLinkedFileUnlessAllowed() throws {
        let a = try file("a.txt", "mail jane@example.com\n")
        let twin = scratch.appendingPathComponent("twin.txt").path
        XCTAssertEqual(Glibc.link(a, twin), 0)
        let refused = try run(["redact", "--in-place", "a.txt"])
        XCTAssertEqual(refused.status, 2)
        XCTAssertTrue(refused.stderr.contains("a.txt: ") && refused.stderr.contains("--allow-hard-links"), refused.stderr)
        XCTAssertEqual(try read("twin.txt"), "mail jane@example.com\n")
        let allowed = try run(["redact", "--in-place", "--allow-hard-links", "a.txt"])
        XCTAssertEqual(allowed.status, 0, allowed.stderr)
        XCTAssertEqual(try read("a.txt"), "mail <EMAIL_ADDRESS>\n")
        XCTAssertEqual(try read("twin.txt"), "mail <EMAIL_ADDRESS>\n", "every link sees the redacted content")
        XCTAssertEqual(try run(["redact", "--allow-hard-links", "a.txt"]).status, 64, "only with --in-place")
    }

    // MARK: the risk log (defect 9)

    func testARiskLogInsideTheDataIsRefusedBeforeAnythingIsWritten() throws {
        let input = try file("data/a.txt", "mail jane@example.com\n")
        let cases: [[String]] = [
            ["scan", "data/a.txt", "--risk-log", "data/a.txt"],
            ["redact", "data", "-o", "out", "--risk-log", "data/risk.jsonl"],
            ["redact", "data", "-o", "out", "--risk-log", "out/risk.jsonl"],
            ["redact", "data/a.txt", "-o", "b.txt", "--risk-log", "b.txt"],
        ]
        for arguments in cases {
            let r = try run(arguments)
            XCTAssertEqual(r.status, 2, "\(arguments): \(r.stderr)")
            XCTAssertTrue(r.stderr.contains("--risk-log"), r.stderr)
            XCTAssertFalse(r.stderr.contains("jane"), r.stderr)
            XCTAssertFalse(exists("out") || exists("b.txt") || exists("data/risk.jsonl"), "\(arguments) wrote something")
            XCTAssertEqual(try String(contentsOfFile: input, encoding: .utf8), "mail jane@example.com\n")
        }
    }

    // MARK: small CLI defects (defect 10)

    func testAnUnknownEntityInOperatorIsAUsageErrorListingTheKnownOnes() throws {
        let r = try run(["redact", "--operator", "NOPE=mask", "-"], stdin: Data(sample.utf8))
        XCTAssertEqual(r.status, 64)
        XCTAssertTrue(r.stderr.contains("NOPE") && r.stderr.contains("EMAIL_ADDRESS") && r.stderr.contains("US_SSN"), r.stderr)
        XCTAssertEqual(r.stdout, "")
    }

    func testFileSystemErrorsAreSentences() throws {
        _ = try file("a.txt", "mail jane@example.com\n")
        _ = try file("plain", "a file, not a folder\n")
        let r = try run(["redact", "a.txt", "-o", "plain/sub/out.txt"])
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.stderr.contains("plain/sub: cannot create the folder: Not a directory"), r.stderr)
        let log = try run(["scan", "a.txt", "--risk-log", "plain/risk.jsonl"])
        XCTAssertEqual(log.status, 2)
        XCTAssertTrue(log.stderr.contains("plain/risk.jsonl: cannot open the risk log: Not a directory"), log.stderr)
        for text in [r.stderr, log.stderr] {
            XCTAssertFalse(text.contains("NSCocoaErrorDomain") || text.contains("Error Domain"), text)
        }
    }

    func testHelpScreensReadWellAtEightyColumns() throws {
        for command in [["scan"], ["redact"], ["rules"], ["rules", "list"], ["rules", "test"]] {
            let r = try run(command + ["--help"], environment: ["COLUMNS": "80"])
            XCTAssertEqual(r.status, 0)
            XCTAssertFalse(r.stdout.contains("). (default:"), r.stdout)
            for line in r.stdout.split(separator: "\n", omittingEmptySubsequences: false)
            where !line.hasPrefix("USAGE:") {
                XCTAssertLessThanOrEqual(line.count, 80, "\(command): \(line)")
                // A wrapped sentence goes on to the next line; a short line ends its sentence or paragraph.
                let text = line.trimmingCharacters(in: .whitespaces)
                if text.count > 0 && text.count < 40, let last = text.last {
                    XCTAssertTrue(".:)]".contains(last) || text.hasPrefix("-") || text.hasSuffix(">") || !text.contains(" "),
                                  "\(command): a sentence broken oddly: '\(line)'")
                }
            }
        }
        let redact = try run(["redact", "--help"], environment: ["COLUMNS": "80"])
        for option in ["--no-follow", "--allow-hard-links", "--in-place"] {
            XCTAssertTrue(redact.stdout.contains(option), "redact --help lacks \(option)")
        }
    }

    /// Progress goes to stderr only when it is a terminal: a pipe gets none.
    func testProgressOnlyOnATerminal() throws {
        try XCTSkipUnless(FileManager.default.isExecutableFile(atPath: "/usr/bin/script"), "script(1) gives a terminal")
        // Long enough for a debug build to pass the half second before the first progress line.
        let big = String(repeating: "mail jane@example.com now and then some more words\n", count: 80_000)
        _ = try file("big/a.txt", big)
        let piped = try run(["redact", "big", "-o", "out"])
        XCTAssertEqual(piped.status, 0, piped.stderr)
        XCTAssertEqual(piped.stderr, "blackbar: redact: 1 output written, 80000 findings (EMAIL_ADDRESS 80000)\n")
        // script(1) gives the command a terminal; its transcript holds what went to stderr.
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        process.currentDirectoryURL = scratch
        let command = "'\(Self.binary.path)' redact --jobs 1 big -o out2"
        process.arguments = ["-qec", command, "/dev/null"]
        let output = Pipe()
        process.standardOutput = output
        process.standardInput = Pipe()
        let started = Date()
        try process.run()
        let transcript = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, transcript)
        // A fast (release) build finishes before the first progress line is due, and rightly shows none.
        try XCTSkipIf(Date().timeIntervalSince(started) < 1, "the run was too short for progress")
        XCTAssertTrue(transcript.contains("1 file") && transcript.contains("MB/s"), transcript.debugDescription)
        XCTAssertTrue(
            transcript.contains("\r\u{1B}[Kblackbar: redact: 1 output written"),
            "the progress line is cleared before the summary: \(transcript.debugDescription)")
    }
}
