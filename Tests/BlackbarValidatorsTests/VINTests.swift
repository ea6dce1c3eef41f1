import XCTest

@testable import BlackbarValidators

/// VIN check digit (49 CFR 565.15).
final class VINTests: XCTestCase {
    // 1M8GDM9AXKP042788: the worked example in NHTSA's VIN guidance / Wikipedia "Vehicle
    // identification number" (check digit X). 11111111111111111: sum of weights 89, 89 mod 11 = 1.
    let valid = ["1M8GDM9AXKP042788", "11111111111111111", "1HGCM82633A004352"]
    static let vinAlphabet = Alphabet.alphanumeric.filter { !ascii("IOQ").contains($0) }
    let weights = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2]

    func testVectors() {
        for v in valid { XCTAssertTrue(VIN.isValid(ascii(v)), v) }
        XCTAssertEqual(VIN.checkCharacter(for: ascii("1M8GDM9A0KP042788")), UInt8(ascii: "X"))
        for v in ["1M8GDM9A1KP042788", "1M8GDM9AXKP04278", "1M8GDM9AXKP0427888", "1M8GDM9AXKP042788".lowercased(),
                  "IM8GDM9AXKP042788", "1M8GDM9AXKQ042788", ""] {
            XCTAssertFalse(VIN.isValid(ascii(v)), v)
        }
    }

    func testSubstitutionsAtWeightedPositionsFail() {
        for v in valid {
            let bytes = ascii(v)
            let positions = (0 ..< 17).filter { weights[$0] != 0 }
            let subs = singleSubstitutions(of: bytes, positions: positions) { i in
                Self.vinAlphabet.filter { VIN.value(of: $0) != VIN.value(of: bytes[i]) }
            }
            assertAllRejected(subs, by: VIN.isValid, label: v)
            let checkSubs = singleSubstitutions(of: bytes, positions: [8]) { _ in Alphabet.digits + ascii("X") }
            assertAllRejected(checkSubs, by: VIN.isValid, label: v + " check")
        }
    }
}
