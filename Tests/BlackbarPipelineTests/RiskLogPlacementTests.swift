import XCTest

@testable import BlackbarPipeline

final class RiskLogPlacementTests: ScratchFolderTestCase {
    func problem(_ log: String, _ arguments: [String], output: String? = nil) -> RiskLogPlacement.Problem? {
        let walk = InputWalker().walk(arguments)
        let plan = output.map { try? OutputPlan(arguments: arguments, inputs: walk.items, output: $0, inPlace: false) } ?? nil
        do {
            try RiskLogPlacement.check(log, inputs: walk, outputs: plan)
            return nil
        } catch {
            return error.problem
        }
    }

    func testALogThatIsAnInputIsRefused() throws {
        try file("a.txt")
        try link("alias.txt", to: "a.txt")
        XCTAssertEqual(problem("a.txt", ["a.txt"]), .isInput("a.txt"))
        XCTAssertEqual(problem("alias.txt", ["a.txt"]), .isInput("a.txt"))
        XCTAssertEqual(problem("./a.txt", ["a.txt"]), .isInput("a.txt"))
    }

    func testALogInsideAFolderBeingReadIsRefusedEvenBeforeItExists() throws {
        try file("data/sub/a.txt")
        try file("elsewhere/b.txt")
        try link("data/link", to: "../elsewhere")
        XCTAssertEqual(problem("data/risk.jsonl", ["data"]), .insideInputFolder("data"))
        XCTAssertEqual(problem("data/sub/new/risk.jsonl", ["data"]), .insideInputFolder("data"))
        XCTAssertEqual(problem("elsewhere/risk.jsonl", ["data"]), .insideInputFolder(PathNames.real("elsewhere")!),
                       "a folder reached through a link is read too")
    }

    func testALogAmongTheOutputsIsRefused() throws {
        try file("data/a.txt")
        XCTAssertEqual(problem("out/risk.jsonl", ["data"], output: "out"), .insideOutputFolder("out"))
        XCTAssertEqual(problem("b.txt", ["data/a.txt"], output: "b.txt"), .isOutput("b.txt"))
    }

    func testALogBesideTheDataIsFine() throws {
        try file("data/a.txt")
        XCTAssertNil(problem("risk.jsonl", ["data"], output: "out"))
        XCTAssertNil(problem("risk.jsonl", ["-"]))
        XCTAssertNil(problem("data-risk.jsonl", ["data"]), "a shared prefix is not containment")
    }

    func testRefusalsAreSentencesNamingTheLog() {
        let refusal = RiskLogPlacement.Refusal(log: "data/r.jsonl", problem: .insideInputFolder("data"))
        XCTAssertEqual(
            refusal.description,
            "data/r.jsonl: the risk log is inside the input folder data: it would be read as input (and "
                + "copied into redacted output); write it outside the inputs")
    }
}
