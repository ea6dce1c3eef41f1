/// What a metadata field holds, known from its tag alone (before any rule reads its value).
public enum TagMeaning: String, Sendable, CaseIterable {
    /// Free text (a comment, a title, a description, a keyword): scanned with the text rules, the tag as context.
    case text
    /// A person's name by its tag (Artist, OwnerName, XMP dc:creator, IPTC By-line, PDF Author): `PERSON`.
    case person
    /// A device identifier by its tag (BodySerialNumber, LensSerialNumber, ImageUniqueID): `DEVICE_ID`.
    case deviceID
    /// A position by its tag (the GPS IFD, `©xyz`, ISO 6709 keys, XMP exif:GPS*): `GPS_COORDINATE`.
    case location
    /// When the picture or document was made: reported at low severity as context, kept by default.
    case captureDate
    /// Vendor data this reader cannot read (a MakerNote): may hold serial numbers, so it is removed when
    /// redacting; no finding is claimed for it.
    case opaque
    /// Technical and harmless (camera make and model, exposure, software): kept unless `--strip-metadata all`.
    case technical
    /// Needed to show the file as it was (orientation, colour profile, dimensions, resolution): always kept.
    case needed
}

/// One metadata field of a file: its tag, where it is, what it holds, and its value as text to scan.
public struct MetadataField: Sendable, Equatable {
    /// The tag as findings name it: `EXIF:GPSLatitude`, `XMP:dc:creator`, `QuickTime:©xyz`, `PDF:Info/Author`.
    public var tag: String
    /// Where the field is nested in the container: `APP1/IFD0/ExifIFD`, `moov/udta`, `obj 12`.
    public var path: String
    /// What the tag says it holds.
    public var meaning: TagMeaning
    /// The value as UTF-8 text, decoded from its storage (UTF-16, a rational, an escaped PDF string); what the
    /// rules scan. Empty for binary values.
    public var text: [UInt8]
    /// The value's stored bytes in the file (for a finding's byte range).
    public var stored: Range<Int>
    /// Whether `text` is the stored bytes themselves, so a finding inside the text has an exact file range.
    public var verbatim: Bool

    /// Creates a field.
    public init(tag: String, path: String, meaning: TagMeaning, text: [UInt8], stored: Range<Int>, verbatim: Bool) {
        self.tag = tag
        self.path = path
        self.meaning = meaning
        self.text = text
        self.stored = stored
        self.verbatim = verbatim
    }
}

/// What happens to one field when a file is rewritten.
public enum FieldChange: Sendable, Equatable {
    /// The field goes (its tag, or its value where the container cannot drop the tag alone).
    case remove
    /// The field's value becomes this UTF-8 text (the redacted value). A container that cannot store it
    /// (too long for the space, a type that holds no text) removes the field instead and says so.
    case replace([UInt8])
}

/// How much metadata a rewrite strips beyond the changes asked for.
public enum StripMode: String, Sendable, CaseIterable {
    /// Only the fields changed, and opaque vendor blocks (which may hold serial numbers).
    case personal
    /// Everything not needed to show the file: only `needed` fields (orientation, colour profile,
    /// dimensions, resolution) stay.
    case all
}

/// A piece of a rewritten file: a range of the input copied as it is, or new bytes.
public enum OutputPiece: Sendable, Equatable {
    /// Input bytes, copied unchanged (the payload always travels this way).
    case input(Range<Int>)
    /// Bytes the rewrite made.
    case bytes([UInt8])
}

/// A rewritten file as pieces, and what the rewrite did beyond the changes asked for.
public struct MetadataOutput: Sendable {
    /// The output, in order.
    public var pieces: [OutputPiece]
    /// Fields asked to be replaced that were removed instead (the new text did not fit the field's type).
    public var removedInstead: Set<Int>
    /// Fields removed by the strip mode, not by a change (opaque blocks; with `all`, every unneeded field).
    public var stripped: Set<Int>

    /// Creates an output.
    public init(pieces: [OutputPiece], removedInstead: Set<Int> = [], stripped: Set<Int> = []) {
        self.pieces = pieces
        self.removedInstead = removedInstead
        self.stripped = stripped
    }

    /// The output's bytes, with input pieces read from `input`.
    public func bytes(from input: UnsafeRawBufferPointer) -> [UInt8] {
        var out: [UInt8] = []
        for piece in pieces {
            switch piece {
            case .input(let r): out.append(contentsOf: input[r])
            case .bytes(let b): out.append(contentsOf: b)
            }
        }
        return out
    }

    /// An output that is the input with some ranges overwritten by bytes of the same or another length.
    /// `patches` must not overlap; they are sorted here.
    public static func patched(_ count: Int, _ patches: [(Range<Int>, [UInt8])]) -> [OutputPiece] {
        var pieces: [OutputPiece] = []
        var cursor = 0
        for (range, bytes) in patches.sorted(by: { $0.0.lowerBound < $1.0.lowerBound }) where range.lowerBound >= cursor {
            if range.lowerBound > cursor { pieces.append(.input(cursor..<range.lowerBound)) }
            if !bytes.isEmpty { pieces.append(.bytes(bytes)) }
            cursor = range.upperBound
        }
        if cursor < count { pieces.append(.input(cursor..<count)) }
        return pieces
    }
}

extension Dictionary where Key == Int, Value == FieldChange {
    /// The changes of the fields in `span`, keyed from 0 (a block's own numbering).
    func local(_ span: Range<Int>) -> [Int: FieldChange] {
        var out: [Int: FieldChange] = [:]
        for i in span { if let c = self[i] { out[i - span.lowerBound] = c } }
        return out
    }
}
