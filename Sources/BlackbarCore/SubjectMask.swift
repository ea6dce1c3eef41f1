import CBlackbarSIMD

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What the detector reads instead of the input: backslash escapes and Unicode punctuation and spaces
/// turned into ASCII spaces of the same byte length, so a value right after one is seen whole.
///
/// JSON text read as text holds `"Regards,\njane@corp.de"` or `"call\n+44 20 7946 0958"`: the bytes before
/// the value are `\` and `n`, so a pattern that must not start inside a word either starts one byte early
/// (`njane@corp.de`, and redaction would leave a dangling `\`) or not at all. Real text puts a full-width
/// colon, a guillemet, a dash, a curly quote, a no-break space or a byte-order mark right before a value,
/// and byte-level patterns and word tests see those bytes as part of a word. The detector scans a copy in
/// which each of them is spaces; the copy has the input's length, so every offset, and every finding, is the
/// input's own, and redaction writes the input's bytes. Only subjects holding such bytes pay for the copy.
///
/// Not masked: `’` (U+2019), `”` (U+201D) and the primes U+2032 to U+2037, which rules read as minute and
/// second marks and as a digit-group separator. A Windows path in plain text (`C:\new\nina.txt`) loses the
/// letter after each backslash the same way; that costs a few letters of context, never a byte of output.
public enum SubjectMask {
    /// Whether `subject` needs masking; when it does, `buffer` receives the masked copy.
    public static func apply(_ subject: UnsafeRawBufferPointer, into buffer: inout [UInt8]) -> Bool {
        guard let base = subject.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return false }
        let n = subject.count
        guard let first = next(base, from: 0, count: n) else { return false }
        buffer.removeAll(keepingCapacity: true)
        buffer.append(contentsOf: subject)
        buffer.withUnsafeMutableBufferPointer { mask($0.baseAddress!, count: n, from: first) }
        return true
    }

    /// Masks `subject` itself, for bytes the caller owns and reads only as the detector's subject (a batch's
    /// values joined in a scratch buffer: a copy of it cost a megabyte's copy per batch of a table).
    public static func applyInPlace(_ subject: UnsafeMutableRawBufferPointer) {
        guard let base = subject.baseAddress?.assumingMemoryBound(to: UInt8.self),
            let first = next(base, from: 0, count: subject.count)
        else { return }
        mask(base, count: subject.count, from: first)
    }

    /// Turns every masked sequence of `bytes[first..<n]` into spaces (`first`: where the first may start).
    private static func mask(_ bytes: UnsafeMutablePointer<UInt8>, count n: Int, from first: Int) {
        var i = first
        while true {
            let length = maskedLength(bytes, at: i, count: n)
            if length > 0 {
                for k in i..<(i + length) { bytes[k] = 0x20 }
            }
            guard let found = next(bytes, from: i + max(length, 1), count: n) else { break }
            i = found
        }
    }

    /// The next position from `from` that may start a masked sequence (a backslash, or a lead byte of one of
    /// the masked characters), sixteen bytes at a time in C (`bb_find_mask_lead`: SSE2 bit masks; the
    /// eight-byte SWAR test here before cost twice as many instructions on ASCII text and five times as
    /// many on text with accented letters).
    @inline(__always)
    private static func next(_ bytes: UnsafePointer<UInt8>, from: Int, count n: Int) -> Int? {
        guard from < n else { return nil }
        let found = bb_find_mask_lead(bytes, from, n)
        return found < n ? found : nil
    }

    /// Bytes of the masked sequence at `i`, or 0 when there is none.
    @inline(__always)
    static func maskedLength(_ bytes: UnsafeMutablePointer<UInt8>, at i: Int, count n: Int) -> Int {
        guard i + 1 < n else { return 0 }
        let b1 = bytes[i + 1]
        switch bytes[i] {
        case 0x5C:
            return escapeLength(bytes, at: i, count: n)
        case 0xC2:
            // NEL, NBSP, ¡, «, ·, », ¿
            switch b1 {
            case 0x85, 0xA0, 0xA1, 0xAB, 0xB7, 0xBB, 0xBF: return 2
            default: return 0
            }
        default:
            guard i + 2 < n, b1 & 0xC0 == 0x80, bytes[i + 2] & 0xC0 == 0x80 else { return 0 }
            let scalar = (UInt32(bytes[i] & 0x0F) << 12) | (UInt32(b1 & 0x3F) << 6) | UInt32(bytes[i + 2] & 0x3F)
            return isMaskedScalar(scalar) ? 3 : 0
        }
    }

    /// Three-byte characters read as spaces: general punctuation (spaces, dashes, quotes, bullets), CJK
    /// punctuation, full-width punctuation and the byte-order mark.
    @inline(__always) static func isMaskedScalar(_ s: UInt32) -> Bool {
        switch s {
        case 0x2019, 0x201D, 0x2032...0x2037: return false
        case 0x2000...0x206F: return true
        case 0x3000...0x3004, 0x3008...0x3020, 0x3030, 0x303D...0x303F: return true
        case 0xFEFF: return true
        case 0xFF01...0xFF0F, 0xFF1A...0xFF20, 0xFF3B...0xFF40, 0xFF5B...0xFF65: return true
        default: return false
        }
    }

    /// Bytes of the JSON escape starting at `i` (a backslash): 2, 6 for `\uXXXX`, 0 when it is none.
    @inline(__always)
    private static func escapeLength(_ bytes: UnsafeMutablePointer<UInt8>, at i: Int, count n: Int) -> Int {
        switch bytes[i + 1] {
        case UInt8(ascii: "n"), UInt8(ascii: "t"), UInt8(ascii: "r"), UInt8(ascii: "b"), UInt8(ascii: "f"),
            UInt8(ascii: "/"), UInt8(ascii: "\""), UInt8(ascii: "\\"):
            return 2
        case UInt8(ascii: "u"):
            guard i + 6 <= n else { return 0 }
            for k in (i + 2)..<(i + 6) where !isHexDigit(bytes[k]) { return 0 }
            return 6
        default:
            return 0
        }
    }

    @inline(__always) private static func isHexDigit(_ b: UInt8) -> Bool { b &- 0x30 < 10 || (b | 0x20) &- 0x61 < 6 }
}
