import Foundation
import XCTest

#if canImport(Glibc)
    import Glibc
#endif

/// A test case that runs in a fresh temporary folder (the current folder during each test), with
/// helpers that build files, links and hard links by relative path.
class ScratchFolderTestCase: XCTestCase {
    var scratch = ""
    private var previous = ""

    override func setUpWithError() throws {
        scratch = NSTemporaryDirectory() + "blackbar-pipeline-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
        previous = FileManager.default.currentDirectoryPath
        XCTAssertTrue(FileManager.default.changeCurrentDirectoryPath(scratch))
    }

    override func tearDownWithError() throws {
        _ = FileManager.default.changeCurrentDirectoryPath(previous)
        try? FileManager.default.removeItem(atPath: scratch)
    }

    func file(_ path: String, _ text: String = "text\n") throws {
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }

    func folder(_ path: String) throws {
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    func link(_ path: String, to target: String) throws {
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
        try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: target)
    }

    func hardLink(_ path: String, to existing: String) {
        XCTAssertEqual(Glibc.link(existing, path), 0, "link \(path)")
    }

    func contents(_ path: String) throws -> String {
        try String(contentsOfFile: path, encoding: .utf8)
    }

    func isLink(_ path: String) -> Bool {
        var st = stat()
        return lstat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFLNK
    }

    func names(in folder: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
    }
}
