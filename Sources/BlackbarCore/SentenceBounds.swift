/// Where a sentence of free text ends, read from bytes: what keeps a negative context word of one sentence
/// from lowering a value in the next (`...on the last invoice. Neue Nummer: +44 117 671 5874`).
///
/// A boundary is `.`, `!` or `?`, then spaces or tabs, then an upper-case letter (ASCII, or Latin-1 `À` to
/// `Þ`), where the terminator ends a word of at least four lower-case ASCII letters, a number or a closing
/// parenthesis. Abbreviations before a value are not boundaries: `No. 4539` and `Ref. 2024-118` go on with a
/// digit, `Inv. Nr. 12` and `Tel. Nummer` end words of fewer than four lower-case letters. A sentence that
/// ends without a terminator (a note's fragments run together) is not cut.
enum SentenceBounds {
    /// The start of the sentence that holds `position`, not before `lower`: the byte after the last boundary
    /// before it, or `lower`.
    static func start(_ bytes: UnsafeRawBufferPointer, before position: Int, from lower: Int) -> Int {
        var t = position - 2
        while t >= lower {
            if isTerminator(bytes[t]), let next = sentenceStart(bytes, after: t, upTo: position), endsSentence(bytes, t, lower) {
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
            if isTerminator(bytes[t]), sentenceStart(bytes, after: t, upTo: upper) != nil, endsSentence(bytes, t, 0) {
                return t
            }
            t += 1
        }
        return upper
    }

    @inline(__always) private static func isTerminator(_ b: UInt8) -> Bool {
        b == UInt8(ascii: ".") || b == UInt8(ascii: "!") || b == UInt8(ascii: "?")
    }

    /// Where the next sentence starts after the terminator at `t` (past its spaces, at an upper-case letter
    /// before `upper`), or nil when no sentence starts there.
    private static func sentenceStart(_ bytes: UnsafeRawBufferPointer, after t: Int, upTo upper: Int) -> Int? {
        var i = t + 1
        while i < upper && (bytes[i] == 0x20 || bytes[i] == 0x09) { i += 1 }
        guard i > t + 1, i < upper else { return nil }
        let b = bytes[i]
        if b &- 0x41 < 26 { return i }
        // À to Þ (U+00C0 to U+00DE, not ×): C3 80 to C3 9E.
        if b == 0xC3, i + 1 < upper, bytes[i + 1] >= 0x80, bytes[i + 1] <= 0x9E, bytes[i + 1] != 0x97 { return i }
        return nil
    }

    /// Whether the terminator at `t` ends a word of four or more lower-case ASCII letters, a number or a
    /// parenthesis (bytes from `lower` on).
    private static func endsSentence(_ bytes: UnsafeRawBufferPointer, _ t: Int, _ lower: Int) -> Bool {
        guard t > lower else { return false }
        let before = bytes[t - 1]
        if before &- 0x30 < 10 || before == UInt8(ascii: ")") { return true }
        guard t - 4 >= lower else { return false }
        for k in (t - 4)..<t where bytes[k] &- 0x61 >= 26 { return false }
        return true
    }
}
