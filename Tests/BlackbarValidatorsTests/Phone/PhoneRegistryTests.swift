import XCTest
@testable import BlackbarValidators

final class PhoneRegistryTests: XCTestCase {
    func testEveryPhoneValidatorIsRegisteredWithAOneLineSummary() {
        for name in PhoneCheck.names {
            guard let validator = Validators.named(name) else { return XCTFail("\(name) missing") }
            XCTAssertEqual(validator.name, name)
            XCTAssertFalse(validator.summary.isEmpty, name)
            XCTAssertFalse(validator.summary.contains("\n"), "\(name) summary must be one line")
        }
        XCTAssertEqual(phoneValidators.map(\.name), PhoneCheck.names)
    }

    func testCallingCodeTableIsSortedUniqueAndPrefixFree() {
        let table = PhoneCallingCodes.table
        XCTAssertEqual(table.count, 217, "every token of the source table parses")
        XCTAssertEqual(table.map(\.code), table.map(\.code).sorted())
        XCTAssertEqual(Set(table.map(\.code)).count, table.count)
        let codes = table.map { String($0.code) }
        for a in codes {
            for b in codes where a != b {
                XCTAssertFalse(b.hasPrefix(a), "E.164 codes are prefix-free: \(a) and \(b)")
            }
        }
        XCTAssertGreaterThanOrEqual(table.filter { $0.lengthMask != 0 }.count, 60, "per-country lengths for at least 60 codes")
    }

    func testCallingCodeTableEntries() throws {
        let gb = try XCTUnwrap(PhoneCallingCodes.info(44))
        XCTAssertTrue(gb.trunkZero)
        XCTAssertFalse(gb.leadingZero)
        XCTAssertEqual((1...15).filter { gb.acceptsLength($0) }, [7, 9, 10])
        let it = try XCTUnwrap(PhoneCallingCodes.info(39))
        XCTAssertFalse(it.trunkZero)
        XCTAssertTrue(it.leadingZero)
        XCTAssertEqual(PhoneCallingCodes.info(1)?.lengthMask, 1 << 10)
        // Germany lists NSNs up to 15 digits, but E.164 caps the whole number at 15.
        let de = try XCTUnwrap(PhoneCallingCodes.info(49))
        XCTAssertTrue(de.acceptsLength(13))
        XCTAssertFalse(de.acceptsLength(14))
        // Global services: 800 and 808 assigned, the rest of 80x spare.
        XCTAssertNotNil(PhoneCallingCodes.info(800))
        XCTAssertNotNil(PhoneCallingCodes.info(808))
        for spare in [0, 210, 259, 280, 289, 292, 384, 422, 671, 684, 801, 807, 809, 830, 875, 879, 969, 990, 997, 999] {
            XCTAssertNil(PhoneCallingCodes.info(spare), "\(spare) is not assigned")
        }
        // No per-country data: the E.164 general range, 4 digits up to 15 in all.
        let shared = try XCTUnwrap(PhoneCallingCodes.info(388))
        XCTAssertFalse(shared.acceptsLength(3))
        XCTAssertTrue(shared.acceptsLength(4))
        XCTAssertTrue(shared.acceptsLength(12))
        XCTAssertFalse(shared.acceptsLength(13))
    }

    func testEveryNationalPlanSitsBehindAnAssignedCode() {
        for plan in PhoneNationalPlan.allCases {
            XCTAssertEqual(PhoneNationalPlan(callingCode: plan.callingCode), plan)
            XCTAssertNotNil(PhoneCallingCodes.info(plan.callingCode))
        }
        XCTAssertNil(PhoneNationalPlan(callingCode: 7))
    }

    func testLongestAssignedPrefixIsTheCountryCode() {
        XCTAssertEqual(PhoneCallingCodes.match([1, 4, 1, 5])?.code, 1)
        XCTAssertEqual(PhoneCallingCodes.match([4, 4, 2, 0])?.code, 44)
        XCTAssertEqual(PhoneCallingCodes.match([3, 5, 3, 1])?.code, 353)
        XCTAssertEqual(PhoneCallingCodes.match([8, 0, 0, 1])?.code, 800)
        XCTAssertNil(PhoneCallingCodes.match([2, 8, 0, 1]))
        XCTAssertNil(PhoneCallingCodes.match([0, 4, 4, 1]))
        XCTAssertNil(PhoneCallingCodes.match([4, 4]), "a code needs a number after it")
        XCTAssertNil(PhoneCallingCodes.match([]))
    }
}
