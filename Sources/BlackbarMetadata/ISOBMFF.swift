/// An ISO base media file (MP4, QuickTime MOV, HEIF/AVIF): its metadata fields and a rewrite that never
/// moves a byte of the payload.
///
/// Fields: QuickTime `udta` text atoms (`QuickTime:©xyz`), iTunes-style `ilst` items, `mdta` keyed items
/// (`QuickTime:com.apple.quicktime.location.ISO6709`), XMP (`uuid` box, QuickTime `XMP_`, HEIF `mime` item) and
/// the HEIF `Exif` item (its TIFF structure's tags, read and edited in place by `TIFFStructure`; one opaque field,
/// removed whole, when that structure does not read).
///
/// The rewrite's one rule: no box that contains or precedes chunk data changes size. `stco`/`co64` hold absolute
/// file offsets of the samples in `mdat`; keeping every box the same length keeps them valid without touching
/// them, and `mdat` is copied as one input range. So a removed atom becomes a `free` box of its size, a shrunk
/// `ilst` or atom is followed by a `free` box holding the difference, and values that grow are removed instead.
final class ISOBMFFDocument: MetadataDocument {
    let format: MediaFormat
    let fields: [MetadataField]
    let warnings: [String]
    let view: ByteView
    /// Where each field lives (parallel to `fields`).
    let sites: [FieldSite]
    /// What the rewrite may change.
    let units: [BMFFUnit]
    /// The file ranges of HEIF `Exif` items (a 4-byte offset, then TIFF).
    let exifItems: [Range<Int>]
    /// The TIFF structures of the Exif items that read, and the index of each one's first field (its fields
    /// come after the box fields, which are the first `sites.count`).
    private let exif: [(tiff: TIFFStructure, first: Int)]

    /// Reads the box tree of `view`; structural damage (a size past its parent, nesting past the limit) throws.
    init(_ view: ByteView, format: MediaFormat, limits: MetadataLimits) throws {
        var reader = ISOBMFFReader(view, limits: limits)
        try reader.run()
        // File order: HEIF items are listed in `iinf` order, not where their bytes are.
        let order = reader.fields.indices.sorted {
            (reader.fields[$0].stored.lowerBound, $0) < (reader.fields[$1].stored.lowerBound, $1)
        }
        self.format = format
        self.view = view
        var fields = order.map { reader.fields[$0] }
        var sites = order.map { reader.sites[$0] }
        units = reader.units
        var warnings = reader.warnings
        exifItems = reader.exifItems
        // Each Exif item's tags: the 4-byte big-endian offset skips to the TIFF header (past "Exif\0\0").
        var structures: [(TIFFStructure, Int)] = []
        var tiffFields: [MetadataField] = []
        for (u, unit) in units.enumerated() {
            guard case .heifExif(let range) = unit, let k = sites.firstIndex(where: { $0.unit == u }) else { continue }
            do {
                let skip = Int(try view.u32(range.lowerBound, bigEndian: true))
                guard skip <= range.count - 4 else { throw MetadataError.malformed("Exif item offset", offset: range.lowerBound) }
                let tiff = try TIFFStructure(
                    view, base: range.lowerBound + 4 + skip, end: range.upperBound, embedded: true, path: fields[k].path, limits: limits)
                fields.remove(at: k)
                sites.remove(at: k)
                structures.append((tiff, tiffFields.count))
                tiffFields += tiff.fields
                warnings += tiff.warnings
            } catch let error as MetadataError {
                warnings.append("the Exif item at byte \(range.lowerBound) was not read (\(error)); it is removed when redacting")
            }
        }
        exif = structures.map { ($0.0, $0.1 + fields.count) }
        self.fields = fields + tiffFields
        self.sites = sites
        self.warnings = warnings
    }

    /// The file with `changes` applied and `strip` applied to the rest; every box keeps its size (see the type's
    /// comment), so `mdat` and the chunk offsets are copied unchanged.
    func rewrite(_ changes: [Int: FieldChange], strip: StripMode) throws -> MetadataOutput {
        var actions = changes
        var plan = RewritePlan()
        for i in changes.keys where !fields.indices.contains(i) {
            throw MetadataError.unsupported("a change for field \(i), which this file does not have")
        }
        for (i, field) in fields.enumerated().prefix(sites.count) where actions[i] == nil {
            if field.meaning == .opaque || (strip == .all && field.meaning != .needed) {
                actions[i] = .remove
                plan.stripped.insert(i)
            }
        }
        var fieldsByUnit: [Int: [(field: Int, site: FieldSite)]] = [:]
        for (i, site) in sites.enumerated() { fieldsByUnit[site.unit, default: []].append((i, site)) }
        for (u, unit) in units.enumerated() {
            let own = fieldsByUnit[u] ?? []
            guard strip == .all || own.contains(where: { actions[$0.field] != nil }) else { continue }
            try plan.rewrite(unit, fields: own, actions: actions, stripAll: strip == .all, view: view)
        }
        for (tiff, first) in exif {
            let span = first..<(first + tiff.fields.count)
            var instead = Set<Int>(), stripped = Set<Int>()
            plan.patches += try tiff.patches(changes.local(span), strip: strip, removedInstead: &instead, stripped: &stripped)
            plan.removedInstead.formUnion(instead.map { $0 + first })
            plan.stripped.formUnion(stripped.map { $0 + first })
        }
        // Units are disjoint boxes, but HEIF extents come from the file: two patches over the same bytes
        // would silently drop one, so that is an error.
        let sorted = plan.patches.sorted { $0.0.lowerBound < $1.0.lowerBound }
        for (a, b) in zip(sorted, sorted.dropFirst()) where a.0.upperBound > b.0.lowerBound {
            throw MetadataError.unsupported("overlapping metadata blocks at byte \(b.0.lowerBound)")
        }
        return MetadataOutput(
            pieces: MetadataOutput.patched(view.count, sorted), removedInstead: plan.removedInstead, stripped: plan.stripped)
    }
}
