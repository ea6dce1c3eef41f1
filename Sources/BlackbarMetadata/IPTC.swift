/// IPTC IIM datasets (record 2, the application record) inside a Photoshop image resource block (APP13 of
/// a JPEG): read with their byte ranges, rebuilt without the removed ones.
struct IPTCBlock {
    struct Dataset {
        var record: UInt8
        var number: UInt8
        /// The whole dataset (marker, numbers, length, data).
        var whole: Range<Int>
        var data: Range<Int>
    }

    static let names: [UInt8: (String, TagMeaning)] = [
        5: ("ObjectName", .text), 25: ("Keywords", .text), 40: ("SpecialInstructions", .text),
        55: ("DateCreated", .captureDate), 60: ("TimeCreated", .captureDate), 80: ("By-line", .person),
        85: ("By-lineTitle", .text), 90: ("City", .text), 92: ("Sub-location", .text), 95: ("Province-State", .text),
        100: ("Country-PrimaryLocationCode", .text), 101: ("Country-PrimaryLocationName", .text),
        103: ("OriginalTransmissionReference", .text), 105: ("Headline", .text), 110: ("Credit", .text),
        115: ("Source", .text), 116: ("CopyrightNotice", .text), 118: ("Contact", .text), 120: ("Caption-Abstract", .text),
        122: ("Writer-Editor", .person), 0: ("ApplicationRecordVersion", .technical),
    ]

    let datasets: [Dataset]

    /// Reads the datasets in `range`.
    init(_ view: ByteView, range: Range<Int>, limits: MetadataLimits) throws {
        var out: [Dataset] = []
        var at = range.lowerBound
        while at + 5 <= range.upperBound {
            guard try view.u8(at) == 0x1C else { break }
            let record = try view.u8(at + 1), number = try view.u8(at + 2)
            let length = Int(try view.u16(at + 3, bigEndian: true))
            guard length & 0x8000 == 0 else { throw MetadataError.unsupported("IPTC extended dataset length at byte \(at)") }
            guard at + 5 + length <= range.upperBound else { throw MetadataError.truncated("IPTC dataset", offset: at) }
            out.append(Dataset(record: record, number: number, whole: at..<(at + 5 + length), data: (at + 5)..<(at + 5 + length)))
            guard out.count <= limits.maxEntries else { throw MetadataError.tooLarge("IPTC datasets", offset: at) }
            at += 5 + length
        }
        datasets = out
    }

    /// The dataset as a field.
    func field(_ d: Dataset, view: ByteView, path: String) throws -> MetadataField {
        let (name, meaning) = d.record == 2 ? (Self.names[d.number] ?? ("IPTC2:\(d.number)", .text)) : ("IPTC\(d.record):\(d.number)", .technical)
        return MetadataField(tag: "IPTC:" + name, path: path, meaning: meaning, text: try view.bytes(d.data), stored: d.data, verbatim: true)
    }

    /// The datasets in `range` rebuilt: removed ones left out, replaced ones with new data.
    func rebuilt(_ view: ByteView, range: Range<Int>, changes: [Int: FieldChange]) throws -> [UInt8] {
        var out: [UInt8] = []
        var cursor = range.lowerBound
        for (k, d) in datasets.enumerated() {
            out += try view.bytes(cursor..<d.whole.lowerBound)
            cursor = d.whole.upperBound
            switch changes[k] {
            case nil: out += try view.bytes(d.whole)
            case .remove: continue
            case .replace(let text):
                let data = Array(text.prefix(0x7FFF))
                out += [0x1C, d.record, d.number, UInt8(data.count >> 8), UInt8(data.count & 0xFF)] + data
            }
        }
        out += try view.bytes(cursor..<range.upperBound)
        return out
    }
}
