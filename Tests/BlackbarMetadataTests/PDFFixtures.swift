import Foundation

@testable import BlackbarMetadata

/// Writes small valid PDFs: objects with their offsets recorded, classic cross-reference sections and trailers,
/// incremental updates with `/Prev`.
struct PDFBuilder {
    private(set) var bytes: [UInt8] = Array("%PDF-1.7\n%".utf8) + [0xE2, 0xE3, 0xCF, 0xD3, 0x0A]
    /// Offsets of the objects written since the last cross-reference section.
    private var pending: [(num: Int, offset: Int)] = []
    private var lastXref: Int?

    mutating func append(_ s: String) { bytes += Array(s.utf8) }

    /// `num 0 obj body endobj`.
    mutating func object(_ num: Int, _ body: String) {
        pending.append((num, bytes.count))
        append("\(num) 0 obj\n\(body)\nendobj\n")
    }

    /// An object whose body is `body` bytes.
    mutating func object(_ num: Int, bytes body: [UInt8]) {
        pending.append((num, bytes.count))
        append("\(num) 0 obj\n")
        bytes += body
        append("\nendobj\n")
    }

    /// A stream object; `dict` is the dictionary's entries without `/Length`.
    mutating func stream(_ num: Int, _ dict: String, _ data: [UInt8]) {
        pending.append((num, bytes.count))
        append("\(num) 0 obj\n<< \(dict) /Length \(data.count) >>\nstream\n")
        bytes += data
        append("\nendstream\nendobj\n")
    }

    /// A cross-reference stream (uncompressed, `/W [1 4 2]`) as object `num`, for the pending objects and
    /// `compressed` objects (number, object stream, index), and its `startxref`.
    mutating func xrefStream(_ num: Int, size: Int, trailer: String, compressed: [(Int, Int, Int)]) {
        let start = bytes.count
        pending.append((num, start))
        var rows = [[UInt8]](repeating: [0, 0, 0, 0, 0, 0xFF, 0xFF], count: size)
        for (n, offset) in pending {
            rows[n] = [1, UInt8(offset >> 24 & 0xFF), UInt8(offset >> 16 & 0xFF), UInt8(offset >> 8 & 0xFF), UInt8(offset & 0xFF), 0, 0]
        }
        for (n, container, index) in compressed { rows[n] = [2, 0, 0, 0, UInt8(container), 0, UInt8(index)] }
        let data = rows.flatMap { $0 }
        append("\(num) 0 obj\n<< /Type /XRef /Size \(size) /W [1 4 2] \(trailer) /Length \(data.count) >>\nstream\n")
        bytes += data
        append("\nendstream\nendobj\nstartxref\n\(start)\n%%EOF\n")
        pending = []
    }

    /// A cross-reference section for the pending objects and its trailer (`/Prev` added after the first).
    mutating func xref(size: Int, trailer: String) {
        let start = bytes.count
        append("xref\n0 1\n0000000000 65535 f \n")
        for (num, offset) in pending.sorted(by: { $0.num < $1.num }) {
            append("\(num) 1\n" + String(format: "%010d 00000 n \n", offset))
        }
        let prev = lastXref.map { " /Prev \($0)" } ?? ""
        append("trailer\n<< /Size \(size) \(trailer)\(prev) >>\nstartxref\n\(start)\n%%EOF\n")
        lastXref = start
        pending = []
    }
}

/// The test PDFs.
enum PDFFixtures {
    static let name = "Jane Roe"
    static let email = "jane.roe@example.net"
    static let phone = "+44 20 7946 0958"
    static let content = Array("0 0 1 rg 10 10 100 100 re f\n".utf8)

    static func xmp(creator: String) -> [UInt8] {
        Array("""
            <?xpacket begin="\u{FEFF}" id="W5M0MpCehiHzreSzNTczkc9d"?>
            <x:xmpmeta xmlns:x="adobe:ns:meta/">
             <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
              <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"
                xmlns:pdf="http://ns.adobe.com/pdf/1.3/" pdf:Producer="Blackbar fixture">
               <dc:creator><rdf:Seq><rdf:li>\(creator)</rdf:li></rdf:Seq></dc:creator>
              </rdf:Description>
             </rdf:RDF>
            </x:xmpmeta>
            \(String(repeating: " ", count: 200))
            <?xpacket end="w"?>
            """.utf8)
    }

    enum XMPStorage { case plain, flate, flateStored }

    /// Catalog, pages, one page with a content stream, an XMP stream (obj 5) and an Info dictionary (obj 6)
    /// with Author, Title (an email) and Subject (a phone number); optionally an incremental update that
    /// writes obj 6 again with other values.
    static func pdf(xmp storage: XMPStorage = .plain, utf16Author: Bool = false, incremental: Bool = false,
                    trailerExtra: String = "") -> [UInt8] {
        var b = PDFBuilder()
        b.object(1, "<< /Type /Catalog /Pages 2 0 R /Metadata 5 0 R >>")
        b.object(2, "<< /Type /Pages /Kids [3 0 R] /Count 1 >>")
        b.object(3, "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>")
        b.stream(4, "", content)
        let packet = xmp(creator: name)
        switch storage {
        case .plain: b.stream(5, "/Type /Metadata /Subtype /XML", packet)
        case .flate: b.stream(5, "/Type /Metadata /Subtype /XML /Filter /FlateDecode", try! Zlib.deflate(packet))
        case .flateStored: b.stream(5, "/Type /Metadata /Subtype /XML /Filter /FlateDecode", stored(packet))
        }
        let author = utf16Author ? hexUTF16("Jane Roé") : "(\(name))"
        b.object(6, "<< /Author \(author) /Title (Mail \(email)) /Subject (Call \(phone)) /Producer (Blackbar fixture)"
            + " /CreationDate (D:20240101120000Z) /Trapped /False >>")
        b.xref(size: 7, trailer: "/Root 1 0 R /Info 6 0 R\(trailerExtra)")
        if incremental {
            b.object(6, "<< /Author (Jane Q. Roe) /Title (Write to \(email)) /ModDate (D:20240202120000Z) >>")
            b.xref(size: 7, trailer: "/Root 1 0 R /Info 6 0 R")
        }
        return b.bytes
    }

    /// The Info dictionary (obj 6) inside a deflated object stream (obj 7), with a cross-reference stream
    /// (obj 8) and no classic table.
    static func objectStreamPDF() -> [UInt8] {
        var b = PDFBuilder()
        b.object(1, "<< /Type /Catalog /Pages 2 0 R >>")
        b.object(2, "<< /Type /Pages /Kids [3 0 R] /Count 1 >>")
        b.object(3, "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>")
        b.stream(4, "", content)
        let info = "<< /Author (\(name)) /Title (Mail \(email)) /Producer (Blackbar fixture) /Trapped /True >>"
        let header = "6 0 "
        let body = Array((header + info).utf8)
        b.stream(7, "/Type /ObjStm /N 1 /First \(header.utf8.count) /Filter /FlateDecode", try! Zlib.deflate(body))
        b.xrefStream(8, size: 9, trailer: "/Root 1 0 R /Info 6 0 R", compressed: [(6, 7, 0)])
        return b.bytes
    }

    /// A deflated XMP stream (obj 5) whose `/Length` is `9 0 R`, obj 9 holding `lengthValue` (the length, or
    /// something else).
    static func indirectLengthPDF(lengthValue: (Int) -> String) -> [UInt8] {
        var b = PDFBuilder()
        b.object(1, "<< /Type /Catalog /Pages 2 0 R /Metadata 5 0 R >>")
        b.object(2, "<< /Type /Pages /Kids [3 0 R] /Count 1 >>")
        b.object(3, "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>")
        b.stream(4, "", content)
        let data = try! Zlib.deflate(xmp(creator: name))
        b.object(5, bytes: Array("<< /Type /Metadata /Subtype /XML /Filter /FlateDecode /Length 9 0 R >>\nstream\n".utf8) + data
            + Array("\nendstream".utf8))
        b.object(9, lengthValue(data.count))
        b.xref(size: 10, trailer: "/Root 1 0 R")
        return b.bytes
    }

    /// A zlib stream of stored (uncompressed) deflate blocks: bigger than its data, as some writers make them.
    static func stored(_ data: [UInt8]) -> [UInt8] {
        var out: [UInt8] = [0x78, 0x01]
        var at = 0
        repeat {
            let n = min(65_535, data.count - at)
            let final: UInt8 = at + n == data.count ? 1 : 0
            out += [final, UInt8(n & 0xFF), UInt8(n >> 8), UInt8(~n & 0xFF), UInt8((~n >> 8) & 0xFF)]
            out += data[at..<(at + n)]
            at += n
        } while at < data.count
        var a: UInt32 = 1, b: UInt32 = 0
        for x in data { a = (a + UInt32(x)) % 65_521; b = (b + a) % 65_521 }
        let adler = b << 16 | a
        return out + [UInt8(adler >> 24), UInt8(adler >> 16 & 0xFF), UInt8(adler >> 8 & 0xFF), UInt8(adler & 0xFF)]
    }

    /// `<FEFF...>` for `text`.
    static func hexUTF16(_ text: String) -> String {
        "<FEFF" + text.utf16.map { String(format: "%04X", $0) }.joined() + ">"
    }

    /// Every form a value may take in the bytes: literal, hex (both cases) of its ASCII and UTF-16BE bytes.
    static func forms(_ value: String) -> [[UInt8]] {
        let utf16 = hexUTF16(value).dropFirst(5).dropLast()
        let ascii = value.utf8.map { String(format: "%02X", $0) }.joined()
        return [Array(value.utf8), Array(ascii.utf8), Array(ascii.lowercased().utf8), Array(utf16.utf8),
                Array(utf16.lowercased().utf8)]
    }

    /// The offsets of every classic cross-reference section (`startxref` values and `/Prev` chain are not
    /// needed: every `xref` keyword at a line start) as (object number, offset) of in-use entries.
    static func xrefEntries(_ bytes: [UInt8]) -> [(Int, Int)] {
        let text = String(decoding: bytes.map { $0 < 0x80 ? $0 : 0x3F }, as: UTF8.self)
        var out: [(Int, Int)] = []
        var lines = text.components(separatedBy: "\n")[...]
        while let line = lines.popFirst() {
            guard line == "xref" else { continue }
            while let header = lines.first, header != "trailer" {
                lines.removeFirst()
                let parts = header.split(separator: " ").compactMap { Int($0) }
                guard parts.count == 2 else { break }
                for k in 0..<parts[1] {
                    guard let entry = lines.popFirst() else { break }
                    let f = entry.split(separator: " ")
                    if f.count >= 3, f[2] == "n", let off = Int(f[0]) { out.append((parts[0] + k, off)) }
                }
            }
        }
        return out
    }
}
