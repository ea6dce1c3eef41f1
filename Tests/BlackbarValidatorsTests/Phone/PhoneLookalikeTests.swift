import XCTest
@testable import BlackbarValidators

/// Digit runs that are not phone numbers: dates, Unix timestamps, version strings with the dots
/// removed. Where a plan structurally cannot tell them apart, the test says so and pins the
/// current answer, so a change in behaviour is noticed.
final class PhoneLookalikeTests: XCTestCase {
    /// Rejected by every phone validator.
    func testRejectedEverywhere() {
        let lookalikes = [
            "20231105",        // YYYYMMDD
            "2023110512",      // YYYYMMDDHH: NANP exchange 311 is N11; BR DDD 20 unused; IN not 6-9
            "1699999999",      // Unix seconds (2023-11-14); NANP area codes never start with 1
            "1700000000",      // Unix seconds
            "1712345678",      // Unix seconds; BR 17 + fixed line starting 1
            "1699999999999",   // Unix milliseconds: too long everywhere
            "123",             // version 1.2.3
            "10157",           // version 10.15.7
            "10019045",        // version 10.0.19045
            "21401234",        // version 2.14.0.1234
            "4190026",         // version 4.19.0-26
            "1441",            // version 14.4.1
        ]
        for name in PhoneCheck.names {
            PhoneCheck.expect(name, invalid: lookalikes)
        }
    }

    /// NANP rejects every Unix time in seconds from 2001-09-09 (1000000000) to 2033-05-18
    /// (1999999999): as 10 digits the area code would start with 1.
    func testNANPRejectsTenDigitEpochSeconds() {
        var state: UInt64 = 0x5EED
        for _ in 0 ..< 2_000 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            let seconds = 1_000_000_000 + Int(state >> 33) % 1_000_000_000
            PhoneCheck.expect("phone-us", invalid: [String(seconds)])
        }
    }

    /// Known limitations, pinned: these look-alikes fit the plan's length and leading digits.
    func testLookalikesPlansCannotReject() {
        // YYYYMMDDHH whose "exchange" (MMD) is not N11 is a well-formed NANP number (202 = DC).
        PhoneCheck.expect("phone-us", valid: ["2023120512"])
        // Unix seconds whose third digit is 2-5 read as DDD 17 + an 8-digit fixed line.
        PhoneCheck.expect("phone-br", valid: ["1723456789"])
        // DDMMYYYY with a leading 0 is a short geographic number in Germany and Italy.
        PhoneCheck.expect("phone-de", valid: ["05112023"])
        PhoneCheck.expect("phone-it", valid: ["05112023"])
        // DDMMYYYYHH with a leading 0 has the shape of a French or Dutch number.
        PhoneCheck.expect("phone-fr", valid: ["0511202312"])
        PhoneCheck.expect("phone-nl", valid: ["0511202312"])
        // 9-digit versions starting 6-9 (ES) or with an assigned prefix (PL).
        PhoneCheck.expect("phone-es", valid: ["612345678"])
        PhoneCheck.expect("phone-pl", valid: ["612345678"])
        // 10-digit Unix seconds from 2033-05-18 on start with 2 and can be NANP numbers.
        PhoneCheck.expect("phone-us", valid: ["2034567890"])
        // E.164 has no national plan for most codes: "+20" then a date is a possible Egyptian number.
        PhoneCheck.expect("phone-e164", valid: ["+2023110512"])
    }
}
