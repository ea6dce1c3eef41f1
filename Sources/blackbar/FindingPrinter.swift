import BlackbarBytes
import BlackbarCore
import BlackbarPipeline
import Foundation

/// Prints findings as a table or as JSON Lines. Values only with `showValues`.
final class FindingPrinter {
    let format: OutputFormat
    let showValues: Bool
    let explain: Bool
    private let encoder: JSONEncoder
    private var printedHeader = false
    private var count = 0
    /// The last input's name and its JSON string: a file with many findings escapes its name once.
    private var inputName = ""
    private let inputJSON = ByteBuffer(capacity: 256)
    /// The storage each JSON line is written into, allocated once.
    private let lineBuffer = ByteBuffer()
    /// JSON strings of rule ids and entities, escaped once per name and kept in the slot of the interned name's
    /// number: a line's two names were 500 of its 2,200 instructions, escaped anew.
    private let nameJSON = JSONSlots(count: 512, width: 64)
    /// Pieces of text lines (`printTextLine`), by the interned name's number: entity and input, and rule.
    private var entityPieces = JSONSlots(count: 512, width: 256)
    private let rulePieces = JSONSlots(count: 512, width: 128)
    /// Pieces of record lines (`printRecordLine`): `,"entity":"…","field":` by entity, and `,"low_risk":"…"`
    /// by note; `"…",["field_index":…,]"input":"…","line":` by field name and index (for the current input).
    private let recordEntityPieces = JSONSlots(count: 512, width: 128)
    private let notePieces = JSONSlots(count: 512, width: 256)
    private var fieldNames = [String?](repeating: nil, count: 256)
    private var fieldIndexes = [Int](repeating: -1, count: 256)
    private var fieldPieces = JSONSlots(count: 256, width: 256)
    /// Slot 0: the last confidence that is not a whole number of hundredths, and its digits; slots 1 to 101:
    /// the JSON text of 0, 0.01, ... 1, as `JSONEncoder` writes those numbers (`0.7`, `1`).
    private var lastConfidence = Double.nan
    private let confidenceJSON: JSONSlots = {
        let slots = JSONSlots(count: 102, width: 32)
        for n in 0...100 {
            var bytes: [UInt8] = []
            JSONLine.appendNumber(Double(n) / 100, to: &bytes)
            slots.store(n + 1, bytes)
        }
        return slots
    }()

    init(format: OutputFormat, showValues: Bool, explain: Bool) {
        self.format = format
        self.showValues = showValues
        self.explain = explain
        encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    }

    /// One JSON Lines record.
    struct Record: Encodable {
        var input: String
        var start: Int
        var end: Int
        var line: Int?
        var column: Int?
        var record: Int?
        var field: String?
        var fieldIndex: Int?
        var valueStart: Int?
        var valueEnd: Int?
        var entity: String
        var rule: String
        var confidence: Double
        var validated: Bool
        var lowRisk: String?
        var value: String?
        var valueBase64: String?
        var explain: ExplainRecord?

        enum CodingKeys: String, CodingKey {
            case input, start, end, line, column, record, field, entity, rule, confidence, validated, value, explain
            case lowRisk = "low_risk"
            case valueBase64 = "value_base64"
            case fieldIndex = "field_index"
            case valueStart = "value_start"
            case valueEnd = "value_end"
        }
    }

    struct ExplainRecord: Encodable {
        var pattern: String
        var validator: String?
        var outcome: String
        var context: String?
        var negativeContext: String?
        var base: Double

        enum CodingKeys: String, CodingKey {
            case pattern, validator, outcome, context, base
            case negativeContext = "negative_context"
        }
    }

    /// The slot of `slots` that holds what `make` makes of `name`: the slot of the name's number, made on first
    /// use; nil when it does not fit. (A direct-mapped table by the name's address, as this was, missed a
    /// quarter of the time on a table with findings of eighty entities: names took turns evicting each other.)
    private static func slot(for name: InternedName, in slots: JSONSlots, make: (String) -> [UInt8]) -> Int? {
        let k = name.index
        if k < slots.count {
            let length = slots.length(k)
            if length >= 0 { return k }
            if length == JSONSlots.tooLong { return nil }
        } else {
            slots.ensure(k + 1)
        }
        return slots.store(k, make(name.string)) ? k : nil
    }

    /// Adds `name` as a JSON string, escaped once per name into `nameJSON` (a name too long for a slot is
    /// escaped each time).
    private func add(_ key: JSONKey, _ name: InternedName, to line: inout JSONLine) {
        guard let slot = Self.slot(for: name, in: nameJSON, make: Self.jsonString) else {
            line.add(key, name.string)
            return
        }
        line.add(key, json: nameJSON.start(slot), count: nameJSON.length(slot))
    }

    /// `text` as a JSON string.
    private static func jsonString(_ text: String) -> [UInt8] {
        var json: [UInt8] = []
        JSONLine.appendString(text, to: &json)
        return json
    }

    /// The slot of `confidenceJSON` holding `confidence` as JSON. Confidences are hundredths (the detector
    /// rounds them): their text comes from a table; any other value is formatted once into slot 0 and kept while
    /// it repeats. (Formatting a `Double` was 700 instructions, and a table's findings change confidence at
    /// nearly every line.)
    private func confidenceSlot(_ confidence: Double) -> Int {
        let hundredths = (confidence * 100).rounded()
        if hundredths >= 0 && hundredths <= 100 && hundredths / 100 == confidence { return Int(hundredths) + 1 }
        if confidence != lastConfidence {
            lastConfidence = confidence
            var digits: [UInt8] = []
            JSONLine.appendNumber(confidence, to: &digits)
            confidenceJSON.store(0, digits)
        }
        return 0
    }

    /// A new input's name as a JSON string; the pieces that hold it are made again.
    private func newInput(_ input: String) {
        inputName = input
        inputJSON.reset()
        var name = input
        name.withUTF8 { JSONLine.appendString($0, to: inputJSON) }
        entityPieces.clear()
        if inputJSON.count + 96 > entityPieces.width {
            entityPieces = JSONSlots(count: entityPieces.count, width: inputJSON.count + 128)
        }
        for k in fieldNames.indices { fieldNames[k] = nil }
        if inputJSON.count + 160 > fieldPieces.width { fieldPieces = JSONSlots(count: 256, width: inputJSON.count + 256) }
    }

    /// A line of text's finding (a line and a column; no field, record, note or value), written from pieces
    /// kept per name: `,"entity":"…","input":"…","line":` by entity (for the current input) and
    /// `,"rule":"…","start":` by rule, around the four numbers and the confidence. The same bytes as the
    /// general path, which wrote and escaped nine keys and three strings per line (about 1,800 instructions,
    /// on the thread that hands findings on in order). False when the finding needs the general path.
    private func printTextLine(_ f: Finding, _ location: Location, to out: FDWriter) throws -> Bool {
        guard let column = location.column, let lineNumber = location.line, location.field == nil,
            location.fieldIndex == nil, location.record == nil, location.inValue == nil, f.lowRisk == nil,
            let entity = entityPiece(f.internedEntity), let rule = rulePiece(f.internedRuleID)
        else { return false }
        let b = startLine(f, column: column, room: entityPieces.length(entity) + rulePieces.length(rule))
        func put(_ text: StaticString) { b.put(text.utf8Start, text.utf8CodeUnitCount) }
        b.put(entityPieces.start(entity), entityPieces.length(entity))
        JSONLine.appendDecimal(lineNumber, to: b)
        b.put(rulePieces.start(rule), rulePieces.length(rule))
        JSONLine.appendDecimal(f.range.start, to: b)
        if f.validated { put(#","validated":true}"#) } else { put(#","validated":false}"#) }
        b.put(0x0A)
        try b.withBytes { try out.write($0) }
        return true
    }

    /// The line buffer, emptied, with room for `room` bytes of pieces and any numbers, holding the keys both fast
    /// paths start with: `{"column":…,"confidence":…,"end":…`.
    private func startLine(_ f: Finding, column: Int, room: Int) -> ByteBuffer {
        let confidence = confidenceSlot(f.confidence)
        let b = lineBuffer
        b.reset()
        b.reserve(300 + room)
        func put(_ text: StaticString) { b.put(text.utf8Start, text.utf8CodeUnitCount) }
        put(#"{"column":"#)
        JSONLine.appendDecimal(column, to: b)
        put(#","confidence":"#)
        b.put(confidenceJSON.start(confidence), confidenceJSON.length(confidence))
        put(#","end":"#)
        JSONLine.appendDecimal(f.range.end, to: b)
        return b
    }

    /// A record's finding (a field, a record, a line and a column, the range inside the value; no value shown),
    /// written from pieces kept per entity, per field and per note around the numbers, as `printTextLine` does
    /// for text: the general path wrote fourteen keys and escaped the field's name per line (about 3,000
    /// instructions per finding, and a table holds thousands of findings per MB). False when the finding needs
    /// the general path.
    private func printRecordLine(_ f: Finding, _ location: Location, to out: FDWriter) throws -> Bool {
        guard let column = location.column, let lineNumber = location.line, let field = location.field,
            let record = location.record, let inValue = location.inValue,
            let entity = recordEntityPiece(f.internedEntity), let rule = rulePiece(f.internedRuleID),
            let fieldSlot = fieldPiece(field, location.fieldIndex)
        else { return false }
        var note: Int? = nil
        if let lowRisk = f.internedLowRisk {
            guard let slot = notePiece(lowRisk) else { return false }
            note = slot
        }
        let b = startLine(
            f, column: column,
            room: recordEntityPieces.length(entity) + rulePieces.length(rule) + fieldPieces.length(fieldSlot)
                + (note.map { notePieces.length($0) } ?? 0))
        func put(_ text: StaticString) { b.put(text.utf8Start, text.utf8CodeUnitCount) }
        b.put(recordEntityPieces.start(entity), recordEntityPieces.length(entity))
        b.put(fieldPieces.start(fieldSlot), fieldPieces.length(fieldSlot))
        JSONLine.appendDecimal(lineNumber, to: b)
        if let note { b.put(notePieces.start(note), notePieces.length(note)) }
        put(#","record":"#)
        JSONLine.appendDecimal(record, to: b)
        b.put(rulePieces.start(rule), rulePieces.length(rule))
        JSONLine.appendDecimal(f.range.start, to: b)
        if f.validated { put(#","validated":true,"value_end":"#) } else { put(#","validated":false,"value_end":"#) }
        JSONLine.appendDecimal(inValue.upperBound, to: b)
        put(#","value_start":"#)
        JSONLine.appendDecimal(inValue.lowerBound, to: b)
        put("}\n")
        try b.withBytes { try out.write($0) }
        return true
    }

    /// The slot of `recordEntityPieces` for `entity`; nil when it does not fit.
    private func recordEntityPiece(_ entity: InternedName) -> Int? {
        Self.slot(for: entity, in: recordEntityPieces) { name in
            Array(#","entity":"#.utf8) + Self.jsonString(name) + Array(#","field":"#.utf8)
        }
    }

    /// The slot of `notePieces` for a look-alike note; nil when it does not fit.
    private func notePiece(_ note: InternedName) -> Int? {
        Self.slot(for: note, in: notePieces) { name in
            Array(#","low_risk":"#.utf8) + Self.jsonString(name)
        }
    }

    /// The slot of `fieldPieces` for a field's name and index with the current input, found by a hash of the
    /// name's length and its first and last eight bytes and then compared whole; nil when it does not fit.
    private func fieldPiece(_ field: String, _ index: Int?) -> Int? {
        var name = field
        let hash: UInt64 = name.withUTF8 { bytes in
            let n = bytes.count
            guard n >= 8, let base = bytes.baseAddress else {
                var h = UInt64(n)
                for b in bytes { h = h << 8 | UInt64(b) }
                return h
            }
            let raw = UnsafeRawPointer(base)
            return raw.loadUnaligned(as: UInt64.self) &* 31 ^ raw.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self)
                ^ UInt64(n) << 56
        }
        let key = index ?? -1
        let slot = Int(truncatingIfNeeded: ((hash ^ UInt64(bitPattern: Int64(key))) &* 0x9E37_79B9_7F4A_7C15) >> 56)
        if fieldIndexes[slot] == key, let known = fieldNames[slot], known == field { return slot }
        var piece = Self.jsonString(field)
        if let index {
            piece += Array(#","field_index":"#.utf8)
            JSONLine.appendDecimal(index, to: &piece)
        }
        piece += Array(#","input":"#.utf8)
        inputJSON.withBytes { piece.append(contentsOf: $0) }
        piece += Array(#","line":"#.utf8)
        guard fieldPieces.store(slot, piece) else {
            fieldNames[slot] = nil
            return nil
        }
        fieldNames[slot] = field
        fieldIndexes[slot] = key
        return slot
    }

    /// The slot of `entityPieces` for `entity` with the current input; nil when it does not fit.
    private func entityPiece(_ entity: InternedName) -> Int? {
        Self.slot(for: entity, in: entityPieces) { name in
            var piece = Array(#","entity":"#.utf8) + Self.jsonString(name) + Array(#","input":"#.utf8)
            inputJSON.withBytes { piece.append(contentsOf: $0) }
            return piece + Array(#","line":"#.utf8)
        }
    }

    /// The slot of `rulePieces` for `rule`; nil when it does not fit.
    private func rulePiece(_ rule: InternedName) -> Int? {
        Self.slot(for: rule, in: rulePieces) { name in
            Array(#","rule":"#.utf8) + Self.jsonString(name) + Array(#","start":"#.utf8)
        }
    }

    func print(_ located: ReportedFinding, input: String, to out: FDWriter) throws {
        let f = located.finding
        var value: String? = nil
        var valueBase64: String? = nil
        if showValues, let bytes = located.value {
            if let text = String(validating: bytes, as: UTF8.self) { value = text } else {
                valueBase64 = Data(bytes).base64EncodedString()
            }
        }
        let why = explain ? f.explanation.map {
            ExplainRecord(
                pattern: $0.pattern, validator: $0.validator, outcome: $0.outcome.rawValue, context: $0.contextWord,
                negativeContext: $0.negativeWord, base: $0.base)
        } : nil
        switch format {
        case .jsonl where why == nil, .auto where why == nil:
            if input != inputName { newInput(input) }
            if value == nil, valueBase64 == nil {
                if located.location.record == nil {
                    if try printTextLine(f, located.location, to: out) { return }
                } else if try printRecordLine(f, located.location, to: out) {
                    return
                }
            }
            // Keys in sorted order, as the encoder wrote them.
            var line = JSONLine(into: lineBuffer)
            if let column = located.location.column { line.add(.column, column) }
            let confidence = confidenceSlot(f.confidence)
            line.add(.confidence, json: confidenceJSON.start(confidence), count: confidenceJSON.length(confidence))
            line.add(.end, f.range.end)
            add(.entity, f.internedEntity, to: &line)
            if let field = located.location.field { line.add(.field, field) }
            if let index = located.location.fieldIndex { line.add(.fieldIndex, index) }
            inputJSON.withBytes { line.add(.input, json: $0.baseAddress!.assumingMemoryBound(to: UInt8.self), count: $0.count) }
            if let number = located.location.line { line.add(.line, number) }
            if let note = f.lowRisk { line.add(.lowRisk, note) }
            if let record = located.location.record { line.add(.record, record) }
            add(.rule, f.internedRuleID, to: &line)
            line.add(.start, f.range.start)
            line.add(.validated, f.validated)
            if let value { line.add(.value, value) }
            if let valueBase64 { line.add(.valueBase64, valueBase64) }
            if let inValue = located.location.inValue {
                line.add(.valueEnd, inValue.upperBound)
                line.add(.valueStart, inValue.lowerBound)
            }
            line.finish()
            try lineBuffer.withBytes { try out.write($0) }
        case .jsonl, .auto:
            let record = Record(
                input: input, start: f.range.start, end: f.range.end, line: located.location.line,
                column: located.location.column, record: located.location.record, field: located.location.field,
                fieldIndex: located.location.fieldIndex, valueStart: located.location.inValue?.lowerBound,
                valueEnd: located.location.inValue?.upperBound, entity: f.entity, rule: f.ruleID, confidence: f.confidence,
                validated: f.validated, lowRisk: f.lowRisk, value: value, valueBase64: valueBase64, explain: why)
            var data = try encoder.encode(record)
            data.append(0x0A)
            try data.withUnsafeBytes { try out.write($0) }
        case .table:
            if !printedHeader {
                try out.write(pad("LOCATION", 28) + " " + pad("ENTITY", 20) + " " + pad("RULE", 22) + " CONF\n")
                printedHeader = true
            }
            count += 1
            let at = located.location
            let position: String
            if let record = at.record {
                position = "\(input):\(record):\(at.field ?? "")"
            } else if at.line == nil, let field = at.field {
                position = "\(input):\(field)"  // a metadata tag
            } else {
                position = "\(input):\(at.line ?? 0):\(at.column ?? 0)"
            }
            var line = pad(position, 28) + " " + pad(f.entity, 20) + " " + pad(f.ruleID, 22) + " "
                + String(format: "%.2f", f.confidence) + (f.validated ? " ✓" : "  ")
            if let value { line += "  " + value } else if let valueBase64 { line += "  base64:" + valueBase64 }
            if let note = f.lowRisk { line += "  (low: " + note + ")" }
            try out.write(line + "\n")
            if let why {
                var text = "    pattern \(why.pattern)\n    validator \(why.validator ?? "none"): \(why.outcome)"
                text += ", base \(why.base)"
                if let c = why.context { text += ", context word '\(c)'" }
                if let n = why.negativeContext { text += ", negative context '\(n)'" }
                try out.write(text + "\n")
            }
        }
    }

    /// Closes the table with a count (JSON Lines output has no footer).
    func finish(to out: FDWriter) throws {
        if format == .table && count > 0 { try out.write("\(count) finding\(count == 1 ? "" : "s") (✓ = checksum or structure validated)\n") }
    }

    private func pad(_ s: String, _ width: Int) -> String {
        s.count >= width ? s : s + String(repeating: " ", count: width - s.count)
    }
}

/// The keys of a finding's JSON line.
extension JSONKey {
    static let column = JSONKey(#","column":"#)
    static let confidence = JSONKey(#","confidence":"#)
    static let end = JSONKey(#","end":"#)
    static let entity = JSONKey(#","entity":"#)
    static let field = JSONKey(#","field":"#)
    static let fieldIndex = JSONKey(#","field_index":"#)
    static let input = JSONKey(#","input":"#)
    static let line = JSONKey(#","line":"#)
    static let lowRisk = JSONKey(#","low_risk":"#)
    static let record = JSONKey(#","record":"#)
    static let rule = JSONKey(#","rule":"#)
    static let start = JSONKey(#","start":"#)
    static let validated = JSONKey(#","validated":"#)
    static let value = JSONKey(#","value":"#)
    static let valueBase64 = JSONKey(#","value_base64":"#)
    static let valueEnd = JSONKey(#","value_end":"#)
    static let valueStart = JSONKey(#","value_start":"#)
}
