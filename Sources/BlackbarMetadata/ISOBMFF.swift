/// Placeholder until the container reader lands.
final class ISOBMFFDocument: MetadataDocument {
    let format: MediaFormat
    let fields: [MetadataField] = []
    let warnings: [String] = []

    init(_ view: ByteView, format: MediaFormat, limits: MetadataLimits) throws {
        throw MetadataError.unsupported("ISOBMFFDocument")
    }

    func rewrite(_ changes: [Int: FieldChange], strip: StripMode) throws -> MetadataOutput {
        throw MetadataError.unsupported("ISOBMFFDocument")
    }
}
