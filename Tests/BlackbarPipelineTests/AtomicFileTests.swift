import XCTest

@testable import BlackbarPipeline

final class AtomicFileTests: ScratchFolderTestCase {
    func write(_ text: String, to path: String, hardLinks: AtomicFile.HardLinks = .replace) throws {
        let file = try AtomicFile(path: path, hardLinks: hardLinks)
        try file.writer.write(text)
        try file.commit()
    }

    func testWritesAndCreatesMissingFoldersWithNothingLeftBehind() throws {
        try write("new\n", to: "out/sub/a.txt")
        XCTAssertEqual(try contents("out/sub/a.txt"), "new\n")
        XCTAssertEqual(try names(in: "out/sub"), ["a.txt"])
    }

    func testKeepsTheModeOfTheFileItReplaces() throws {
        try file("a.txt", "old\n")
        chmod("a.txt", 0o600)
        try write("new\n", to: "a.txt")
        XCTAssertEqual(try FileManager.default.attributesOfItem(atPath: "a.txt")[.posixPermissions] as? Int, 0o600)
    }

    func testAbandonLeavesTheOldFileAndNoTemporaryFile() throws {
        try file("out/a.txt", "old\n")
        let file = try AtomicFile(path: "out/a.txt")
        try file.writer.write("half")
        try file.writer.flush()
        file.abandon()
        XCTAssertEqual(try contents("out/a.txt"), "old\n")
        XCTAssertEqual(try names(in: "out"), ["a.txt"])
    }

    func testALinkIsWrittenThroughAndStaysALink() throws {
        try file("store/a.txt", "raw\n")
        try link("data/a.txt", to: "../store/a.txt")
        let file = try AtomicFile(path: "data/a.txt")
        XCTAssertEqual(file.finalPath, PathNames.real("store/a.txt"))
        XCTAssertEqual((file.tempPath as NSString).deletingLastPathComponent, PathNames.real("store"), "the temporary file sits beside the target")
        try file.writer.write("clean\n")
        try file.commit()
        XCTAssertTrue(isLink("data/a.txt"))
        XCTAssertEqual(try contents("store/a.txt"), "clean\n")
        XCTAssertEqual(try names(in: "store"), ["a.txt"])
    }

    func testABrokenLinkIsAnErrorNamingIt() throws {
        try link("gone.txt", to: "nowhere/a.txt")
        XCTAssertThrowsError(try AtomicFile(path: "gone.txt")) { error in
            XCTAssertEqual("\(error)", "gone.txt: a broken symbolic link: there is no file to write through it")
        }
    }

    func testHardLinkedFilesAreRefusedWithNothingWritten() throws {
        try file("a.txt", "raw\n")
        hardLink("twin.txt", to: "a.txt")
        XCTAssertThrowsError(try AtomicFile(path: "a.txt", hardLinks: .refuse)) { error in
            XCTAssertEqual((error as? FileError)?.kind, .hardLinked(links: 2))
            XCTAssertTrue("\(error)".hasPrefix("a.txt: has 2 hard links"), "\(error)")
        }
        XCTAssertEqual(try names(in: "."), ["a.txt", "twin.txt"], "no temporary file")
        XCTAssertEqual(try contents("twin.txt"), "raw\n")
    }

    func testSharedContentIsWrittenIntoTheSameInodeForEveryLink() throws {
        try file("a.txt", "raw raw raw\n")
        hardLink("twin.txt", to: "a.txt")
        let before = FileID(path: "a.txt")
        try write("clean\n", to: "a.txt", hardLinks: .shareContent)
        XCTAssertEqual(FileID(path: "a.txt"), before)
        XCTAssertEqual(try contents("a.txt"), "clean\n")
        XCTAssertEqual(try contents("twin.txt"), "clean\n")
        XCTAssertEqual(try names(in: "."), ["a.txt", "twin.txt"])
    }

    func testReplacingBreaksTheHardLinkForOutputsThatAreNotInputs() throws {
        try file("a.txt", "old\n")
        hardLink("twin.txt", to: "a.txt")
        try write("new\n", to: "a.txt", hardLinks: .replace)
        XCTAssertEqual(try contents("a.txt"), "new\n")
        XCTAssertEqual(try contents("twin.txt"), "old\n")
    }

    func testAFolderInTheWayIsASentence() throws {
        try file("plain", "a file\n")
        XCTAssertThrowsError(try AtomicFile(path: "plain/sub/a.txt")) { error in
            XCTAssertEqual("\(error)", "plain/sub: cannot create the folder: Not a directory")
        }
        try folder("dir")
        XCTAssertThrowsError(try AtomicFile(path: "dir")) { error in
            XCTAssertEqual("\(error)", "dir: is a folder")
        }
    }
}
