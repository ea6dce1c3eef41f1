/// Placeholder until the container reader lands.
final class TIFFDocument: MetadataDocument {
    let format: MediaFormat
    let fields: [MetadataField] = []
    let warnings: [String] = []

    init(_ view: ByteView, limits: MetadataLimits) throws {
        throw MetadataError.unsupported("TIFFDocument")
    }

    func rewrite(_ changes: [Int: FieldChange], strip: StripMode) throws -> MetadataOutput {
        throw MetadataError.unsupported("TIFFDocument")
    }
}
