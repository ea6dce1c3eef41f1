import BlackbarBytes
import CBlackbarSIMD

/// One JSON object written straight into bytes, keys in the order given. `FindingPrinter` writes its keys
/// sorted, so a record is byte for byte what `JSONEncoder` with `.sortedKeys` and `.withoutEscapingSlashes`
/// wrote; the encoder's per-record dictionaries and key sorting cost a tenth of a `scan --format jsonl` run
/// with many findings.
struct JSONLine {
    private let out: ByteBuffer
    private var first = true

    /// An open object written into `buffer` (emptied first): a printer that writes a line per finding keeps
    /// one buffer for all of them.
    init(into buffer: ByteBuffer) {
        out = buffer
        out.reset()
        out.reserve(1)
        out.put(0x7B)
    }

    /// The lower-case hexadecimal digits, for `\u00xx` escapes.
    private static let hex = Array("0123456789abcdef".utf8)

    private mutating func key(_ name: JSONKey) {
        let text = name.text
        let n = text.utf8CodeUnitCount
        out.reserve(n)
        // `text` is `,"name":`; the first key goes without the comma.
        if first { out.put(text.utf8Start + 1, n - 1) } else { out.put(text.utf8Start, n) }
        first = false
    }

    mutating func add(_ name: JSONKey, _ value: String) {
        key(name)
        var value = value
        value.withUTF8 { Self.appendString($0, to: out) }
    }

    /// A value already written as JSON (a string escaped once by `appendString`), `count` bytes at `start`.
    mutating func add(_ name: JSONKey, json start: UnsafePointer<UInt8>, count: Int) {
        key(name)
        out.reserve(count)
        out.put(start, count)
    }

    mutating func add(_ name: JSONKey, _ value: Int) {
        key(name)
        out.reserve(21)
        Self.appendDecimal(value, to: out)
    }

    /// An integer in decimal, into a buffer with room for 21 more bytes (`bb_format_decimal`: digits counted
    /// from the bit length, then written two at a time from the last).
    static func appendDecimal(_ value: Int, to out: ByteBuffer) {
        if value < 0 { out.put(0x2D) }
        out.write(upTo: 20) { at in bb_format_decimal(UInt64(value.magnitude), at) }
    }

    /// An integer in decimal, written without a `String`.
    static func appendDecimal(_ value: Int, to bytes: inout [UInt8]) {
        let out = ByteBuffer(capacity: 24)
        out.reserve(21)
        appendDecimal(value, to: out)
        out.withBytes { bytes.append(contentsOf: $0) }
    }

    mutating func add(_ name: JSONKey, _ value: Bool) {
        key(name)
        let text: StaticString = value ? "true" : "false"
        out.reserve(5)
        out.put(text.utf8Start, text.utf8CodeUnitCount)
    }

    /// A number as `JSONEncoder` writes it: a whole number without a fraction (`1`), any other the shortest form
    /// that reads back the same (`0.85`).
    static func appendNumber(_ value: Double, to bytes: inout [UInt8]) {
        if value == value.rounded(), abs(value) < 1e15 {
            appendDecimal(Int(value), to: &bytes)
        } else {
            bytes.append(contentsOf: value.description.utf8)
        }
    }

    /// Closes the object and ends the line; the buffer then holds the whole line.
    mutating func finish() {
        out.reserve(2)
        out.put(0x7D)
        out.put(0x0A)
    }


    /// A JSON string as `JSONEncoder` escapes it: `"` and `\`, `\b \f \n \r \t`, other control bytes as
    /// `\u00xx`; everything else (`/`, non-ASCII) as it is.
    static func appendString(_ value: String, to bytes: inout [UInt8]) {
        let out = ByteBuffer(capacity: value.utf8.count + 2)
        var value = value
        value.withUTF8 { appendString($0, to: out) }
        out.withBytes { bytes.append(contentsOf: $0) }
    }

    /// The same into a line buffer: room for the worst case is taken once, then every byte is one store.
    static func appendString(_ value: UnsafeBufferPointer<UInt8>, to out: ByteBuffer) {
        out.reserve(value.count * 6 + 2)
        out.put(0x22)
        // Most strings (rule and entity names, columns, file names) need no escape: one test per byte, then
        // one copy. (Writing each byte through the switch below was 240 instructions per string.)
        if !value.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }), let base = value.baseAddress {
            out.put(base, value.count)
            out.put(0x22)
            return
        }
        for b in value {
            switch b {
            case 0x22: out.put(0x5C); out.put(0x22)
            case 0x5C: out.put(0x5C); out.put(0x5C)
            case 0x08: out.put(0x5C); out.put(0x62)
            case 0x0C: out.put(0x5C); out.put(0x66)
            case 0x0A: out.put(0x5C); out.put(0x6E)
            case 0x0D: out.put(0x5C); out.put(0x72)
            case 0x09: out.put(0x5C); out.put(0x74)
            case 0..<0x20:
                out.put(0x5C); out.put(0x75); out.put(0x30); out.put(0x30)
                out.put(Self.hex[Int(b >> 4)]); out.put(Self.hex[Int(b & 15)])
            default: out.put(b)
            }
        }
        out.put(0x22)
    }
}

/// A key of a JSON line, written as `,"name":` (the name needs no escaping): a line copies it in one go
/// instead of writing the quotes, the colon and the comma byte by byte. A static string, so the keys are
/// constants in the binary: as arrays, each use ran a lazy global's `swift_once` and a retain and a release.
struct JSONKey {
    let text: StaticString

    /// `text` is the whole `,"name":`.
    init(_ text: StaticString) {
        self.text = text
    }
}
