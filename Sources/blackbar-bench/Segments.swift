import BlackbarCore
import Foundation

/// `--segments N`: N cells of 8 to 40 bytes cut from the corpus, scanned as batches of segments and, for
/// comparison, the same bytes as one block (cells joined by commas and line feeds, as a CSV holds them).
/// Prints MB/s of cell bytes for both, one core, the median of `runs`.
func benchSegments(corpus path: String, cells count: Int, runs: Int, detector: Detector) {
    guard let data = FileManager.default.contents(atPath: path) else { fatalError("cannot read \(path)") }
    let bytes = [UInt8](data)
    var cells: [[UInt8]] = []
    cells.reserveCapacity(count)
    var random = SeededRandom(seed: 42)
    var at = 0
    while cells.count < count {
        let length = 8 + Int(random.next() % 33)
        if at + length > bytes.count { at = 0 }
        cells.append(bytes[at..<(at + length)].map { $0 == 0x0A || $0 == 0x2C ? 0x20 : $0 })
        at += length
    }
    let cellBytes = cells.reduce(0) { $0 + $1.count }
    // As a CSV: ten cells a row.
    var block: [UInt8] = []
    block.reserveCapacity(cellBytes + count)
    for (k, cell) in cells.enumerated() {
        block += cell
        block.append(k % 10 == 9 ? 0x0A : 0x2C)
    }
    let buffers = stride(from: 0, to: cells.count, by: 4096).map { SharedBytes(Array(cells[$0..<min($0 + 4096, cells.count)].joined())) }
    var batches: [[Segment]] = []
    var index = 0
    for buffer in buffers {
        var offset = 0
        var batch: [Segment] = []
        while offset < buffer.bytes.count {
            let length = cells[index].count
            batch.append(Segment(buffer: buffer, range: offset..<(offset + length), origin: SegmentOrigin(offset: offset)))
            offset += length
            index += 1
        }
        batches.append(batch)
    }
    let scratch = DetectorScratch()
    func timeBlock() -> (Double, Int) {
        let start = now()
        var found = 0
        block.withUnsafeBytes { raw in
            var from = 0
            while from < raw.count {
                let to = min(raw.count, from + (1 << 20))
                found += detector.scan(raw, region: from..<to, scratch: scratch).count
                from = to
            }
        }
        return (now() - start, found)
    }
    func timeSegments() -> (Double, Int) {
        let start = now()
        var found = 0
        for batch in batches { found += detector.scan(batch, scratch: scratch).count }
        return (now() - start, found)
    }
    _ = timeBlock()
    _ = timeSegments()
    var blockSpeeds: [Double] = [], segmentSpeeds: [Double] = []
    var blockFound = 0, segmentFound = 0
    for _ in 0..<runs {
        let (b, bf) = timeBlock()
        let (s, sf) = timeSegments()
        blockSpeeds.append(Double(cellBytes) / 1e6 / b)
        segmentSpeeds.append(Double(cellBytes) / 1e6 / s)
        blockFound = bf
        segmentFound = sf
    }
    print(String(format: "%d cells of 8-40 bytes (%.1f MB), 1 core, median of %d:", count, Double(cellBytes) / 1e6, runs))
    print(String(format: "  as one block (CSV text):  %.1f MB/s, %d findings", median(blockSpeeds), blockFound))
    print(String(format: "  as segments (batches of 4096): %.1f MB/s, %d findings", median(segmentSpeeds), segmentFound))
    print(String(format: "  segments / block: %.2f", median(segmentSpeeds) / median(blockSpeeds)))
}
