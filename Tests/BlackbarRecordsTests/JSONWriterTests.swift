import XCTest

@testable import BlackbarRecords

/// Patches from `JSONEncoding` keep the output valid JSON and every other byte as it was.
final class JSONWriterTests: XCTestCase {
    /// Replaces, in every value whose decoded text is `target`, the decoded bytes `of` with `with`.
    func replace(_ text: String, document: Bool = false, _ target: String, of: Range<Int>? = nil, with: String) throws -> String {
        let read = try readJSON(text, document: document, batchBytes: 1)
        let out = read.output { batch in
            var patches: [SourcePatch] = []
            for (i, v) in batch.values.enumerated() where String(decoding: batch.decoded[v.decoded], as: UTF8.self) == target {
                let r = of.map { (v.decoded.lowerBound + $0.lowerBound)..<(v.decoded.lowerBound + $0.upperBound) } ?? v.decoded
                patches += JSONEncoding.patches(forValue: i, in: batch, edits: [(r, Array(with.utf8))])
            }
            return patches
        }
        return String(decoding: out, as: UTF8.self)
    }

    func testReplacementsAreEscapedAndReadBack() throws {
        let text = "{\"note\": \"call \\u0041nn at 555\", \"k\": 1}\n"
        let out = try replace(text, "call Ann at 555", of: 5..<8, with: "a\"b\\c\nd\u{1}é")
        XCTAssertEqual(out, "{\"note\": \"call a\\\"b\\\\c\\nd\\u0001é at 555\", \"k\": 1}\n")
        let again = try readJSON(out)
        XCTAssertEqual(again.values.map(\.decoded), ["note", "call a\"b\\c\nd\u{1}é at 555", "k", "1"])
    }

    func testEditsInsideEscapesWidenAndMerge() throws {
        // Decoded `x😀y`: editing half of the emoji widens to its whole 12-byte escape.
        let text = "[\"x\\ud83d\\ude00y\"]"
        let read = try readJSON(text)
        let batch = read.batches[0]
        let v = batch.values[0]
        let d = v.decoded.lowerBound
        let patches = JSONEncoding.patches(forValue: 0, in: batch, edits: [((d + 1)..<(d + 3), Array("A".utf8)), ((d + 3)..<(d + 6), Array("B".utf8))])
        XCTAssertEqual(patches, [SourcePatch(range: 3..<16, bytes: Array("AB".utf8))])
        XCTAssertEqual(String(decoding: SourcePatch.apply(patches, to: batch), as: UTF8.self), "[\"xAB\"]")
    }

    func testNumbersBecomeStrings() throws {
        let text = "{\"phone\": 5551234567, \"n\": -0.5e3}"
        XCTAssertEqual(try replace(text, "5551234567", of: 3..<7, with: "\"X\""), "{\"phone\": \"555\\\"X\\\"567\", \"n\": -0.5e3}")
        XCTAssertEqual(try replace(text, document: true, "-0.5e3", with: ""), "{\"phone\": 5551234567, \"n\": \"\"}")
        let again = try readJSON(try replace(text, "5551234567", with: "[PHONE]"))
        XCTAssertEqual(again.values.map(\.kind), [.key, .string, .key, .number])
        XCTAssertEqual(again.values[1].decoded, "[PHONE]")
    }

    func testKeysCanBeReplaced() throws {
        XCTAssertEqual(try replace("{\"ann@x.org\": 1}", "ann@x.org", with: "<EMAIL>"), "{\"<EMAIL>\": 1}")
    }

    /// The output of dropping members whose key is in `keys`.
    func drop(_ text: String, _ keys: Set<String>, document: Bool = false, batchBytes: Int = 1 << 20) throws -> String {
        let read = try readJSON(text, document: document, batchBytes: batchBytes)
        let out = read.output { batch in
            JSONEncoding.dropMembers({ m in
                let key = batch.values.first { $0.member >= 0 && batch.members[$0.member] == m && $0.kind == .key }!
                return keys.contains(String(decoding: batch.decoded[key.decoded], as: UTF8.self))
            }, in: batch)
        }
        let result = String(decoding: out, as: UTF8.self)
        XCTAssertNoThrow(try readJSON(result, document: document), result)
        return result
    }

    func testDroppingMembers() throws {
        let text = "{\"a\":1, \"b\":2, \"c\":3}"
        let cases: [(Set<String>, String)] = [
            (["a", "b"], "{\"c\":3}"),
            (["b", "c"], "{\"a\":1}"),
            (["a", "b", "c"], "{}"),
            (["a", "c"], "{\"b\":2}"),
            (["a"], "{\"b\":2, \"c\":3}"),
            (["b"], "{\"a\":1, \"c\":3}"),
            (["c"], "{\"a\":1, \"b\":2}"),
            ([], text),
        ]
        for (keys, expected) in cases {
            XCTAssertEqual(try drop(text, keys), expected, "\(keys.sorted())")
            XCTAssertEqual(try drop(text, keys, document: true), expected, "\(keys.sorted())")
        }
    }

    func testDroppingNestedMembersAndInArrays() throws {
        let nested = "{\"a\": {\"x\": 1, \"y\": {\"x\": 2}}, \"b\": {\"x\": 3}}"
        XCTAssertEqual(try drop(nested, ["x"]), "{\"a\": {\"y\": {}}, \"b\": {}}")
        XCTAssertEqual(try drop(nested, ["a", "x"]), "{\"b\": {}}")
        XCTAssertEqual(try drop(nested, ["y", "a"]), "{\"b\": {\"x\": 3}}")
        let array = "[{\"id\": 1, \"ssn\": \"1\"},\n {\"ssn\": \"2\", \"id\": 2}, {\"ssn\": \"3\"}]"
        for batchBytes in [1, 1 << 20] {
            XCTAssertEqual(
                try drop(array, ["ssn"], document: true, batchBytes: batchBytes), "[{\"id\": 1},\n {\"id\": 2}, {}]")
        }
        let lines = "{\"id\": 1, \"ssn\": \"1\"}\n{\"ssn\": \"2\"}\r\n[{\"ssn\": 3, \"k\": [{\"ssn\": 4}]}]\n"
        for batchBytes in [1, 1 << 20] {
            XCTAssertEqual(
                try drop(lines, ["ssn"], batchBytes: batchBytes), "{\"id\": 1}\n{}\r\n[{\"k\": [{}]}]\n")
        }
    }
}
