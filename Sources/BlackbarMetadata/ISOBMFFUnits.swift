/// The parts of an ISO BMFF file the rewriter may change, each rewritten as a whole into exactly its old
/// number of bytes (see `ISOBMFFDocument.rewrite`).
enum BMFFUnit {
    /// A QuickTime `udta` text atom (`©cmt`): entries of 16-bit length, 16-bit language, text.
    case textAtom(TextAtom)
    /// A `udta` `©` atom holding `data` boxes (the MP4 spelling of a text atom), freed or rebuilt alone.
    case dataAtom(BMFFItem)
    /// An `ilst` box and its items; a shrunk `ilst` is followed by a `free` box inside its `meta`.
    case itemList(ItemList)
    /// An XMP `uuid` box or QuickTime `XMP_` atom: the packet is rewritten padded to its old length.
    case xmpBox(XMPBox)
    /// A HEIF `mime` item holding XMP, at one file extent: rewritten in place at its old length.
    case heifXMP(range: Range<Int>, packet: XMPPacket)
    /// A HEIF `Exif` item at one file extent: removed by overwriting it with an empty TIFF structure.
    case heifExif(range: Range<Int>)
}

/// One string of a QuickTime text atom.
struct TextEntry {
    /// The offset of its 16-bit length.
    var start: Int
    /// The text's bytes.
    var text: Range<Int>
}

/// A QuickTime text atom and its strings (none when its content did not parse as strings).
struct TextAtom {
    var box: BMFFBox
    var entries: [TextEntry]
}

/// A `data` box of an item: 4 bytes of type indicator, 4 of locale, then the value.
struct DataValue {
    var box: BMFFBox
    /// 1: UTF-8, 2: UTF-16 big-endian (the text types this reader exposes).
    var typeIndicator: UInt32
    var value: Range<Int> { (box.contentStart + 8)..<box.end }
}

/// An `ilst` item (or a `udta` atom holding `data` boxes) and its `data` boxes (other children are copied).
struct BMFFItem {
    var box: BMFFBox
    var values: [DataValue]
}

/// An `ilst` box and its items.
struct ItemList {
    var box: BMFFBox
    var items: [BMFFItem]
}

/// A box whose content (after `packet.lowerBound`) is an XMP packet; `xmp` is nil when it did not parse.
struct XMPBox {
    var box: BMFFBox
    var packet: Range<Int>
    var xmp: XMPPacket?
}

/// Where a field lives, for the rewrite.
enum FieldSite: Equatable {
    /// String `entry` of text atom unit `unit`.
    case text(unit: Int, entry: Int)
    /// `data` box `value` of item `item` of unit `unit` (an `ilst`, or a data atom with item 0).
    case data(unit: Int, item: Int, value: Int)
    /// Property `property` of the XMP packet of unit `unit`.
    case xmp(unit: Int, property: Int)
    /// The whole of unit `unit` (a HEIF Exif item).
    case whole(unit: Int)

    var unit: Int {
        switch self {
        case .text(let u, _), .data(let u, _, _), .xmp(let u, _), .whole(let u): return u
        }
    }
}
