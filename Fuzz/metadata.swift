// libFuzzer target for the metadata readers and rewriters: `bash scripts/fuzz.sh metadata SECONDS`.
// The first byte picks the container and the rewrite; the rest is the file. `FUZZ_FORMAT=pdf` (any
// MediaFormat name) fixes the container, to fuzz one parser alone. Invariants: reading and rewriting throw
// MetadataError or succeed (never trap); a rewrite's input pieces lie inside the file; the output of a
// successful rewrite reads again.

#if canImport(Glibc)
    import Glibc
#endif

private let fixedFormat: MediaFormat? = getenv("FUZZ_FORMAT").flatMap { MediaFormat(rawValue: String(cString: $0)) }

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    guard size >= 1 else { return 0 }
    let control = Int(data[0])
    let formats = MediaFormat.allCases
    let format = fixedFormat ?? formats[control % formats.count]
    let strip: StripMode = control & 0x80 != 0 ? .all : .personal
    let file = UnsafeRawBufferPointer(start: data + 1, count: size - 1)
    var limits = MetadataLimits()
    limits.maxInflated = 1 << 20
    guard let doc = try? MetadataReader.read(ByteView(file), format: format, limits: limits) else { return 0 }
    // Remove every other field, replace the rest with a short text.
    var changes: [Int: FieldChange] = [:]
    for (i, field) in doc.fields.enumerated() {
        precondition(field.stored.lowerBound >= 0 && field.stored.upperBound <= file.count, "field outside the file")
        changes[i] = i % 2 == 0 ? .remove : .replace(Array("<X>".utf8))
    }
    guard let output = try? doc.rewrite(changes, strip: strip) else { return 0 }
    for case .input(let r) in output.pieces { precondition(r.lowerBound >= 0 && r.upperBound <= file.count, "piece outside the file") }
    let bytes = output.bytes(from: file)
    bytes.withUnsafeBytes { out in
        _ = try? MetadataReader.read(ByteView(out), format: format, limits: limits)
    }
    return 0
}
