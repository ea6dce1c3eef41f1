import XCTest

@testable import BlackbarBytes

/// The byte buffer behind the printer's lines, the readers' decoded values and the detector's joined segments:
/// every way of writing gives the bytes an array would hold, whatever the run's length (the copy differs below
/// 4, from 4 to 7, from 8 to 16 and above) and however often the storage grows.
final class ByteBufferTests: XCTestCase {
    func testEveryWriteMatchesAnArray() {
        var random = SystemRandomNumberGenerator()
        let source = (0..<64).map { _ in UInt8.random(in: 0...255, using: &random) }
        let buffer = ByteBuffer(capacity: 1)  // grows on nearly every write
        var expected: [UInt8] = []
        source.withUnsafeBufferPointer { src in
            for n in 0...40 {
                let start = n % 7
                buffer.append(UnsafeBufferPointer(rebasing: src[start..<(start + n)]))
                expected += src[start..<(start + n)]
                buffer.append(UInt8(n))
                expected.append(UInt8(n))
                buffer.reserve(n)
                buffer.put(src.baseAddress! + 1, n)
                expected += src[1..<(1 + n)]
            }
        }
        XCTAssertEqual(buffer.count, expected.count)
        XCTAssertEqual(buffer.withBytes { Array($0) }, expected)
        XCTAssertEqual(Array(buffer.view(5..<30)), Array(expected[5..<30]))
        buffer.truncate(to: 10)
        XCTAssertEqual(Array(buffer.bytes), Array(expected[0..<10]))
        buffer.truncate(to: 50)  // never longer
        XCTAssertEqual(buffer.count, 10)
        XCTAssertEqual(buffer.take(), Array(expected[0..<10]))
        XCTAssertEqual(buffer.count, 0)  // taken: empty, storage kept
        buffer.reserve(3)
        buffer.write(count: 3) { p in
            p[0] = 1
            p[1] = 2
            p[2] = 3
        }
        buffer.reserve(8)
        buffer.write(upTo: 8) { p in
            p[0] = 9
            return 1
        }
        XCTAssertEqual(buffer.take(), [1, 2, 3, 9])
        buffer.append(7)
        buffer.reset()
        XCTAssertEqual(buffer.take(), [])
    }
}
