extension ISOBMFFReader {
    /// `meta`: an `mdta` key list and item list (QuickTime), iTunes items (MP4 `udta/meta/ilst`), or HEIF items.
    /// MP4 and HEIF write `meta` as a full box (4 bytes of version and flags before the children); QuickTime as a
    /// plain container: told apart by whether bytes 4..8 of the content are a known child's type.
    mutating func visitMeta(_ box: BMFFBox, path: String, depth: Int) throws {
        var start = box.contentStart
        let quickTime = try box.end - start >= 8 && Self.metaChildren.contains(view.u32(start + 4, bigEndian: true))
        if !quickTime { start += 4 }
        guard start <= box.end else { throw MetadataError.truncated("meta box header", offset: box.start) }
        let kids = try childBoxes(start..<box.end, depth: depth + 1)
        var keys: [String]?
        if let keyBox = kids.first(where: { $0.type == BMFF.code("keys") }) { keys = try readKeys(keyBox) }
        for child in kids {
            switch child.type {
            case BMFF.code("ilst"): try readItemList(child, keys: keys, path: path + "/ilst", depth: depth + 1)
            case BMFF.code("uuid"): try visit(child, parent: path, depth: depth + 1)
            default: break
            }
        }
        if let iinf = kids.first(where: { $0.type == BMFF.code("iinf") }),
            let iloc = kids.first(where: { $0.type == BMFF.code("iloc") })
        {
            try readHEIFItems(iinf: iinf, iloc: iloc, path: path, depth: depth + 1)
        }
    }

    /// The `mdta` key names of a `keys` box, in order (items name them by 1-based index).
    mutating func readKeys(_ box: BMFFBox) throws -> [String] {
        var offset = box.contentStart + 4
        let count = Int(try view.u32(offset, bigEndian: true))
        offset += 4
        guard count <= limits.maxEntries else { throw MetadataError.tooLarge("keys entries", offset: box.start) }
        guard count <= (box.end - offset) / 8 else {
            throw MetadataError.malformed("keys entry count past the box end", offset: box.start)
        }
        var keys: [String] = []
        for _ in 0..<count {
            let size = Int(try view.u32(offset, bigEndian: true))
            guard size >= 8, size <= box.end - offset else { throw MetadataError.malformed("keys entry", offset: offset) }
            keys.append(String(decoding: try view.bytes((offset + 8)..<(offset + size)), as: UTF8.self))
            offset += size
        }
        return keys
    }

    /// An `ilst`: each item is named by its type (iTunes: `©nam`, `aART`; `----`: its `name` box) or, after a
    /// `keys` box, by the key its type indexes.
    mutating func readItemList(_ box: BMFFBox, keys: [String]?, path: String, depth: Int) throws {
        let unit = units.count
        var items: [BMFFItem] = []
        for itemBox in try childBoxes(box.content, depth: depth + 1) {
            let item = try readItem(itemBox, depth: depth + 1)
            let index = items.count
            items.append(item)
            var tag: String
            var meaning: TagMeaning
            if let keys {
                let key = Int(itemBox.type)
                guard key >= 1, key <= keys.count else {
                    warnings.append("ilst item at byte \(itemBox.start) names a key past the keys list; skipped")
                    continue
                }
                tag = keys[key - 1]
                meaning = ISOBMFFTags.meaning(ofKey: tag)
            } else {
                tag = BMFF.name(itemBox.type)
                meaning = ISOBMFFTags.meaning(ofAtom: tag)
                if itemBox.type == BMFF.code("----") {
                    for child in try childBoxes(itemBox.content, depth: depth + 2)
                    where child.type == BMFF.code("name") && child.size >= 12 {
                        tag = String(decoding: try view.bytes((child.contentStart + 4)..<child.end), as: UTF8.self)
                    }
                }
            }
            try addValues(item, unit: unit, item: index, tag: "QuickTime:" + tag, path: path, meaning: meaning)
        }
        units.append(.itemList(ItemList(box: box, items: items)))
    }

    /// A NUL-terminated string at `offset` inside `end`, and the offset after its NUL.
    func cString(_ offset: Int, end: Int) throws -> ([UInt8], Int) {
        var i = offset
        while i < end {
            if try view.u8(i) == 0 { return (try view.bytes(offset..<i), i + 1) }
            i += 1
        }
        throw MetadataError.malformed("string without its terminator", offset: offset)
    }

    /// HEIF `Exif` and XMP (`mime`, `application/rdf+xml`) items, found through `iinf` and located by `iloc`.
    mutating func readHEIFItems(iinf: BMFFBox, iloc: BMFFBox, path: String, depth: Int) throws {
        let version = try view.u8(iinf.contentStart)
        var offset = iinf.contentStart + 4 + (version == 0 ? 2 : 4)
        guard offset <= iinf.end else { throw MetadataError.truncated("iinf header", offset: iinf.start) }
        var wanted: [(id: UInt32, exif: Bool)] = []
        for infe in try childBoxes(offset..<iinf.end, depth: depth + 1) where infe.type == BMFF.code("infe") {
            let v = try view.u8(infe.contentStart)
            guard v >= 2 else { continue }
            offset = infe.contentStart + 4
            let id = v == 2 ? UInt32(try view.u16(offset, bigEndian: true)) : try view.u32(offset, bigEndian: true)
            offset += (v == 2 ? 2 : 4) + 2
            let type = try view.u32(offset, bigEndian: true)
            if type == BMFF.code("Exif") {
                wanted.append((id, true))
            } else if type == BMFF.code("mime") {
                let (_, next) = try cString(offset + 4, end: infe.end)
                let (contentType, after) = try cString(next, end: infe.end)
                guard contentType == Array("application/rdf+xml".utf8) else { continue }
                if after < infe.end, let (encoding, _) = try? cString(after, end: infe.end), !encoding.isEmpty {
                    warnings.append("XMP item \(id) is content-encoded (not supported); skipped")
                    continue
                }
                wanted.append((id, false))
            }
        }
        guard !wanted.isEmpty else { return }
        let locations = try readItemLocations(iloc)
        for (id, exif) in wanted {
            guard let location = locations[id] else {
                warnings.append("item \(id) has no location in iloc; skipped")
                continue
            }
            guard location.method == 0 else {
                warnings.append("item \(id) is stored with construction method \(location.method) (not supported); skipped")
                continue
            }
            guard location.extents.count == 1 else {
                warnings.append("item \(id) has \(location.extents.count) extents (not supported); skipped")
                continue
            }
            guard let range = location.extents[0] else {
                warnings.append("item \(id) has an extent past the end of the file; skipped")
                continue
            }
            // The rewrite overwrites the item in place: only where item data belongs, never over boxes.
            guard mediaData.contains(where: { $0.lowerBound <= range.lowerBound && range.upperBound <= $0.upperBound }) else {
                warnings.append("item \(id) lies outside mdat; skipped")
                continue
            }
            let itemPath = path + "/item \(id)"
            let unit = units.count
            if exif {
                // TIFF hook: the Exif item is 4 bytes (big-endian offset to the TIFF header) then a TIFF
                // structure; until the TIFF reader is hooked here it is one opaque field, removed as a whole.
                units.append(.heifExif(range: range))
                exifItems.append(range)
                try add(
                    MetadataField(
                        tag: "EXIF:(HEIF item)", path: itemPath, meaning: .opaque, text: [], stored: range, verbatim: false),
                    .whole(unit: unit))
            } else {
                let xmp: XMPPacket
                do {
                    xmp = try XMPPacket(view.bytes(range), limits: limits)
                } catch let error as MetadataError {
                    warnings.append("XMP item \(id) was not read: \(error)")
                    continue
                }
                units.append(.heifXMP(range: range, packet: xmp))
                for (k, field) in xmp.fields(offset: range.lowerBound, path: itemPath).enumerated() {
                    try add(field, .xmp(unit: unit, property: k))
                }
            }
        }
    }

    /// `iloc`: each item's construction method and extents (nil for an extent outside the file).
    func readItemLocations(_ box: BMFFBox) throws -> [UInt32: (method: Int, extents: [Range<Int>?])] {
        let version = try view.u8(box.contentStart)
        guard version <= 2 else { throw MetadataError.unsupported("iloc version \(version) at byte \(box.start)") }
        var o = box.contentStart + 4
        let a = try view.u8(o)
        let b = try view.u8(o + 1)
        o += 2
        let offsetSize = Int(a >> 4)
        let lengthSize = Int(a & 15)
        let baseSize = Int(b >> 4)
        let indexSize = version > 0 ? Int(b & 15) : 0
        for size in [offsetSize, lengthSize, baseSize, indexSize] where ![0, 4, 8].contains(size) {
            throw MetadataError.malformed("iloc field size", offset: box.start)
        }
        func read(_ n: Int) throws -> UInt64 {
            guard n > 0 else { return 0 }
            guard o + n <= box.end else { throw MetadataError.truncated("iloc entry", offset: o) }
            let v = n == 4 ? UInt64(try view.u32(o, bigEndian: true)) : try view.u64BE(o)
            o += n
            return v
        }
        func read16() throws -> UInt16 {
            guard o + 2 <= box.end else { throw MetadataError.truncated("iloc entry", offset: o) }
            defer { o += 2 }
            return try view.u16(o, bigEndian: true)
        }
        let count: Int
        if version < 2 {
            count = Int(try read16())
        } else {
            guard o + 4 <= box.end else { throw MetadataError.truncated("iloc header", offset: o) }
            count = Int(try view.u32(o, bigEndian: true))
            o += 4
        }
        guard count <= limits.maxEntries else { throw MetadataError.tooLarge("iloc items", offset: box.start) }
        var out: [UInt32: (method: Int, extents: [Range<Int>?])] = [:]
        var totalExtents = 0
        for _ in 0..<count {
            let id: UInt32
            if version < 2 {
                id = UInt32(try read16())
            } else {
                id = UInt32(truncatingIfNeeded: try read(4))
            }
            let method = version > 0 ? Int(try read16() & 15) : 0
            _ = try read16()  // data_reference_index
            let base = try read(baseSize)
            let extentCount = Int(try read16())
            totalExtents += extentCount
            guard totalExtents <= limits.maxEntries else { throw MetadataError.tooLarge("iloc extents", offset: box.start) }
            var extents: [Range<Int>?] = []
            for _ in 0..<extentCount {
                _ = try read(indexSize)
                let off = try read(offsetSize)
                let len = try read(lengthSize)
                let (start, overflow) = base.addingReportingOverflow(off)
                guard !overflow, start <= UInt64(view.count) else {
                    extents.append(nil)
                    continue
                }
                let s = Int(start)
                // Length 0: the rest of the file.
                let length = len == 0 ? UInt64(view.count - s) : len
                extents.append(length <= UInt64(view.count - s) ? s..<(s + Int(length)) : nil)
            }
            out[id] = (method, extents)
        }
        return out
    }
}
