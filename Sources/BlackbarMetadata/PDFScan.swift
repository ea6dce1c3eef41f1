/// One indirect object found in the file (`N G obj ... endobj`).
struct PDFObject {
    let ref: PDFRef
    /// Where `N G obj` starts.
    let offset: Int
    /// The object's value (a stream's dictionary for a stream).
    let value: PDFNode
    /// A stream's data, `/Length` bytes after `stream` and its end-of-line.
    let stream: Range<Int>?
}

/// Every indirect object and trailer in the file, found by scanning the bytes rather than following the
/// cross-reference chain, so objects of every revision (and ones no revision references any more) are seen:
/// an incremental update leaves the old Info dictionary and the old XMP in the file, and they must be cleaned.
struct PDFScan {
    var objects: [PDFObject] = []
    /// Trailer dictionaries: `trailer << ... >>` and cross-reference stream dictionaries (`/Type /XRef`).
    var trailers: [PDFNode] = []
    var warnings: [String] = []

    init(_ view: ByteView, limits: MetadataLimits) throws {
        let base = view.base
        let obj = Array("obj".utf8), trailer = Array("trailer".utf8)
        var p = PDFParser(view, at: 0, limits: limits)
        var i = 0
        while i < view.count {
            let c = base[i]
            if c == UInt8(ascii: "o"), i > 0, !PDFBytes.isRegular(base[i - 1]), p.keyword(obj, at: i),
                let ref = Self.objectNumber(before: i, view)
            {
                guard objects.count < limits.maxEntries else { throw MetadataError.tooLarge("PDF objects", offset: i) }
                p.pos = i + 3
                let value = try p.value()
                let stream = try Self.streamData(after: value, &p, ref: ref, warnings: &warnings)
                objects.append(PDFObject(ref: ref, offset: ref.offset, value: value, stream: stream))
                p.skipSpace()
                if p.keyword(Array("endobj".utf8), at: p.pos) { p.pos += 6 }
                if value["Type"]?.name == "XRef" { trailers.append(value) }
                i = p.pos
            } else if c == UInt8(ascii: "t"), i == 0 || !PDFBytes.isRegular(base[i - 1]), p.keyword(trailer, at: i) {
                p.pos = i + trailer.count
                let dict = try p.value()
                guard dict.isDict else { throw MetadataError.malformed("PDF trailer (not a dictionary)", offset: i) }
                trailers.append(dict)
                i = p.pos
            } else {
                i += 1
            }
        }
        guard !objects.isEmpty else { throw MetadataError.malformed("PDF file (no indirect objects)", offset: 0) }
    }

    /// `N G` before the `obj` keyword at `at`, with where `N` starts.
    private static func objectNumber(before at: Int, _ view: ByteView) -> (num: Int, gen: Int, offset: Int)? {
        let base = view.base
        func number(endingAt end: Int) -> (Int, Int)? {  // value, start
            var s = end
            while s > 0, PDFBytes.isDigit(base[s - 1]), end - s < 10 { s -= 1 }
            guard s < end, s == 0 || !PDFBytes.isRegular(base[s - 1]) else { return nil }
            return (base[s..<end].reduce(0) { $0 * 10 + Int($1 - 0x30) }, s)
        }
        func skipBack(_ j: Int) -> Int? {
            var k = j
            while k > 0, PDFBytes.isSpace(base[k - 1]) { k -= 1 }
            return k < j ? k : nil
        }
        guard let genEnd = skipBack(at), let (gen, genStart) = number(endingAt: genEnd),
            let numEnd = skipBack(genStart), let (num, numStart) = number(endingAt: numEnd)
        else { return nil }
        return (num, gen, numStart)
    }

    /// After an object's value: when `stream` follows a dictionary, the stream's data range, with the parser
    /// moved past `endstream`. A `/Length` that is indirect or does not end at `endstream` is replaced by a
    /// search for `endstream` (bounded by the file), as PDF readers recover.
    private static func streamData(after value: PDFNode, _ p: inout PDFParser, ref: (num: Int, gen: Int, offset: Int),
                                   warnings: inout [String]) throws -> Range<Int>? {
        guard value.isDict else { return nil }
        let save = p.pos
        p.skipSpace()
        guard p.keyword(Array("stream".utf8), at: p.pos) else {
            p.pos = save
            return nil
        }
        let base = p.view.base
        var start = p.pos + 6
        if start < p.view.count, base[start] == 0x0D { start += 1 }
        if start < p.view.count, base[start] == 0x0A { start += 1 }
        let endstream = Array("endstream".utf8)
        if let length = value["Length"]?.integer, length >= 0, length <= p.view.count - start {
            p.pos = start + length
            p.skipSpace()
            if p.keyword(endstream, at: p.pos) {
                p.pos += endstream.count
                return start..<(start + length)
            }
            warnings.append("obj \(ref.num) \(ref.gen): stream /Length does not end at endstream; searched for it")
        } else if value["Length"]?.ref == nil {
            warnings.append("obj \(ref.num) \(ref.gen): stream /Length is missing or past the end; searched for endstream")
        }
        var e = start
        while e < p.view.count, !(base[e] == 0x65 && p.view.has(endstream, at: e)) { e += 1 }
        guard e < p.view.count else { throw MetadataError.truncated("PDF stream (no endstream)", offset: start) }
        p.pos = e + endstream.count
        var end = e
        if end > start, base[end - 1] == 0x0A { end -= 1 }
        if end > start, base[end - 1] == 0x0D { end -= 1 }
        return start..<end
    }
}

extension PDFObject {
    init(ref: (num: Int, gen: Int, offset: Int), offset: Int, value: PDFNode, stream: Range<Int>?) {
        self.init(ref: PDFRef(num: ref.num, gen: ref.gen), offset: offset, value: value, stream: stream)
    }
}
