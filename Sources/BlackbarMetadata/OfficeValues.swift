extension OfficePart {
    /// The values of this part in `xml` (non-blank ones only), in document order.
    func values(in xml: OfficeXML) -> [OfficeValue] {
        switch self {
        case .core: return Self.propertyValues(xml) { top, _ in Self.coreValue(top) }
        case .app: return Self.propertyValues(xml) { top, leaf in Self.appValue(top, leaf) }
        case .custom: return Self.customValues(xml)
        case .wordComments: return Self.attributes(xml, element: "comment", ["author", "initials"], prefix: "comments")
        case .wordPeople:
            return Self.attributes(xml, element: "person", ["author"], prefix: "people")
                + Self.attributes(xml, element: "presenceInfo", ["userId"], prefix: "people")
        case .sheetComments:
            return xml.elements.compactMap { e in
                guard e.local == "author", let c = e.content, !Self.blank(xml, c) else { return nil }
                return OfficeValue(tag: "comments/author", meaning: .person, value: c)
            }
        case .sheetPersons: return Self.attributes(xml, element: "person", ["displayName", "userId"], prefix: "persons")
        case .slideCommentAuthors: return Self.attributes(xml, element: "cmAuthor", ["name", "initials"], prefix: "commentAuthors")
        case .slideAuthors: return Self.attributes(xml, element: "author", ["name", "initials", "userId"], prefix: "authors")
        }
    }

    private static func blank(_ xml: OfficeXML, _ r: Range<Int>) -> Bool {
        xml.bytes[r].allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
    }

    /// Attribute values of elements named `element` (by local name) as `.person` fields.
    private static func attributes(_ xml: OfficeXML, element: String, _ names: [String], prefix: String) -> [OfficeValue] {
        var out: [OfficeValue] = []
        for e in xml.elements where e.local == element {
            for a in e.attributes {
                let local = String(a.name.split(separator: ":").last ?? "")
                guard names.contains(local), !a.value.isEmpty, !blank(xml, a.value) else { continue }
                out.append(OfficeValue(tag: prefix + "/" + local, meaning: .person, value: a.value))
            }
        }
        return out
    }

    /// Leaf elements under the root, each tagged by its child-of-root ancestor (`top`).
    private static func propertyValues(
        _ xml: OfficeXML, _ rule: (OfficeXML.Element, OfficeXML.Element) -> (String, TagMeaning, typed: Bool)?
    ) -> [OfficeValue] {
        var out: [OfficeValue] = []
        for e in xml.elements where e.depth >= 1 {
            guard let c = e.content, !blank(xml, c) else { continue }
            var top = e
            while top.depth > 1, let p = top.parent { top = xml.elements[p] }
            guard let (name, meaning, typed) = rule(top, e) else { continue }
            out.append(OfficeValue(
                tag: name, meaning: meaning, value: c, dropElement: typed ? top.range : nil,
                keptByStrip: name == "app/Application" || name == "app/AppVersion"))
        }
        return out
    }

    private static func coreValue(_ top: OfficeXML.Element) -> (String, TagMeaning, typed: Bool)? {
        let local = String(top.local)
        let meaning: TagMeaning
        switch local {
        case "creator", "lastModifiedBy": meaning = .person
        case "created", "modified", "lastPrinted": meaning = .captureDate
        case "language", "revision", "version": meaning = .technical
        default: meaning = .text
        }
        return ("core/" + local, meaning, meaning == .captureDate)
    }

    private static func appValue(_ top: OfficeXML.Element, _ leaf: OfficeXML.Element) -> (String, TagMeaning, typed: Bool)? {
        let local = String(top.local)
        if leaf.depth > 1 {
            // Vectors: part titles and hyperlinks hold document text; HeadingPairs and numbers are structure.
            guard local != "HeadingPairs", ["lpstr", "lpwstr", "bstr"].contains(leaf.local) else { return nil }
            return ("app/" + local, .text, false)
        }
        switch local {
        case "Manager": return ("app/" + local, .person, false)
        case "Company", "HyperlinkBase": return ("app/" + local, .text, false)
        case "Template", "Application": return ("app/" + local, .technical, false)
        default: return ("app/" + local, .technical, true)
        }
    }

    /// Each `property` by its `name`: the text of its value element. A typed value (not a string) is
    /// removed with its whole property.
    private static func customValues(_ xml: OfficeXML) -> [OfficeValue] {
        var out: [OfficeValue] = []
        for e in xml.elements where e.depth >= 2 {
            guard let c = e.content, !blank(xml, c) else { continue }
            var top = e
            while top.depth > 1, let p = top.parent { top = xml.elements[p] }
            guard top.local == "property" else { continue }
            let name = top.attribute("name").map { String(decoding: xml.text($0.value).0, as: UTF8.self) } ?? ""
            let typed = !["lpwstr", "lpstr", "bstr"].contains(e.local)
            out.append(OfficeValue(tag: "custom/" + name, meaning: .text, value: c, dropElement: typed ? top.range : nil))
        }
        return out
    }
}
