import XCTest
@testable import BlackbarValidators

/// `phone-e164`. Valid examples use numbers reserved for fiction where the regulator has them:
/// Ofcom "Telephone numbers for drama purposes" (020 7946 0xxx, 0113 496 0xxx, 0161 496 0xxx,
/// 01632 960xxx, 07700 900xxx, 08081 570xxx, 0909 879 0xxx, 03069 990xxx); NANPA 555-0100 to
/// 555-0199; ACMA fictitious numbers (0491 570 156, 02 5550 xxxx); ARCEP fiction range
/// 01 99 00 xx xx; Bundesnetzagentur "Drama Numbers" (Amtsblatt 7/2021, Mitteilung 148/2021:
/// 030 23125 xxx, 069 90009 xxx, 0152 28817386).
final class PhoneE164Tests: XCTestCase {
    func testValidInternationalNumbers() {
        PhoneCheck.expect("phone-e164", valid: [
            "+442079460958", "00442079460958", "+44 20 7946 0000", "+44 (0)20 7946 0999", "+4402079460958",
            "+441134960000", "+441614960123", "+441632960999", "+447700900461", "+448081570000",
            "+449098790000", "+443069990000",
            "+14155550123", "+1 212 555 0199", "0014155550100", "+1 (613) 555-0150",
            "+33199001234", "+33 (0)1 99 00 12 34",
            "+493023125000", "+49 (0)69 90009 123", "+4915228817386",
            "+61491570156", "+61255501234",
            "+34612345678", "+390612345678", "+393123456789", "+390669812345",
            "+31201234567", "+31 (0)6 12345678", "+48123456789", "+48 22 123 45 67",
            "+5511961234567", "+551123456789", "+919876543210", "+911123456789",
            "+8613812345678", "+81312345678", "+74951234567", "+77012345678",
            "+2348031234567", "+2250701234567", "+27211234567", "+6831234",
            "+80012345678", "+80812345678", "+870123456789", "+88213012345", "+3884123456",
        ])
    }

    func testUnassignedCountryCodes() {
        PhoneCheck.expect("phone-e164", invalid: [
            "+0123456789", "000123456789", "+2101234567", "+2591234567", "+2801234567", "+2891234567",
            "+2921234567", "+3841234567", "+4221234567", "+6711234567", "+6841234567",
            "+80112345678", "+80712345678", "+80912345678", "+8301234567", "+87512345678",
            "+87912345678", "+9691234567", "+9901234567", "+9971234567", "+99912345678",
        ])
    }

    func testImpossibleLengths() {
        PhoneCheck.expect("phone-e164", invalid: [
            "+1", "+", "00", "+44", "+4420794609", "+4420794609581", "+1415555012", "+141555501234",
            "+4915", "+3312345678", "+331234567890", "+3412345678", "+861234", "+6812345",
            "+4420794609581234567890", "+4930231250001234",
        ])
    }

    func testLeadingDigitsOfNationalPlans() {
        PhoneCheck.expect("phone-e164", invalid: [
            "+11235550123",   // NANP area code starting 1
            "+14115550123",   // N11 area code
            "+13725550123",   // 37X reserved
            "+19655550123",   // 96X reserved
            "+14915550123",   // N9X reserved
            "+14150555012",   // exchange starting 0
            "+14154110123",   // N11 exchange
            "+444123456789",  // GB 04 unused
            "+446123456789",  // GB 06 unused
            "+447612345678",  // GB 076 paging
            "+442012345678",  // GB local number starting 1
            "+4900301234567", // DE 00 after the code
            "+4913112345678", // DE 0131 is not a mobile range
            "+33012345678",   // FR 0 then 0
            "+34512345678",   // ES 5
            "+39212345678",   // IT neither 0 nor 3
            "+48201234567",   // PL 20 unassigned
            "+552012345678",  // BR DDD 20
            "+551161234567",  // BR fixed line starting 6
            "+910123456789",  // IN NSN starting 0
            "+7012345678",    // RU NSN starting 0 (Russia's trunk prefix is 8)
        ])
    }

    func testMalformedInput() {
        PhoneCheck.expect("phone-e164", invalid: [
            "", " ", "()", "++442079460958", "44+2079460958", "+44 20 7946 0958 x12", "+44_2079460958",
            "442079460958", "0442079460958", "+44\n2079460958", "+４４2079460958",
        ])
    }

    func testPublicAPI() {
        XCTAssertTrue(PhoneNumbers.isValidE164(Array("+442079460958".utf8)))
        XCTAssertFalse(PhoneNumbers.isValidE164(Array("+282079460958".utf8)))
        XCTAssertTrue(PhoneNumbers.isValidNational(Array("4155550123".utf8), plan: .us))
        XCTAssertEqual(PhoneNumbers.Plan.allCases.count, 10)
    }
}
