import Foundation
import XCTest

/// Photos and documents from the command line: scan names each tag, redact writes a clean copy whose image
/// data is byte for byte the input's, a mixed folder goes to the text, record and metadata paths, and a
/// broken file is an error naming it. Uses the committed examples (examples/media).
final class MetadataCLITests: CLITestCase {
    static let media = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("examples/media")
    static let secrets = ["Jane Roe", "jane.roe@example.net", "+44 20 7946 0958", "DC4K-2024-118842", "0000c12345",
                          "7f3e2a1b9c8d4e5f6a7b8c9d0e1f2a3b"]

    func copyExample(_ name: String, to target: String? = nil) throws -> String {
        let to = scratch.appendingPathComponent(target ?? name)
        try FileManager.default.createDirectory(at: to.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Self.media.appendingPathComponent(name), to: to)
        return to.path
    }

    func lines(_ stdout: String) -> [[String: Any]] {
        stdout.split(separator: "\n").map { try! JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
    }

    /// The bytes from the first start-of-scan marker on: the compressed picture.
    static func scanData(_ bytes: [UInt8]) -> [UInt8] {
        var i = 2
        while i + 3 < bytes.count {
            if bytes[i] == 0xFF && bytes[i + 1] == 0xDA { return Array(bytes[i...]) }
            i += 2 + (Int(bytes[i + 2]) << 8 | Int(bytes[i + 3]))
        }
        return []
    }

    static func contains(_ bytes: [UInt8], _ text: String) -> Bool {
        let needle = Array(text.utf8)
        guard needle.count <= bytes.count else { return false }
        return (0...(bytes.count - needle.count)).contains { bytes[$0..<($0 + needle.count)].elementsEqual(needle) }
    }

    func testScanNamesEachTag() throws {
        let photo = try copyExample("dashcam.jpg")
        let r = try run(["scan", "--format", "jsonl", photo])
        XCTAssertEqual(r.status, 1, r.stderr)
        let found = Set(lines(r.stdout).map { "\($0["field"] as! String) \($0["entity"] as! String)" })
        for expected in ["EXIF:GPSLatitude GPS_COORDINATE", "EXIF:GPSLongitude GPS_COORDINATE", "EXIF:SerialNumber DEVICE_ID",
                         "EXIF:LensSerialNumber DEVICE_ID", "EXIF:ImageUniqueID DEVICE_ID", "EXIF:Artist PERSON",
                         "EXIF:OwnerName PERSON", "XMP:dc:creator PERSON", "IPTC:By-line PERSON",
                         "EXIF:ImageDescription EMAIL_ADDRESS", "EXIF:UserComment PHONE_NUMBER", "JPEG:Comment EMAIL_ADDRESS",
                         "EXIF:DateTimeOriginal DATE_TIME"] {
            XCTAssertTrue(found.contains(expected), "missing \(expected) in \(found.sorted())")
        }
        for secret in Self.secrets { XCTAssertFalse(r.stdout.contains(secret), "value \(secret) printed without --show-values") }
    }

    func testRedactWritesACleanCopyWithTheSamePicture() throws {
        let photo = try copyExample("dashcam.jpg")
        let before = [UInt8](try Data(contentsOf: URL(fileURLWithPath: photo)))
        let r = try run(["redact", photo, "-o", "clean.jpg", "--risk-log", "risk.jsonl"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let after = [UInt8](try Data(contentsOf: scratch.appendingPathComponent("clean.jpg")))
        XCTAssertEqual(Self.scanData(after), Self.scanData(before), "the compressed picture changed")
        XCTAssertFalse(Self.scanData(after).isEmpty)
        for secret in Self.secrets { XCTAssertFalse(Self.contains(after, secret), "\(secret) still in the output's bytes") }
        XCTAssertTrue(Self.contains(after, "Acme"), "the camera make is kept")
        XCTAssertEqual([UInt8](try Data(contentsOf: URL(fileURLWithPath: photo))), before, "the input was modified")
        let log = try String(contentsOf: scratch.appendingPathComponent("risk.jsonl"), encoding: .utf8)
        for secret in Self.secrets { XCTAssertFalse(log.contains(secret), "\(secret) in the risk log") }
        XCTAssertTrue(log.contains(#""field":"EXIF:GPSLatitude""#), log)
        // Scanning the output finds only the capture date, kept by default (`<PERSON>` in Artist is the
        // operator's own value, not a name).
        let again = try run(["scan", "--format", "jsonl", "clean.jpg"])
        XCTAssertEqual(Set(lines(again.stdout).map { $0["entity"] as! String }), ["DATE_TIME"], again.stdout)
    }

    func testStripAllLeavesOnlyWhatShowsThePicture() throws {
        let photo = try copyExample("dashcam.jpg")
        let r = try run(["redact", photo, "-o", "bare.jpg", "--strip-metadata", "all"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let after = [UInt8](try Data(contentsOf: scratch.appendingPathComponent("bare.jpg")))
        for gone in ["Acme", "DriveCam", "2024:05:01", "Fleet"] + Self.secrets {
            XCTAssertFalse(Self.contains(after, gone), "\(gone) still in the output")
        }
        let scanned = try run(["scan", "--format", "jsonl", "bare.jpg"])
        XCTAssertEqual(scanned.status, 0, scanned.stdout)
    }

    func testAMixedFolderGoesToEachPath() throws {
        _ = try copyExample("dashcam.jpg", to: "in/photos/dashcam.jpg")
        _ = try file("in/notes.txt", "mail jane.roe@example.net\n")
        _ = try file("in/table.csv", "name,email\nJane Roe,jane.roe@example.net\n")
        let binary = scratch.appendingPathComponent("in/blob.bin")
        try Data([0x00, 0x01, 0x02, 0xFF, 0x00] + Array(repeating: 0x7F, count: 64)).write(to: binary)
        let scan = try run(["scan", "--format", "jsonl", "in"])
        XCTAssertEqual(scan.status, 1, scan.stderr)  // findings outweigh the skipped binary file, which is said

        XCTAssertTrue(scan.stderr.contains("blob.bin: skipped"), scan.stderr)
        let inputs = Set(lines(scan.stdout).map { ($0["input"] as! String).split(separator: "/").last.map(String.init)! })
        XCTAssertEqual(inputs, ["dashcam.jpg", "notes.txt", "table.csv"])
        let redact = try run(["redact", "in", "-o", "out"])
        XCTAssertEqual(redact.status, 3, redact.stderr)
        let out = scratch.appendingPathComponent("out")
        XCTAssertEqual(try String(contentsOf: out.appendingPathComponent("notes.txt"), encoding: .utf8), "mail <EMAIL_ADDRESS>\n")
        XCTAssertEqual(try String(contentsOf: out.appendingPathComponent("table.csv"), encoding: .utf8), "name,email\n<PERSON>,<EMAIL_ADDRESS>\n")
        let photo = [UInt8](try Data(contentsOf: out.appendingPathComponent("photos/dashcam.jpg")))
        XCTAssertFalse(Self.contains(photo, "Jane Roe"))
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.appendingPathComponent("blob.bin").path), "a skipped file is never copied")
    }

    /// A QuickTime box: size, type, body.
    static func box(_ type: String, _ parts: [UInt8]...) -> [UInt8] {
        let body = parts.flatMap { $0 }
        let n = body.count + 8
        return [UInt8(n >> 24), UInt8(n >> 16 & 0xFF), UInt8(n >> 8 & 0xFF), UInt8(n & 0xFF)] + Array(type.unicodeScalars.map { UInt8($0.value) }) + body
    }

    /// A movie whose keyed author is 12 bytes: `<PERSON>` is 4 shorter, too little for a `free` box, so the
    /// value is padded with spaces; the padded placeholder is the operator's, not a name found again.
    func testAMovieAuthorPaddedPlaceholderIsClean() throws {
        let key = Array("com.apple.quicktime.author".utf8)
        let keys = Self.box("keys", [0, 0, 0, 0, 0, 0, 0, 1], Self.box("mdta", key))
        let value = Array("Jana Example".utf8)
        let item = Self.box("\u{0}\u{0}\u{0}\u{1}", Self.box("data", [0, 0, 0, 1, 0, 0, 0, 0], value))
        let meta = Self.box("meta", Self.box("hdlr", [UInt8](repeating: 0, count: 8) + Array("mdta".utf8) + [UInt8](repeating: 0, count: 12)), keys, Self.box("ilst", item))
        let movie = Self.box("ftyp", Array("qt  ".utf8), [0, 0, 0, 0], Array("qt  ".utf8))
            + Self.box("moov", Self.box("mvhd", [UInt8](repeating: 0, count: 100)), meta) + Self.box("mdat", Array(0..<200))
        try Data(movie).write(to: scratch.appendingPathComponent("clip.mov"))
        let r = try run(["redact", "clip.mov", "-o", "clean.mov"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let out = [UInt8](try Data(contentsOf: scratch.appendingPathComponent("clean.mov")))
        XCTAssertEqual(out.count, movie.count)
        XCTAssertFalse(Self.contains(out, "Jana"))
        XCTAssertTrue(Self.contains(out, "<PERSON>    "))
        XCTAssertEqual(Array(out.suffix(200)), Array(0..<200), "mdat unchanged")
        XCTAssertEqual(try run(["scan", "clean.mov"]).status, 0)
    }

    func testABrokenPhotoIsAnErrorNamingTheFile() throws {
        let photo = try copyExample("dashcam.jpg")
        let bytes = try Data(contentsOf: URL(fileURLWithPath: photo))
        let cut = scratch.appendingPathComponent("cut.jpg")
        try bytes.prefix(300).write(to: cut)
        let r = try run(["redact", cut.path, "-o", "cut-out.jpg"])
        XCTAssertEqual(r.status, 2, r.stderr)
        XCTAssertTrue(r.stderr.contains("cut.jpg: JPEG metadata: truncated"), r.stderr)
        XCTAssertTrue(r.stderr.contains("at byte"), r.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: scratch.appendingPathComponent("cut-out.jpg").path))
    }
}
