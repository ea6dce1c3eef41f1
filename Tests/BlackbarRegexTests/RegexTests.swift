import BlackbarRegex
import Foundation
import XCTest

final class RegexTests: XCTestCase {
    func match(_ pattern: String, _ text: [UInt8], options: PatternOptions = PatternOptions()) throws -> [PatternMatch] {
        let compiled = try CompiledPattern(pattern, options: options)
        var out: [PatternMatch] = []
        var hits = 0
        text.withUnsafeBytes { raw in
            compiled.forEachMatch(in: raw, length: raw.count, from: 0, to: raw.count, scratch: MatchScratch(), limitHits: &hits) {
                out.append($0)
                return true
            }
        }
        return out
    }

    func testJITIsAvailableAndUsed() throws {
        XCTAssertTrue(pcre2HasJIT)
        XCTAssertTrue(try CompiledPattern("a+b").isJITCompiled)
    }

    /// The JIT compiles a pattern on its first match, once, whichever thread comes first: threads that all start
    /// matching a fresh pattern at once find the same.
    func testFirstMatchesFromManyThreadsAgree() throws {
        final class Counts: @unchecked Sendable {
            let lock = NSLock()
            var values: [Int] = []
            func add(_ n: Int) { lock.withLock { values.append(n) } }
        }
        let text = Array(String(repeating: "x aab 12 ab b ", count: 300).utf8)
        for _ in 0..<20 {
            let compiled = try CompiledPattern("a+b")
            let counts = Counts()
            DispatchQueue.concurrentPerform(iterations: 8) { _ in
                var hits = 0, found = 0
                text.withUnsafeBytes { raw in
                    compiled.forEachMatch(in: raw, length: raw.count, from: 0, to: raw.count, scratch: MatchScratch(), limitHits: &hits) { _ in
                        found += 1
                        return true
                    }
                }
                counts.add(found)
            }
            XCTAssertEqual(counts.values, Array(repeating: 600, count: 8))
            XCTAssertTrue(compiled.isJITCompiled)
        }
    }

    func testCompileErrorNamesTheOffset() {
        XCTAssertThrowsError(try CompiledPattern("ab(cd")) { error in
            let e = error as! PatternError
            XCTAssertEqual(e.offset, 5)
            XCTAssertTrue(e.description.contains("offset 5"), e.description)
        }
    }

    func testByteOffsetsAndValueGroup() throws {
        let found = try match("dob: (?<value>[0-9]{4})", Array("Ω dob: 1985 and dob: 1990".utf8))
        XCTAssertEqual(found.map { [$0.start, $0.valueStart, $0.valueEnd] }, [[3, 8, 12], [17, 22, 26]])
    }

    func testLookbehindSeesBytesBeforeTheStartOffset() throws {
        let compiled = try CompiledPattern("(?<![0-9])[0-9]{3}")
        let text = Array("12345 678".utf8)
        var hits = 0
        var found: [Int] = []
        text.withUnsafeBytes { raw in
            // Starting inside "12345" must not find "345": the lookbehind sees the real "2".
            compiled.forEachMatch(in: raw, length: raw.count, from: 2, to: raw.count, scratch: MatchScratch(), limitHits: &hits) {
                found.append($0.start)
                return true
            }
        }
        XCTAssertEqual(found, [6])
    }

    func testInvalidUTF8NeverStopsAUnicodePattern() throws {
        var text: [UInt8] = [0xFF, 0xFE, 0x20]
        text += Array("Zürich 42".utf8) + [0xC3] + Array(" 7".utf8)
        let found = try match("\\p{L}+", text, options: PatternOptions(unicode: true))
        XCTAssertEqual(found.count, 1)
        XCTAssertEqual(found.first.map { Array(text[$0.start..<$0.end]) }, Array("Zürich".utf8))
        XCTAssertEqual(try match("[0-9]+", text).count, 2)
    }

    func testCatastrophicBacktrackingIsBounded() throws {
        let compiled = try CompiledPattern("^(a|aa)+$")
        let text = Array(String(repeating: "a", count: 5000).utf8) + [UInt8(ascii: "b")]
        let scratch = MatchScratch(limits: MatchLimits(matchLimit: 10_000, depthLimit: 1000, jitStackMax: 1 << 20))
        let start = Date()
        var failure: MatchFailure? = nil
        text.withUnsafeBytes { raw in
            do { _ = try compiled.firstMatch(in: raw, length: raw.count, from: 0, scratch: scratch) } catch { failure = error as? MatchFailure }
        }
        XCTAssertEqual(failure, .limitExceeded)
        XCTAssertLessThan(Date().timeIntervalSince(start), 2)
    }
}
