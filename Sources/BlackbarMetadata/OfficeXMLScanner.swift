/// The byte-level reader behind `OfficeXML`: start and end tags, attributes and leaf content with offsets.
struct OfficeXMLScanner: XMLLexer {
    let b: [UInt8]
    private let limits: MetadataLimits
    var i = 0
    private var out: [OfficeXML.Element] = []
    /// Open elements: index in `out`, where the content starts, whether a child element was seen.
    private var stack: [(index: Int, contentStart: Int, hadChild: Bool)] = []

    init(_ bytes: [UInt8], limits: MetadataLimits) {
        b = bytes
        self.limits = limits
    }

    mutating func run() throws -> [OfficeXML.Element] {
        while i < b.count {
            guard b[i] == UInt8(ascii: "<") else {
                i += 1
                continue
            }
            if starts("<?") { try skip(past: "?>") }
            else if starts("<!--") { try skip(past: "-->") }
            else if starts("<![CDATA[") { try skip(past: "]]>") }
            else if starts("<!") { throw MetadataError.unsupported("XML DOCTYPE in an office part") }
            else if starts("</") { try closeTag() }
            else { try openTag() }
        }
        guard stack.isEmpty else { throw MetadataError.truncated("XML element (not closed)", offset: b.count) }
        guard !out.isEmpty else { throw MetadataError.malformed("XML part (no element)", offset: 0) }
        return out
    }

    private mutating func openTag() throws {
        let start = i
        i += 1
        let tag = name()
        guard !tag.isEmpty else { throw MetadataError.malformed("XML tag", offset: start) }
        guard out.count < limits.maxEntries else { throw MetadataError.tooLarge("XML elements", offset: start) }
        guard stack.count < limits.maxDepth else { throw MetadataError.tooLarge("XML nesting", offset: start) }
        if !stack.isEmpty { stack[stack.count - 1].hadChild = true }
        var attributes: [OfficeXML.Attribute] = []
        var selfClosing = false
        while true {
            skipSpace()
            guard i < b.count else { throw MetadataError.truncated("XML tag", offset: start) }
            if b[i] == UInt8(ascii: ">") {
                i += 1
                break
            }
            if b[i] == UInt8(ascii: "/") {
                guard i + 1 < b.count, b[i + 1] == UInt8(ascii: ">") else { throw MetadataError.malformed("XML tag", offset: i) }
                i += 2
                selfClosing = true
                break
            }
            let attr = name()
            guard !attr.isEmpty else { throw MetadataError.malformed("XML attribute", offset: i) }
            skipSpace()
            guard i < b.count, b[i] == UInt8(ascii: "=") else { throw MetadataError.malformed("XML attribute", offset: i) }
            i += 1
            skipSpace()
            guard i < b.count, b[i] == UInt8(ascii: "\"") || b[i] == UInt8(ascii: "'") else {
                throw MetadataError.malformed("XML attribute", offset: i)
            }
            let quote = b[i]
            let valueStart = i + 1
            i = valueStart
            while i < b.count && b[i] != quote {
                guard b[i] != UInt8(ascii: "<") else { throw MetadataError.malformed("XML attribute value", offset: i) }
                i += 1
            }
            guard i < b.count else { throw MetadataError.truncated("XML attribute", offset: valueStart) }
            attributes.append(OfficeXML.Attribute(name: attr, value: valueStart..<i))
            i += 1
        }
        out.append(OfficeXML.Element(
            name: tag, parent: stack.last?.index, depth: stack.count, range: start..<i, attributes: attributes, content: nil))
        if !selfClosing { stack.append((out.count - 1, i, false)) }
    }

    private mutating func closeTag() throws {
        let start = i
        i += 2
        let tag = name()
        skipSpace()
        guard i < b.count, b[i] == UInt8(ascii: ">") else { throw MetadataError.malformed("XML end tag", offset: start) }
        i += 1
        guard let open = stack.popLast() else { throw MetadataError.malformed("XML end tag (nothing open)", offset: start) }
        guard out[open.index].name == tag else { throw MetadataError.malformed("XML end tag (mismatched)", offset: start) }
        out[open.index].range = out[open.index].range.lowerBound..<i
        if !open.hadChild { out[open.index].content = open.contentStart..<start }
    }
}
