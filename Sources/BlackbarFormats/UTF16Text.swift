/// A UTF-16 file decoded to UTF-8 for the detector, with a map from UTF-8 offsets back to the file's
/// own bytes, and edits written back in the file's encoding with every other byte kept.
///
/// Decoding never fails: an unpaired surrogate becomes U+FFFD standing for its 2 source bytes, and an
/// odd trailing byte becomes U+FFFD standing for that 1 byte.
///
/// The map is a checkpoint per 64 UTF-8 bytes (one `Int`, ⅛ byte per UTF-8 byte): every character takes
/// 2 source bytes except a 4-byte UTF-8 character, which came from a surrogate pair of 4, so the source
/// offset of a character is its block's checkpoint plus a count of the lead bytes before it in the block.
public struct UTF16Text: Sendable {
    /// The file's bytes, byte-order mark included.
    public let source: [UInt8]
    /// Whether code units are big-endian.
    public let bigEndian: Bool
    /// Where the text starts in `source`: 2 past a byte-order mark of the given endianness, else 0.
    public let textStart: Int
    /// The text as UTF-8 (always valid UTF-8).
    public let utf8: [UInt8]
    /// `checkpoints[k]`: the source offset of the first character starting at or after UTF-8 offset `64 k`.
    private let checkpoints: [Int]
    private static let blockShift = 6

    /// Decodes `source`: a byte-order mark of the given endianness is skipped (and kept in `source`); without
    /// one the whole of `source` is read as text.
    public init(source: [UInt8], bigEndian: Bool) {
        let mark: (UInt8, UInt8) = bigEndian ? (0xFE, 0xFF) : (0xFF, 0xFE)
        let start = source.count >= 2 && (source[0], source[1]) == mark ? 2 : 0
        self.source = source
        self.bigEndian = bigEndian
        textStart = start
        (utf8, checkpoints) = source.withUnsafeBufferPointer { Self.decode($0, from: start, bigEndian: bigEndian) }
    }

    /// The source offset of the UTF-8 offset `offset` (`0...utf8.count`). An offset inside a character maps
    /// to that character's start; `utf8.count` maps to `source.count`.
    public func sourceOffset(ofUTF8 offset: Int) -> Int {
        precondition(offset >= 0 && offset <= utf8.count, "UTF-8 offset \(offset) outside 0...\(utf8.count)")
        if offset == utf8.count { return source.count }
        return utf8.withUnsafeBufferPointer { text in
            var at = offset
            while at > 0 && text[at] & 0xC0 == 0x80 { at -= 1 }
            let block = at >> Self.blockShift
            var result = checkpoints[block]
            for k in (block << Self.blockShift)..<at where text[k] & 0xC0 != 0x80 {
                result += text[k] >= 0xF0 ? 4 : 2
            }
            return result
        }
    }

    /// The source bytes holding the UTF-8 bytes `utf8Range`, widened to whole characters (a range that cuts
    /// a character covers all of it, so an edit never leaves half a surrogate pair).
    public func sourceRange(_ utf8Range: Range<Int>) -> Range<Int> {
        let lower = sourceOffset(ofUTF8: utf8Range.lowerBound)
        if utf8Range.isEmpty { return lower..<lower }
        var end = utf8Range.upperBound
        while end < utf8.count && utf8[end] & 0xC0 == 0x80 { end += 1 }
        return lower..<sourceOffset(ofUTF8: end)
    }

    /// The source bytes with each edit's range replaced by its replacement (UTF-8, written in this text's
    /// UTF-16 endianness); every other byte, the byte-order mark included, is kept as it was.
    ///
    /// - Parameter edits: UTF-8 ranges into `utf8`, sorted by start and not overlapping. Two edits whose
    ///   ranges widen onto the same character share it: the later one starts where the earlier ended.
    public func applying(_ edits: [(utf8Range: Range<Int>, replacement: [UInt8])]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(source.count)
        var cursor = 0
        for edit in edits {
            let range = sourceRange(edit.utf8Range)
            let start = max(range.lowerBound, cursor)
            out.append(contentsOf: source[cursor..<start])
            out.append(contentsOf: Self.encode(edit.replacement, bigEndian: bigEndian))
            cursor = max(cursor, range.upperBound)
        }
        out.append(contentsOf: source[cursor...])
        return out
    }

    /// UTF-8 bytes as UTF-16 code units in the given byte order, without a byte-order mark. Invalid UTF-8
    /// becomes U+FFFD (one per maximal invalid subsequence, as Unicode recommends).
    public static func encode(_ utf8: some Collection<UInt8>, bigEndian: Bool) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(utf8.count * 2)
        _ = transcode(utf8.makeIterator(), from: UTF8.self, to: UTF16.self, stoppingOnError: false) { unit in
            let high = UInt8(unit >> 8), low = UInt8(truncatingIfNeeded: unit)
            if bigEndian {
                out.append(high)
                out.append(low)
            } else {
                out.append(low)
                out.append(high)
            }
        }
        return out
    }

    /// Calls `body` with each scalar of `source[from...]` and the source offset where it starts.
    @inline(__always)
    private static func forEachScalar(
        _ source: UnsafeBufferPointer<UInt8>, from: Int, bigEndian: Bool, _ body: (UInt32, Int) -> Void
    ) {
        let count = source.count
        @inline(__always) func unit(_ i: Int) -> UInt32 {
            bigEndian ? UInt32(source[i]) << 8 | UInt32(source[i + 1]) : UInt32(source[i + 1]) << 8 | UInt32(source[i])
        }
        var i = from
        while i + 1 < count {
            let u = unit(i)
            if u & 0xF800 != 0xD800 {
                body(u, i)
                i += 2
            } else if u < 0xDC00, i + 3 < count, case let v = unit(i + 2), v & 0xFC00 == 0xDC00 {
                body(0x10000 + ((u - 0xD800) << 10 | (v - 0xDC00)), i)
                i += 4
            } else {
                body(0xFFFD, i)
                i += 2
            }
        }
        if i < count { body(0xFFFD, i) }
    }

    /// The UTF-8 text and the checkpoints: one pass to count the UTF-8 bytes, one to write them.
    private static func decode(_ source: UnsafeBufferPointer<UInt8>, from: Int, bigEndian: Bool) -> ([UInt8], [Int]) {
        var length = 0
        forEachScalar(source, from: from, bigEndian: bigEndian) { scalar, _ in
            length += scalar < 0x80 ? 1 : scalar < 0x800 ? 2 : scalar < 0x10000 ? 3 : 4
        }
        var checkpoints: [Int] = []
        checkpoints.reserveCapacity(length >> blockShift + 1)
        let text = [UInt8](unsafeUninitializedCapacity: length) { out, initialized in
            var p = 0
            forEachScalar(source, from: from, bigEndian: bigEndian) { scalar, at in
                if checkpoints.count << blockShift <= p { checkpoints.append(at) }
                if scalar < 0x80 {
                    out[p] = UInt8(scalar)
                    p += 1
                } else if scalar < 0x800 {
                    out[p] = UInt8(0xC0 | scalar >> 6)
                    out[p + 1] = UInt8(0x80 | scalar & 0x3F)
                    p += 2
                } else if scalar < 0x10000 {
                    out[p] = UInt8(0xE0 | scalar >> 12)
                    out[p + 1] = UInt8(0x80 | scalar >> 6 & 0x3F)
                    out[p + 2] = UInt8(0x80 | scalar & 0x3F)
                    p += 3
                } else {
                    out[p] = UInt8(0xF0 | scalar >> 18)
                    out[p + 1] = UInt8(0x80 | scalar >> 12 & 0x3F)
                    out[p + 2] = UInt8(0x80 | scalar >> 6 & 0x3F)
                    out[p + 3] = UInt8(0x80 | scalar & 0x3F)
                    p += 4
                }
            }
            initialized = p
        }
        return (text, checkpoints)
    }
}
