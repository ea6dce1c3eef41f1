import Foundation
import XCTest

/// The binary `scripts/build-static.sh` builds carries the Swift runtime, Foundation, ICU and PCRE2 inside
/// it, so it runs on a machine with neither the Swift toolchain nor libpcre2 installed.
final class StaticBinaryTests: XCTestCase {
    /// Shared libraries that must not be loaded: the Swift runtime and its companions, Foundation, ICU, PCRE2.
    static let forbiddenPrefixes = [
        "libswift", "libFoundation", "lib_Foundation", "libdispatch", "libBlocksRuntime", "libicu", "libpcre2",
    ]

    /// `.build-static/release/blackbar` in the package root (three levels above this file).
    static let binary = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent(".build-static/release/blackbar")

    /// The static binary. When it has not been built: a failure and nil under CI (which builds it before
    /// the tests), else a skip.
    func staticBinary() throws -> URL? {
        #if !os(Linux)
            throw XCTSkip("the static build is for Linux")
        #else
            guard FileManager.default.isExecutableFile(atPath: Self.binary.path) else {
                let message = "\(Self.binary.path) is missing: run bash scripts/build-static.sh"
                if ProcessInfo.processInfo.environment["CI"] != nil {
                    XCTFail(message + " (CI runs it before the tests)")
                    return nil
                }
                throw XCTSkip(message)
            }
            return Self.binary
        #endif
    }

    /// Runs `executable` with `arguments` and `stdin`; returns the exit status and stdout.
    func run(_ executable: String, _ arguments: [String], stdin: String = "") throws -> (status: Int32, stdout: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [executable] + arguments
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(Data(stdin.utf8))
        try input.fileHandleForWriting.close()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: out, as: UTF8.self))
    }

    func testStaticBinaryLoadsNoSwiftFoundationICUOrPCRE2SharedLibrary() throws {
        guard let binary = try staticBinary() else { return }
        let ldd = try run("ldd", [binary.path])
        // A fully static executable makes ldd say "not a dynamic executable" and exit 1: nothing is loaded.
        if ldd.status != 0 && !ldd.stdout.contains("not a dynamic executable") {
            return XCTFail("ldd \(binary.path) exited \(ldd.status):\n\(ldd.stdout)")
        }
        let loaded = ldd.stdout.split(separator: "\n").compactMap { line in
            line.split(whereSeparator: { $0 == " " || $0 == "\t" }).first.map(String.init)
        }
        let forbidden = loaded.filter { name in Self.forbiddenPrefixes.contains { name.hasPrefix($0) } }
        XCTAssertEqual(forbidden, [], "the static binary loads shared libraries it should carry:\n\(ldd.stdout)")
    }

    func testStaticBinaryFindsAnEmailAddress() throws {
        guard let binary = try staticBinary() else { return }
        let scan = try run(binary.path, ["scan"], stdin: "mail jane.doe@example.com\n")
        XCTAssertEqual(scan.status, 1, "exit 1: a finding")
        XCTAssertTrue(scan.stdout.contains(#""entity":"EMAIL_ADDRESS""#), scan.stdout)
    }
}
