import BlackbarCore
@testable import BlackbarRegex
import Foundation
import XCTest

/// `NativeEmail` against PCRE2 on the same pattern: the e-mail rule's own text (read from its YAML file, so an
/// edit there that the native matcher does not follow fails here), on hand-picked cases and on random text built
/// from the pieces addresses and their look-alikes are made of.
final class NativeEmailTests: XCTestCase {
    /// The `pattern:` of `rules/global/email.yaml` (a single-quoted YAML scalar).
    static func rulePattern() throws -> String {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("rules/global/email.yaml")
        let text = try String(contentsOf: url, encoding: .utf8)
        guard let line = text.split(separator: "\n").first(where: { $0.hasPrefix("pattern: '") }), line.hasSuffix("'")
        else { throw XCTSkip("no single-quoted pattern line in email.yaml") }
        return String(line.dropFirst("pattern: '".count).dropLast()).replacingOccurrences(of: "''", with: "'")
    }

    /// Every match PCRE2 alone finds starting in `from..<to` (what `forEachMatch` did before the native path).
    func pcre2Matches(_ pattern: CompiledPattern, _ raw: UnsafeRawBufferPointer, length: Int, from: Int, to: Int) -> [PatternMatch] {
        var out: [PatternMatch] = []
        var position = from
        let scratch = MatchScratch()
        while position < to {
            guard let m = try? pattern.firstMatch(in: raw, length: length, from: position, scratch: scratch, startLimit: to - 1),
                m.start < to
            else { break }
            out.append(m)
            position = m.end > m.start ? m.end : m.end + 1
        }
        return out
    }

    func nativeMatches(_ pattern: CompiledPattern, _ raw: UnsafeRawBufferPointer, length: Int, from: Int, to: Int) -> [PatternMatch] {
        var out: [PatternMatch] = []
        var hits = 0
        pattern.forEachMatch(in: raw, length: length, from: from, to: to, scratch: MatchScratch(), limitHits: &hits) {
            out.append($0)
            return true
        }
        return out
    }

    func testTheRulePatternIsTheNativeOne() throws {
        let pattern = try CompiledPattern(Self.rulePattern(), options: PatternOptions(unicode: true))
        XCTAssertTrue(pattern.usesNativeMatcher, "email.yaml's pattern changed: update NativeEmail or drop it")
        XCTAssertFalse(try CompiledPattern(Self.rulePattern(), options: PatternOptions()).usesNativeMatcher)
        XCTAssertFalse(try CompiledPattern(Self.rulePattern() + "x", options: PatternOptions(unicode: true)).usesNativeMatcher)
    }

    func testCasesAgreeWithPCRE2() throws {
        let pattern = try CompiledPattern(Self.rulePattern(), options: PatternOptions(unicode: true))
        let cases = [
            "Contact jane.doe@example.com for details.", "reply to J.Smith+news@mail.example.co.uk, thanks",
            "\"user_42@example.org\"", "mailto:info@example.de?subject=hi", "ssh user@localhost", "root@server01",
            "url(icon@2x.png)", "a1b2c3@example.invalidtld", "pip install package==1.2@3.4", "x@y@example.com",
            "a.@b.com", ".a@b.com", "_a@b.com", "a@b.example.com-foo", "a@-b.com", "a@b-.com", "a@b.c", "a@b.co1",
            "a@b.abcdefghijklmnopqrstuvwxy", "a@b.abcdefghijklmnopqrstuvwx", "a@b..com", "a@.com", "@b.com", "a@",
            String(repeating: "a", count: 64) + "@b.com", String(repeating: "a", count: 65) + "@b.com",
            "a@" + String(repeating: "b", count: 63) + ".com", "a@" + String(repeating: "b", count: 64) + ".com",
            "a@b.c.d.e.f.g.h.example.com", "Ünïcode näme: müller@example.ch.", "Грамота: иван.петров@example.ru",
            "邮箱：bob@example.com", "联系bob@example.com", "é@b.com", "aé@b.com", "a@bé.com", "a@b.comé", "a@b.com\u{301}",
            "bob@corp.de", "bob@corp.de-", "bob@corp.de.", "bob@corp.de.x", "1@2.ab", "a%b+c-d_e@f.gh", "A@B.CO",
        ]
        for text in cases {
            let bytes = Array(text.utf8)
            bytes.withUnsafeBytes { raw in
                XCTAssertEqual(
                    nativeMatches(pattern, raw, length: raw.count, from: 0, to: raw.count),
                    pcre2Matches(pattern, raw, length: raw.count, from: 0, to: raw.count), text)
            }
        }
    }

    /// Random strings, windows and subject lengths: the two must agree on every one, and the native matcher must
    /// have answered most of them itself (else this tests PCRE2 against itself).
    func testRandomTextAgreesWithPCRE2() throws {
        let pattern = try CompiledPattern(Self.rulePattern(), options: PatternOptions(unicode: true))
        let pieces: [[UInt8]] =
            [
                "a", "b", "Z", "q", "x", "0", "7", ".", ".", "-", "-", "_", "%", "+", "@", "@", "@", " ", "<", ">", ",", ":",
                "com", "de", "co", "uk", "example", "mail", "jane.doe", "x1", "abcdefghijklmnopqrstuvwxyz", "é", "д",
                "\u{301}", "中", "\n", "\"", "=",
            ].map { Array($0.utf8) } + [[0xFF], [0xC3], [0x80]]
        var random = SeededRandom(seed: 20261205)
        let classes = NativeEmail.classTable()
        var decided = 0
        var matched = 0
        let trials = 20_000
        for _ in 0..<trials {
            var bytes: [UInt8] = []
            for _ in 0..<(1 + Int(random.next() % 2)) {
                for _ in 0..<Int(random.next() % 6) { bytes += pieces[Int(random.next() % UInt64(pieces.count))] }
                bytes += Self.addressLike(&random)
            }
            for _ in 0..<Int(random.next() % 6) { bytes += pieces[Int(random.next() % UInt64(pieces.count))] }
            let n = bytes.count
            // Half the time the whole text; else a subject cut short and a window inside it.
            let whole = random.next() % 2 == 0
            let length = whole || n == 0 ? n : n - Int(random.next() % UInt64(min(n, 4) + 1)) % (n + 1)
            let from = whole || length == 0 ? 0 : Int(random.next() % UInt64(length + 1))
            let to = whole ? n : from + Int(random.next() % UInt64(length - from + 1))
            bytes.withUnsafeBytes { raw in
                let native = nativeMatches(pattern, raw, length: length, from: from, to: to)
                let reference = pcre2Matches(pattern, raw, length: length, from: from, to: to)
                XCTAssertEqual(native, reference, "\(bytes) length \(length) from \(from) to \(to)")
                if !reference.isEmpty { matched += 1 }
                if from < to,
                    classes.withUnsafeBufferPointer({
                        NativeEmail.firstMatch(
                            raw.baseAddress!.assumingMemoryBound(to: UInt8.self), length: length, from: from,
                            startLimit: to - 1, classes: $0.baseAddress!)
                    }) != .undecided
                {
                    decided += 1
                }
            }
        }
        XCTAssertGreaterThan(decided, trials / 3)
        XCTAssertGreaterThan(matched, trials / 20, "too few texts hold an address to compare on")
        print("native email: \(decided) of \(trials) decided natively, \(matched) with a match")
    }
}

extension NativeEmailTests {
    /// Something shaped like an address, often broken: a local part, an `@`, labels and a top-level domain, each
    /// drawn from valid and invalid variants (too long, hyphens at the ends, digits in the TLD, non-ASCII letters).
    static func addressLike(_ random: inout SeededRandom) -> [UInt8] {
        func pick(_ options: [String]) -> String { options[Int(random.next() % UInt64(options.count))] }
        var text = pick(["", "", " ", "<", ".", "x", "é", "\"", "_", "-", "@"])
        for k in 0..<(1 + Int(random.next() % 3)) {
            if k > 0 { text += pick([".", "_", "-", "+", "%", "", ".."]) }
            text += pick(["a", "jane", "x1", "J", "0", "é", "д", "abc", String(repeating: "a", count: 63), "\u{301}"])
        }
        text += pick(["@", "@", "@", "@", "@@", ""])
        for k in 0..<(1 + Int(random.next() % 3)) {
            if k > 0 { text += pick([".", ".", ".", ".."]) }
            text += pick(["example", "b", "mail-srv", "-x", "x-", "co", "1a", "中", String(repeating: "b", count: 63), String(repeating: "b", count: 64)])
        }
        text += pick([".", ".", ".", ""])
        text += pick(["com", "de", "uk", "c", "co1", "abcdefghijklmnopqrstuvwx", "abcdefghijklmnopqrstuvwxy", "ABCD", "é", ""])
        text += pick(["", "", " ", "-", ".", "1", "x", ",", "\u{301}", ">", ".de", "é"])
        return Array(text.utf8)
    }
}
