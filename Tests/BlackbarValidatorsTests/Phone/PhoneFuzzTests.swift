import XCTest
@testable import BlackbarValidators

/// Random input never traps, always gets a definite answer, and gets the same answer twice.
final class PhoneFuzzTests: XCTestCase {
    /// SplitMix64: deterministic, so a failure can be replayed.
    private struct Generator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
    }

    private let validators = PhoneCheck.names.compactMap { Validators.named($0) }

    private func checkAll(_ bytes: [UInt8]) {
        for validator in validators {
            let first = validator.check(bytes)
            XCTAssertNotEqual(first, .notApplicable, validator.name)
            XCTAssertEqual(validator.check(bytes), first, validator.name)
        }
    }

    func testRandomBytes() {
        XCTAssertEqual(validators.count, PhoneCheck.names.count)
        var random = Generator(state: 0xB1AC_BA12)
        for _ in 0 ..< 3_000 {
            checkAll((0 ..< random.below(48)).map { _ in UInt8(truncatingIfNeeded: random.next()) })
        }
    }

    func testRandomPhoneShapedInput() {
        let alphabet = Array("0123456789+ -./()".utf8) + Array("0000011111".utf8)
        var random = Generator(state: 0x0E16_4000)
        for _ in 0 ..< 5_000 {
            var bytes: [UInt8] = random.below(3) == 0 ? [0x2B] : []
            for _ in 0 ..< random.below(26) { bytes.append(alphabet[random.below(alphabet.count)]) }
            checkAll(bytes)
        }
    }

    func testEdgeShapes() {
        var shapes: [[UInt8]] = [[], [0x2B], [0x30], [0x30, 0x30], Array(repeating: 0x39, count: 10_000),
                                 Array(repeating: 0x20, count: 10_000), [0x2B] + Array(repeating: 0x31, count: 21)]
        for length in 0 ... 22 {
            shapes.append(Array(repeating: 0x30, count: length))
            shapes.append([0x2B] + Array(repeating: 0x39, count: length))
            shapes.append([0x2B, 0x34, 0x34] + Array(repeating: 0x30, count: length))
            shapes.append([0x2B, 0x31] + Array(repeating: 0x32, count: length))
        }
        shapes.forEach(checkAll)
    }
}
