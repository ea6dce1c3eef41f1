/// The file kinds whose metadata Blackbar reads and rewrites.
public enum MediaFormat: String, Sendable, CaseIterable {
    case jpeg, png, tiff, webp, heif, mp4, mov, pdf, docx, xlsx, pptx

    /// The name used in messages and the risk log.
    public var displayName: String {
        switch self {
        case .jpeg: return "JPEG"
        case .png: return "PNG"
        case .tiff: return "TIFF"
        case .webp: return "WebP"
        case .heif: return "HEIF"
        case .mp4: return "MP4"
        case .mov: return "QuickTime"
        case .pdf: return "PDF"
        case .docx: return "DOCX"
        case .xlsx: return "XLSX"
        case .pptx: return "PPTX"
        }
    }

    /// The format a file's first bytes (at least 16, more help for ZIP) and its name say it is; nil: not media.
    public static func sniff(_ head: [UInt8], name: String) -> MediaFormat? {
        func at(_ offset: Int, _ ascii: String) -> Bool {
            let b = Array(ascii.utf8)
            return head.count >= offset + b.count && Array(head[offset..<offset + b.count]) == b
        }
        if head.count >= 3, head[0] == 0xFF, head[1] == 0xD8, head[2] == 0xFF { return .jpeg }
        if head.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return .png }
        if head.starts(with: [0x49, 0x49, 0x2A, 0x00]) || head.starts(with: [0x4D, 0x4D, 0x00, 0x2A]) { return .tiff }
        if at(0, "RIFF") && at(8, "WEBP") { return .webp }
        if at(4, "ftyp") && head.count >= 12 {
            let brand = String(decoding: head[8..<12], as: UTF8.self)
            if ["heic", "heix", "heim", "heis", "hevc", "hevx", "mif1", "msf1", "avif", "avis"].contains(brand) { return .heif }
            if brand == "qt  " { return .mov }
            return .mp4
        }
        if at(4, "moov") || at(4, "mdat") || at(4, "wide") || at(4, "free") {
            let lower = name.lowercased()
            if lower.hasSuffix(".mov") || lower.hasSuffix(".mp4") || lower.hasSuffix(".m4v") { return lower.hasSuffix(".mov") ? .mov : .mp4 }
        }
        if at(0, "%PDF-") { return .pdf }
        if at(0, "PK\u{03}\u{04}") {
            let lower = name.lowercased()
            if lower.hasSuffix(".docx") || lower.hasSuffix(".docm") { return .docx }
            if lower.hasSuffix(".xlsx") || lower.hasSuffix(".xlsm") { return .xlsx }
            if lower.hasSuffix(".pptx") || lower.hasSuffix(".pptm") { return .pptx }
        }
        return nil
    }
}

/// Limits that keep a hostile file from costing unbounded time or memory. Each is an error naming the
/// structure when exceeded (documented in the README).
public struct MetadataLimits: Sendable {
    /// Entries in one TIFF IFD, boxes under one parent, objects in a PDF.
    public var maxEntries = 65_536
    /// IFDs, boxes or XML elements nested inside each other.
    public var maxDepth = 32
    /// Bytes a compressed block (zTXt, a deflated XMP stream, a ZIP entry read for metadata) may inflate to.
    public var maxInflated = 16 << 20
    /// Fields reported for one file.
    public var maxFields = 100_000

    /// The defaults.
    public init() {}
}

/// A file's metadata as read: its fields, and how to write the file with some of them changed.
///
/// Each container reads its own structure byte by byte (no library reads these containers with exact byte
/// offsets and rewrites them without touching the payload), keeps the input view, and writes the output as
/// input ranges and new bytes, so the payload (JPEG scan data, PNG IDAT, TIFF strips, `mdat`, PDF content
/// streams) is copied, never decoded.
public protocol MetadataDocument: AnyObject {
    /// The container format.
    var format: MediaFormat { get }
    /// Every field read, in file order. Field ids in `rewrite` are indices here.
    var fields: [MetadataField] { get }
    /// What was skipped while reading (a block that could not be parsed), without values.
    var warnings: [String] { get }
    /// The file with `changes` applied (by field index) and `strip` applied to the rest. The payload is
    /// copied byte for byte; structures (offsets, sizes, cross-references) stay consistent.
    func rewrite(_ changes: [Int: FieldChange], strip: StripMode) throws -> MetadataOutput
}

/// Reads a file's metadata with the container reader for its format.
public enum MetadataReader {
    /// Reads `view` as `format`. The view must stay valid while the returned document is used.
    public static func read(_ view: ByteView, format: MediaFormat, limits: MetadataLimits = MetadataLimits()) throws
        -> MetadataDocument
    {
        switch format {
        case .jpeg: return try JPEGDocument(view, limits: limits)
        case .png: return try PNGDocument(view, limits: limits)
        case .tiff: return try TIFFDocument(view, limits: limits)
        case .webp: return try WebPDocument(view, limits: limits)
        case .heif, .mp4, .mov: return try ISOBMFFDocument(view, format: format, limits: limits)
        case .pdf: return try PDFDocument(view, limits: limits)
        case .docx, .xlsx, .pptx: return try OfficeDocument(view, format: format, limits: limits)
        }
    }
}
