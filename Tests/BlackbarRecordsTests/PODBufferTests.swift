import XCTest

@testable import BlackbarBytes

/// `PODBuffer` keeps what an array would: appends across growth, updates in place, truncation and hand-over,
/// checked against an array doing the same steps.
final class PODBufferTests: XCTestCase {
    struct Pair: Equatable {
        var a: Int
        var b: Int32
    }

    func testMatchesAnArrayThroughGrowthUpdatesAndTruncation() {
        let buffer = PODBuffer<Pair>(capacity: 1)
        var array: [Pair] = []
        var random = UInt64(20261205)
        func next(_ n: Int) -> Int {
            random = random &* 6364136223846793005 &+ 1442695040888963407
            return Int(random >> 33) % n
        }
        for step in 0..<20_000 {
            switch next(10) {
            case 0..<6:
                let p = Pair(a: step, b: Int32(truncatingIfNeeded: step * 7))
                buffer.append(p)
                array.append(p)
            case 6..<8 where !array.isEmpty:
                let i = next(array.count)
                buffer.pointer(i).pointee.b += 1
                array[i].b += 1
                XCTAssertEqual(buffer[i], array[i])
            case 8 where !array.isEmpty:
                let n = next(array.count + 1)
                buffer.truncate(to: n)
                array.removeSubrange(n...)
            default:
                break
            }
            XCTAssertEqual(buffer.count, array.count)
        }
        XCTAssertEqual(buffer.isEmpty, array.isEmpty)
        XCTAssertEqual(buffer.take(), array)
        XCTAssertEqual(buffer.count, 0)
        buffer.append(Pair(a: 1, b: 2))
        XCTAssertEqual(buffer.take(), [Pair(a: 1, b: 2)])
    }
}
