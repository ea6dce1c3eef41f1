/// An XMP packet (RDF/XML) read byte by byte: each property value (an attribute of `rdf:Description`, an
/// element's text, an `rdf:li` of a list, a field of a struct) with its exact byte range, and a rewrite that
/// removes or replaces values and keeps every other byte.
///
/// Ours rather than an XML library's: the rewrite needs each value's byte range in the packet and must keep
/// the rest byte for byte (and pad to the old length where the container needs it), which a DOM does not give.
/// The reader is bounded (depth, elements) and treats anything it does not understand as text it skips.
public struct XMPPacket: Sendable {
    /// One property value in the packet.
    public struct Property: Sendable, Equatable {
        /// The property's qualified name (`dc:creator`, `exif:GPSLatitude`, `Iptc4xmpCore:CiEmailWork`): the
        /// innermost named element or attribute that holds the value (an `rdf:li` takes its list's name).
        public var name: String
        /// The outermost property (a child of `rdf:Description`) it belongs to.
        public var top: String
        /// The value, XML entities decoded.
        public var text: [UInt8]
        /// The value's bytes in the packet.
        public var stored: Range<Int>
        /// Whether `text` is the stored bytes (no entity in it).
        public var verbatim: Bool
        /// What to cut to remove the value: the attribute (with its leading space) or the element.
        var removal: Range<Int>
        /// The enclosing top property element's range, when the value is inside one (not an attribute).
        var topRange: Range<Int>?
    }

    /// The packet's bytes.
    public let bytes: [UInt8]
    /// The values, in packet order.
    public let properties: [Property]

    /// Reads a packet.
    public init(_ bytes: [UInt8], limits: MetadataLimits = MetadataLimits()) throws {
        self.bytes = bytes
        var scanner = XMPScanner(bytes, limits: limits)
        properties = try scanner.run()
    }

    /// The packet with `changes` (by property index) applied: removed values lose their attribute or element
    /// (a top property whose values all go loses its whole element); replaced values get the new text, escaped.
    /// `padTo` pads with spaces (before `<?xpacket end`, where XMP keeps its padding) to that length when the
    /// result is shorter; the caller checks the result's length when it must not grow.
    public func rewrite(_ changes: [Int: FieldChange], padTo: Int? = nil) -> [UInt8] {
        var cuts: [(Range<Int>, [UInt8])] = []
        var removedByTop: [Range<Int>: Int] = [:]
        var valuesByTop: [Range<Int>: Int] = [:]
        for p in properties { if let t = p.topRange { valuesByTop[t, default: 0] += 1 } }
        for (i, change) in changes where change == .remove { if let t = properties[i].topRange { removedByTop[t, default: 0] += 1 } }
        var wholeTops = Set<Range<Int>>()
        for (t, n) in removedByTop where n == valuesByTop[t] { wholeTops.insert(t) }
        for t in wholeTops { cuts.append((t, [])) }
        for (i, change) in changes {
            let p = properties[i]
            if let t = p.topRange, wholeTops.contains(t) { continue }
            switch change {
            case .remove: cuts.append((p.removal, []))
            case .replace(let text): cuts.append((p.stored, Self.escape(text)))
            }
        }
        // Nested cuts (a value inside a removed element) give way to the outer one.
        var out = applyEdits(cuts, to: bytes)
        if let padTo, out.count < padTo {
            let pad = [UInt8](repeating: 0x20, count: padTo - out.count)
            if let end = Self.find(Array("<?xpacket end".utf8), in: out) {
                out.insert(contentsOf: pad, at: end)
            } else {
                out += pad
            }
        }
        return out
    }

    /// The packet rewritten to exactly `length` bytes (for containers whose offsets must not move): padded
    /// when shorter; when a replacement makes it longer, those properties are removed instead (returned).
    /// Nil when even removing cannot make it fit.
    public func rewrite(_ changes: [Int: FieldChange], fitting length: Int) -> (bytes: [UInt8], removedInstead: Set<Int>)? {
        var local = changes
        var instead = Set<Int>()
        var out = rewrite(local, padTo: length)
        if out.count > length {
            for (k, c) in local { if case .replace = c { local[k] = .remove; instead.insert(k) } }
            out = rewrite(local, padTo: length)
        }
        return out.count == length ? (out, instead) : nil
    }

    /// XML-escapes text for an element or attribute value.
    static func escape(_ text: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        for b in text {
            switch b {
            case UInt8(ascii: "&"): out += Array("&amp;".utf8)
            case UInt8(ascii: "<"): out += Array("&lt;".utf8)
            case UInt8(ascii: ">"): out += Array("&gt;".utf8)
            case UInt8(ascii: "\""): out += Array("&quot;".utf8)
            case UInt8(ascii: "'"): out += Array("&apos;".utf8)
            default: out.append(b)
            }
        }
        return out
    }

    static func find(_ needle: [UInt8], in hay: [UInt8]) -> Int? {
        guard needle.count <= hay.count else { return nil }
        outer: for i in 0...(hay.count - needle.count) {
            for j in needle.indices where hay[i + j] != needle[j] { continue outer }
            return i
        }
        return nil
    }

    /// The packet's values as metadata fields: tag `XMP:name`, stored ranges moved by `offset` (where the
    /// packet starts in the file), nested under `path`.
    public func fields(offset: Int, path: String) -> [MetadataField] {
        properties.map { p in
            MetadataField(
                tag: "XMP:" + p.name, path: path, meaning: XMPTags.meaning(of: p.name, top: p.top), text: p.text,
                stored: (p.stored.lowerBound + offset)..<(p.stored.upperBound + offset), verbatim: p.verbatim)
        }
    }

    /// Where an XMP packet starts and ends in `bytes` (`<?xpacket begin` ... `<?xpacket end ...?>`, or
    /// `<x:xmpmeta` ... `</x:xmpmeta>` without the processing instructions).
    public static func locate(in bytes: [UInt8]) -> Range<Int>? {
        let begin = find(Array("<?xpacket begin".utf8), in: bytes) ?? find(Array("<x:xmpmeta".utf8), in: bytes)
        guard let begin else { return nil }
        let tail = Array(bytes[begin...])
        if let endPI = find(Array("<?xpacket end".utf8), in: tail), let close = find(Array("?>".utf8), in: Array(tail[endPI...])) {
            return begin..<(begin + endPI + close + 2)
        }
        if let end = find(Array("</x:xmpmeta>".utf8), in: tail) { return begin..<(begin + end + 12) }
        return nil
    }
}
