import BlackbarValidators

/// One step that turns the matched bytes into what a validator checks.
public enum NormalizeStep: String, Sendable, CaseIterable {
    /// Drop spaces, tabs, dashes, dots, slashes, parentheses and no-break spaces (U+00A0, U+202F).
    case removeSeparators = "remove-separators"
    /// Drop line feeds and carriage returns (multi-line values such as passport MRZ lines).
    case removeLineBreaks = "remove-line-breaks"
    /// Keep ASCII digits only.
    case digits
    /// Keep ASCII letters and digits only.
    case alnum
    /// ASCII upper case.
    case upper
    /// ASCII lower case.
    case lower

    /// Applies the steps in order.
    public static func apply(_ steps: [NormalizeStep], to bytes: [UInt8]) -> [UInt8] {
        var value = bytes
        for step in steps { value = step.apply(value) }
        return value
    }

    /// The steps applied to `value` in place (each step keeps or drops bytes, or changes their case, so
    /// none needs more room): the detector normalizes every candidate's value in one buffer it keeps, where
    /// a copy and an array per step were two allocations per candidate.
    public static func apply(_ steps: [NormalizeStep], inPlace value: inout [UInt8]) {
        for step in steps { step.apply(inPlace: &value) }
    }

    func apply(inPlace value: inout [UInt8]) {
        let kept = value.withUnsafeMutableBufferPointer { v -> Int in
            let n = v.count
            var w = 0
            switch self {
            case .removeSeparators:
                // Reads run ahead of writes (w <= i), so the bytes looked ahead at are still the input's.
                var i = 0
                while i < n {
                    let b = v[i]
                    if b == 0xC2, i + 1 < n, v[i + 1] == 0xA0 { i += 2; continue }
                    if b == 0xE2, i + 2 < n, v[i + 1] == 0x80, v[i + 2] == 0xAF { i += 3; continue }
                    switch b {
                    case 0x20, 0x09, 0x2D, 0x2E, 0x2F, 0x28, 0x29: break
                    default:
                        v[w] = b
                        w += 1
                    }
                    i += 1
                }
            case .removeLineBreaks:
                for i in 0..<n where v[i] != 0x0A && v[i] != 0x0D { v[w] = v[i]; w += 1 }
            case .digits:
                for i in 0..<n where ASCII.isDigit(v[i]) { v[w] = v[i]; w += 1 }
            case .alnum:
                for i in 0..<n where ASCII.isAlnum(v[i]) { v[w] = v[i]; w += 1 }
            case .upper:
                for i in 0..<n { v[i] = ASCII.upper(v[i]) }
                w = n
            case .lower:
                for i in 0..<n { v[i] = ASCII.lower(v[i]) }
                w = n
            }
            return w
        }
        if kept < value.count { value.removeLast(value.count - kept) }
    }

    func apply(_ input: [UInt8]) -> [UInt8] {
        switch self {
        case .removeSeparators:
            var out: [UInt8] = []
            out.reserveCapacity(input.count)
            var i = 0
            while i < input.count {
                let b = input[i]
                // U+00A0 is C2 A0; U+202F is E2 80 AF.
                if b == 0xC2, i + 1 < input.count, input[i + 1] == 0xA0 { i += 2; continue }
                if b == 0xE2, i + 2 < input.count, input[i + 1] == 0x80, input[i + 2] == 0xAF { i += 3; continue }
                switch b {
                case 0x20, 0x09, 0x2D, 0x2E, 0x2F, 0x28, 0x29: break
                default: out.append(b)
                }
                i += 1
            }
            return out
        case .removeLineBreaks: return input.filter { $0 != 0x0A && $0 != 0x0D }
        case .digits: return input.filter(ASCII.isDigit)
        case .alnum: return input.filter(ASCII.isAlnum)
        case .upper: return input.map(ASCII.upper)
        case .lower: return input.map(ASCII.lower)
        }
    }
}

/// The byte classes of BlackbarValidators under their short name in every file of this module, including
/// those that do not import it.
typealias ASCII = BlackbarValidators.ASCII
