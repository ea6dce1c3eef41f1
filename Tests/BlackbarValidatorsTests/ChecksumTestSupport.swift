import XCTest

@testable import BlackbarValidators

/// ASCII bytes of a string literal.
func ascii(_ text: String) -> [UInt8] { Array(text.utf8) }

/// Shared alphabets for mutation tests.
enum Alphabet {
    static let digits = ascii("0123456789")
    static let upper = ascii("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
    static let alphanumeric = digits + upper
}

/// Every string obtained by replacing the byte at one of `positions` with a different byte from
/// `alphabet` (for that position).
func singleSubstitutions(
    of value: [UInt8], positions: [Int]? = nil, alphabet: (Int) -> [UInt8]
) -> [(position: Int, mutated: [UInt8])] {
    var out: [(Int, [UInt8])] = []
    for i in positions ?? Array(value.indices) {
        for replacement in alphabet(i) where replacement != value[i] {
            var copy = value
            copy[i] = replacement
            out.append((i, copy))
        }
    }
    return out
}

/// Every string obtained by swapping two adjacent, different bytes (optionally only where both
/// satisfy `where`).
func adjacentTranspositions(
    of value: [UInt8], where include: (UInt8, UInt8) -> Bool = { _, _ in true }
) -> [(position: Int, mutated: [UInt8])] {
    var out: [(Int, [UInt8])] = []
    for i in 0 ..< max(0, value.count - 1) where value[i] != value[i + 1] && include(value[i], value[i + 1]) {
        var copy = value
        copy.swapAt(i, i + 1)
        out.append((i, copy))
    }
    return out
}

/// A small deterministic generator (SplitMix64) so fuzz runs are reproducible.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

extension XCTestCase {
    /// Asserts that `check` accepts `valid` and rejects every mutation given.
    func assertAllRejected(
        _ mutations: [(position: Int, mutated: [UInt8])], by check: ([UInt8]) -> Bool, label: String,
        file: StaticString = #filePath, line: UInt = #line
    ) {
        for m in mutations where check(m.mutated) {
            XCTFail("\(label): mutation at \(m.position) accepted: \(String(decoding: m.mutated, as: UTF8.self))", file: file, line: line)
        }
    }
}
