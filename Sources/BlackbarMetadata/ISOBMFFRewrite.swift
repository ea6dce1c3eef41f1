/// The patches of an ISO BMFF rewrite. Every patch replaces a box (or a HEIF item extent) with exactly as many
/// bytes, so no offset after it moves: `stco`/`co64` stay valid and `mdat` travels as one input range.
struct RewritePlan {
    var patches: [(Range<Int>, [UInt8])] = []
    var removedInstead = Set<Int>()
    var stripped = Set<Int>()

    /// Adds the patches for `unit`, whose fields are `fields`, under `actions` (by field index).
    mutating func rewrite(
        _ unit: BMFFUnit, fields: [(field: Int, site: FieldSite)], actions: [Int: FieldChange], stripAll: Bool, view: ByteView
    ) throws {
        switch unit {
        case .textAtom(let atom):
            var byEntry: [Int: Int] = [:]
            for (f, site) in fields { if case .text(_, let e) = site { byEntry[e] = f } }
            try textAtom(atom, byEntry, actions, stripAll: stripAll, view: view)
        case .dataAtom(let item):
            let byValue = Self.values(fields, item: 0)
            guard let replacements = Self.plan(item, byValue, actions, stripAll: stripAll) else {
                freeWhole(item.box, byValue.map(\.value), actions)
                return
            }
            guard !replacements.isEmpty else { return }
            try fit(item.box) { pad in try Self.build(item, replacements, pad: pad, view: view) }
        case .itemList(let list):
            try itemList(list, fields, actions, stripAll: stripAll, view: view)
        case .xmpBox(let box):
            guard let xmp = box.xmp else {
                if stripAll { patches.append((box.box.range, BMFF.free(box.box.size))) }
                return
            }
            let (changes, byProperty) = Self.xmpChanges(fields, actions)
            let kept = xmp.properties.indices.filter { changes[$0] != .remove }
            // An XMP box left with nothing goes as a whole, like any removed box.
            if kept.isEmpty && (stripAll || !xmp.properties.isEmpty) {
                patches.append((box.box.range, BMFF.free(box.box.size)))
                return
            }
            try rewriteXMP(xmp, changes, byProperty, at: box.packet)
        case .heifXMP(let range, let xmp):
            let (changes, byProperty) = Self.xmpChanges(fields, actions)
            guard !changes.isEmpty else { return }
            try rewriteXMP(xmp, changes, byProperty, at: range)
        case .heifExif(let range):
            guard let (f, _) = fields.first, let change = actions[f] else { return }
            if case .replace = change { removedInstead.insert(f) }
            // The item's bytes sit in `mdat` and `iloc` points at them: they are overwritten in place (an empty
            // TIFF structure, then zeros) rather than moved.
            patches.append((range, Self.emptyExif(range.count)))
        }
    }

    /// The fields of a removed box: a replacement asked for is removed instead; a field nobody asked about
    /// goes with the box.
    mutating func removedWhole(_ fields: [Int], _ actions: [Int: FieldChange]) {
        for f in fields {
            switch actions[f] {
            case .replace?: removedInstead.insert(f)
            case .remove?: break
            case nil: stripped.insert(f)
            }
        }
    }

    /// A removed box becomes a `free` box of the same size (content zeros), so nothing after it moves.
    mutating func freeWhole(_ box: BMFFBox, _ fields: [Int], _ actions: [Int: FieldChange]) {
        patches.append((box.range, BMFF.free(box.size)))
        removedWhole(fields, actions)
    }

    /// Puts `build(0)` where `box` was. Shrunk by 8 bytes or more: a `free` box of the difference follows it in
    /// its parent (whose size so stays the same). Shrunk by 1 to 7, too little for a `free` box: `build(pad)`
    /// pads the last replaced value with that many spaces instead.
    mutating func fit(_ box: BMFFBox, _ build: (Int) throws -> [UInt8]) throws {
        var bytes = try build(0)
        let diff = box.size - bytes.count
        if diff >= 8 {
            bytes += BMFF.free(diff)
        } else if diff > 0 {
            bytes = try build(diff)
        }
        guard bytes.count == box.size else {
            throw MetadataError.malformed("rewritten box of a different size", offset: box.start)
        }
        patches.append((box.range, bytes))
    }

    /// A QuickTime text atom: freed as a whole when any of its strings goes (or grows), else rebuilt with the
    /// replaced strings (length fields fixed) and fitted back into its bytes.
    mutating func textAtom(_ atom: TextAtom, _ byEntry: [Int: Int], _ actions: [Int: FieldChange], stripAll: Bool, view: ByteView)
        throws
    {
        var replacements: [Int: [UInt8]] = [:]
        var whole = stripAll
        for (entry, f) in byEntry {
            switch actions[f] {
            case .remove?: whole = true
            case .replace(let text)?:
                if text.count > atom.entries[entry].text.count { whole = true } else { replacements[entry] = text }
            case nil: break
            }
        }
        if whole {
            freeWhole(atom.box, Array(byEntry.values), actions)
            return
        }
        guard let last = replacements.keys.max() else { return }
        try fit(atom.box) { pad in
            var content: [UInt8] = []
            var cursor = atom.box.contentStart
            for (k, entry) in atom.entries.enumerated() {
                content += try view.bytes(cursor..<entry.start)
                var text = try replacements[k] ?? view.bytes(entry.text)
                if k == last { text += [UInt8](repeating: 0x20, count: pad) }
                guard text.count <= 0xFFFF else {
                    throw MetadataError.unsupported("padding the text atom at byte \(atom.box.start)")
                }
                content += BMFF.be16(UInt16(text.count)) + (try view.bytes((entry.start + 2)..<(entry.start + 4))) + text
                cursor = entry.text.upperBound
            }
            content += try view.bytes(cursor..<atom.box.end)
            return BMFF.header(atom.box.type, total: atom.box.headerSize + content.count, large: atom.box.headerSize == 16)
                + content
        }
    }

    /// An `ilst`: items that go are left out, items with replaced values rebuilt; the shrunk `ilst` is followed
    /// by a `free` box inside its `meta`. Keys are not renumbered (a key without an item is harmless).
    mutating func itemList(
        _ list: ItemList, _ fields: [(field: Int, site: FieldSite)], _ actions: [Int: FieldChange], stripAll: Bool, view: ByteView
    ) throws {
        var plans: [[Int: [UInt8]]?] = []
        for (i, item) in list.items.enumerated() {
            let byValue = Self.values(fields, item: i)
            let plan = Self.plan(item, byValue, actions, stripAll: stripAll)
            if plan == nil { removedWhole(byValue.map(\.value), actions) }
            plans.append(plan)
        }
        guard plans.contains(where: { $0 == nil || !$0!.isEmpty }) else { return }
        let padItem = plans.lastIndex { $0.map { !$0.isEmpty } ?? false }
        try fit(list.box) { pad in
            var content: [UInt8] = []
            var cursor = list.box.contentStart
            for (i, item) in list.items.enumerated() {
                content += try view.bytes(cursor..<item.box.start)
                cursor = item.box.end
                guard let replacements = plans[i] else { continue }
                content +=
                    try replacements.isEmpty
                    ? view.bytes(item.box.range) : Self.build(item, replacements, pad: i == padItem ? pad : 0, view: view)
            }
            content += try view.bytes(cursor..<list.box.end)
            return BMFF.header(list.box.type, total: list.box.headerSize + content.count, large: list.box.headerSize == 16)
                + content
        }
    }

    /// Value index → field index, for the fields of item `item`.
    static func values(_ fields: [(field: Int, site: FieldSite)], item: Int) -> [Int: Int] {
        var out: [Int: Int] = [:]
        for (f, site) in fields { if case .data(_, let i, let v) = site, i == item { out[v] = f } }
        return out
    }

    /// nil: the item goes (stripped, a value removed, or a replacement longer than its value); else the new
    /// texts of its replaced values.
    static func plan(_ item: BMFFItem, _ byValue: [Int: Int], _ actions: [Int: FieldChange], stripAll: Bool) -> [Int: [UInt8]]? {
        if stripAll { return nil }
        var out: [Int: [UInt8]] = [:]
        for (v, f) in byValue {
            switch actions[f] {
            case .remove?: return nil
            case .replace(let text)?:
                if text.count > item.values[v].value.count { return nil }
                out[v] = text
            case nil: break
            }
        }
        return out
    }

    /// An item (or data atom) with the values in `replacements` rewritten as UTF-8 `data` boxes; the last one
    /// gets `pad` spaces. Other children (`mean`, `name`, binary values) are copied.
    static func build(_ item: BMFFItem, _ replacements: [Int: [UInt8]], pad: Int, view: ByteView) throws -> [UInt8] {
        let last = replacements.keys.max()
        var content: [UInt8] = []
        var cursor = item.box.contentStart
        for (k, value) in item.values.enumerated() {
            guard var text = replacements[k] else { continue }
            if k == last { text += [UInt8](repeating: 0x20, count: pad) }
            content += try view.bytes(cursor..<value.box.start)
            // Type indicator 1 (UTF-8), whatever it was, then the old locale.
            let body = BMFF.be32(1) + (try view.bytes((value.box.contentStart + 4)..<(value.box.contentStart + 8))) + text
            content +=
                BMFF.header(value.box.type, total: value.box.headerSize + body.count, large: value.box.headerSize == 16) + body
            cursor = value.box.end
        }
        content += try view.bytes(cursor..<item.box.end)
        return BMFF.header(item.box.type, total: item.box.headerSize + content.count, large: item.box.headerSize == 16) + content
    }

    /// The XMP property changes among `actions`, and property index → field index.
    static func xmpChanges(_ fields: [(field: Int, site: FieldSite)], _ actions: [Int: FieldChange]) -> (
        [Int: FieldChange], [Int: Int]
    ) {
        var changes: [Int: FieldChange] = [:]
        var byProperty: [Int: Int] = [:]
        for (f, site) in fields {
            guard case .xmp(_, let p) = site else { continue }
            byProperty[p] = f
            if let change = actions[f] { changes[p] = change }
        }
        return (changes, byProperty)
    }

    /// The packet at `range` rewritten at its old length; when the replacements make it longer, they are
    /// removed instead.
    mutating func rewriteXMP(_ xmp: XMPPacket, _ changes: [Int: FieldChange], _ byProperty: [Int: Int], at range: Range<Int>)
        throws
    {
        guard let (out, instead) = xmp.rewrite(changes, fitting: range.count) else {
            throw MetadataError.unsupported("XMP packet at byte \(range.lowerBound) rewritten at its length")
        }
        for p in instead { if let f = byProperty[p] { removedInstead.insert(f) } }
        patches.append((range, out))
    }

    /// `count` bytes of an Exif item holding nothing: offset 0, an empty big-endian IFD0, zeros.
    static func emptyExif(_ count: Int) -> [UInt8] {
        let empty: [UInt8] = BMFF.be32(0) + Array("MM".utf8) + [0, 42] + BMFF.be32(8) + [0, 0] + BMFF.be32(0)
        guard count >= empty.count else { return [UInt8](repeating: 0, count: count) }
        return empty + [UInt8](repeating: 0, count: count - empty.count)
    }
}
