import XCTest
@testable import BlackbarValidators

/// Table-driven helpers for the phone validator tests (namespaced so other helpers' test files
/// in this target cannot collide with them).
enum PhoneCheck {
    /// Every phone validator name this folder registers.
    static let names = [
        "phone-e164", "phone-us", "phone-gb", "phone-de", "phone-fr", "phone-es",
        "phone-it", "phone-nl", "phone-pl", "phone-br", "phone-in",
    ]

    /// The outcome of validator `name` on the UTF-8 bytes of `candidate`.
    static func outcome(_ name: String, _ candidate: String) -> ValidatorOutcome? {
        Validators.named(name)?.check(Array(candidate.utf8))
    }

    /// Asserts that `name` says `.valid` for every `valid` candidate and `.invalid` for every
    /// `invalid` one, naming the failing candidate.
    static func expect(
        _ name: String, valid: [String] = [], invalid: [String] = [],
        file: StaticString = #filePath, line: UInt = #line
    ) {
        XCTAssertNotNil(Validators.named(name), "\(name) is not registered", file: file, line: line)
        for candidate in valid {
            XCTAssertEqual(outcome(name, candidate), .valid, "\(name) should accept \"\(candidate)\"", file: file, line: line)
        }
        for candidate in invalid {
            XCTAssertEqual(outcome(name, candidate), .invalid, "\(name) should reject \"\(candidate)\"", file: file, line: line)
        }
    }
}
