/// A compressed object stream (`/Type /ObjStm`) that holds an Info dictionary: its data inflated, so the
/// rewrite can blank entries in the inflated bytes (same length: the stream's offset table stays valid) and
/// deflate it back into the old space.
struct PDFObjectStream {
    let object: PDFObject
    let data: Range<Int>
    let inflated: [UInt8]
}

extension PDFDocument {
    /// Reads the Info dictionaries (objects named in `infoRefs`) inside an object stream; returns the ones
    /// found. An object stream that cannot be read is a warning (it names the stream and the reason, no value).
    func readObjectStream(_ object: PDFObject, data: Range<Int>, infoRefs: Set<PDFRef>) throws -> Set<PDFRef> {
        let dict = object.value
        guard dict["Filter"]?.name == "FlateDecode" || dict["Filter"] == nil, dict["DecodeParms"] == nil,
            let n = dict["N"]?.integer, let first = dict["First"]?.integer, n >= 0, first >= 0
        else {
            warnings.append("\(object.ref): object stream with an unsupported filter or header: not read")
            return []
        }
        guard n <= limits.maxEntries else { throw MetadataError.tooLarge("PDF object stream", offset: object.offset) }
        do {
            let inflated = dict["Filter"] == nil
                ? try view.bytes(data)
                : try inflate(data, what: "PDF object stream")
            return try inflated.withUnsafeBytes { raw in
                let inner = ByteView(raw)
                var p = PDFParser(inner, at: 0, limits: limits)
                var wanted: [(PDFRef, Int)] = []
                for _ in 0..<n {
                    p.skipSpace()
                    guard let (num, a) = p.unsigned(at: p.pos) else { throw MetadataError.malformed("PDF object stream header", offset: data.lowerBound) }
                    p.pos = a
                    p.skipSpace()
                    guard let (offset, b) = p.unsigned(at: p.pos) else { throw MetadataError.malformed("PDF object stream header", offset: data.lowerBound) }
                    p.pos = b
                    let ref = PDFRef(num: num, gen: 0)
                    if infoRefs.contains(ref) { wanted.append((ref, first + offset)) }
                }
                guard !wanted.isEmpty else { return [] }
                let container = objectStreams.count
                objectStreams.append(PDFObjectStream(object: object, data: data, inflated: inflated))
                var found = Set<PDFRef>()
                for (ref, at) in wanted {
                    p.pos = at
                    let value = try p.value()
                    guard value.isDict else { continue }
                    found.insert(ref)
                    try readInfo(value, path: "\(object.ref)/\(ref)", bytes: raw, container: container)
                }
                return found
            }
        } catch let error as MetadataError {
            warnings.append("\(object.ref): object stream not read (\(error))")
            return []
        }
    }
}
