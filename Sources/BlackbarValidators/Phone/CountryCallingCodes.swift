/// What the E.164 table knows about one assigned country calling code.
struct PhoneCallingCode: Sendable, Equatable {
    /// The country calling code (1 to 3 digits), e.g. `44`.
    let code: Int
    /// How many digits the code has.
    let codeLength: Int
    /// Bit `n` set: a national significant number (NSN) of `n` digits is possible.
    /// Zero: no per-country data, so the E.164 general range applies (see ``acceptsLength(_:)``).
    let lengthMask: UInt32
    /// The country dials a national trunk prefix `0`, so a `(0)` written after the country code
    /// (`+44 (0)20 ...`) is dropped before the NSN is checked.
    let trunkZero: Bool
    /// National significant numbers may themselves begin with `0` (Italy, Côte d'Ivoire, ...).
    /// Elsewhere an NSN starting with `0` (after any `(0)` is dropped) is rejected.
    let leadingZero: Bool

    /// Whether an NSN of `length` digits is possible after this code. With no per-country data
    /// the ITU E.164 general range applies: at least 4 digits, and at most 15 digits in all.
    func acceptsLength(_ length: Int) -> Bool {
        guard length >= 1, codeLength + length <= 15 else { return false }
        if lengthMask == 0 { return length >= 4 }
        return length < 32 && lengthMask & (1 << UInt32(length)) != 0
    }
}

/// The ITU-T E.164 assigned country calling codes, with libphonenumber-style possible NSN lengths.
///
/// Sources: ITU-T "List of ITU-T Recommendation E.164 assigned country codes" (geographic codes,
/// the shared 388 code, and the global services 800, 808, 870, 878, 881, 882, 883, 888, 979,
/// 991); possible lengths are the union of libphonenumber's per-region `possibleLengths` for the
/// regions sharing each code (so +1 and +7 carry one entry), updated for later migrations
/// (Côte d'Ivoire to 10 digits in 2021, Benin's 10-digit numbers). Spare and reserved codes
/// (e.g. 0, 210, 259, 28x, 292-296, 384, 422, 671, 684, 801-807, 809, 83x, 875-877, 879,
/// 969, 978, 990, 997, 999) are absent, so they are rejected. Lengths that would make a number
/// longer than E.164's 15 digits are never accepted, whatever the list says.
enum PhoneCallingCodes {
    /// Every assigned code, sorted by code.
    static let table: [PhoneCallingCode] = parse(source)

    /// The entry for `code`, if it is assigned.
    static func info(_ code: Int) -> PhoneCallingCode? {
        var low = 0
        var high = table.count - 1
        while low <= high {
            let mid = (low + high) / 2
            let entry = table[mid]
            if entry.code == code { return entry }
            if entry.code < code { low = mid + 1 } else { high = mid - 1 }
        }
        return nil
    }

    /// The calling code at the start of `digits` (the digits after `+` or `00`): the longest
    /// assigned prefix of 1 to 3 digits. E.164 codes are prefix-free, so at most one matches.
    static func match(_ digits: [UInt8]) -> PhoneCallingCode? {
        guard let first = digits.first, first != 0 else { return nil }
        for length in stride(from: 3, through: 1, by: -1) where digits.count > length {
            let value = PhoneDigits.number(digits, from: 0, length: length)
            if let entry = info(value), entry.codeLength == length { return entry }
        }
        return nil
    }

    /// Parses `source` (`code:lengths[/flags]` tokens); malformed tokens are skipped, which the
    /// table tests would notice.
    static func parse(_ text: String) -> [PhoneCallingCode] {
        var entries: [PhoneCallingCode] = []
        for token in text.split(whereSeparator: { $0 == " " || $0 == "\n" }) {
            let flagSplit = token.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
            let flags = flagSplit.count == 2 ? flagSplit[1] : ""
            let parts = flagSplit[0].split(separator: ":")
            guard parts.count == 2, let code = Int(parts[0]), (1...999).contains(code) else { continue }
            var mask: UInt32 = 0
            var ok = true
            if parts[1] != "g" {
                for item in parts[1].split(separator: ",") {
                    let bounds = item.split(separator: "-")
                    guard let low = bounds.first.flatMap({ Int($0) }),
                          let high = bounds.count == 2 ? Int(bounds[1]) : low,
                          bounds.count <= 2, 1 <= low, low <= high, high <= 17
                    else { ok = false; break }
                    for n in low...high { mask |= 1 << UInt32(n) }
                }
            }
            guard ok else { continue }
            entries.append(PhoneCallingCode(
                code: code, codeLength: String(code).count, lengthMask: mask,
                trunkZero: flags.contains("t"), leadingZero: flags.contains("z")))
        }
        return entries.sorted { $0.code < $1.code }
    }

    /// The table: `code:lengths` with lengths as a list of digit counts or ranges of the national
    /// significant number, or `g` for the E.164 general range; flags after `/`: `t` the country
    /// uses a trunk prefix 0, `z` its NSNs may begin with 0.
    static let source = """
    1:10 7:10
    20:8-10/t 27:5-9/t
    30:10 31:5-10/t 32:8,9/t 33:9/t 34:9 36:8,9 39:6-11/z
    40:6,9/t 41:9,12/t 43:4-13/t 44:7,9,10/t 45:8 46:6-10/t 47:5,8/z 48:6-9 49:4-15/t
    51:8,9/t 52:10,11 53:6-8/t 54:10,11/t 55:8-11/t 56:9-11 57:8,10,11/t 58:10/t
    60:8-10/t 61:5-10/t 62:7-12/t 63:6,8-13/t 64:8-10/t 65:8,10,11 66:8-10/t
    81:8-13/tz 82:5,6,8-13/tz 84:7-10/t 86:7-12/t
    90:7,10/t 91:8-13/t 92:8-12/t 93:9/t 94:9/t 95:6-10/t 98:6,7,10/t
    211:9/t 212:9/t 213:8,9/t 216:8 218:9/t
    220:7 221:9 222:8 223:8 224:8,9 225:8,10/z 226:8 227:8/z 228:8 229:8,10/z
    230:7,8 231:7-9/t 232:8/t 233:8,9/t 234:7,8,10-14/t 235:8 236:8 237:8,9 238:7 239:7
    240:9 241:7,8/z 242:9/z 243:7,9/t 244:9 245:7,9 246:7 247:5,6 248:7 249:9/t
    250:8,9/tz 251:9/t 252:6-9/t 253:8 254:7-10/t 255:7,9/t 256:9/t 257:8 258:8,9
    260:9/t 261:9/t 262:9/t 263:5-10/t 264:8,9/t 265:7,9/t 266:8 267:7,8 268:8,9/z 269:7
    290:4,5 291:7/t 297:7 298:6 299:6
    350:8 351:9 352:4-11 353:7-10/t 354:7,9 355:6-9/t 356:8 357:8 358:5-12/t 359:6-9/t
    370:8 371:8 372:7,8,10 373:8/t 374:8/t 375:6-11 376:6,8,9 377:8,9/t 378:6,8,10/z
    380:9/t 381:6-12/t 382:8,9/t 383:8,9/t 385:6-9/t 386:5-8/t 387:8,9/t 388:g 389:8/t
    420:9-12 421:6,7,9/t 423:7,9/t
    500:5 501:7,11/z 502:8,11 503:7,8,11 504:8 505:8 506:8,10 507:7,8 508:6/t 509:8
    590:9/t 591:8,9/t 592:7 593:8-11/t 594:9/t 595:6-9/t 596:9/t 597:6,7 598:7,8/t 599:7,8
    670:7,8 672:6 673:7 674:7 675:7,8 676:5,7/z 677:5,7 678:5,7 679:7,11/z
    680:7 681:6 682:5 683:4 685:5-7 686:5,8 687:6 688:5-7 689:6,8 690:4-7 691:7 692:7
    800:8 808:8 850:8,10/t 852:5-9,11 853:8 855:8-10/t 856:8-10/t
    870:9 878:12 880:6-10/t 881:9,10 882:7-12 883:9-12 886:7-10/t 888:11
    960:7,10 961:7,8/t 962:8,9/t 963:8,9/t 964:8-10/t 965:7,8 966:9,10/t 967:7-9/t 968:7-9
    970:8-10/t 971:5-12/t 972:4,7-12/t 973:8 974:7,8 975:7,8 976:8-10/t 977:8,10/t 979:9
    991:g 992:9 993:8 994:9/t 995:9/t 996:9,10/t 998:9
    """
}
