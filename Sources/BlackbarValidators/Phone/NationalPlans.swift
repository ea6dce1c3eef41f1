/// The national numbering plans Blackbar checks in detail, and how each is reached from E.164.
///
/// Each plan checks a number as written nationally (digit values, trunk prefix included where
/// the country has one): its length and its leading digits. `phone-e164` runs the same check
/// on the national significant number of `+1`, `+44`, `+49`, `+33`, `+34`, `+39`, `+31`,
/// `+48`, `+55` and `+91` numbers, rebuilt into national form first (see ``nationalForm(_:)``).
enum PhoneNationalPlan: Sendable, CaseIterable {
    /// North American Numbering Plan (US, Canada and the other +1 countries).
    case nanp
    /// United Kingdom (Ofcom National Telephone Numbering Plan).
    case unitedKingdom
    /// Germany (Bundesnetzagentur Nummernplan).
    case germany
    /// France (ARCEP plan national de numérotation).
    case france
    /// Spain (closed 9-digit plan).
    case spain
    /// Italy (closed plan; the leading 0 of fixed numbers is part of the number).
    case italy
    /// The Netherlands.
    case netherlands
    /// Poland (UKE plan; closed 9-digit plan, no trunk prefix).
    case poland
    /// Brazil (Anatel; DDD area codes).
    case brazil
    /// India (TRAI / DoT National Numbering Plan).
    case india

    /// The country calling code this plan sits behind.
    var callingCode: Int {
        switch self {
        case .nanp: return 1
        case .unitedKingdom: return 44
        case .germany: return 49
        case .france: return 33
        case .spain: return 34
        case .italy: return 39
        case .netherlands: return 31
        case .poland: return 48
        case .brazil: return 55
        case .india: return 91
        }
    }

    /// The plan behind a calling code, if Blackbar has one.
    init?(callingCode: Int) {
        switch callingCode {
        case 1: self = .nanp
        case 44: self = .unitedKingdom
        case 49: self = .germany
        case 33: self = .france
        case 34: self = .spain
        case 39: self = .italy
        case 31: self = .netherlands
        case 48: self = .poland
        case 55: self = .brazil
        case 91: self = .india
        default: return nil
        }
    }

    /// Whether `digits` (digit values, as written nationally) fit this plan.
    func accepts(_ digits: [UInt8]) -> Bool {
        switch self {
        case .nanp: return PhonePlanNANP.accepts(digits)
        case .unitedKingdom: return PhonePlanGB.accepts(digits)
        case .germany: return PhonePlanDE.accepts(digits)
        case .france: return PhonePlanFR.accepts(digits)
        case .spain: return PhonePlanES.accepts(digits)
        case .italy: return PhonePlanIT.accepts(digits)
        case .netherlands: return PhonePlanNL.accepts(digits)
        case .poland: return PhonePlanPL.accepts(digits)
        case .brazil: return PhonePlanBR.accepts(digits)
        case .india: return PhonePlanIN.accepts(digits)
        }
    }

    /// The national form of a national significant number: the trunk `0` put back for plans
    /// whose national form has one (GB, DE, FR, NL, IN); the NSN itself elsewhere (NANP's
    /// 10 digits, and the closed plans of ES, IT, PL; Brazil's plan takes the 0 as optional).
    func nationalForm(_ nsn: [UInt8]) -> [UInt8] {
        switch self {
        case .unitedKingdom, .germany, .france, .netherlands, .india: return [0] + nsn
        case .nanp, .spain, .italy, .poland, .brazil: return nsn
        }
    }
}
