/// Phone number checks over the bytes of a candidate: E.164 international numbers and ten
/// national numbering plans. Pure functions; they never trap, whatever the input.
///
/// Input conventions (the rule's `normalize` steps normally remove separators first; the usual
/// ones, space, tab, `-`, `.`, `/`, `(`, `)`, are skipped here too):
/// - ``isValidE164(_:)`` takes an international number starting with `+` or `00`. A trunk 0
///   written as `(0)` after the country code (`+44 (0)20 ...` becomes `+44020...`) is dropped
///   for countries that dial a trunk 0.
/// - ``isValidNational(_:plan:)`` takes the number as written nationally, trunk prefix included
///   (`02079460958`, `4155552671`); a `+` followed by that plan's own country code is accepted
///   too and checked as in ``isValidE164(_:)``. A leading `00` is not read as an international
///   prefix there (so German `00...` is rejected).
public enum PhoneNumbers {
    /// The national plans a national check can be asked for.
    public enum Plan: String, Sendable, CaseIterable {
        /// North American Numbering Plan (US, Canada): `phone-us`.
        case us
        /// United Kingdom (Ofcom): `phone-gb`.
        case gb
        /// Germany (Bundesnetzagentur): `phone-de`.
        case de
        /// France (ARCEP): `phone-fr`.
        case fr
        /// Spain: `phone-es`.
        case es
        /// Italy: `phone-it`.
        case it
        /// The Netherlands: `phone-nl`.
        case nl
        /// Poland (UKE): `phone-pl`.
        case pl
        /// Brazil (Anatel): `phone-br`.
        case br
        /// India (TRAI): `phone-in`.
        case `in`

        /// The plan's checks.
        var national: PhoneNationalPlan {
            switch self {
            case .us: return .nanp
            case .gb: return .unitedKingdom
            case .de: return .germany
            case .fr: return .france
            case .es: return .spain
            case .it: return .italy
            case .nl: return .netherlands
            case .pl: return .poland
            case .br: return .brazil
            case .in: return .india
            }
        }
    }

    /// Whether `bytes` are an international number with an assigned ITU E.164 country code, a
    /// national significant number of a possible length for that code, and, for +1, +31, +33,
    /// +34, +39, +44, +48, +49, +55 and +91, the leading digits of that country's plan.
    public static func isValidE164(_ bytes: [UInt8]) -> Bool {
        guard let input = PhoneDigits(bytes) else { return false }
        let digits = input.digits
        if input.plus { return validInternational(digits, requiredCode: nil) }
        guard digits.count > 2, digits[0] == 0, digits[1] == 0 else { return false }
        return validInternational(Array(digits.dropFirst(2)), requiredCode: nil)
    }

    /// Whether `bytes` are a number of `plan`, as written nationally (or as `+` and that plan's
    /// own country code).
    public static func isValidNational(_ bytes: [UInt8], plan: Plan) -> Bool {
        guard let input = PhoneDigits(bytes) else { return false }
        let national = plan.national
        if input.plus { return validInternational(input.digits, requiredCode: national.callingCode) }
        return national.accepts(input.digits)
    }

    /// Checks the digits after `+` / `00`: country code, then the NSN as written, then (for
    /// trunk-0 countries) without a leading `(0)`.
    static func validInternational(_ digits: [UInt8], requiredCode: Int?) -> Bool {
        guard let entry = PhoneCallingCodes.match(digits) else { return false }
        if let requiredCode, requiredCode != entry.code { return false }
        let nsn = Array(digits.dropFirst(entry.codeLength))
        if validNSN(nsn, entry) { return true }
        if entry.trunkZero, nsn.first == 0 { return validNSN(Array(nsn.dropFirst()), entry) }
        return false
    }

    /// Length, leading zero and (where there is one) national plan checks of an NSN.
    static func validNSN(_ nsn: [UInt8], _ entry: PhoneCallingCode) -> Bool {
        guard let first = nsn.first, entry.acceptsLength(nsn.count) else { return false }
        if first == 0 && !entry.leadingZero { return false }
        guard let plan = PhoneNationalPlan(callingCode: entry.code) else { return true }
        return plan.accepts(plan.nationalForm(nsn))
    }
}
