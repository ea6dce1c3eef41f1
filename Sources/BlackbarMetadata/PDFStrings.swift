/// PDF text strings (ISO 32000-1, 7.9.2): decoding literal and hex strings to UTF-8, and encoding a new value.
///
/// Text starting with FE FF is UTF-16BE (EF BB BF: UTF-8, PDF 2.0); anything else is PDFDocEncoding, read
/// here as ASCII below 0x80 and Latin-1 above. PDFDocEncoding differs from Latin-1 in 0x80...0x9F (quotes,
/// dashes, the euro sign) and a few bytes below 0x20; for finding personal data in metadata that is close
/// enough, and only the scanned text is affected (the rewrite never re-encodes a kept value).
enum PDFStrings {
    /// The bytes of a literal string's inside: escapes decoded, line continuations dropped, end-of-line
    /// sequences read as LF.
    static func literalBytes(_ raw: UnsafeRawBufferPointer.SubSequence) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(raw.count)
        var i = raw.startIndex
        let end = raw.endIndex
        while i < end {
            let c = raw[i]
            if c == 0x0D {  // CR or CRLF in a string is LF
                out.append(0x0A)
                i += (i + 1 < end && raw[i + 1] == 0x0A) ? 2 : 1
                continue
            }
            guard c == 0x5C, i + 1 < end else {
                out.append(c)
                i += 1
                continue
            }
            let e = raw[i + 1]
            i += 2
            switch e {
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case 0x0D: if i < end, raw[i] == 0x0A { i += 1 }  // line continuation
            case 0x0A: break
            case 0x30...0x37:
                var v = Int(e - 0x30)
                var n = 1
                while n < 3, i < end, raw[i] >= 0x30, raw[i] <= 0x37 {
                    v = v * 8 + Int(raw[i] - 0x30)
                    i += 1
                    n += 1
                }
                out.append(UInt8(truncatingIfNeeded: v))
            default: out.append(e)  // \( \) \\ and any other escaped byte stand for themselves
            }
        }
        return out
    }

    /// The bytes of a hex string's inside (white space ignored, an odd last digit followed by 0).
    static func hexBytes(_ raw: UnsafeRawBufferPointer.SubSequence) -> [UInt8] {
        var out: [UInt8] = []
        var high: UInt8?
        for c in raw {
            guard let v = PDFBytes.hexValue(c) else { continue }
            if let h = high {
                out.append(h << 4 | v)
                high = nil
            } else {
                high = v
            }
        }
        if let h = high { out.append(h << 4) }
        return out
    }

    /// A text string's bytes as UTF-8.
    static func text(_ bytes: [UInt8]) -> [UInt8] {
        if bytes.count >= 2, bytes[0] == 0xFE, bytes[1] == 0xFF {
            var units: [UInt16] = []
            var i = 2
            while i + 1 < bytes.count {
                units.append(UInt16(bytes[i]) << 8 | UInt16(bytes[i + 1]))
                i += 2
            }
            return Array(String(decoding: units, as: UTF16.self).utf8)
        }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return Array(String(decoding: bytes[3...], as: UTF8.self).utf8) }
        if bytes.allSatisfy({ $0 < 0x80 }) { return bytes }
        var s = ""
        for b in bytes { s.unicodeScalars.append(Unicode.Scalar(b)) }
        return Array(s.utf8)
    }

    /// A new value as a PDF string token: a literal string with `(`, `)` and `\` escaped when it is printable
    /// ASCII, else a UTF-16BE hex string with its byte order mark.
    static func encode(_ utf8: [UInt8]) -> [UInt8] {
        if utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) {
            var out: [UInt8] = [0x28]
            for b in utf8 {
                if b == 0x28 || b == 0x29 || b == 0x5C { out.append(0x5C) }
                out.append(b)
            }
            out.append(0x29)
            return out
        }
        let digits = Array("0123456789ABCDEF".utf8)
        var out = Array("<FEFF".utf8)
        for unit in String(decoding: utf8, as: UTF8.self).utf16 {
            for shift in [12, 8, 4, 0] { out.append(digits[Int(unit >> UInt16(shift)) & 0xF]) }
        }
        out.append(0x3E)
        return out
    }
}
