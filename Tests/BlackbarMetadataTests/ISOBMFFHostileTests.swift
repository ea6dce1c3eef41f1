import XCTest

@testable import BlackbarMetadata

/// Damaged and hostile ISO BMFF files: each is a `MetadataError` or a warning, never a crash, a hang or an
/// unbounded allocation, and no message carries a value.
final class ISOBMFFHostileTests: XCTestCase {
    typealias F = BMFFFixtures

    static func ftyp(_ brand: String = "qt  ") -> [UInt8] { F.box("ftyp", F.latin1(brand), F.be32(0)) }
    static func nested(_ depth: Int) -> [UInt8] { depth == 0 ? F.box("free") : F.box("moov", nested(depth - 1)) }

    /// A file whose `moov` holds `content`.
    static func movie(_ content: [UInt8]...) -> [UInt8] { ftyp() + F.box("moov", content.flatMap { $0 }) }
    /// A HEIF file with one `Exif` item and this `iloc` content (after version and flags).
    static func heif(ilocVersion: UInt8 = 0, _ iloc: [UInt8]...) -> [UInt8] {
        let iinf = F.full("iinf", F.be16(1), F.full("infe", version: 2, F.be16(1), F.be16(0), F.latin1("Exif"), [0]))
        let meta = F.full("meta", F.hdlr("pict"), iinf, F.full("iloc", version: ilocVersion, iloc.flatMap { $0 }))
        return ftyp("heic") + meta + F.box("mdat", F.zeros(8))
    }

    static var cases: [(name: String, bytes: [UInt8], limits: MetadataLimits)] {
        var small = MetadataLimits()
        small.maxEntries = 100
        let plain = MetadataLimits()
        let whole = F.movie(quickTime: true).bytes
        let heifCount = F.heif().bytes.count
        let items = (0..<200).flatMap { F.raw(F.be32($0 + 1), F.data("x")) }
        let ones = [UInt8](repeating: 0xFF, count: 8)
        func keyed(_ content: [UInt8]...) -> [UInt8] { movie(F.box("meta", F.hdlr("mdta"), content.flatMap { $0 })) }
        func userData(_ content: [UInt8]...) -> [UInt8] { movie(F.box("udta", content.flatMap { $0 })) }
        var out: [(String, [UInt8], MetadataLimits)] = [
            ("size 0 in a nested box", movie(F.be32(0), F.latin1("udta"), F.qtText("©ART", "Jane Roe")), plain),
            ("size larger than the parent", movie(F.be32(1000), F.latin1("udta"), F.zeros(8)), plain),
            ("size smaller than the header", movie(F.be32(4), F.latin1("udta"), F.zeros(8)), plain),
            ("64-bit size overflow", movie(F.be32(1), F.latin1("udta"), ones, F.zeros(8)), plain),
            ("64-bit size under its header", ftyp() + F.cat(F.be32(1), F.latin1("free"), F.zeros(7), [8]), plain),
            ("top-level size past the end", ftyp() + F.cat(F.be32(0x7FFF_FFFF), F.latin1("mdat"), F.zeros(16)), plain),
            ("nesting beyond maxDepth", ftyp() + nested(40), plain),
            ("huge ilst item count", userData(F.full("meta", F.hdlr("mdir"), F.box("ilst", items))), small),
            ("keys count past the box", keyed(F.full("keys", F.be32(0xFFFF_FFFF))), plain),
            ("keys count over the limit", keyed(F.full("keys", F.be32(5000), F.zeros(5000 * 8))), small),
            (
                "ilst item past the keys", keyed(F.full("keys", F.be32(0)), F.box("ilst", F.raw(F.be32(7), F.data("Jane Roe")))),
                plain
            ),
            ("text atom string past its end", userData(F.box("©ART", F.be16(500), F.be16(0), Array("Jane Roe".utf8))), plain),
            (
                "data box shorter than its header",
                userData(F.box("©ART", F.be32(12), F.latin1("data"), F.zeros(4), F.box("free"))), plain
            ),
            ("udta with 5 stray bytes", userData(F.qtText("©ART", "Jane Roe"), F.zeros(5)), plain),
            ("iloc extent past the end", F.heif(exifExtent: (heifCount - 10, 100)).bytes, plain),
            ("iloc extent at 4 GiB", F.heif(exifExtent: (Int(UInt32.max), Int(UInt32.max))).bytes, plain),
            ("Exif item outside mdat", F.heif(exifExtent: (0, 40)).bytes, plain),
            // Version 1, 8-byte offset, length and base: base 2^64-1 plus offset 2.
            (
                "iloc base plus offset overflow",
                heif(
                    ilocVersion: 1, [0x88, 0x80], F.be16(1), F.be16(1), F.be16(0), F.be16(0), ones, F.be16(1), F.zeros(7), [2],
                    F.zeros(7), [4]), plain
            ),
            ("iloc item count past the box", heif([0x44, 0], F.be16(0xFFFF)), plain),
            // Zero-size offsets and lengths: 65535 extents per item cost no bytes, so the extent count is what stops it.
            (
                "iloc with zero-size fields and many extents",
                heif(
                    ilocVersion: 1, [0, 0], F.be16(2), F.be16(1), F.be16(0), F.be16(0), F.be16(0xFFFF), F.be16(2), F.be16(0),
                    F.be16(0), F.be16(0xFFFF)), small
            ),
            (
                "iloc construction method 1",
                heif(ilocVersion: 1, [0x44, 0], F.be16(1), F.be16(1), F.be16(1), F.be16(0), F.be16(1), F.be32(0), F.be32(4)),
                plain
            ),
            ("XMP packet that does not parse", ftyp() + F.xmpUUID("<x:a b=\"Jane Roe") + F.box("mdat"), plain),
        ]
        for cut in [3, 22, 100, 400, 700, whole.count - 100, whole.count - 1] {
            out.append(("truncated at \(cut)", Array(whole.prefix(cut)), plain))
        }
        return out
    }

    func testHostileInputsAreErrorsOrWarningsNeverCrashes() {
        for c in Self.cases {
            do {
                let doc = try c.bytes.withUnsafeBytes { try ISOBMFFDocument(ByteView($0), format: .mov, limits: c.limits) }
                XCTAssertFalse(doc.warnings.isEmpty, "\(c.name): neither an error nor a warning")
                for warning in doc.warnings { XCTAssertFalse(warning.contains("Jane"), c.name) }
                // Whatever was read can be rewritten without crashing.
                _ = try doc.rewrite([:], strip: .all)
            } catch let error as MetadataError {
                XCTAssertFalse(error.description.contains("Jane"), c.name)
            } catch {
                XCTFail("\(c.name): \(error)")
            }
        }
    }

    /// A damaged metadata block is skipped with a warning; strip all still frees what it could not read.
    func testUnreadableXMPBoxIsFreedByStripAll() throws {
        let bytes = Self.ftyp() + F.xmpUUID("<x:a b=\"Jane Roe") + F.box("mdat", F.zeros(4))
        let (doc, out, _) = try rewritten(bytes, format: .mov, strip: .all) { _ in [:] }
        XCTAssertEqual(doc.warnings.count, 1)
        XCTAssertEqual(out.count, bytes.count)
        XCTAssertFalse(out.contains(UInt8(ascii: "J")))
    }
}
