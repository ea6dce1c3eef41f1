import XCTest

@testable import BlackbarPipeline

final class PathNamesTests: ScratchFolderTestCase {
    func testJoinLastComponentAndFolder() {
        XCTAssertEqual(PathNames.join("a/", "b"), "a/b")
        XCTAssertEqual(PathNames.join("a", "b"), "a/b")
        XCTAssertEqual(PathNames.join("/", "b"), "/b")
        XCTAssertEqual(PathNames.lastComponent("a/b/"), "b")
        XCTAssertEqual(PathNames.lastComponent("/"), "/")
        XCTAssertEqual(PathNames.folder(of: "a/b"), "a")
        XCTAssertEqual(PathNames.folder(of: "b"), ".")
        XCTAssertEqual(PathNames.folder(of: "/b"), "/")
    }

    func testAbsoluteReadsTheTextAlone() {
        XCTAssertEqual(PathNames.absolute("/a/./b//c/../d"), "/a/b/d")
        XCTAssertEqual(PathNames.absolute("x"), FileManager.default.currentDirectoryPath + "/x")
    }

    func testResolvedFollowsLinksInTheExistingPartOfAPath() throws {
        try folder("real")
        try link("alias", to: "real")
        let real = PathNames.real("real")!
        XCTAssertEqual(PathNames.resolved("alias/new/file.txt"), real + "/new/file.txt")
        XCTAssertEqual(PathNames.resolved("alias"), real)
        XCTAssertTrue(PathNames.isInside(real + "/new/file.txt", folder: real))
        XCTAssertFalse(PathNames.isInside(real + "-2/file.txt", folder: real))
        XCTAssertFalse(PathNames.isInside(real, folder: real))
    }
}
