import XCTest

@testable import BlackbarPipeline

final class ProgressReporterTests: XCTestCase {
    final class Screen {
        var now = 0.0
        var text: [String] = []
    }

    func reporter(_ screen: Screen, enabled: Bool = true) -> ProgressReporter {
        ProgressReporter(enabled: enabled, interval: 0.25, delay: 0.5, clock: { screen.now }, output: { screen.text.append($0) })
    }

    func testNothingIsDrawnBeforeTheDelayOrWhenDisabled() {
        let screen = Screen()
        let progress = reporter(screen)
        progress.start(files: 2)
        screen.now = 0.4
        progress.advance(bytes: 1_000_000)
        progress.finish()
        XCTAssertEqual(screen.text, [], "a short run shows nothing, not even a clearing")
        let off = reporter(screen, enabled: false)
        off.start()
        screen.now = 10
        off.advance(files: 1, bytes: 5)
        off.finish()
        XCTAssertEqual(screen.text, [])
    }

    func testDrawsAtMostFourTimesASecondAndClearsAtTheEnd() {
        let screen = Screen()
        let progress = reporter(screen)
        progress.start(files: 3)
        screen.now = 1.0
        progress.advance(bytes: 2_000_000)
        screen.now = 1.1
        progress.advance(files: 1)
        screen.now = 1.3
        progress.advance(bytes: 2_000_000)
        progress.finish()
        XCTAssertEqual(
            screen.text,
            ["\r0/3 files, 2.0 MB, 2.0 MB/s\u{1B}[K", "\r1/3 files, 4.0 MB, 3.1 MB/s\u{1B}[K", "\r\u{1B}[K"])
    }

    func testAnUnknownTotalCountsFilesAlone() {
        let progress = ProgressReporter(enabled: false)
        progress.start()
        progress.advance(files: 1, bytes: 1_250_000)
        XCTAssertEqual(progress.line(elapsed: 0.5), "1 file, 1.3 MB, 2.5 MB/s")
    }
}
