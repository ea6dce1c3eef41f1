/// One JSON object written straight into bytes, keys in the order given. `FindingPrinter` writes its keys
/// sorted, so a record is byte for byte what `JSONEncoder` with `.sortedKeys` and `.withoutEscapingSlashes`
/// wrote; the encoder's per-record dictionaries and key sorting cost a tenth of a `scan --format jsonl` run
/// with many findings.
struct JSONLine {
    private(set) var bytes: [UInt8]
    private var first = true

    /// An open object; room for a typical finding's record, so the bytes grow once, if at all.
    init() {
        bytes = []
        bytes.reserveCapacity(256)
        bytes.append(0x7B)
    }

    /// An open object written into `buffer`'s storage (emptied; taken back with `finish(into:)`): a printer
    /// that writes a line per finding allocates its buffer once.
    init(reusing buffer: inout [UInt8]) {
        buffer.removeAll(keepingCapacity: true)
        bytes = []
        swap(&bytes, &buffer)
        bytes.append(0x7B)
    }

    /// The lower-case hexadecimal digits, for `\u00xx` escapes.
    private static let hex = Array("0123456789abcdef".utf8)

    private mutating func key(_ name: StaticString) {
        if !first { bytes.append(0x2C) }
        first = false
        bytes.append(0x22)
        name.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(0x22)
        bytes.append(0x3A)
    }

    mutating func add(_ name: StaticString, _ value: String) {
        key(name)
        Self.appendString(value, to: &bytes)
    }

    /// A value already written as JSON (a string escaped once by `appendString`).
    mutating func add(_ name: StaticString, json: [UInt8]) {
        key(name)
        bytes.append(contentsOf: json)
    }

    mutating func add(_ name: StaticString, _ value: Int) {
        key(name)
        Self.appendDecimal(value, to: &bytes)
    }

    /// An integer in decimal, written without a `String`.
    static func appendDecimal(_ value: Int, to bytes: inout [UInt8]) {
        if value < 0 { bytes.append(0x2D) }
        var magnitude = value.magnitude
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // up to 24 digits, the lowest first
        var count = 0
        withUnsafeMutableBytes(of: &digits) { raw in
            repeat {
                raw[count] = UInt8(truncatingIfNeeded: magnitude % 10) + 0x30
                magnitude /= 10
                count += 1
            } while magnitude > 0
            for k in stride(from: count - 1, through: 0, by: -1) { bytes.append(raw[k]) }
        }
    }

    mutating func add(_ name: StaticString, _ value: Bool) {
        key(name)
        bytes.append(contentsOf: (value ? "true" : "false").utf8)
    }

    /// As `JSONEncoder`: a whole number without a fraction (`1`), any other the shortest form that reads back
    /// the same (`0.85`).
    mutating func add(_ name: StaticString, _ value: Double) {
        key(name)
        Self.appendNumber(value, to: &bytes)
    }

    /// A number as `add(_:_:)` writes it.
    static func appendNumber(_ value: Double, to bytes: inout [UInt8]) {
        if value == value.rounded(), abs(value) < 1e15 {
            appendDecimal(Int(value), to: &bytes)
        } else {
            bytes.append(contentsOf: value.description.utf8)
        }
    }

    /// The object, closed, and a line feed.
    mutating func finish() -> [UInt8] {
        bytes.append(0x7D)
        bytes.append(0x0A)
        return bytes
    }

    /// The object, closed, and a line feed, in `buffer` (whose storage `init(reusing:)` took).
    mutating func finish(into buffer: inout [UInt8]) {
        bytes.append(0x7D)
        bytes.append(0x0A)
        swap(&bytes, &buffer)
    }

    /// A value already written as JSON bytes (a number formatted once for many lines).
    mutating func add(_ name: StaticString, raw: [UInt8]) {
        key(name)
        bytes.append(contentsOf: raw)
    }

    /// A JSON string as `JSONEncoder` escapes it: `"` and `\`, `\b \f \n \r \t`, other control bytes as
    /// `\u00xx`; everything else (`/`, non-ASCII) as it is.
    static func appendString(_ value: String, to bytes: inout [UInt8]) {
        bytes.append(0x22)
        for b in value.utf8 {
            switch b {
            case 0x22: bytes.append(contentsOf: [0x5C, 0x22])
            case 0x5C: bytes.append(contentsOf: [0x5C, 0x5C])
            case 0x08: bytes.append(contentsOf: [0x5C, 0x62])
            case 0x0C: bytes.append(contentsOf: [0x5C, 0x66])
            case 0x0A: bytes.append(contentsOf: [0x5C, 0x6E])
            case 0x0D: bytes.append(contentsOf: [0x5C, 0x72])
            case 0x09: bytes.append(contentsOf: [0x5C, 0x74])
            case 0..<0x20: bytes.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, Self.hex[Int(b >> 4)], Self.hex[Int(b & 15)]])
            default: bytes.append(b)
            }
        }
        bytes.append(0x22)
    }
}
