/// The OOXML parts read for metadata, and which of their values are fields.
///
/// Only property and comment-author parts are read. The document body (`word/document.xml`, slides, sheets,
/// shared strings, comment text, tracked-change authors in the body) is payload: it is never scanned or
/// changed here, and its entries are copied byte for byte.
enum OfficePart: Sendable {
    /// `docProps/core.xml`: Dublin Core and OPC core properties.
    case core
    /// `docProps/app.xml`: extended (application) properties.
    case app
    /// `docProps/custom.xml`: user-defined properties.
    case custom
    /// `word/comments.xml`: `w:comment` `w:author` and `w:initials`.
    case wordComments
    /// `word/people.xml`: `w15:person` `w15:author`, `w15:presenceInfo` `w15:userId`.
    case wordPeople
    /// `xl/comments*.xml`: `<author>` text.
    case sheetComments
    /// `xl/persons/*.xml` (threaded comments): `person` `displayName` and `userId`.
    case sheetPersons
    /// `ppt/commentAuthors.xml`: `p:cmAuthor` `name` and `initials`.
    case slideCommentAuthors
    /// `ppt/authors.xml` (modern comments): `author` `name`, `initials` and `userId`.
    case slideAuthors

    /// The part an entry name is, given where the package relationships put the property parts.
    static func of(_ name: String, properties: [String: OfficePart]) -> OfficePart? {
        let n = name.lowercased()
        if let p = properties[n] { return p }
        switch n {
        case "word/comments.xml": return .wordComments
        case "word/people.xml": return .wordPeople
        case "ppt/commentauthors.xml": return .slideCommentAuthors
        case "ppt/authors.xml": return .slideAuthors
        default: break
        }
        if n.hasSuffix(".xml") && n.hasPrefix("xl/comments") { return .sheetComments }
        if n.hasSuffix(".xml") && n.hasPrefix("xl/persons/") { return .sheetPersons }
        return nil
    }

    /// Where the property parts are: from the package relationships (`_rels/.rels`) when they name them,
    /// else the usual `docProps/*.xml`. Keys are lowercased part names.
    static func propertyParts(rels: OfficeXML?) -> [String: OfficePart] {
        var out: [String: OfficePart] = ["docprops/core.xml": .core, "docprops/app.xml": .app, "docprops/custom.xml": .custom]
        guard let rels else { return out }
        for e in rels.elements where e.local == "Relationship" {
            guard let type = e.attribute("Type"), let target = e.attribute("Target") else { continue }
            let t = String(decoding: rels.text(type.value).0, as: UTF8.self)
            var path = String(decoding: rels.text(target.value).0, as: UTF8.self).lowercased()
            while path.hasPrefix("/") || path.hasPrefix("./") { path.removeFirst(path.hasPrefix("/") ? 1 : 2) }
            if t.hasSuffix("/core-properties") { out[path] = .core }
            else if t.hasSuffix("/extended-properties") { out[path] = .app }
            else if t.hasSuffix("/custom-properties") { out[path] = .custom }
        }
        return out
    }
}

/// One value found in a part: its tag (without the format prefix), meaning, byte range in the inflated
/// XML, and how it is removed.
struct OfficeValue {
    var tag: String
    var meaning: TagMeaning
    /// The value's bytes in the XML (element content or attribute value).
    var value: Range<Int>
    /// Set for typed values (dates, numbers, booleans), where an empty value would not be valid: removing
    /// (or replacing, which becomes removing) cuts this whole element, which the schema makes optional.
    var dropElement: Range<Int>?
    /// Kept by `strip: .all` (Application and AppVersion, which say what wrote the file).
    var keptByStrip = false
}
