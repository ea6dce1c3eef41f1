import XCTest

@testable import BlackbarCore

/// Union and intersection of window lists (sorted, disjoint ranges) against the same on sets of positions.
final class WindowListTests: XCTestCase {
    /// Sorted, disjoint windows (touching windows kept apart: the union must join them).
    private func randomList(_ random: inout SeededRandom, count: Int) -> WindowList {
        var list = WindowList()
        var at = Int(random.next() % 5)
        for _ in 0..<count {
            let length = 1 + Int(random.next() % 6)
            list.append(at, at + length)
            at += length + Int(random.next() % 4)
        }
        return list
    }

    private func positions(_ list: WindowList) -> Set<Int> {
        var set = Set<Int>()
        for k in 0..<list.starts.count { set.formUnion(list.starts[k]..<list.ends[k]) }
        return set
    }

    private func isCanonical(_ list: WindowList) -> Bool {
        for k in 0..<list.starts.count {
            if list.starts[k] >= list.ends[k] { return false }
            if k > 0 && list.starts[k] <= list.ends[k - 1] { return false }
        }
        return true
    }

    func testUnionAndIntersectionAgreeWithSets() {
        var random = SeededRandom(seed: 11)
        for _ in 0..<2_000 {
            let a = randomList(&random, count: Int(random.next() % 8))
            let b = randomList(&random, count: Int(random.next() % 8))
            var union = WindowList()
            WindowList.union(a, b, into: &union)
            XCTAssertEqual(positions(union), positions(a).union(positions(b)))
            XCTAssertTrue(isCanonical(union), "\(union.starts) \(union.ends)")
            var both = WindowList()
            WindowList.intersect(a, b, into: &both)
            XCTAssertEqual(positions(both), positions(a).intersection(positions(b)))
        }
    }

    func testUnionReusesItsOutput() {
        var a = WindowList(), b = WindowList(), out = WindowList()
        a.append(0, 2)
        b.append(2, 4)
        out.append(10, 20)
        WindowList.union(a, b, into: &out)
        XCTAssertEqual(out.starts, [0])
        XCTAssertEqual(out.ends, [4])
        WindowList.union(WindowList(), WindowList(), into: &out)
        XCTAssertTrue(out.isEmpty)
    }
}
