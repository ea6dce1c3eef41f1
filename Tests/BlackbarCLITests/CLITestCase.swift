import Foundation
import XCTest

/// Runs the built `blackbar` binary as a pipeline would: stdin, stdout, stderr, exit code; each test in a
/// scratch folder of its own.
class CLITestCase: XCTestCase {
    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The binary under test: `$BLACKBAR_BINARY` when set (to run these tests against another build), else
    /// the one built beside the test bundle.
    static let binary: URL = {
        if let given = ProcessInfo.processInfo.environment["BLACKBAR_BINARY"] { return URL(fileURLWithPath: given) }
        // The test bundle sits next to the products it depends on.
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for candidate in [dir, dir.deletingLastPathComponent()] where FileManager.default.fileExists(
            atPath: candidate.appendingPathComponent("blackbar").path)
        {
            dir = candidate
        }
        return dir.appendingPathComponent("blackbar")
    }()

    var scratch: URL!

    override func setUpWithError() throws {
        scratch = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("blackbar-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: scratch) }

    @discardableResult
    func run(_ arguments: [String], stdin: Data = Data(), environment: [String: String]? = nil) throws -> Run {
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = arguments
        process.currentDirectoryURL = scratch
        if let environment { process.environment = environment }
        let input = Pipe(), output = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        input.fileHandleForWriting.write(stdin)
        try input.fileHandleForWriting.close()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: out, as: UTF8.self),
                   stderr: String(decoding: err, as: UTF8.self))
    }

    func file(_ name: String, _ text: String) throws -> String {
        let url = scratch.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
        return url.path
    }

}
