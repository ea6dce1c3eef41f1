/// One ISO BMFF box header as read: where the box starts and ends, and how long its header is.
struct BMFFBox: Sendable, Equatable {
    /// The four-character type, big-endian.
    let type: UInt32
    /// The offset of the box's first byte (its size field).
    let start: Int
    /// 8, or 16 when the size is a 64-bit `largesize`.
    let headerSize: Int
    /// One past the box's last byte.
    let end: Int

    var contentStart: Int { start + headerSize }
    var range: Range<Int> { start..<end }
    var content: Range<Int> { contentStart..<end }
    var size: Int { end - start }
}

/// Box-level reading and writing shared by the ISO BMFF reader and rewriter.
enum BMFF {
    /// A four-character code from its ASCII spelling (`©` spelled as its Latin-1 byte 0xA9).
    static func code(_ s: String) -> UInt32 {
        var v: UInt32 = 0
        for scalar in s.unicodeScalars.prefix(4) { v = v << 8 | UInt32(scalar.value & 0xFF) }
        return v
    }

    /// A four-character code as text, each byte read as Latin-1 (so 0xA9 is `©`).
    static func name(_ type: UInt32) -> String {
        var s = ""
        for shift in stride(from: 24, through: 0, by: -8) {
            let byte = UInt8(truncatingIfNeeded: type >> UInt32(shift))
            s.unicodeScalars.append(Unicode.Scalar(byte >= 0x20 && byte != 0x7F ? byte : UInt8(ascii: "?")))
        }
        return s
    }

    /// The XMP `uuid` box's extended type, BE7ACFCB-97A9-42E8-9C71-999491E3AFAC.
    static let xmpUUID: [UInt8] = [
        0xBE, 0x7A, 0xCF, 0xCB, 0x97, 0xA9, 0x42, 0xE8, 0x9C, 0x71, 0x99, 0x94, 0x91, 0xE3, 0xAF, 0xAC,
    ]

    /// The boxes that fill `range`, in order. Every size is checked against the enclosing range: a size smaller
    /// than the header, a box past its parent or a 64-bit size that does not fit is an error naming the offset.
    /// Size 0 runs to the end of the parent (allowed for the last top-level box; a warning when nested). Four
    /// zero bytes closing a list are QuickTime's `udta` terminator and end it.
    static func children(
        _ view: ByteView, in range: Range<Int>, limits: MetadataLimits, topLevel: Bool = false, warnings: inout [String]
    ) throws -> [BMFFBox] {
        try view.check(range.lowerBound, range.count, "box list")
        var boxes: [BMFFBox] = []
        var offset = range.lowerBound
        while offset < range.upperBound {
            let remaining = range.upperBound - offset
            if remaining < 8 {
                if remaining == 4, try view.u32(offset, bigEndian: true) == 0 { break }
                throw MetadataError.truncated("box header", offset: offset)
            }
            let size32 = try view.u32(offset, bigEndian: true)
            let type = try view.u32(offset + 4, bigEndian: true)
            var header = 8
            let size: Int
            switch size32 {
            case 1:
                guard remaining >= 16 else { throw MetadataError.truncated("64-bit box size", offset: offset) }
                let large = try view.u64BE(offset + 8)
                header = 16
                guard large >= 16 else { throw MetadataError.malformed("box size smaller than its header", offset: offset) }
                // Compared as UInt64 first, so a size near 2^64 cannot overflow an Int.
                guard large <= UInt64(remaining) else {
                    throw MetadataError.truncated("box larger than its parent", offset: offset)
                }
                size = Int(large)
            case 0:
                size = remaining
                if !topLevel { warnings.append("box at byte \(offset) has size 0 inside its parent (read to the parent's end)") }
            default:
                guard size32 >= 8 else { throw MetadataError.malformed("box size smaller than its header", offset: offset) }
                guard Int(size32) <= remaining else {
                    throw MetadataError.truncated("box larger than its parent", offset: offset)
                }
                size = Int(size32)
            }
            boxes.append(BMFFBox(type: type, start: offset, headerSize: header, end: offset + size))
            guard boxes.count <= limits.maxEntries else { throw MetadataError.tooLarge("boxes in one parent", offset: offset) }
            offset += size
        }
        return boxes
    }

    static func be32(_ v: UInt32) -> [UInt8] { [UInt8(v >> 24), UInt8(v >> 16 & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v & 0xFF)] }
    static func be16(_ v: UInt16) -> [UInt8] { [UInt8(v >> 8), UInt8(v & 0xFF)] }

    /// A box header for a box of `total` bytes; `large` keeps the 64-bit form of the box it replaces (so the
    /// header, and every offset after it, stays where it was).
    static func header(_ type: UInt32, total: Int, large: Bool) -> [UInt8] {
        if large || total > Int(UInt32.max) {
            var out = be32(1) + be32(type)
            for shift in stride(from: 56, through: 0, by: -8) {
                out.append(UInt8(truncatingIfNeeded: UInt64(total) >> UInt64(shift)))
            }
            return out
        }
        return be32(UInt32(total)) + be32(type)
    }

    /// A `free` box of exactly `total` bytes (at least 8) whose content is zeros: what a removed box becomes,
    /// so nothing after it moves.
    static func free(_ total: Int) -> [UInt8] {
        let large = total > Int(UInt32.max)
        let head = header(code("free"), total: total, large: large)
        return head + [UInt8](repeating: 0, count: total - head.count)
    }
}
