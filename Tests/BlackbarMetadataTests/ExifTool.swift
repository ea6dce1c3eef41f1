import Foundation
import XCTest

@testable import BlackbarMetadata

/// exiftool (Debian's libimage-exiftool-perl, which `.ci/run` installs) as the independent reader of what the
/// rewriters write: tests ask it for every tag of an output and check what is gone and what is kept.
enum ExifTool {
    static let path: String? = ["/usr/bin/exiftool", "/usr/local/bin/exiftool"].first {
        FileManager.default.isExecutableFile(atPath: $0)
    }

    /// exiftool's tags of `bytes` (`-j -a -G1`, duplicates kept, keys `Group:Tag`); skips the test when
    /// exiftool is missing, unless CI is set (then it fails).
    static func tags(_ bytes: [UInt8], ext: String, file: StaticString = #filePath, line: UInt = #line) throws -> [String: String] {
        guard let path else {
            if ProcessInfo.processInfo.environment["CI"] != nil {
                XCTFail("exiftool is missing (apt-get install libimage-exiftool-perl)", file: file, line: line)
            }
            throw XCTSkip("exiftool is not installed")
        }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("blackbar-exiftool-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("file.\(ext)")
        try Data(bytes).write(to: url)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = ["-j", "-a", "-G1", "-b", "-n", url.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard let array = try JSONSerialization.jsonObject(with: data) as? [[String: Any]], let object = array.first else {
            XCTFail("exiftool printed no JSON", file: file, line: line)
            return [:]
        }
        var out: [String: String] = [:]
        for (key, value) in object { out[key] = "\(value)" }
        return out
    }

    /// The tags whose key (`Group:Tag`) ends with `:name`.
    static func values(_ tags: [String: String], _ name: String) -> [String] {
        tags.filter { $0.key.hasSuffix(":" + name) || $0.key == name }.map(\.value)
    }
}

extension MetadataDocument {
    /// The index of the first field with this tag.
    func index(of tag: String) -> Int? { fields.firstIndex { $0.tag == tag } }
}

/// Rewrites `bytes` with `changes` and returns the output bytes.
func rewritten(_ bytes: [UInt8], format: MediaFormat, strip: StripMode = .personal, _ changes: (MetadataDocument) -> [Int: FieldChange])
    throws -> (MetadataDocument, [UInt8], MetadataOutput)
{
    try bytes.withUnsafeBytes { raw in
        let doc = try MetadataReader.read(ByteView(raw), format: format)
        let output = try doc.rewrite(changes(doc), strip: strip)
        return (doc, output.bytes(from: raw), output)
    }
}

/// Reads `bytes` as `format`.
func read(_ bytes: [UInt8], as format: MediaFormat) throws -> MetadataDocument {
    try bytes.withUnsafeBytes { try MetadataReader.read(ByteView($0), format: format) }
}
