extension TIFFStructure {
    /// Same-length patches (file offsets) that apply `changes` (by index in `fields`) and `strip`: entries
    /// removed from their IFDs with their values zeroed, values replaced in place. Fills `removedInstead` and
    /// `stripped` with local field indices.
    func patches(
        _ changes: [Int: FieldChange], strip: StripMode, removedInstead: inout Set<Int>, stripped: inout Set<Int>
    ) throws -> [(Range<Int>, [UInt8])] {
        var actions = changes
        for (i, f) in fields.enumerated() where actions[i] == nil {
            if f.meaning == .opaque || (strip == .all && f.meaning != .needed) {
                actions[i] = .remove
                stripped.insert(i)
            }
        }
        struct Key: Hashable { let ifd: Int, entry: Int }
        var removed = Set<Key>()
        var replaced: [Key: [UInt8]] = [:]
        var patches: [(Range<Int>, [UInt8])] = []

        // XMP inside the XMP tag: rewritten to the same length, or the tag removed.
        if let xmp {
            let range = xmp.firstField..<(xmp.firstField + xmp.packet.properties.count)
            let local = actions.local(range)
            let entry = ifds[xmp.ifd].entries[xmp.entry]
            if strip == .all {
                removed.insert(Key(ifd: xmp.ifd, entry: xmp.entry))
                for i in range where changes[i] == nil { stripped.insert(i) }
            } else if !local.isEmpty {
                if let (out, instead) = xmp.packet.rewrite(local, fitting: entry.value.count) {
                    patches.append((entry.value, out))
                    removedInstead.formUnion(instead.map { $0 + xmp.firstField })
                } else {
                    removed.insert(Key(ifd: xmp.ifd, entry: xmp.entry))
                }
            }
        }

        for (i, action) in actions {
            if let xmp, i >= xmp.firstField, i < xmp.firstField + xmp.packet.properties.count { continue }
            let key = Key(ifd: fieldEntry[i].ifd, entry: fieldEntry[i].entry)
            switch action {
            case .remove: removed.insert(key)
            case .replace(let text):
                if let bytes = encode(text, for: ifds[key.ifd].entries[key.entry], name: fields[i].tag) {
                    replaced[key] = bytes
                } else {
                    removed.insert(key)
                    removedInstead.insert(i)
                }
            }
        }

        // A position removed takes the whole GPS IFD with it (refs, time stamps, datum).
        var wholeIFDs = Set<Int>()
        for (i, ifd) in ifds.enumerated() where ifd.kind == .gps {
            if ifd.entries.indices.contains(where: { removed.contains(Key(ifd: i, entry: $0)) && EXIFTags.gpsPosition.contains(ifd.entries[$0].tag) }) {
                wholeIFDs.insert(i)
            }
        }
        // With strip all, an embedded thumbnail (IFD1) goes too.
        var dropThumbnail = false
        if strip == .all && embedded, let t = ifds.firstIndex(where: { $0.kind == .ifd1 }) {
            wholeIFDs.insert(t)
            dropThumbnail = true
        }
        // A sub-IFD left with no entry goes, with the entry that points to it.
        for (i, ifd) in ifds.enumerated() where ifd.pointer != nil && !ifd.entries.isEmpty {
            if ifd.entries.indices.allSatisfy({ removed.contains(Key(ifd: i, entry: $0)) }) { wholeIFDs.insert(i) }
        }
        var changedWhole = true
        while changedWhole {
            changedWhole = false
            for i in wholeIFDs {
                for k in ifds[i].entries.indices where removed.insert(Key(ifd: i, entry: k)).inserted { changedWhole = true }
                if let p = ifds[i].pointer, removed.insert(Key(ifd: p.ifd, entry: p.entry)).inserted { changedWhole = true }
                // Children of a removed IFD go with it.
                for (j, child) in ifds.enumerated() where child.pointer?.ifd == i && !wholeIFDs.contains(j) {
                    wholeIFDs.insert(j)
                    changedWhole = true
                }
            }
        }
        for i in fields.indices where actions[i] == nil {
            if removed.contains(Key(ifd: fieldEntry[i].ifd, entry: fieldEntry[i].entry)) { stripped.insert(i) }
        }

        // Value bytes kept by some entry, and the image data: never zeroed.
        var kept: [Range<Int>] = payload
        for (i, ifd) in ifds.enumerated() {
            for (k, e) in ifd.entries.enumerated() where !e.isInline && !removed.contains(Key(ifd: i, entry: k)) { kept.append(e.value) }
        }
        func zeroable(_ r: Range<Int>) -> Bool { !kept.contains { $0.overlaps(r) } }

        for (i, ifd) in ifds.enumerated() {
            let gone = ifd.entries.indices.filter { removed.contains(Key(ifd: i, entry: $0)) }
            let nextChanges = dropThumbnail && ifd.kind == .ifd0
            if wholeIFDs.contains(i) {
                patches.append((ifd.directory, [UInt8](repeating: 0, count: ifd.directory.count)))
            } else if !gone.isEmpty || nextChanges || ifd.entries.indices.contains(where: { replaced[Key(ifd: i, entry: $0)] != nil && ifd.entries[$0].isInline }) {
                var dir: [UInt8] = []
                let keptEntries = ifd.entries.indices.filter { !removed.contains(Key(ifd: i, entry: $0)) }
                let n = UInt16(keptEntries.count)
                dir += bigEndian ? [UInt8(n >> 8), UInt8(n & 0xFF)] : [UInt8(n & 0xFF), UInt8(n >> 8)]
                for k in keptEntries {
                    let e = ifd.entries[k]
                    var bytes = try view.bytes(e.at..<(e.at + 12))
                    if e.isInline, let r = replaced[Key(ifd: i, entry: k)] {
                        for (j, b) in r.enumerated() { bytes[8 + j] = b }
                    }
                    dir += bytes
                }
                let nextAt = ifd.offset + 2 + 12 * ifd.entries.count
                if ifd.hasNext { dir += nextChanges ? [0, 0, 0, 0] : try view.bytes(nextAt..<(nextAt + 4)) }
                dir += [UInt8](repeating: 0, count: ifd.directory.count - dir.count)
                patches.append((ifd.directory, dir))
            }
            for k in gone where !ifd.entries[k].isInline && zeroable(ifd.entries[k].value) {
                patches.append((ifd.entries[k].value, [UInt8](repeating: 0, count: ifd.entries[k].value.count)))
            }
            for (k, e) in ifd.entries.enumerated() where !e.isInline && !removed.contains(Key(ifd: i, entry: k)) {
                if let r = replaced[Key(ifd: i, entry: k)] { patches.append((e.value, r)) }
            }
        }
        if dropThumbnail, let t = ifds.firstIndex(where: { $0.kind == .ifd1 }) {
            // The thumbnail image itself is zeroed (it is a copy of the picture, not the payload).
            for r in payload where try isThumbnail(r, ifd: t) { patches.append((r, [UInt8](repeating: 0, count: r.count))) }
        }
        // Hostile files can make ranges overlap: the first patch at a place wins.
        patches.sort { $0.0.lowerBound < $1.0.lowerBound }
        var clean: [(Range<Int>, [UInt8])] = []
        for p in patches where clean.last.map({ $0.0.upperBound <= p.0.lowerBound }) ?? true { clean.append(p) }
        return clean
    }

    private func isThumbnail(_ r: Range<Int>, ifd: Int) throws -> Bool {
        guard let o = ifds[ifd].entries.first(where: { $0.tag == 0x0201 }) else { return false }
        let start = base + Int(o.type == 3 ? UInt32(try view.u16(o.value.lowerBound, bigEndian: bigEndian)) : try view.u32(o.value.lowerBound, bigEndian: bigEndian))
        return r.lowerBound == start
    }

    /// The new value's bytes, the same length as the old, or nil when the entry's type cannot hold it.
    private func encode(_ text: [UInt8], for e: Entry, name: String) -> [UInt8]? {
        var out: [UInt8]
        switch e.type {
        case 2:
            out = text
            guard out.count < e.value.count else { return nil }
        case 1 where name.hasPrefix("EXIF:XP"):
            out = []
            for u in String(decoding: text, as: UTF8.self).utf16 { out += [UInt8(u & 0xFF), UInt8(u >> 8)] }
            guard out.count + 2 <= e.value.count else { return nil }
        case 7 where name == "EXIF:UserComment":
            if text.allSatisfy({ $0 < 0x80 }) {
                out = Array("ASCII".utf8) + [0, 0, 0] + text
            } else {
                out = Array("UNICODE".utf8) + [0]
                for u in String(decoding: text, as: UTF8.self).utf16 {
                    out += bigEndian ? [UInt8(u >> 8), UInt8(u & 0xFF)] : [UInt8(u & 0xFF), UInt8(u >> 8)]
                }
            }
            guard out.count <= e.value.count else { return nil }
        default:
            return nil
        }
        return out + [UInt8](repeating: 0, count: e.value.count - out.count)
    }
}
