import XCTest

@testable import BlackbarPipeline

final class OutputPlanTests: ScratchFolderTestCase {
    func plan(_ arguments: [String], output: String?, inPlace: Bool = false) throws -> OutputPlan {
        try OutputPlan(arguments: arguments, inputs: InputWalker().walk(arguments).items, output: output, inPlace: inPlace)
    }

    func outputs(_ plan: OutputPlan) -> [String?] { plan.entries.map(\.output) }

    func refusal(_ arguments: [String], output: String?) -> OutputPlanError? {
        do {
            _ = try plan(arguments, output: output)
            return nil
        } catch {
            return error as? OutputPlanError
        }
    }

    func testOneFolderIsMirroredUnderTheOutput() throws {
        try file("data/a.txt")
        try file("data/sub/b.txt")
        let p = try plan(["data"], output: "out")
        XCTAssertEqual(outputs(p), ["out/a.txt", "out/sub/b.txt"])
        XCTAssertEqual(p.outputFolder, "out")
    }

    func testOneFileGoesToTheOutputFileOrIntoAnExistingFolder() throws {
        try file("in/a.txt")
        XCTAssertEqual(outputs(try plan(["in/a.txt"], output: "clean.txt")), ["clean.txt"])
        XCTAssertNil(try plan(["in/a.txt"], output: "clean.txt").outputFolder)
        try folder("out")
        XCTAssertEqual(outputs(try plan(["in/a.txt"], output: "out")), ["out/a.txt"])
        XCTAssertEqual(outputs(try plan(["-"], output: "out")), ["out/stdin.txt"])
    }

    func testOneInputWithoutAnOutputGoesToStdout() throws {
        try file("a.txt")
        XCTAssertEqual(outputs(try plan(["a.txt"], output: nil)), [nil])
        XCTAssertEqual(outputs(try plan([], output: nil)), [nil])
    }

    func testSeveralInputsOrAFolderNeedAnOutputFolder() throws {
        try file("a.txt")
        try file("b.txt")
        try file("data/c.txt")
        XCTAssertEqual(refusal(["a.txt", "b.txt"], output: nil), .needsOutputFolder)
        XCTAssertEqual(refusal(["data"], output: nil), .needsOutputFolder)
        XCTAssertEqual(outputs(try plan(["a.txt", "b.txt"], output: "-")), [nil, nil], "- sends them all to stdout")
    }

    func testSeveralArgumentsAreMirroredEachUnderItsOwnName() throws {
        try file("d1/a.txt")
        try file("x/d2/a.txt")
        try file("loose/b.txt")
        let p = try plan(["d1", "x/d2/", "loose/b.txt", "-"], output: "out")
        XCTAssertEqual(outputs(p), ["out/d1/a.txt", "out/d2/a.txt", "out/b.txt", "out/stdin.txt"])
        XCTAssertEqual(p.outputFolder, "out")
    }

    func testDotArgumentsAreNamedForTheirRealFolder() throws {
        try file("project/data/a.txt")
        try file("project/b.txt")
        XCTAssertTrue(FileManager.default.changeCurrentDirectoryPath("project/data"))
        XCTAssertEqual(outputs(try plan([".", "../b.txt"], output: "../../out")), ["../../out/data/a.txt", "../../out/b.txt"])
    }

    func testArgumentsWithTheSameNameAreRefused() throws {
        try file("x/d/a.txt")
        try file("y/d/b.txt")
        XCTAssertEqual(refusal(["x/d", "y/d"], output: "out"), .collision(first: "x/d", second: "y/d", output: "out/d"))
        try file("p/a.txt")
        try file("q/a.txt", "other\n")
        XCTAssertEqual(refusal(["p/a.txt", "q/a.txt"], output: "out"), .collision(first: "p/a.txt", second: "q/a.txt", output: "out/a.txt"))
        XCTAssertEqual(refusal(["-", "-"], output: "out"), .collision(first: "-", second: "-", output: "out/stdin.txt"))
        XCTAssertNil(refusal(["p/a.txt", "p/a.txt"], output: "out"), "the same file named twice is read once")
    }

    func testAnOutputThatIsAnInputIsRefusedUnlessInPlace() throws {
        try file("data/a.txt")
        try link("alias.txt", to: "data/a.txt")
        hardLink("twin.txt", to: "data/a.txt")
        XCTAssertEqual(refusal(["data"], output: "data"), .outputIsInput(input: "data/a.txt", output: "data/a.txt"))
        XCTAssertEqual(refusal(["data/a.txt"], output: "alias.txt"), .outputIsInput(input: "data/a.txt", output: "alias.txt"))
        XCTAssertEqual(refusal(["data/a.txt"], output: "twin.txt"), .outputIsInput(input: "data/a.txt", output: "twin.txt"))
        XCTAssertEqual(refusal(["data/a.txt"], output: "./data/../data/a.txt")?.description.contains("is the input"), true)
    }

    func testInPlaceWritesEachInputWhereItIs() throws {
        try file("store/a.txt")
        try file("data/b.txt")
        try link("data/a.txt", to: "../store/a.txt")
        let p = try plan(["data", "store/a.txt"], output: nil, inPlace: true)
        XCTAssertEqual(outputs(p), ["data/a.txt", "data/b.txt"], "the link's target is read (and written) once")
        XCTAssertNil(p.outputFolder)
        XCTAssertTrue(p.inPlace)
    }

    func testErrorsAreSentencesNamingThePaths() {
        XCTAssertEqual(
            OutputPlanError.collision(first: "x/d", second: "y/d", output: "out/d").description,
            "x/d and y/d would both be written to out/d; nothing was written (name the inputs so their last "
                + "path components differ, or redact them in separate runs)")
        XCTAssertEqual(
            OutputPlanError.outputIsInput(input: "a.txt", output: "b.txt").description,
            "the output b.txt is the input a.txt; nothing was written")
    }
}
