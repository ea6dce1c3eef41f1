/// A TIFF or DNG file: its IFDs' tags (and the XMP inside tag 700) as fields, rewritten in place so every
/// strip, tile and sub-IFD offset stays valid and the image data is not touched.
final class TIFFDocument: MetadataDocument {
    let format = MediaFormat.tiff
    let fields: [MetadataField]
    let warnings: [String]
    private let structure: TIFFStructure

    init(_ view: ByteView, limits: MetadataLimits) throws {
        structure = try TIFFStructure(view, base: 0, end: view.count, embedded: false, path: "TIFF", limits: limits)
        fields = structure.fields
        warnings = structure.warnings
    }

    func rewrite(_ changes: [Int: FieldChange], strip: StripMode) throws -> MetadataOutput {
        var instead = Set<Int>(), stripped = Set<Int>()
        let patches = try structure.patches(changes, strip: strip, removedInstead: &instead, stripped: &stripped)
        return MetadataOutput(pieces: MetadataOutput.patched(structure.view.count, patches), removedInstead: instead, stripped: stripped)
    }
}
