import BlackbarCore
import BlackbarRecords
import Foundation

/// Entity-attribute-value objects: `{"system": "phone", "value": "(03) 5555 6473"}` (HL7 FHIR's telecom and
/// identifier), `{"Name": "phone_number", "Value": "+1..."}` (exported user attributes), `{"key": "email",
/// "value": ...}`. The key of such a value (`value`) says nothing; the sibling that names it does, so the
/// value is read as if its field were named by that sibling too (`$.telecom[*].value` named `phone`), for the
/// context of every rule and for the field rules. A FHIR identifier's system URI names the kind of number
/// the same way (`http://hl7.org/fhir/sid/us-ssn`). Tables in a long layout do the same with columns: a
/// `value` column named, row by row, by an `attribute` (or `key`, `field`, `property`) column.
extension RecordPass {
    /// The leaf keys of a value named by a sibling (lower-cased).
    static let namedValueKeys: Set<String> = ["value", "val", "number", "data"]
    /// The leaf keys of a sibling that names the value (lower-cased).
    static let namingKeys: Set<String> = [
        "system", "type", "kind", "name", "key", "label", "field", "attribute", "category",
    ]
    /// The columns of a long table's values and of the attributes naming them (lower-cased, `_` and `-` read
    /// as spaces). Narrower than the JSON keys: a `name` or `type` column of an ordinary table holds a
    /// person's name or a category, and a `number` column its own data.
    static let tableValueColumns: Set<String> = ["value", "val", "attribute value", "attr value", "field value", "property value"]
    static let tableNamingColumns: Set<String> = [
        "attribute", "attr", "key", "field", "field name", "attribute name", "attr name", "property", "property name",
        "parameter",
    ]
    /// A naming sibling's value longer than this is prose, not a name.
    static let namingLimit = 120

    /// How a field takes part in a named pair: 1 a value named by a sibling, 2 a naming sibling, 3 a naming
    /// sibling under a `name` key (which may hold a person's name instead), 0 neither (cached per field id in
    /// `pairRoles`). A JSON path by its last key; a table column by its name.
    func pairRole(_ field: Int, names: [String]) -> UInt8 {
        if field < pairRoles.count, pairRoles[field] != 0xFF { return pairRoles[field] }
        while pairRoles.count <= field { pairRoles.append(0xFF) }
        let role: UInt8
        if format.isTable {
            let column = String(names[field].lowercased().map { $0 == "_" || $0 == "-" ? " " : $0 })
                .trimmingCharacters(in: .whitespaces)
            role = Self.tableValueColumns.contains(column) ? 1 : Self.tableNamingColumns.contains(column) ? 2 : 0
        } else {
            let leaf = Self.lastKey(of: Substring(names[field])).key.lowercased()
            role = Self.namedValueKeys.contains(leaf) ? 1 : leaf == "name" ? 3 : Self.namingKeys.contains(leaf) ? 2 : 0
        }
        pairRoles[field] = role
        return role
    }

    /// The naming text of value `v`, when it is a short string with a letter. Under a `name` key, words with
    /// capitals and spaces are a person's name, not an attribute's (`{"name": "Jane Doe", "number": ...}` in
    /// a contact list): no pair, and the name is read as a name.
    private func namingText(_ batch: RecordBatch, _ v: Int, roles: [UInt8]) -> String? {
        let text = batch.decoded[batch.values[v].decoded]
        guard !text.isEmpty, text.count <= Self.namingLimit, text.contains(where: { ($0 | 0x20) &- 0x61 < 26 }) else {
            return nil
        }
        let field = batch.values[v].field
        if field < roles.count, roles[field] == 3, text.contains(where: { $0 == 0x20 || $0 == 0x09 }),
            text.contains(where: { $0 &- 0x41 < 26 })
        {
            return nil
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// The named pairs of a long table: per record, the first naming column's text names every value column.
    private func tablePairs(_ batch: RecordBatch, roles: [UInt8]) -> NamedPairs {
        var pairs = NamedPairs()
        var record = -1
        var namer: Int? = nil
        var named: [Int] = []
        func flush() {
            guard let namer, !named.isEmpty, let text = namingText(batch, namer, roles: roles) else { return }
            for v in named { pairs.named[v] = text }
            pairs.namers.insert(namer)
        }
        for (v, value) in batch.values.enumerated() where batch.records[value.record].number > 0 {
            if value.record != record {
                flush()
                record = value.record
                namer = nil
                named.removeAll(keepingCapacity: true)
            }
            switch value.field < roles.count ? roles[value.field] : 0 {
            case 1: named.append(v)
            case 2 where namer == nil: namer = v
            default: break
            }
        }
        flush()
        return pairs
    }

    /// The values of a batch in named pairs: for each value named by a sibling, the sibling's text (a short
    /// string with a letter); and the naming values themselves (`"Name": "email"` names an attribute, it is
    /// not a person's name). Call with `lock` held.
    struct NamedPairs {
        var named: [Int: String] = [:]
        var namers = Set<Int>()
    }

    func namedPairs(_ batch: RecordBatch, names: [String]) -> NamedPairs {
        var pairs = NamedPairs()
        // The roles of the batch's fields, read once: most batches hold no pair, and the loops see every value.
        let roles = names.indices.map { pairRole($0, names: names) }
        guard roles.contains(1) && (roles.contains(2) || roles.contains(3)) else { return pairs }
        if format.isTable { return tablePairs(batch, roles: roles) }
        guard !batch.members.isEmpty else { return pairs }
        // Members by object, and the scalar value of each member (the batch lists an object's members and
        // values in reading order; a nested object's members fall between its parent's).
        var valueOfMember: [Int: Int] = [:]
        var named: [Int] = []
        for (v, value) in batch.values.enumerated() where value.member >= 0 && value.kind != .key {
            switch value.field < roles.count ? roles[value.field] : 0 {
            case 1 where value.kind == .string || value.kind == .number:
                valueOfMember[value.member] = v
                named.append(v)
            case 2...3 where value.kind == .string:
                valueOfMember[value.member] = v
            default: break
            }
        }
        guard !named.isEmpty else { return pairs }
        var namersByObject: [Int: [Int]] = [:]
        for (m, member) in batch.members.enumerated() where member.field < roles.count && roles[member.field] >= 2 {
            if valueOfMember[m] != nil { namersByObject[batch.members[m].object, default: []].append(m) }
        }
        for v in named {
            let object = batch.members[batch.values[v].member].object
            guard let namers = namersByObject[object] else { continue }
            // The first naming sibling in key order (`system` before `use` in a FHIR telecom).
            for m in namers {
                guard let text = namingText(batch, valueOfMember[m]!, roles: roles) else { continue }
                pairs.named[v] = text
                pairs.namers.insert(valueOfMember[m]!)
                break
            }
        }
        return pairs
    }

    /// The context of a value of `field` named `sibling` by a sibling: the field's name with the sibling's
    /// words, and the sibling's words as the leaf field rules read; with `sibling` nil, the context of a
    /// naming value. Call with `lock` held.
    /// A field and the sibling text naming its value (nil: the naming value itself).
    struct NamedKey: Hashable {
        let field: Int
        let sibling: String?
    }

    func namedContext(_ field: Int, sibling: String?, names: [String]) -> FieldContext {
        let key = NamedKey(field: field, sibling: sibling)
        if let known = namedContexts[key], namedVersion == version { return known }
        if namedVersion != version {
            namedContexts.removeAll()
            namedVersion = version
        }
        // A naming value (nil) keeps its field's words as context, but no field rule reads it by its key.
        let made =
            sibling.map { run.fieldContexts.context(names[field] + " " + $0, leaf: $0, holds: held[field]) }
            ?? run.fieldContexts.context(names[field], leaf: "", holds: held[field])
        namedContexts[key] = made
        return made
    }
}
