import CBlackbarSIMD

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A set of context words and phrases matched as whole words, case-insensitively.
///
/// Words are matched against tokens (maximal runs of ASCII letters, digits and non-ASCII bytes), so
/// `lic` never matches inside `public`. A phrase (`date of birth`) matches consecutive tokens.
/// Words written in scripts without spaces (CJK, such as `生年月日`) match as substrings.
public struct ContextWords: Sendable, Equatable {
    /// The phrases, each as lower-cased tokens.
    let phrases: [[[UInt8]]]
    /// Words matched as substrings (CJK), lower-cased bytes.
    let substrings: [[UInt8]]
    /// The words as written in the rule, for explanations.
    public let words: [String]
    /// Per phrase: the word it came from.
    private let phraseWords: [String]
    /// Per lower-cased first byte: bit L set when some phrase's first token has L bytes (63: 63 or more).
    /// One load rejects most tokens of a context window before any phrase is compared.
    private let firstTokenLengths: [UInt64]
    /// Per lower-cased first byte b: the phrases whose first token starts with it, in rule order, are
    /// `firstList[firstStart[b]..<firstStart[b + 1]]` (flat: an array per byte cost a copy of 256 arrays per set
    /// at start-up).
    private let firstStart: [Int32]
    private let firstList: [Int32]
    /// A bit set over `firstTokenKey` of every phrase's first token (4,096 bits): the test that a window's
    /// ASCII words must pass before the window is tokenized. By first byte and length alone, more than half
    /// of all candidate windows of installed documentation passed.
    private let firstTokenKeys: [UInt64]

    /// No words.
    public static let empty = ContextWords([])

    /// The per-byte tables of a set without words, shared by every empty set (most rules have no field words).
    private static let noLengths = [UInt64](repeating: 0, count: 256)
    private static let noStarts = [Int32](repeating: 0, count: 257)
    private static let noKeys = [UInt64](repeating: 0, count: 64)

    /// A token's key for `firstTokenKeys`, from its lower-cased first two bytes (0 for the second of a token
    /// of one byte), its lower-cased last byte and its length (63: 63 or more). Equal tokens have equal keys.
    /// The last byte tells apart words that share their first two letters and their length (`Marc` and
    /// `mail`: a third of the e-mail addresses of installed documentation had such a word near them and went on
    /// to the full comparison for nothing); the key is the top 12 bits of a multiplicative hash of the four
    /// (`bb_token_key`, shared with the C walk of `noPhraseStarts`).
    @inline(__always) static func firstTokenKey(_ first: UInt8, _ second: UInt8, _ last: UInt8, _ length: Int) -> Int {
        Int(bb_token_key(first, second, last, length))
    }

    /// The key of a lower-cased token (not empty).
    static func tokenKey(_ token: [UInt8]) -> Int {
        firstTokenKey(token[0], token.count > 1 ? token[1] : 0, token[token.count - 1], token.count)
    }

    /// The key of the ASCII word `bytes[start..<start + length]` (not empty), lower-cased as it is read.
    @inline(__always) static func tokenKey(lowering bytes: UnsafeRawBufferPointer, _ start: Int, _ length: Int) -> Int {
        firstTokenKey(
            ASCII.lower(bytes[start]), length > 1 ? ASCII.lower(bytes[start + 1]) : 0,
            ASCII.lower(bytes[start + length - 1]), length)
    }

    /// Builds the set from the rule file's list.
    public init(_ words: [String]) {
        self.words = words
        var phrases: [[[UInt8]]] = []
        var phraseWords: [String] = []
        var substrings: [[UInt8]] = []
        var lengths = Self.noLengths
        var keys = Self.noKeys
        for word in words {
            // ASCII words (most) are lower-cased as their tokens are cut: `String.lowercased()` and a walk of the
            // scalars per word cost more than the rest of the set (the pack has four thousand words).
            let ascii = word.utf8.allSatisfy { $0 < 0x80 }
            let lowered = ascii ? Array(word.utf8) : Array(word.lowercased().utf8)
            if !ascii && word.unicodeScalars.contains(where: { Self.isSpacelessScript($0) }) {
                substrings.append(lowered)
            } else {
                let tokens = ContextWords.tokens(in: lowered[...])
                guard let first = tokens.first else { continue }
                phrases.append(tokens)
                phraseWords.append(word)
                lengths[Int(first[0])] |= 1 << UInt64(min(first.count, 63))
                let key = Self.tokenKey(first)
                keys[key >> 6] |= 1 << UInt64(key & 63)
            }
        }
        self.phrases = phrases
        self.phraseWords = phraseWords
        self.substrings = substrings
        firstTokenLengths = lengths
        firstTokenKeys = keys
        if phrases.isEmpty {
            firstStart = Self.noStarts
            firstList = []
        } else {
            // Phrases by first byte, in rule order within a byte (a counting sort).
            var starts = [Int32](repeating: 0, count: 257)
            for phrase in phrases { starts[Int(phrase[0][0]) + 1] += 1 }
            for b in 0..<256 { starts[b + 1] += starts[b] }
            var next = starts
            var list = [Int32](repeating: 0, count: phrases.count)
            for (k, phrase) in phrases.enumerated() {
                let b = Int(phrase[0][0])
                list[Int(next[b])] = Int32(k)
                next[b] += 1
            }
            firstStart = starts
            firstList = list
        }
    }

    /// Whether there are no words at all.
    public var isEmpty: Bool { phrases.isEmpty && substrings.isEmpty }

    /// The first word of the set found in `segments` (the bytes before and after a match), matched as
    /// whole words without allocating: ASCII compares case-insensitively in place; only tokens with
    /// non-ASCII bytes are lower-cased through `String`.
    func firstMatch(segments: [UnsafeRawBufferPointer], fieldTokens: [[UInt8]]) -> String? {
        if isEmpty { return nil }
        return firstMatch(spans: Self.wordSpans(segments), segments: segments, fieldTokens: fieldTokens)
    }

    /// The same with the word spans written into `spans` (a buffer the caller keeps: this runs for nearly
    /// every candidate, and a fresh array per call was a malloc and a free each).
    func firstMatch(segments: [UnsafeRawBufferPointer], spans: inout [WordSpan]) -> String? {
        firstIndex(segments: segments, spans: &spans).map(word(at:))
    }

    /// The same as a number for `word(at:)`: the detector needs the word itself only for an explanation, and a
    /// `String` handed back is a reference count up and down per candidate.
    func firstIndex(segments: [UnsafeRawBufferPointer], spans: inout [WordSpan]) -> Int? {
        if isEmpty { return nil }
        // Most windows hold no word that a phrase may start with; the word masks tell, without the spans.
        var masks = KnownMasks()
        if phrases.isEmpty || noPhraseStarts(segments, masks: &masks) { return firstSubstringIndex(segments) }
        Self.wordSpans(segments, into: &spans, known: masks)
        return firstIndex(spans: spans, segments: segments, fieldTokens: [])
    }

    /// The word `firstIndex` numbered: a phrase's word, or after the phrases a word matched as a substring.
    func word(at index: Int) -> String {
        index < phrases.count ? phraseWords[index] : String(decoding: substrings[index - phrases.count], as: UTF8.self)
    }

    /// The word masks of a window's first segments, as `noPhraseStarts` computed them, for `wordSpans` to take
    /// instead of computing them again (a third of the windows go on to the spans, and a mask is 450
    /// instructions).
    struct KnownMasks {
        var first: UInt64 = 0
        var second: UInt64 = 0
        /// How many of the segments, from the first, have their mask here (0 to 2).
        var count = 0

        mutating func add(_ mask: UInt64) {
            if count == 0 { first = mask } else if count == 1 { second = mask } else { return }
            count += 1
        }

        func mask(_ k: Int) -> UInt64? { k < count ? (k == 0 ? first : second) : nil }
    }

    /// Whether no word of `segments` may start a phrase, by its first two bytes and its length (a word equal
    /// to a phrase's first token has its key), read from the segments' ASCII word masks. False when a segment
    /// has no mask (longer than 64 bytes or not all ASCII): its spans decide.
    ///
    /// Each segment is judged whole in C (`bb_no_phrase_start`): its mask and the walk over its words in one
    /// call, where the walk in Swift cost about 550 instructions a candidate (two segments of twenty-odd words,
    /// each a bounds check and a table read through closures).
    private func noPhraseStarts(_ segments: [UnsafeRawBufferPointer], masks: inout KnownMasks) -> Bool {
        firstTokenKeys.withUnsafeBufferPointer { keys in
            firstTokenLengths.withUnsafeBufferPointer { lengths in
                for segment in segments {
                    var mask: UInt64 = 0
                    let verdict = segment.isEmpty ? 1 : bb_no_phrase_start(
                        segment.baseAddress!.assumingMemoryBound(to: UInt8.self), segment.count, lengths.baseAddress!,
                        keys.baseAddress!, &mask)
                    if verdict < 0 { return false }
                    masks.add(mask)
                    if verdict == 0 { return false }
                }
                return true
            }
        }
    }

    /// The first word of a script without spaces found in `segments`, or nil.
    private func firstSubstringIndex(_ segments: [UnsafeRawBufferPointer]) -> Int? {
        for (k, word) in substrings.enumerated() {
            for segment in segments where Self.contains(segment, word) { return phrases.count + k }
        }
        return nil
    }

    /// A word of a segment: which segment, its byte range, and whether it is all ASCII.
    typealias WordSpan = (segment: Int, start: Int, end: Int, ascii: Bool)

    /// Word spans of the segments, computed once per candidate for all word sets.
    /// `bytewise` skips the eight-bytes-at-a-time path (tests compare the two).
    static func wordSpans(_ segments: [UnsafeRawBufferPointer], bytewise: Bool = false) -> [WordSpan] {
        var spans: [WordSpan] = []
        spans.reserveCapacity(32)
        wordSpans(segments, into: &spans, bytewise: bytewise)
        return spans
    }

    /// The word spans of the segments, in `spans` (emptied first, its storage kept).
    /// `known`: masks already computed for the first segments.
    static func wordSpans(
        _ segments: [UnsafeRawBufferPointer], into spans: inout [WordSpan], bytewise: Bool = false,
        known: KnownMasks = KnownMasks()
    ) {
        spans.removeAll(keepingCapacity: true)
        for (k, segment) in segments.enumerated() {
            if !bytewise, let mask = known.mask(k) ?? asciiWordMask(segment) {
                appendRuns(of: mask, segment: k, to: &spans)
                continue
            }
            var i = 0
            let n = segment.count
            // A placeholder cut by the window's start (`ADDRESS> 12345`) is a placeholder still.
            if let end = placeholderEnd(segment, from: 0), end > 0, end < n, segment[end] == UInt8(ascii: ">") { i = end + 1 }
            while i < n {
                while i < n {
                    if ASCII.isWordByte(segment[i]) {
                        // Characters of scripts written without spaces are not words either: `联系HMRC` holds the
                        // word `hmrc` (their own context words match as substrings).
                        guard let skip = spacelessLength(segment, at: i) else { break }
                        i += skip
                        continue
                    }
                    // `<EMAIL_ADDRESS>` is what redaction wrote, not words about the data: it is never context
                    // (else a rescan finds a postcode near "ADDRESS" that the input scan had rejected).
                    if segment[i] == UInt8(ascii: "<"), let end = placeholderEnd(segment, from: i + 1), end > i + 1,
                        end == n || segment[end] == UInt8(ascii: ">")
                    {
                        i = end
                    }
                    i += 1
                }
                let start = i
                var ascii = true
                while i < n && ASCII.isWordByte(segment[i]) {
                    if segment[i] >= 0x80 {
                        if spacelessLength(segment, at: i) != nil { break }
                        ascii = false
                    }
                    i += 1
                }
                if i > start { spans.append((k, start, i, ascii)) }
            }
        }
    }

    /// For a segment of at most 64 bytes, all ASCII (most context windows of most text): bit i set when byte
    /// i belongs to a word. Its words are then exactly the runs of set bits, read sixteen bytes at a time
    /// without a branch per byte (the byte loop below cost 6% of a scan of installed documentation, mostly in
    /// mispredicted branches at word edges). Placeholders (`<EMAIL_ADDRESS>`, or `ADDRESS>` cut by the
    /// window's start) are taken out as the byte loop takes them out. nil: the byte loop decides.
    static func asciiWordMask(_ segment: UnsafeRawBufferPointer) -> UInt64? {
        let n = segment.count
        guard n <= 64, let base = segment.baseAddress else { return n == 0 ? 0 : nil }
        // Sixteen bytes at a time in C (SSE2 bit masks), placeholders taken out there too: the eight-byte SWAR
        // loop this replaces cost about 470 instructions per 64 bytes, a twentieth of a scan of installed
        // documentation.
        var mask: UInt64 = 0
        guard bb_context_word_mask(base.assumingMemoryBound(to: UInt8.self), n, &mask) != 0 else { return nil }
        return mask
    }

    /// The runs of set bits of `mask` as word spans of segment `k` (all ASCII).
    @inline(__always)
    private static func appendRuns(of mask: UInt64, segment k: Int, to spans: inout [WordSpan]) {
        var rest = mask
        while rest != 0 {
            let start = rest.trailingZeroBitCount
            let end = start + (~(rest >> UInt64(start))).trailingZeroBitCount
            spans.append((k, start, end, true))
            rest = end >= 64 ? 0 : rest & ~((1 << UInt64(end)) &- 1)
        }
    }

    /// The byte length of a character of a script written without spaces (CJK, kana, Hangul, Thai) starting
    /// at `i`, or nil. Read from the lead byte: U+3000 to U+DFFF, and U+0E00 to U+0E7F.
    @inline(__always)
    private static func spacelessLength(_ segment: UnsafeRawBufferPointer, at i: Int) -> Int? {
        let b = segment[i]
        if b >= 0xE3 && b <= 0xED { return 3 }
        if b == 0xE0, i + 1 < segment.count, segment[i + 1] == 0xB8 || segment[i + 1] == 0xB9 { return 3 }
        return nil
    }

    /// The end of a run of upper-case ASCII letters, digits and `_` starting at `from` (the body of a typed
    /// placeholder such as `<EMAIL_ADDRESS>`), or nil when the run would not hold a letter.
    private static func placeholderEnd(_ segment: UnsafeRawBufferPointer, from: Int) -> Int? {
        var i = from
        var letters = false
        while i < segment.count {
            let b = segment[i]
            if b &- 0x41 < 26 { letters = true } else if !(b &- 0x30 < 10 || b == UInt8(ascii: "_")) { break }
            i += 1
        }
        return letters ? i : nil
    }

    /// Like `firstMatch(segments:fieldTokens:)` with the word spans already computed. When several words
    /// are near, the one listed first in the rule wins.
    func firstMatch(spans: [WordSpan], segments: [UnsafeRawBufferPointer], fieldTokens: [[UInt8]]) -> String? {
        firstIndex(spans: spans, segments: segments, fieldTokens: fieldTokens).map(word(at:))
    }

    /// The same as a number for `word(at:)`.
    func firstIndex(spans: [WordSpan], segments: [UnsafeRawBufferPointer], fieldTokens: [[UInt8]]) -> Int? {
        if isEmpty { return nil }
        // Tokens with bytes outside ASCII are lower-cased through `String`, once each, and only when needed.
        var lowered: [Int: [UInt8]] = [:]
        func lowerToken(_ k: Int) -> [UInt8] {
            if let known = lowered[k] { return known }
            let t = spans[k]
            let bytes = Array(String(
                decoding: UnsafeRawBufferPointer(rebasing: segments[t.segment][t.start..<t.end]), as: UTF8.self
            ).lowercased().utf8)
            lowered[k] = bytes
            return bytes
        }
        func tokenEquals(_ k: Int, _ word: [UInt8]) -> Bool {
            let t = spans[k]
            // An ASCII token keeps its length when lower-cased: a different length cannot be equal.
            if t.ascii {
                guard t.end - t.start == word.count else { return false }
                let segment = segments[t.segment]
                for j in 0..<word.count where ASCII.lower(segment[t.start + j]) != word[j] { return false }
                return true
            }
            return lowerToken(k) == word
        }
        /// The lower-cased first byte of token k when some phrase may start with that token, else nil.
        func phraseStart(_ k: Int) -> Int? {
            let t = spans[k]
            if t.ascii {
                let first = Int(ASCII.lower(segments[t.segment][t.start]))
                return firstTokenLengths[first] & (1 << UInt64(min(t.end - t.start, 63))) != 0 ? first : nil
            }
            // A token that starts with an ASCII byte starts with that byte lower-cased once lower-cased whole: when no
            // phrase starts with it, the token is not lower-cased through `String` (thousands of instructions, for
            // each word with an umlaut or an accent near a candidate).
            let lead = segments[t.segment][t.start]
            if lead < 0x80 && firstTokenLengths[Int(ASCII.lower(lead))] == 0 { return nil }
            let bytes = lowerToken(k)
            guard let first = bytes.first.map(Int.init) else { return nil }
            return firstTokenLengths[first] & (1 << UInt64(min(bytes.count, 63))) != 0 ? first : nil
        }
        var best = Int.max
        for i in spans.indices {
            guard let first = phraseStart(i) else { continue }
            for r in Int(firstStart[first])..<Int(firstStart[first + 1]) {
                let candidate = firstList[r]
                let index = Int(candidate)
                let phrase = phrases[index]
                if index >= best || i + phrase.count > spans.count { continue }
                var all = true
                for j in 0..<phrase.count {
                    if spans[i + j].segment != spans[i].segment || !tokenEquals(i + j, phrase[j]) {
                        all = false
                        break
                    }
                }
                if all { best = index }
            }
        }
        if !fieldTokens.isEmpty {
            // Compared token by token in place: a copy of each window of the field's tokens per phrase cost
            // 14,000 instructions per rule's word list, five million per field name (1.5 ms per column of
            // every table read).
            for (index, phrase) in phrases.enumerated() where index < best && fieldTokens.count >= phrase.count {
                var i = 0
                while i + phrase.count <= fieldTokens.count {
                    var j = 0
                    while j < phrase.count && fieldTokens[i + j] == phrase[j] { j += 1 }
                    if j == phrase.count {
                        best = index
                        break
                    }
                    i += 1
                }
            }
        }
        if best < phrases.count { return best }
        return firstSubstringIndex(segments)
    }

    /// Whether `word` (not empty) occurs in `segment`: memchr for its first byte, then memcmp. The standard
    /// library's `firstRange(of:)` is generic (a Z-algorithm over collection indices) and was 4% of a CSV scan,
    /// where every cell's context is searched for the words of scripts written without spaces.
    static func contains(_ segment: UnsafeRawBufferPointer, _ word: [UInt8]) -> Bool {
        guard let first = word.first, segment.count >= word.count, let base = segment.baseAddress else { return false }
        return word.withUnsafeBytes { w in
            var at = 0
            let last = segment.count - word.count
            while at <= last {
                guard let hit = memchr(base + at, Int32(first), last - at + 1) else { return false }
                let i = base.distance(to: UnsafeRawPointer(hit))
                if memcmp(base + i, w.baseAddress!, word.count) == 0 { return true }
                at = i + 1
            }
            return false
        }
    }

    /// Splits bytes into lower-cased word tokens.
    static func tokens(in bytes: ArraySlice<UInt8>) -> [[UInt8]] {
        // Each token copied whole from its slice, then lower-cased in place (appended byte by byte, the
        // tokens of the pack's four thousand words were a tenth of a run's start-up).
        var result: [[UInt8]] = []
        var i = bytes.startIndex
        while i < bytes.endIndex {
            guard ASCII.isWordByte(bytes[i]) else {
                i += 1
                continue
            }
            var j = i + 1
            while j < bytes.endIndex && ASCII.isWordByte(bytes[j]) { j += 1 }
            var token = Array(bytes[i..<j])
            var ascii = true
            for k in token.indices {
                token[k] = ASCII.lower(token[k])
                if token[k] >= 0x80 { ascii = false }
            }
            result.append(ascii ? token : lowerNonASCII(token))
            i = j
        }
        return result
    }

    /// Tokens of a field name: also split camelCase and snake_case (`billingIban` gives `billing`, `iban`).
    static func fieldTokens(_ field: String) -> [[UInt8]] {
        var spaced: [UInt8] = []
        var previousLower = false
        for b in field.utf8 {
            let isUpper = b &- 0x41 < 26
            if isUpper && previousLower { spaced.append(0x20) }
            previousLower = b &- 0x61 < 26
            spaced.append(b == 0x5F ? 0x20 : b)
        }
        return tokens(in: spaced[...])
    }

    private static func lowerNonASCII(_ token: [UInt8]) -> [UInt8] {
        guard token.contains(where: { $0 >= 0x80 }) else { return token }
        return Array(String(decoding: token, as: UTF8.self).lowercased().utf8)
    }

    private static func isSpacelessScript(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3040...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xAC00...0xD7AF, 0x0E00...0x0E7F: return true
        default: return false
        }
    }
}

extension ContextWords {
    /// The word of the set that a field name holds (`customer_zip` holds `zip`), for callers outside the
    /// detector (the profile's quasi-identifier columns).
    public func matchField(_ name: String) -> String? {
        firstMatch(segments: [], fieldTokens: Self.fieldTokens(name))
    }
}
