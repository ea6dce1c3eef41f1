/// The byte-level RDF/XML reader behind `XMPPacket`: tags, attributes and text with their offsets. Skips
/// comments, processing instructions, CDATA and DOCTYPE (no entity is ever expanded but the five predefined
/// ones and character references, so nothing inflates).
struct XMPScanner: XMLLexer {
    let b: [UInt8]
    private let limits: MetadataLimits
    var i = 0
    private var out: [XMPPacket.Property] = []

    private struct Open {
        var name: String
        var start: Int
        var textStart: Int
        var hadChild = false
        /// Index in `out` of the first value found inside this element (to set their top range on close).
        var firstValue: Int
        var isTop: Bool
        var isDescription: Bool
    }
    private var stack: [Open] = []

    init(_ bytes: [UInt8], limits: MetadataLimits) {
        b = bytes
        self.limits = limits
    }

    mutating func run() throws -> [XMPPacket.Property] {
        var elements = 0
        while i < b.count {
            guard b[i] == UInt8(ascii: "<") else {
                i += 1
                continue
            }
            if starts("<?") { try skip(past: "?>"); continue }
            if starts("<!--") { try skip(past: "-->"); continue }
            if starts("<![CDATA[") { try skip(past: "]]>"); continue }
            if starts("<!") { try skip(past: ">"); continue }
            if starts("</") {
                try closeTag()
                continue
            }
            elements += 1
            guard elements <= limits.maxEntries else { throw MetadataError.tooLarge("XMP elements", offset: i) }
            try openTag()
        }
        return out
    }

    private mutating func openTag() throws {
        let start = i
        i += 1
        let tag = name()
        guard !tag.isEmpty else { throw MetadataError.malformed("XMP tag", offset: start) }
        let parent = stack.last
        if !stack.isEmpty { stack[stack.count - 1].hadChild = true }
        let parentIsDescription = parent?.isDescription ?? false
        let isDescription = tag == "rdf:Description"
        let isTop = parentIsDescription && !isDescription
        let inProperty = stack.contains { $0.isTop } || isTop
        let topName = isTop ? tag : stack.last(where: { $0.isTop })?.name
        var selfClosing = false
        let firstValue = out.count
        // Attributes.
        while true {
            while i < b.count && Self.isSpace(b[i]) { i += 1 }
            guard i < b.count else { throw MetadataError.truncated("XMP tag", offset: start) }
            if b[i] == UInt8(ascii: ">") {
                i += 1
                break
            }
            if b[i] == UInt8(ascii: "/") {
                guard i + 1 < b.count, b[i + 1] == UInt8(ascii: ">") else { throw MetadataError.malformed("XMP tag", offset: i) }
                i += 2
                selfClosing = true
                break
            }
            var lead = i
            while lead > start && Self.isSpace(b[lead - 1]) { lead -= 1 }
            let attr = name()
            while i < b.count && Self.isSpace(b[i]) { i += 1 }
            guard i < b.count, b[i] == UInt8(ascii: "=") else { throw MetadataError.malformed("XMP attribute", offset: i) }
            i += 1
            while i < b.count && Self.isSpace(b[i]) { i += 1 }
            guard i < b.count, b[i] == UInt8(ascii: "\"") || b[i] == UInt8(ascii: "'") else {
                throw MetadataError.malformed("XMP attribute", offset: i)
            }
            let quote = b[i]
            let valueStart = i + 1
            i = valueStart
            while i < b.count && b[i] != quote { i += 1 }
            guard i < b.count else { throw MetadataError.truncated("XMP attribute", offset: valueStart) }
            let valueEnd = i
            i += 1
            let isValue = !attr.hasPrefix("xmlns") && !attr.hasPrefix("rdf:") && !attr.hasPrefix("xml:") && attr.contains(":")
                && !attr.hasPrefix("x:")
            if isValue && (isDescription || inProperty) && valueEnd > valueStart {
                let (text, verbatim) = Self.decode(b[valueStart..<valueEnd])
                out.append(XMPPacket.Property(
                    name: attr, top: isDescription && !inProperty ? attr : (topName ?? attr), text: text,
                    stored: valueStart..<valueEnd, verbatim: verbatim, removal: lead..<i, topRange: nil))
            }
        }
        if selfClosing {
            if isTop { for k in firstValue..<out.count { out[k].topRange = start..<i } }
            return
        }
        guard stack.count < limits.maxDepth else { throw MetadataError.tooLarge("XMP nesting", offset: start) }
        stack.append(Open(
            name: tag, start: start, textStart: i, firstValue: firstValue, isTop: isTop, isDescription: isDescription))
    }

    private mutating func closeTag() throws {
        let start = i
        i += 2
        let tag = name()
        while i < b.count && b[i] != UInt8(ascii: ">") { i += 1 }
        guard i < b.count else { throw MetadataError.truncated("XMP end tag", offset: start) }
        i += 1
        guard let open = stack.popLast() else { throw MetadataError.malformed("XMP end tag", offset: start) }
        guard open.name == tag else { throw MetadataError.malformed("XMP end tag (expected </\(open.name)>)", offset: start) }
        let inProperty = open.isTop || stack.contains { $0.isTop }
        if inProperty && !open.hadChild && start > open.textStart {
            let raw = b[open.textStart..<start]
            if raw.contains(where: { !Self.isSpace($0) }) {
                let (text, verbatim) = Self.decode(raw)
                var name = open.name
                if name.hasPrefix("rdf:") {
                    name = stack.last(where: { !$0.name.hasPrefix("rdf:") })?.name ?? name
                }
                let top = open.isTop ? open.name : (stack.last(where: { $0.isTop })?.name ?? name)
                out.append(XMPPacket.Property(
                    name: name, top: top, text: text, stored: open.textStart..<start, verbatim: verbatim,
                    removal: open.start..<i, topRange: nil))
            }
        }
        if open.isTop {
            for k in open.firstValue..<out.count { out[k].topRange = open.start..<i }
        }
    }

    /// The text with the predefined entities and character references decoded; whether it had none.
    static func decode(_ raw: ArraySlice<UInt8>) -> ([UInt8], Bool) {
        guard raw.contains(UInt8(ascii: "&")) else { return (Array(raw), true) }
        var out: [UInt8] = []
        var k = raw.startIndex
        while k < raw.endIndex {
            if raw[k] == UInt8(ascii: "&"), let semi = raw[k...].prefix(12).firstIndex(of: UInt8(ascii: ";")) {
                let entity = String(decoding: raw[(k + 1)..<semi], as: UTF8.self)
                var scalar: Unicode.Scalar?
                switch entity {
                case "amp": scalar = "&"
                case "lt": scalar = "<"
                case "gt": scalar = ">"
                case "quot": scalar = "\""
                case "apos": scalar = "'"
                default:
                    if entity.hasPrefix("#x"), let v = UInt32(entity.dropFirst(2), radix: 16) { scalar = Unicode.Scalar(v) }
                    else if entity.hasPrefix("#"), let v = UInt32(entity.dropFirst()) { scalar = Unicode.Scalar(v) }
                }
                if let scalar {
                    out += Array(String(Character(scalar)).utf8)
                    k = semi + 1
                    continue
                }
            }
            out.append(raw[k])
            k += 1
        }
        return (out, false)
    }
}
