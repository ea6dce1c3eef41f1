import BlackbarCore
import BlackbarFormats
import BlackbarRegex
import BlackbarRules
import BlackbarValidators
import Foundation
import XCTest

/// The repository root (two folders above this file's folder).
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

/// The built-in default pack, compiled once.
let defaultRules: RuleSet = try! RulePack.compile(try! RulePack.load(extraDirectories: []))

/// A rule built in code for engine tests.
func makeRule(
    _ id: String, entity: String, pattern: String, prefilter: Prefilter = .none, window: Int = 64,
    validator: String? = nil, normalize: [NormalizeStep] = [], base: Double = 0.6, context: [String] = [],
    negative: [String] = [], required: Bool = false, priority: Int = 0
) -> Rule {
    Rule(
        id: id, entity: entity, name: id, jurisdiction: "test", pattern: try! CompiledPattern(pattern),
        prefilter: prefilter, window: window, normalize: normalize,
        validator: validator.flatMap(Validators.named), base: base, context: ContextWords(context),
        negativeContext: ContextWords(negative), contextRequired: required, priority: priority)
}

extension Detector {
    /// Findings as (entity, text) pairs for readable assertions.
    func spans(_ text: String, field: String? = nil) -> [String] {
        let bytes = Array(text.utf8)
        return scan(bytes, field: field).map { "\($0.entity):" + String(decoding: bytes[$0.range.start..<$0.range.end], as: UTF8.self) }
    }
}

/// The findings of `text` streamed through a `TextScanner` (a file read in blocks of `blockSize` bytes).
func scanStream(_ detector: Detector, _ text: [UInt8], blockSize: Int, workers: Int) throws -> [Finding] {
    let path = NSTemporaryDirectory() + "blackbar-stream-\(UUID().uuidString)"
    _ = FileManager.default.createFile(atPath: path, contents: Data(text))
    let fd = open(path, O_RDONLY)
    unlink(path)
    defer { close(fd) }
    var all: [Finding] = []
    _ = try TextScanner(detector: detector, workers: workers, blockSize: blockSize).scan(fd: fd, name: "t") {
        all += $1.map(\.finding)
    }
    return all
}
