import BlackbarCore
import CBlackbarSIMD
import BlackbarFormats
import BlackbarRecords
import BlackbarRedaction
import BlackbarRisk
import Dispatch
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A finding of a record input, where it is in the batch: its value, its range in the decoded value buffer.
struct ValueFinding {
    /// Index of the value in `RecordBatch.values`.
    var value: Int
    /// The finding; `range` in `RecordBatch.decoded`.
    var finding: Finding
}

/// A batch ready for the detector: its segments, which value each one is, the field names as they were when
/// it was read, and the field-evidence version its contexts were resolved at.
struct PreparedBatch {
    let batch: RecordBatch
    let indices: [Int]
    /// Per entry of `indices`: its value's field id, or -1 for a key. The evidence pass reads these instead
    /// of the values themselves (a value is 128 bytes, and a batch's values had left the cache by then: reading
    /// them again was 2.7% of a scan of a CSV file).
    let fields: [Int32]
    let segments: SegmentBatch
    let fieldNames: [String]
    let version: Int
}

/// One record input being read: its reader, the fields' contexts and policy, the field evidence, and the
/// batch loop that scans, reports and (for redact) writes.
///
/// With two or more workers the batches flow through an `OrderedPipeline`: a thread reads and prepares them,
/// the workers scan them, and the calling thread takes them in order to apply the field evidence, report and
/// write. Evidence found in batch k reaches batches already prepared with older contexts by scanning their
/// values of the changed fields again (`version`).
final class RecordPass {
    let run: TextRun
    let input: RunInput
    let format: RecordFormat
    let options: RecordOptions
    let reader: RecordReader
    let dialect: CSVDialect?
    var evidence = FieldEvidence()
    /// Guards `contexts`, `held`, `version`, `changes` and `cleanKeyFields` (the reading thread resolves contexts
    /// while the calling thread updates the evidence).
    let lock = NSLock()
    /// Per key path id (a key value's field): true once that key gave no finding, so its later copies are not
    /// scanned again.
    ///
    /// A key is scanned alone: no field name is context for it (`prepare`) and context never reaches past its
    /// own bytes, so the same bytes always give the same findings; and a path id names its parent path and its
    /// key's decoded bytes, so equal ids are equal bytes. A JSON Lines file repeats the same keys in every
    /// record, and they were most of what the detector read: about two thirds of the values of the benchmark's
    /// JSON Lines corpus are keys. A key that gave a finding is scanned every time. (By path id rather than by
    /// the key's bytes: hashing each key's bytes to ask was a tenth of the work of preparing a batch.)
    private var cleanKeyFields: [Bool] = []
    /// Per field id: its context for the detector, resolved once (again when evidence changes it).
    private var contexts: [FieldContext?] = []
    /// Fields found to hold an entity.
    private(set) var held: [Int: String] = [:]
    /// Bumped whenever a field is found to hold an entity; `changes` says which field at which version.
    private(set) var version = 0
    /// Per field id: its part in a named pair (`pairRole`; 0xFF: not known yet).
    var pairRoles: [UInt8] = []
    /// Contexts of values named by a sibling, by field id and sibling text, at evidence version
    /// `namedVersion`.
    var namedContexts: [NamedKey: FieldContext] = [:]
    var namedVersion = 0
    private var changes: [(version: Int, field: Int)] = []
    /// Per field id: its action (calling thread only).
    private var actions: [FieldAction?] = []
    private let scratches: [ScratchCell]
    /// The calling thread's scratch, for scans again after evidence and for the fixed point.
    let ownScratch: ScratchCell
    var redactors: [String: Redactor] = [:]
    /// Records read (a header is not one), and the ones left out.
    private(set) var recordsIn = 0
    private(set) var skippedNotes: [RecordsSummary.SkippedNote] = []
    /// Fields dropped, by name, for the summary.
    private var droppedNames: [String] = []
    /// Field names as shown in findings, the risk log and the profile: a key that is itself personal data
    /// (`{"jane@example.com": {...}}`) is shown as `<EMAIL_ADDRESS>` (calling thread only).
    private var shownNames: [String] = []

    init(run: TextRun, input: RunInput, fd: Int32, format: RecordFormat, options: RecordOptions) throws {
        self.run = run
        self.input = input
        self.format = format
        self.options = options
        var prefix = [UInt8](repeating: 0, count: 65_536)
        var got = 0
        // The first bytes sniff the dialect and an encoding this reader does not take.
        while got < prefix.count {
            let n = prefix.withUnsafeMutableBytes { read(fd, $0.baseAddress! + got, $0.count - got) }
            if n < 0 && errno == EINTR { continue }
            if n < 0 {
                throw RunError("\(input.display): read error at byte \(got): \(String(cString: strerror(errno)))")
            }
            if n == 0 { break }
            got += n
        }
        prefix.removeLast(prefix.count - got)
        if prefix.starts(with: [0xFF, 0xFE]) || prefix.starts(with: [0xFE, 0xFF]) {
            throw RunError(
                "\(input.display): UTF-16 \(format.rawValue) is not supported; convert it to UTF-8 first "
                    + "(iconv -f UTF-16 -t UTF-8), or read it as text with --input-format text")
        }
        let source = ByteSource(fd: fd, name: input.display, prefix: prefix)
        let config = RecordReaderConfig(limits: options.limits, onError: options.onError, batchBytes: options.batchBytes)
        switch format {
        case .csv, .tsv:
            var d = CSVDialect.sniff(prefix, extensionHint: format == .tsv ? "tsv" : "csv")
            if let forced = options.delimiter { d.delimiter = forced } else if format == .tsv { d.delimiter = 0x09 }
            d.header = options.header
            d.quoting = format != .tsv
            dialect = d
            reader = CSVReader(source: source, dialect: d, config: config)
        case .jsonl:
            dialect = nil
            reader = JSONLinesReader(source: source, config: config)
        case .json:
            dialect = nil
            reader = JSONDocumentReader(source: source, config: config)
        }
        // The run's: the gate's lazy DFA stays warm from one input to the next, and a folder of small tables
        // reaches the bytes after which a scratch uses the gate (`DetectorOptions.shapeGateAfter`).
        scratches = run.recordScratches
        ownScratch = run.recordOwnScratch
    }

    // MARK: fields

    /// The field's context: its name (a column's name, or a JSON path whose last key is the leaf) and the
    /// entity it was found to hold. Call with `lock` held.
    func context(_ field: Int, names: [String]) -> FieldContext {
        if field < contexts.count, let known = contexts[field] { return known }
        while contexts.count <= field { contexts.append(nil) }
        let name = names[field]
        let made = run.fieldContexts.context(name, leaf: format.isTable ? nil : Self.fieldLeaf(of: name), holds: held[field])
        contexts[field] = made
        return made
    }

    /// The name field rules read for a JSON path: its last key, or, when that key only names a part of its
    /// parent (`$.name[*].family`, `$.name.first`, `$.address[*].line[*]`, `$.phone.number`), the parent's key
    /// and the last key together (`name family`). A JSON record nests what a table flattens into
    /// `last_name` or `address_line1`: FHIR's `name.given` and `address.line` hold a person's name and street
    /// address under keys that say nothing alone. A key naming something of its own (`$.address.city`) stays
    /// alone, so the city is still not a street address.
    static func fieldLeaf(of path: String) -> String {
        let (key, rest) = lastKey(of: Substring(path))
        guard partKeys.contains(key.lowercased()), !rest.isEmpty, rest != "$" else { return key }
        let parent = lastKey(of: rest).key
        return parent.isEmpty || parent == "$" ? key : parent + " " + key
    }

    /// Keys that name a part of their parent rather than a thing of their own.
    static let partKeys: Set<String> = [
        "first", "last", "given", "family", "middle", "full", "text", "line", "line1", "line2", "line3",
        "value", "number", "date", "formatted", "home", "work", "primary", "personal", "private",
    ]

    /// The last key of a general path and the path before it (`$.a.b[*]` → `b`, `$.a`).
    static func lastKey(of path: Substring) -> (key: String, rest: Substring) {
        var s = path
        while s.hasSuffix("[*]") { s = s.dropLast(3) }
        if s.hasSuffix("']"), let open = s.range(of: "['", options: .backwards) {
            return (String(s[open.upperBound..<s.index(s.endIndex, offsetBy: -2)]), s[..<open.lowerBound])
        }
        if let dot = s.lastIndex(of: ".") { return (String(s[s.index(after: dot)...]), s[..<dot]) }
        return (String(s), s[s.endIndex...])
    }

    /// Field names safe to show, grown to cover `names`: each name is scanned once, and what the rules find in
    /// it is replaced by its entity.
    func shown(_ names: [String]) -> [String] {
        guard shownNames.count < names.count else { return shownNames }
        // The new names in one scan, a segment each (a scan per name cost about 200,000 instructions: a short
        // subject runs every rule's own prefilter).
        let added = names[shownNames.count...].map { Array($0.utf8) }
        let found = run.detector.scan(added.map { Segment($0) }, scratch: ownScratch.scratch)
        var byName = [[Finding]](repeating: [], count: added.count)
        for finding in found { byName[finding.segment].append(finding) }
        for (k, bytes) in added.enumerated() {
            let name = names[shownNames.count]
            shownNames.append(
                byName[k].isEmpty
                    ? name : String(decoding: Redactor(policy: RedactionPolicy()).redact(bytes, findings: byName[k]), as: UTF8.self))
        }
        return shownNames
    }

    func action(_ field: Int, names: [String]) -> FieldAction {
        if field < actions.count, let known = actions[field] { return known }
        while actions.count <= field { actions.append(nil) }
        let name = names[field]
        let made = options.policy.isEmpty ? .redact(nil) : options.policy.action(name: name, index: format.isTable ? field : nil)
        actions[field] = made
        if made == .drop { droppedNames.append(shown(names)[field]) }
        return made
    }

    /// What the input summary says about the records.
    var summary: RecordsSummary {
        var holding: [String: String] = [:]
        let names = shown(reader.fieldNames)
        for (field, counts) in evidence.fields { if let e = counts.holds { holding[names[field]] = e } }
        return RecordsSummary(
            format: format.rawValue, recordsIn: recordsIn + skippedNotes.count, recordsOut: nil, skipped: skippedNotes,
            fieldsHolding: holding, droppedFields: droppedNames)
    }

    // MARK: batches in order

    /// Every batch with its findings (field evidence applied), in order: on the calling thread with one worker,
    /// through an `OrderedPipeline` with more. `body` runs on the calling thread.
    func forEachBatch(_ body: (PreparedBatch, [ValueFinding]) throws -> Bool) throws {
        if scratches.count == 1 {
            while let batch = try reader.next() {
                let prepared = prepare(batch, only: nil)
                let found = detect(prepared, scratch: scratches[0].scratch)
                learnCleanKeys(prepared, found)
                if try !body(prepared, applyEvidence(prepared, findings: found)) { return }
            }
            return
        }
        // An input of one batch (most small tables) is scanned on the calling thread: starting the pipeline's
        // threads cost more than its scan (200 tables of five rows took 221 ms with two workers, 128 ms with
        // one). An error reading the second batch comes after the first batch, as it would from the pipeline.
        guard let first = try reader.next() else { return }
        var second: RecordBatch? = nil
        var readError: Error? = nil
        do { second = try reader.next() } catch { readError = error }
        guard let second else {
            let prepared = prepare(first, only: nil)
            let found = detect(prepared, scratch: scratches[0].scratch)
            learnCleanKeys(prepared, found)
            _ = try body(prepared, applyEvidence(prepared, findings: found))
            if let readError { throw readError }
            return
        }
        var read = [first, second]
        let detector = run.detector
        let cells = scratches
        let pipeline = OrderedPipeline<PreparedBatch, [ValueFinding]>(
            workers: cells.count, limit: cells.count * 2,
            produce: { [self] in
                if !read.isEmpty { return prepare(read.removeFirst(), only: nil) }
                return try reader.next().map { prepare($0, only: nil) }
            },
            work: { prepared, worker in Self.detect(prepared, detector: detector, scratch: cells[worker].scratch) })
        defer { pipeline.finish() }
        while let (prepared, found) = try pipeline.next() {
            learnCleanKeys(prepared, found)
            if try !body(prepared, applyEvidence(prepared, findings: found)) { return }
        }
    }

    /// Match attempts cut short by PCRE2's limits, since the last call.
    func takeLimitHits() -> Int { scratches.reduce(ownScratch.takeLimitHits()) { $0 + $1.takeLimitHits() } }

    // MARK: the loop

    /// Reads every batch: scans it, records and reports each finding, and with an `output` writes the batch
    /// redacted. `values`: each reported finding carries its value (for a caller that shows values).
    func run(
        tally: inout Tally, output: ByteOutput?, streaming: Bool, values: Bool = false,
        afterBatch: (Int) throws -> Void, found: (ReportedFinding) throws -> Void
    ) throws -> InputOutcome {
        var bytes = 0
        var firstBatch = true
        var t = tally
        defer { tally = t }
        try forEachBatch { prepared, findings in
            let batch = prepared.batch
            let names = prepared.fieldNames
            if firstBatch, output != nil, format.isTable, !options.policy.isEmpty {
                // A typo in --column or --drop-column must not leave a column as it was without a word.
                let unmatched = options.policy.unmatched(names: names)
                if !unmatched.isEmpty {
                    run.warn("\(input.display): warning: no field named \(unmatched.joined(separator: ", "))")
                }
            }
            firstBatch = false
            bytes += batch.source.count
            t.hashInput(batch.source)
            for record in batch.records where record.number > 0 { recordsIn += 1 }
            for skipped in batch.skipped {
                skippedNotes.append(.init(record: skipped.number, line: skipped.line, reason: skipped.reason))
                run.warn("\(input.display): line \(skipped.line), record \(skipped.number): skipped: \(skipped.reason)")
            }
            // The value's bytes are read through `decoded` alone: the risk log's argument is a closure, and
            // capturing `batch` in it copied the batch (a retain and a release of each of its arrays) per finding.
            let decoded = batch.decoded
            // The values of the findings a few ahead are asked for now (`bb_prefetch`): read one by one as each is
            // placed, they came from memory (locate was 5% of a scan of a table, nearly all of it waiting).
            let valueBase = batch.values.withUnsafeBufferPointer { UnsafeRawPointer($0.baseAddress) }
            let stride = MemoryLayout<RecordValue>.stride
            for (k, item) in findings.enumerated() {
                if k + 8 < findings.count, let valueBase {
                    bb_prefetch(valueBase + findings[k + 8].value * stride, Int32((stride + 63) / 64))
                }
                let reported = locate(item, in: batch, names: names)
                let opName: String
                if output == nil {
                    opName = "reported"
                } else {
                    switch action(batch.values[item.value].field, names: names) {
                    case .drop: opName = "drop"
                    case .keep: opName = "keep"
                    case .redact(let op): opName = (op ?? run.redactor!.policy.operator(for: item.finding.entity)).description
                    }
                }
                // The value is copied only for the risk log's fingerprint or a caller that shows values (a copy per
                // finding was an allocation each).
                let range = item.finding.range.start..<item.finding.range.end
                try t.record(reported.finding, reported.location, value: Array(decoded[range]), action: opName)
                if values {
                    var withValue = reported
                    withValue.value = Array(decoded[range])
                    try found(withValue)
                } else {
                    try found(reported)
                }
            }
            if let output {
                let written = try redact(prepared, findings: findings, tally: &t)
                try written.withUnsafeBytes { try output.write($0) }
                if streaming { try output.flush() }
                t.hashOutput(written)
            }
            try afterBatch(batch.source.count)
            return true
        }
        var summary = self.summary
        if output != nil { summary.recordsOut = recordsIn }
        t.records = summary
        if output != nil && bytes == 0 { t.hashOutput([]) }
        return try t.finish(bytes: bytes, limitHits: takeLimitHits())
    }

    /// The batch's segments (or those of the values `only`), each with its field's context. The detector reads
    /// strings, numbers and keys of data records (a CSV header is names, not data).
    private func prepare(_ batch: RecordBatch, only: [Int]?) -> PreparedBatch {
        let count = only?.count ?? batch.values.count
        var contexts: [FieldContext] = []
        let names = reader.fieldNames
        lock.lock()
        let version = self.version
        // The batch's own table of contexts by field number (-1: not yet), as numbers in `segments`; named pairs'
        // contexts by identity. `contexts` does not change while the lock is held, and reaching it for every
        // value (a class property, checked for exclusive access each time) was 1% of a CSV scan.
        var resolved = [Int32](repeating: -1, count: names.count)
        var namedNumbers: [ObjectIdentifier: Int32] = [:]
        func add(_ context: FieldContext) -> Int32 {
            contexts.append(context)
            return Int32(contexts.count - 1)
        }
        func number(ofNamed context: FieldContext) -> Int32 {
            let id = ObjectIdentifier(context)
            if let n = namedNumbers[id] { return n }
            let n = add(context)
            namedNumbers[id] = n
            return n
        }
        let pairs = namedPairs(batch, names: names)
        let anyPairs = !pairs.named.isEmpty || !pairs.namers.isEmpty
        let cleanKeys = cleanKeyFields
        // Through buffer pointers, each value's fields read in place: a copy of every value (128 bytes) and an
        // array of all indices per batch showed in a table's scan. The four per-segment arrays are written in
        // place too, into room for every value (an append per array per value was four uniqueness and capacity
        // checks).
        var written = 0
        var fields: [Int32] = []
        var indices: [Int] = []
        var fieldNumbers: [Int32] = []
        let ranges = [Range<Int>](unsafeUninitializedCapacity: count) { rangeRoom, rangeCount in
            fieldNumbers = [Int32](unsafeUninitializedCapacity: count) { numberRoom, numberCount in
                indices = [Int](unsafeUninitializedCapacity: count) { indexRoom, indexCount in
                    fields = [Int32](unsafeUninitializedCapacity: count) { fieldRoom, fieldCount in
                        batch.values.withUnsafeBufferPointer { values in
                            batch.records.withUnsafeBufferPointer { records in
                                func visit(_ v: Int) {
                                    // Empty values, literals and the CSV header are not scanned.
                                    let kind = values[v].kind, decoded = values[v].decoded, f = values[v].field
                                    guard !decoded.isEmpty, kind != .literal, records[values[v].record].number > 0 else {
                                        return
                                    }
                                    // A key is data only for what it holds itself: no field name is context for it.
                                    let field: Int32
                                    if kind == .key {
                                        if f < cleanKeys.count && cleanKeys[f] { return }
                                        field = -1
                                    } else if anyPairs, let sibling = pairs.named[v] {
                                        field = number(ofNamed: namedContext(f, sibling: sibling, names: names))
                                    } else if anyPairs, pairs.namers.contains(v) {
                                        field = number(ofNamed: namedContext(f, sibling: nil, names: names))
                                    } else if f < resolved.count, resolved[f] >= 0 {
                                        field = resolved[f]
                                    } else {
                                        field = add(context(f, names: names))
                                        if f < resolved.count { resolved[f] = field }
                                    }
                                    (rangeRoom.baseAddress! + written).initialize(to: decoded)
                                    (numberRoom.baseAddress! + written).initialize(to: field)
                                    (indexRoom.baseAddress! + written).initialize(to: v)
                                    (fieldRoom.baseAddress! + written).initialize(
                                        to: kind == .key ? -1 : Int32(truncatingIfNeeded: f))
                                    written += 1
                                }
                                if let only {
                                    for v in only { visit(v) }
                                } else {
                                    for v in 0..<values.count { visit(v) }
                                }
                            }
                        }
                        fieldCount = written
                    }
                    indexCount = written
                }
                numberCount = written
            }
            rangeCount = written
        }
        lock.unlock()
        var segments = SegmentBatch(
            buffer: SharedBytes(batch.decoded), ranges: ranges, fieldNumbers: fieldNumbers, fields: contexts)
        segments.sourceBytes = batch.source.count
        return PreparedBatch(
            batch: batch, indices: indices, fields: fields, segments: segments, fieldNames: names, version: version)
    }

    /// Scans a prepared batch on one thread.
    static func detect(_ prepared: PreparedBatch, detector: Detector, scratch: DetectorScratch) -> [ValueFinding] {
        guard !prepared.segments.isEmpty else { return [] }
        return detector.scan(prepared.segments, scratch: scratch).map {
            ValueFinding(value: prepared.indices[$0.segment], finding: $0)
        }
    }

    private func detect(_ prepared: PreparedBatch, scratch: DetectorScratch) -> [ValueFinding] {
        Self.detect(prepared, detector: run.detector, scratch: scratch)
    }

    /// Marks the batch's keys that the detector found nothing in (`cleanKeyFields`). `found` is the detector's
    /// own findings, before the field evidence: a key's findings depend on its bytes alone.
    private func learnCleanKeys(_ prepared: PreparedBatch, _ found: [ValueFinding]) {
        let batch = prepared.batch
        // Findings come by segment, so their values ascend as `indices` do.
        var k = 0
        lock.lock()
        defer { lock.unlock() }
        for (n, v) in prepared.indices.enumerated() where prepared.fields[n] < 0 {
            while k < found.count && found[k].value < v { k += 1 }
            if k < found.count && found[k].value == v { continue }
            let field = batch.values[v].field
            if field >= cleanKeyFields.count {
                let grown = max(field + 1, prepared.fieldNames.count)
                cleanKeyFields.append(contentsOf: repeatElement(false, count: grown - cleanKeyFields.count))
            }
            cleanKeyFields[field] = true
        }
    }

    /// Counts the batch into the field evidence. Values of fields whose evidence changed after the batch's
    /// contexts were resolved (in this batch or an earlier one) are scanned again with the new contexts, and
    /// their new findings replace the old.
    private func applyEvidence(_ prepared: PreparedBatch, findings: [ValueFinding]) -> [ValueFinding] {
        let batch = prepared.batch
        // Validated findings by value, walked beside the values (both ascending): no per-value lookup.
        var validated: [(value: Int, entity: InternedName)] = []
        for item in findings where item.finding.validated { validated.append((item.value, item.finding.internedEntity)) }
        validated.sort { $0.value < $1.value }
        var k = 0
        // Counted in a local, swapped in and out: the property was checked for exclusive access per value.
        var evidence = FieldEvidence()
        swap(&evidence, &self.evidence)
        let fieldCount = Int(prepared.fields.max() ?? -1) + 1
        evidence.makeRoom(fields: fieldCount)
        var valueCounts = [Int](repeating: 0, count: fieldCount)
        valueCounts.withUnsafeMutableBufferPointer { valueCounts in
            for (n, v) in prepared.indices.enumerated() where prepared.fields[n] >= 0 {
                let field = Int(prepared.fields[n])
                valueCounts[field] &+= 1
                while k < validated.count && validated[k].value < v { k += 1 }
                var g = k
                while g < validated.count && validated[g].value == v {
                    let entity = validated[g].entity
                    // Each entity once per value, as a set of them would.
                    if !validated[k..<g].contains(where: { $0.entity === entity }) {
                        evidence.countValidated(field: field, entity: entity)
                    }
                    g += 1
                }
            }
        }
        evidence.addValues(valueCounts)
        let newly = evidence.newlyHolding()
        swap(&evidence, &self.evidence)
        lock.lock()
        for (field, entity) in newly {
            version += 1
            held[field] = entity
            changes.append((version, field))
            if field < contexts.count { contexts[field] = nil }
        }
        var stale: [Int: String] = [:]
        for change in changes where change.version > prepared.version { stale[change.field] = held[change.field] }
        lock.unlock()
        guard !stale.isEmpty else { return findings }
        // Only values without a finding of the entity their field holds can gain from its new context.
        var has = Set<Int>()
        for item in findings where stale[batch.values[item.value].field] == item.finding.entity { has.insert(item.value) }
        let again = prepared.indices.filter {
            stale[batch.values[$0].field] != nil && batch.values[$0].kind != .key && !has.contains($0)
        }
        guard !again.isEmpty else { return findings }
        let rescanned = detect(prepare(batch, only: again), scratch: ownScratch.scratch)
        let replaced = Set(again)
        return (findings.filter { !replaced.contains($0.value) } + rescanned).sorted {
            ($0.value, $0.finding.range.start) < ($1.value, $1.finding.range.start)
        }
    }

    /// The finding placed in the input: its source range, line and column, record, field, and place in its value.
    private func locate(_ item: ValueFinding, in batch: borrowing RecordBatch, names: [String]) -> ReportedFinding {
        let value = batch.values[item.value]
        let decoded = item.finding.range.start..<item.finding.range.end
        let source = batch.sourceRange(ofValue: item.value, decoded: decoded)
        var finding = item.finding
        finding.range = ByteRange(source.lowerBound, source.upperBound)
        finding.segment = 0
        // Lines inside a value (a quoted CSV field; a JSON string holds \n escapes, not line feeds).
        var line = value.line
        var column = value.column + (source.lowerBound - value.source.lowerBound)
        var lastBreak: Int? = nil
        // Only a quoted CSV field holds line feeds (an unquoted one ends at the first; JSON escapes them).
        if value.kind == .quoted {
            for i in value.source.lowerBound..<source.lowerBound where batch.source[i - batch.sourceOffset] == 0x0A {
                line += 1
                lastBreak = i
            }
        }
        if let lastBreak { column = source.lowerBound - lastBreak }
        let safe = shown(names)
        let field = format.isTable ? safe[value.field] : batch.path(ofValue: item.value, fieldNames: safe)
        let location = Location(
            line: line, column: column, record: batch.records[value.record].number, field: field,
            fieldIndex: format.isTable ? value.field + 1 : nil,
            inValue: (decoded.lowerBound - value.decoded.lowerBound)..<(decoded.upperBound - value.decoded.lowerBound))
        return ReportedFinding(finding: finding, location: location, value: nil)
    }

}

/// A detector scratch a worker thread owns while it scans its part of a batch.
final class ScratchCell: @unchecked Sendable {
    let scratch = DetectorScratch()
    private var seenLimitHits = 0

    /// Limit hits since the last call.
    func takeLimitHits() -> Int {
        let now = scratch.limitHits
        defer { seenLimitHits = now }
        return now - seenLimitHits
    }
}

