/// Where a sentence of free text ends, read from bytes: what keeps a negative context word of one sentence
/// from lowering a value in the next (`...on the last invoice. Neue Nummer: +44 117 671 5874`).
///
/// A boundary is `.`, `!` or `?`, then spaces or tabs, then the next sentence's first letter, where the
/// terminator ends:
/// - a word of at least four lower-case letters, or a capitalized word of at least six, that is not a
///   common abbreviation (`incl.`, `inkl.`, `approx.`), before any letter (notes are often written without
///   capitals: `...last invoice. plaque GE 12 345`);
/// - a number or a closing parenthesis, before an upper-case letter (ASCII, or Latin-1 `À` to `Þ`);
/// - after the value only, any word of two or more lower-case letters, before an upper-case letter
///   (`Rappeler au +44... svp. Order split`).
///
/// Abbreviations before a value are not boundaries: `No. 4539` and `Ref. 2024-118` go on with a digit,
/// `Inv. Nr. 12` and `Tel. Nummer` end words of fewer than four lower-case letters. A sentence that ends
/// without a terminator (a note's fragments run together) is not cut.
enum SentenceBounds {
    /// The start of the sentence that holds `position`, not before `lower`: the byte after the last boundary
    /// before it, or `lower`.
    static func start(_ bytes: UnsafeRawBufferPointer, before position: Int, from lower: Int) -> Int {
        var t = position - 2
        while t >= lower {
            if isTerminator(bytes[t]), let (next, capital) = sentenceStart(bytes, after: t, upTo: position),
                endsSentence(bytes, t, lower, capital: capital, after: false)
            {
                return next
            }
            t -= 1
        }
        return lower
    }

    /// The end of the sentence that holds the bytes before `position`, not after `upper`: the first boundary's
    /// terminator at or after `position`, or `upper`.
    static func end(_ bytes: UnsafeRawBufferPointer, after position: Int, upTo upper: Int) -> Int {
        var t = position
        while t < upper {
            if isTerminator(bytes[t]), let (_, capital) = sentenceStart(bytes, after: t, upTo: upper),
                endsSentence(bytes, t, 0, capital: capital, after: true)
            {
                return t
            }
            t += 1
        }
        return upper
    }

    @inline(__always) private static func isTerminator(_ b: UInt8) -> Bool {
        b == UInt8(ascii: ".") || b == UInt8(ascii: "!") || b == UInt8(ascii: "?")
    }

    /// Where a sentence may start after the terminator at `t` (past its spaces, at a letter before `upper`),
    /// and whether that letter is a capital; nil when no letter follows.
    private static func sentenceStart(_ bytes: UnsafeRawBufferPointer, after t: Int, upTo upper: Int) -> (Int, Bool)? {
        var i = t + 1
        while i < upper && (bytes[i] == 0x20 || bytes[i] == 0x09) { i += 1 }
        guard i > t + 1, i < upper else { return nil }
        let b = bytes[i]
        if b &- 0x41 < 26 { return (i, true) }
        if b &- 0x61 < 26 { return (i, false) }
        // À to Þ (U+00C0 to U+00DE, not ×): C3 80 to C3 9E.
        if b == 0xC3, i + 1 < upper, bytes[i + 1] >= 0x80, bytes[i + 1] <= 0x9E, bytes[i + 1] != 0x97 { return (i, true) }
        // Any other character of another script (a lead byte): read as a letter without case (`ת.ז.`, `Ж`).
        if b >= 0xC2 && b < 0xF5 { return (i, false) }
        return nil
    }

    /// Whether the terminator at `t` ends a sentence (bytes from `lower` on), by what it ends and whether a
    /// capital follows. `after`: the terminator is after the value.
    private static func endsSentence(
        _ bytes: UnsafeRawBufferPointer, _ t: Int, _ lower: Int, capital: Bool, after: Bool
    ) -> Bool {
        guard t > lower else { return false }
        let before = bytes[t - 1]
        if before &- 0x30 < 10 || before == UInt8(ascii: ")") { return capital }
        // The word: lower-case letters (bytes of other scripts count as letters), after one capital or none.
        var start = t
        while start > lower && (bytes[start - 1] &- 0x61 < 26 || bytes[start - 1] >= 0x80) { start -= 1 }
        let lowerStart = start
        var capitalized = false
        if start > lower && bytes[start - 1] &- 0x41 < 26 {
            start -= 1
            capitalized = true
        }
        // The word must be whole: not the tail of `e.g` or `INV`.
        if start > lower, case let b = bytes[start - 1], b &- 0x41 < 26 || b &- 0x30 < 10 || b == UInt8(ascii: ".") {
            return false
        }
        let length = t - start
        if isAbbreviation(bytes, lowerStart, t) { return false }
        // A capitalized word ends a sentence from six letters on (`Rechnung.`, not `Rechn.` or `Incl.`).
        if capitalized { return length >= 6 }
        if length >= 4 { return true }
        return after && capital && length >= 2
    }

    /// Abbreviations of four or more lower-case letters that go on within a sentence.
    private static let abbreviations: [[UInt8]] = [
        "incl", "excl", "approx", "inkl", "exkl", "zzgl", "bzgl", "evtl", "bspw", "resp", "dept", "corp",
        "ggfs", "sept", "feat",
    ].map { Array($0.utf8) }

    private static func isAbbreviation(_ bytes: UnsafeRawBufferPointer, _ start: Int, _ end: Int) -> Bool {
        abbreviations.contains { word in
            word.count == end - start && word.indices.allSatisfy { bytes[start + $0] == word[$0] }
        }
    }
}
