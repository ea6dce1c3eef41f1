/// The e-mail rule's pattern matched on ASCII bytes in Swift, where PCRE2 cost about 900 instructions a window
/// (the JIT's entry, its match data and the Unicode classes of the local part), and real text holds thousands
/// of addresses per MB (ChangeLogs, mailing lists, chat logs, customer tables).
///
/// It is used for one exact pattern only, `NativeEmail.source` (the text of `rules/global/email.yaml`, compiled
/// with `unicode: true`): a rule whose pattern differs in a single byte gets PCRE2 alone. It answers only where
/// every byte it must classify is ASCII; a byte above 0x7F that may belong to the local part (a Latin,
/// Greek or Cyrillic letter, a mark, an invalid sequence) hands the search back to PCRE2 (`.undecided`).
/// `NativeEmailTests` compares the two on hand-picked cases and on random text; the rule's own examples run
/// through it like every rule's.
///
/// The pattern, and why a scan can decide it (leftmost start first, as PCRE2 searches):
/// - `(?<![L])[F]`: a match starts at a letter or digit (F) not preceded by a local-part byte (L =
///   `[A-Za-z0-9._%+-]`): only where a run of L bytes starts.
/// - `(?:[L]{0,62}[E])?@`: the local part is the whole run (the `@` must follow it, and `@` is not in L), 1 to
///   64 bytes, not ending in a dot (E is L without `.`).
/// - `(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+`: each repetition takes one whole label up to its
///   dot (a dot is not in the label's class), valid when 1 to 63 bytes without a hyphen at either end; the
///   repetition stops at the first label that is not.
/// - `[A-Za-z]{2,24}(?![A-Za-z0-9-])`: backtracking from the most labels to one, the top-level domain is the
///   whole run of letters after them (a shorter one is followed by a letter), 2 to 24 long, with no digit or
///   hyphen after it.
enum NativeEmail {
    /// The pattern it stands for, byte for byte.
    static let source =
        #"(?<![A-Za-z0-9._%+\-\p{Latin}\p{Greek}\p{Cyrillic}\p{M}])[A-Za-z0-9\p{Latin}\p{Greek}\p{Cyrillic}](?:[A-Za-z0-9._%+\-\p{Latin}\p{Greek}\p{Cyrillic}\p{M}]{0,62}[A-Za-z0-9_%+\-\p{Latin}\p{Greek}\p{Cyrillic}\p{M}])?@(?:[A-Za-z0-9](?:[A-Za-z0-9\-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,24}(?![A-Za-z0-9\-])"#

    /// What a search found: a match, none, or a byte it cannot classify (PCRE2 decides).
    enum Outcome: Equatable {
        case match(start: Int, end: Int)
        case none
        case undecided
    }

    /// Per byte, its classes: bit 0 F (`[A-Za-z0-9]`, where a match may start), bit 1 L (`[A-Za-z0-9._%+-]`, a
    /// local part's bytes), bit 2 E (L without the dot, a local part's last byte), bit 3 `[A-Za-z0-9-]` (a
    /// label's bytes, and what may not follow the top-level domain), bit 4 `[A-Za-z]`; 0 above 0x7F. The pattern
    /// that matches keeps it (`CompiledPattern`) and hands it in: a table in a global was a `swift_once` check
    /// per search, and bit sets in constants cost more instructions per byte than a load.
    static func classTable() -> [UInt8] {
        (0..<256).map { b in
            let c = UInt8(b)
            let letter = (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A
            let digit = c >= 0x30 && c <= 0x39
            let inner = c == UInt8(ascii: "_") || c == UInt8(ascii: "%") || c == UInt8(ascii: "+") || c == UInt8(ascii: "-")
            var bits: UInt8 = 0
            if letter || digit { bits |= 1 | 2 | 4 | 8 }
            if inner { bits |= 2 | 4 }
            if c == UInt8(ascii: ".") { bits |= 2 }
            if c == UInt8(ascii: "-") { bits |= 8 }
            if letter { bits |= 16 }
            return bits
        }
    }
    private static let start: UInt8 = 1, local: UInt8 = 2, last: UInt8 = 4, label: UInt8 = 8, letter: UInt8 = 16

    /// The first match starting in `from...startLimit` of `bytes[0..<length]` (bytes before `from` are read
    /// as the lookbehind reads them), as PCRE2 would find it; `.undecided` when that depends on a byte above
    /// 0x7F in the local part's reach.
    static func firstMatch(
        _ bytes: UnsafePointer<UInt8>, length: Int, from: Int, startLimit: Int, classes k: UnsafePointer<UInt8>
    ) -> Outcome {
        var s = from
        let end = min(startLimit, length - 1)
        while s <= end {
            let b = bytes[s]
            if b >= 0x80 { return .undecided }
            if k[Int(b)] & start == 0 {
                s += 1
                continue
            }
            if s > 0 {
                let before = bytes[s - 1]
                if before >= 0x80 { return .undecided }
                if k[Int(before)] & local != 0 {
                    s += 1
                    continue
                }
            }
            // A run of local-part bytes starts at s: the local part, if an `@` ends the run.
            var j = s + 1
            while j < length && k[Int(bytes[j])] & local != 0 { j += 1 }
            if j < length && bytes[j] >= 0x80 { return .undecided }
            if j < length && bytes[j] == UInt8(ascii: "@") && j - s <= 64 && (j - s == 1 || k[Int(bytes[j - 1])] & last != 0),
                let e = domainEnd(bytes, length: length, from: j + 1, k)
            {
                return .match(start: s, end: e)
            }
            // No start inside the run: each has a local-part byte before it.
            s = j
        }
        return .none
    }

    /// Where the domain starting at `from` ends (after its top-level domain), or nil.
    private static func domainEnd(_ bytes: UnsafePointer<UInt8>, length: Int, from: Int, _ k: UnsafePointer<UInt8>)
        -> Int?
    {
        // The whole labels, each up to its dot; `last`: where the byte after the last one's dot is, or -1.
        var last = -1
        var p = from
        while true {
            let labelStart = p
            while p < length && k[Int(bytes[p])] & label != 0 { p += 1 }
            let n = p - labelStart
            guard p < length, bytes[p] == UInt8(ascii: "."), n >= 1, n <= 63, bytes[labelStart] != UInt8(ascii: "-"),
                bytes[p - 1] != UInt8(ascii: "-")
            else { break }
            p += 1
            last = p
        }
        // The top-level domain after the most labels first, then one label fewer, as backtracking tries them: each
        // start is the byte after a dot, and every dot from `from` to `last` ends a whole label.
        var t = last
        while t > from {
            var e = t
            while e < length && e - t <= 24 && k[Int(bytes[e])] & letter != 0 { e += 1 }
            let n = e - t
            if n >= 2 && n <= 24 && (e >= length || k[Int(bytes[e])] & label == 0) { return e }
            var q = t - 2
            while q >= from && bytes[q] != UInt8(ascii: ".") { q -= 1 }
            t = q + 1
        }
        return nil
    }
}
