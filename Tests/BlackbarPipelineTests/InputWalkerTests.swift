import XCTest

@testable import BlackbarPipeline

final class InputWalkerTests: ScratchFolderTestCase {
    func paths(_ walk: InputWalk) -> [String] { walk.items.map(\.path) }

    func testNoArgumentsMeanStdin() {
        let walk = InputWalker().walk([])
        XCTAssertEqual(walk.items, [.stdin])
        XCTAssertTrue(walk.items[0].isStdin)
    }

    func testFoldersAreWalkedInByteOrderWithHiddenFilesAndRelativePaths() throws {
        try file("data/b.txt")
        try file("data/.hidden")
        try file("data/A.txt")
        try file("data/a/z.txt")
        try file("data/a.txt")
        let walk = InputWalker().walk(["data/"])
        XCTAssertEqual(paths(walk), ["data/.hidden", "data/A.txt", "data/a/z.txt", "data/a.txt", "data/b.txt"])
        XCTAssertEqual(walk.items.map(\.relative), [".hidden", "A.txt", "a/z.txt", "a.txt", "b.txt"])
        XCTAssertEqual(Set(walk.items.map(\.root)), ["data/"])
        XCTAssertEqual(walk.errors, 0)
        XCTAssertEqual(walk.folders.count, 2)
    }

    func testMissingPathsAreErrorsAndTheRestIsStillWalked() throws {
        try file("ok.txt")
        let walk = InputWalker().walk(["nope.txt", "ok.txt", "-"])
        XCTAssertEqual(paths(walk), ["ok.txt", "-"])
        XCTAssertEqual(walk.errors, 1)
        XCTAssertEqual(walk.notes.map(\.message), ["nope.txt: no such file or folder"])
    }

    func testLinksAreFollowedOnTheCommandLineAndInsideFolders() throws {
        try file("real/a.txt")
        try file("elsewhere/b.txt")
        try link("cache", to: "real")
        try link("real/b.txt", to: "../elsewhere/b.txt")
        try link("named.txt", to: "elsewhere/b.txt")
        let walk = InputWalker().walk(["cache"])
        XCTAssertEqual(paths(walk), ["cache/a.txt", "cache/b.txt"])
        XCTAssertEqual(walk.items.map(\.relative), ["a.txt", "b.txt"])
        XCTAssertEqual(paths(InputWalker().walk(["named.txt"])), ["named.txt"])
    }

    func testEachFileIsReadOnceUnderItsFirstPath() throws {
        try file("blobs/x")
        try link("snap/b", to: "../blobs/x")
        try link("snap/a", to: "../blobs/x")
        hardLink("snap/c", to: "blobs/x")
        let walk = InputWalker().walk(["snap", "blobs/x"])
        XCTAssertEqual(paths(walk), ["snap/a"])
        XCTAssertEqual(walk.duplicates, 2)
        XCTAssertEqual(walk.firstDuplicate?.path, "snap/b")
        XCTAssertEqual(walk.firstDuplicate?.readAs, "snap/a")
        XCTAssertEqual(walk.notes.map(\.kind), [.duplicate], "an argument read twice is named")
        XCTAssertEqual(walk.errors, 0)
    }

    func testAFolderReachedTwiceIsWalkedOnce() throws {
        try file("shared/a.txt")
        try link("data/one", to: "../shared")
        try link("data/two", to: "../shared")
        let walk = InputWalker().walk(["data", "shared"])
        XCTAssertEqual(paths(walk), ["data/one/a.txt"])
        XCTAssertEqual(walk.duplicates, 1)
        XCTAssertEqual(walk.notes.map(\.message), ["shared: skipped: the same folder as data/one, already read"])
    }

    func testLoopsAreNotedWithoutHanging() throws {
        try file("data/sub/a.txt")
        try link("data/sub/up", to: "..")
        try link("data/self", to: ".")
        let walk = InputWalker().walk(["data"])
        XCTAssertEqual(paths(walk), ["data/sub/a.txt"])
        XCTAssertEqual(walk.notes.map(\.kind), [.loop, .loop])
        XCTAssertEqual(walk.notes.map(\.path), ["data/self", "data/sub/up"])
        XCTAssertTrue(walk.notes[1].message.contains("ancestor folder data"), walk.notes[1].message)
        XCTAssertEqual(walk.errors, 0, "nothing is lost: the folder is being read")
    }

    func testBrokenLinksAreErrors() throws {
        try file("data/a.txt")
        try link("data/gone", to: "nowhere")
        try link("data/round", to: "round")
        try link("dangling", to: "nowhere")
        let walk = InputWalker().walk(["data", "dangling"])
        XCTAssertEqual(paths(walk), ["data/a.txt"])
        XCTAssertEqual(walk.errors, 3)
        XCTAssertEqual(walk.notes.map(\.kind), [.brokenLink, .brokenLink, .brokenLink])
        XCTAssertEqual(walk.notes[0].message, "data/gone: a broken symbolic link (nothing at its target)")
    }

    func testNoFollowSkipsAndCountsEveryLink() throws {
        try file("real/a.txt")
        try file("data/plain.txt")
        try link("data/a.txt", to: "../real/a.txt")
        try link("data/gone", to: "nowhere")
        try link("cache", to: "real")
        let walk = InputWalker(followLinks: false).walk(["data", "cache"])
        XCTAssertEqual(paths(walk), ["data/plain.txt"])
        XCTAssertEqual(walk.linksNotFollowed, 3)
        XCTAssertEqual(walk.errors, 0, "a link not followed is not examined, broken or not")
        XCTAssertEqual(walk.notes.map(\.kind), [.notFollowed], "links named on the command line are named")
    }

    func testSpecialFilesInFoldersAreSkippedWithANote() throws {
        try file("data/a.txt")
        XCTAssertEqual(mkfifo("data/pipe", 0o600), 0)
        let walk = InputWalker().walk(["data"])
        XCTAssertEqual(paths(walk), ["data/a.txt"])
        XCTAssertEqual(walk.notes.map(\.kind), [.notRegular])
    }

    func testUnlistableFoldersAreErrors() throws {
        try XCTSkipIf(getuid() == 0, "root lists every folder")
        try file("data/locked/a.txt")
        chmod("data/locked", 0)
        defer { chmod("data/locked", 0o755) }
        let walk = InputWalker().walk(["data"])
        XCTAssertEqual(walk.errors, 1)
        XCTAssertTrue(walk.notes[0].message.hasPrefix("data/locked: cannot list the folder: "), walk.notes[0].message)
    }

    func testItemsCarryTheirFileIdentity() throws {
        try file("a.txt")
        hardLink("b.txt", to: "a.txt")
        let walk = InputWalker().walk(["a.txt"])
        XCTAssertEqual(walk.items[0].fileID, FileID(path: "b.txt"))
        XCTAssertNotNil(walk.items[0].fileID)
    }
}
