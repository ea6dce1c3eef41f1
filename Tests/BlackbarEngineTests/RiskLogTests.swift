import BlackbarCore
import BlackbarRedaction
import BlackbarRisk
import BlackbarRules
import Foundation
import XCTest

final class RiskLogTests: XCTestCase {
    func regulations() throws -> RegulationTable { try RegulationTable(yaml: RulePack.embeddedRegulations!) }

    func testSummaryNamesLegalCategoriesAndRating() throws {
        let log = try RiskLog(path: nil, regulations: try regulations())
        let location = Location(line: 1, column: 1)
        for entity in ["US_SSN", "EMAIL_ADDRESS"] {
            let entry = log.regulations.entry(for: entity)
            try log.record(FindingEvent(
                input: "a.txt", range: ByteRange(0, 11), location: location, entity: entity, rule: "r", confidence: 0.9, validated: true,
                action: "reported", fingerprint: "f", severity: entry.severity, gdpr: entry.gdpr, ccpa: entry.ccpa))
        }
        let summary = log.summary(time: "t")
        XCTAssertEqual(summary.highestSeverity, .high)
        XCTAssertEqual(summary.risk.rating, "high")
        XCTAssertTrue(summary.categoriesPresent.contains("CCPA §1798.140(ae) sensitive personal information: US_SSN"))
        XCTAssertTrue(summary.categoriesPresent.contains("GDPR Art. 87 national identification numbers: US_SSN"))
    }

    func testTimesAreUTCWithMilliseconds() {
        let time = RiskLog.now()
        XCTAssertNotNil(time.range(of: #"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$"#, options: .regularExpression), time)
    }

    func testEmptyRunIsRatedNone() throws {
        let summary = try RiskLog(path: nil, regulations: try regulations()).summary(time: "t")
        XCTAssertEqual(summary.risk.rating, "none")
        XCTAssertNil(summary.highestSeverity)
    }

    func testFingerprintsAreKeyedAndStable() throws {
        let a = try Fingerprinter(environment: ["BLACKBAR_KEY": "0123456789abcdef0123"])
        let b = try Fingerprinter(environment: ["BLACKBAR_KEY": "0123456789abcdef0123"])
        let c = try Fingerprinter(environment: ["BLACKBAR_KEY": "another key, long enough"])
        let value = Array("jane@example.com".utf8)
        XCTAssertEqual(a.fingerprint(value), b.fingerprint(value))
        XCTAssertNotEqual(a.fingerprint(value), c.fingerprint(value))
        XCTAssertEqual(a.fingerprint(value).count, 32)
        XCTAssertNotEqual(a.keyID, "ephemeral")
        XCTAssertEqual(try Fingerprinter(environment: [:]).keyID, "ephemeral")
        XCTAssertThrowsError(try Fingerprinter(environment: ["BLACKBAR_KEY": "short"]))
    }

    func testUnknownEntitiesStillGetACategory() throws {
        let entry = try regulations().entry(for: "CUSTOM_THING")
        XCTAssertEqual(entry.severity, .moderate)
    }
}
