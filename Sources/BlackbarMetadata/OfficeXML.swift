/// A small OOXML part (core, app and custom properties, comment authors) read byte by byte: every element
/// with its attributes' value ranges and, for an element without child elements, its content range, so a
/// rewrite can replace one value and keep every other byte.
///
/// Separate from `XMPScanner` (which knows RDF): these parts are plain XML. Bounded by
/// `MetadataLimits.maxEntries` elements and `maxDepth` nesting; no entity is expanded but the predefined ones
/// and character references, and a DOCTYPE (which Office never writes) is refused, so nothing inflates.
struct OfficeXML {
    /// An attribute: its qualified name and its value's bytes (between the quotes).
    struct Attribute {
        var name: String
        var value: Range<Int>
    }

    /// An element.
    struct Element {
        /// The qualified name as written (`dc:creator`).
        var name: String
        /// The enclosing element's index.
        var parent: Int?
        /// Nesting depth (the root is 0).
        var depth: Int
        /// From `<` of the start tag to after the end tag (or `/>`).
        var range: Range<Int>
        var attributes: [Attribute]
        /// The content of an element with no child element (text, entities, CDATA); nil when self-closing or
        /// when it has child elements.
        var content: Range<Int>?

        /// The name without its prefix (`creator`).
        var local: Substring { name.split(separator: ":", maxSplits: 1).last ?? Substring(name) }

        /// The value of the attribute whose local name is `local`.
        func attribute(_ local: String) -> Attribute? {
            attributes.first { $0.name == local || $0.name.hasSuffix(":" + local) }
        }
    }

    /// The part's bytes.
    let bytes: [UInt8]
    /// The elements in document order (by start tag).
    let elements: [Element]

    /// Reads `bytes`; malformed markup (an unclosed or mismatched tag, a bad attribute) is an error.
    init(_ bytes: [UInt8], limits: MetadataLimits) throws {
        self.bytes = bytes
        // OPC allows UTF-16 parts; Office writes UTF-8. Refused rather than misread.
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) || bytes.starts(with: [0x3C, 0x00])
            || bytes.starts(with: [0x00, 0x3C])
        {
            throw MetadataError.unsupported("UTF-16 office part")
        }
        var scanner = OfficeXMLScanner(bytes, limits: limits)
        elements = try scanner.run()
    }

    /// The text of `range` with entities decoded, CDATA unwrapped and comments dropped; whether it is the
    /// stored bytes themselves.
    func text(_ range: Range<Int>) -> ([UInt8], Bool) {
        let raw = bytes[range]
        guard raw.contains(UInt8(ascii: "<")) else { return XMPScanner.decode(raw) }
        var out: [UInt8] = []
        var k = range.lowerBound
        var segment = k
        while k < range.upperBound {
            if bytes[k] != UInt8(ascii: "<") {
                k += 1
            } else if let close = Self.wrapped(bytes, k, range.upperBound, "<![CDATA[", "]]>") {
                out += XMPScanner.decode(bytes[segment..<k]).0 + bytes[(k + 9)..<(close - 3)]
                k = close
                segment = k
            } else if let close = Self.wrapped(bytes, k, range.upperBound, "<!--", "-->") {
                out += XMPScanner.decode(bytes[segment..<k]).0
                k = close
                segment = k
            } else {
                k += 1
            }
        }
        out += XMPScanner.decode(bytes[segment..<range.upperBound]).0
        return (out, false)
    }

    /// If `open` starts at `k`, the offset after the matching `close` (before `limit`).
    private static func wrapped(_ b: [UInt8], _ k: Int, _ limit: Int, _ open: String, _ close: String) -> Int? {
        let o = Array(open.utf8), c = Array(close.utf8)
        guard k + o.count <= limit, Array(b[k..<(k + o.count)]) == o else { return nil }
        var j = k + o.count
        while j + c.count <= limit {
            if Array(b[j..<(j + c.count)]) == c { return j + c.count }
            j += 1
        }
        return nil
    }
}
