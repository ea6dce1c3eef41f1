/// Check-digit validation of whole machine-readable zones (ICAO Doc 9303 Parts 4, 5 and 6).
///
/// Input is the MRZ lines concatenated without line breaks, upper case, exactly 88 (TD3),
/// 90 (TD1) or 72 (TD2) bytes of `0-9A-Z<`. Every check digit of the format is verified: document
/// number (including the long-number overflow into the optional data for TD1/TD2), birth date,
/// expiry date, the TD3 personal number, and the composite. Visas (document code `V`, MRV-A and
/// MRV-B) share the TD3 and TD2 sizes but have no composite or optional-data check; for them only
/// the document number, birth and expiry checks apply. Dates are not range-checked.
public enum MachineReadableZone {
    private static let filler = UInt8(ascii: "<")

    /// Whether `mrz` is a TD3 (passport, 2 x 44) MRZ whose check digits all pass.
    public static func isValidTD3(_ mrz: [UInt8]) -> Bool {
        guard mrz.count == 88, allMRZCharacters(mrz) else { return false }
        let l2 = 44
        let number = mrz[l2 ..< l2 + 9], birth = mrz[l2 + 13 ..< l2 + 19], expiry = mrz[l2 + 21 ..< l2 + 27]
        guard ICAO9303.fieldMatches(number, check: mrz[l2 + 9]),
              ICAO9303.fieldMatches(birth, check: mrz[l2 + 19]),
              ICAO9303.fieldMatches(expiry, check: mrz[l2 + 27]) else { return false }
        if mrz[0] == UInt8(ascii: "V") { return true }  // MRV-A: optional data has no check
        guard ICAO9303.fieldMatches(mrz[l2 + 28 ..< l2 + 42], check: mrz[l2 + 42]) else { return false }
        let composite = Array(mrz[l2 ..< l2 + 10]) + Array(mrz[l2 + 13 ..< l2 + 20]) + Array(mrz[l2 + 21 ..< l2 + 43])
        return digitMatches(composite, mrz[l2 + 43])
    }

    /// Whether `mrz` is a TD1 (identity card, 3 x 30) MRZ whose check digits all pass.
    public static func isValidTD1(_ mrz: [UInt8]) -> Bool {
        guard mrz.count == 90, allMRZCharacters(mrz) else { return false }
        let l2 = 30
        guard documentNumberMatches(mrz, numberStart: 5, optionalEnd: 30) else { return false }
        guard ICAO9303.fieldMatches(mrz[l2 ..< l2 + 6], check: mrz[l2 + 6]),
              ICAO9303.fieldMatches(mrz[l2 + 8 ..< l2 + 14], check: mrz[l2 + 14]) else { return false }
        let composite = Array(mrz[5 ..< 30]) + Array(mrz[l2 ..< l2 + 7]) + Array(mrz[l2 + 8 ..< l2 + 15])
            + Array(mrz[l2 + 18 ..< l2 + 29])
        return digitMatches(composite, mrz[l2 + 29])
    }

    /// Whether `mrz` is a TD2 (2 x 36) MRZ whose check digits all pass.
    public static func isValidTD2(_ mrz: [UInt8]) -> Bool {
        guard mrz.count == 72, allMRZCharacters(mrz) else { return false }
        let l2 = 36
        guard ICAO9303.fieldMatches(mrz[l2 + 13 ..< l2 + 19], check: mrz[l2 + 19]),
              ICAO9303.fieldMatches(mrz[l2 + 21 ..< l2 + 27], check: mrz[l2 + 27]) else { return false }
        if mrz[0] == UInt8(ascii: "V") {  // MRV-B: no overflow, no composite
            return ICAO9303.fieldMatches(mrz[l2 ..< l2 + 9], check: mrz[l2 + 9])
        }
        guard documentNumberMatches(mrz, numberStart: l2, optionalEnd: l2 + 35) else { return false }
        let composite = Array(mrz[l2 ..< l2 + 10]) + Array(mrz[l2 + 13 ..< l2 + 20]) + Array(mrz[l2 + 21 ..< l2 + 35])
        return digitMatches(composite, mrz[l2 + 35])
    }

    /// The document number check with the long-number rule: when the check position (right after
    /// the 9-character field) holds `<`, the number continues in the optional data that follows the
    /// next field, and its check digit is the last character before the first filler there.
    private static func documentNumberMatches(_ mrz: [UInt8], numberStart: Int, optionalEnd: Int) -> Bool {
        let checkIndex = numberStart + 9
        let firstNine = mrz[numberStart ..< checkIndex]
        if mrz[checkIndex] != filler { return ICAO9303.fieldMatches(firstNine, check: mrz[checkIndex]) }
        // Long number: TD1 overflow starts right after the check position (line 1 optional data);
        // TD2 overflow starts in the optional data after the expiry check (position 28 of line 2).
        let overflowStart = numberStart == 5 ? checkIndex + 1 : numberStart + 28
        var end = overflowStart
        while end < optionalEnd, mrz[end] != filler { end += 1 }
        guard end - overflowStart >= 2 else { return false }  // at least one more character plus check
        let full = Array(firstNine) + Array(mrz[overflowStart ..< end - 1])
        return digitMatches(full, mrz[end - 1])
    }

    private static func digitMatches(_ field: [UInt8], _ check: UInt8) -> Bool {
        guard let digit = ASCII.digit(check) else { return false }
        return ICAO9303.checkValue(field[...]) == digit
    }

    private static func allMRZCharacters(_ mrz: [UInt8]) -> Bool {
        mrz.allSatisfy { ICAO9303.value(of: $0) != nil }
    }
}
