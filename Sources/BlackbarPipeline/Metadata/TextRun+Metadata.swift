import BlackbarCore
import BlackbarMetadata
import BlackbarRedaction

#if canImport(Glibc)
    import Glibc
#endif

/// A finding in a file's metadata: the field it is in, the finding (range in the file), and its value.
struct MetadataFinding {
    var field: Int
    var finding: Finding
    var location: Location
    var value: [UInt8]
    /// Made from the tag alone (a GPS tag, a serial number tag), not by a rule reading the value.
    var byTag: Bool
}

extension TextRun {
    /// The media or document format of an input by its first bytes (and, for office files, its name); nil:
    /// not one the metadata path reads. `head`: its first bytes as `head(of:)` reads them, when the caller has
    /// them (nil: read here).
    public static func mediaFormat(of input: RunInput, head: [UInt8]? = nil) -> MediaFormat? {
        guard !input.isStdin, let bytes = head ?? Self.head(of: input), !bytes.isEmpty else { return nil }
        return MediaFormat.sniff(Array(bytes.prefix(32)), name: input.path)
    }

    /// Scans a photo's, video's or document's metadata: each field with the rules (its tag as context), and
    /// the fields whose tag says what they hold (GPS, serial numbers, names, capture dates).
    @discardableResult
    public func scanMetadata(_ input: RunInput, format: MediaFormat, values: Bool, found: (ReportedFinding) throws -> Void)
        throws -> InputOutcome
    {
        try withMetadata(input, format: format) { doc, raw, tally in
            for item in metadataFindings(doc) {
                try tally.record(item.finding, item.location, value: item.value, action: "reported")
                try found(ReportedFinding(finding: item.finding, location: item.location, value: values ? item.value : nil))
            }
            return try tally.finish(bytes: raw.count, limitHits: 0)
        }
    }

    /// Writes a copy of a photo, video or document with its personal metadata removed or redacted (and with
    /// `strip` `.all`, every field not needed to show it); the payload is copied byte for byte. The output is
    /// read again and must hold no finding but capture dates (status `.residual` otherwise, not written).
    @discardableResult
    public func redactMetadata(
        _ input: RunInput, format: MediaFormat, strip: StripMode, to output: ByteOutput, outputName: String,
        found: (ReportedFinding) throws -> Void = { _ in }
    ) throws -> InputOutcome {
        guard let redactor else { preconditionFailure("redact on a scan run") }
        return try withMetadata(input, format: format) { doc, raw, tally in
            tally.output = outputName
            let findings = metadataFindings(doc)
            var changes: [Int: FieldChange] = [:]
            var byField: [Int: [MetadataFinding]] = [:]
            for item in findings { byField[item.field, default: []].append(item) }
            for (field, items) in byField {
                if let change = change(for: doc.fields[field], items, redactor: redactor) { changes[field] = change }
            }
            if strip == .all {
                // Everything not needed to show the file goes, redacted or not.
                for (i, field) in doc.fields.enumerated() where field.meaning != .needed && changes[i] != nil { changes[i] = .remove }
            }
            let result = try doc.rewrite(changes, strip: strip)
            for item in findings {
                let action: String
                if result.removedInstead.contains(item.field) { action = "remove" } else {
                    switch changes[item.field] {
                    case .remove?: action = "remove"
                    case .replace?: action = redactor.policy.operator(for: item.finding.entity).description
                    case nil: action = result.stripped.contains(item.field) ? "remove" : "keep"
                    }
                }
                try tally.record(item.finding, item.location, value: item.value, action: action)
                try found(ReportedFinding(finding: item.finding, location: item.location, value: nil))
            }
            var written = Set<[UInt8]>()
            for case .replace(let text) in changes.values { written.insert(Array(Self.trimmed(text))) }
            if let file = Self.regularFile(output) {
                // Written first and read back from its file (a video is never held in memory); the caller
                // drops the unfinished file when the check fails.
                try write(result, raw: raw, to: output, tally: &tally)
                try output.flush()
                let mapped = try MappedFile(fd: file.fd, name: outputName)
                try mapped.withBytes { try verify($0, format: format, input: input, written: written, tally: &tally) }
            } else {
                try result.bytes(from: raw).withUnsafeBytes {
                    try verify($0, format: format, input: input, written: written, tally: &tally)
                }
                try write(result, raw: raw, to: output, tally: &tally)
            }
            tally.passes = 1
            return try tally.finish(bytes: raw.count, limitHits: 0)
        }
    }

    /// What happens to one field: GPS goes; a name or serial is replaced by its entity's operator (removed
    /// when that makes it empty); text gets its findings redacted; capture dates stay.
    private func change(for field: MetadataField, _ items: [MetadataFinding], redactor: Redactor) -> FieldChange? {
        let live = items.filter { redactor.policy.operator(for: $0.finding.entity) != .keep && $0.finding.entity != "DATE_TIME" }
        guard !live.isEmpty else { return nil }
        if field.meaning == .location { return .remove }
        if let whole = live.first(where: \.byTag) {
            var f = whole.finding
            f.range = ByteRange(0, field.text.count)
            let text = redactor.redact(field.text, findings: [f])
            return text.isEmpty ? .remove : .replace(text)
        }
        let inText = live.compactMap { item -> Finding? in
            guard let r = item.location.inValue else { return nil }
            var f = item.finding
            f.range = ByteRange(r.lowerBound, r.upperBound)
            return f
        }
        let text = redactor.redact(field.text, findings: inText)
        return text.isEmpty ? .remove : .replace(text)
    }

    /// The findings of a document's fields, in field order.
    func metadataFindings(_ doc: MetadataDocument) -> [MetadataFinding] {
        var out: [MetadataFinding] = []
        let scratch = metadataScratch
        // With --min-severity above low, the rule set holds only the entities at or above it; a tag's entity
        // with no rule left (DATE_TIME, low) is not reported either.
        let filtered = detector.options.hideLowRisk
        let kept = filtered ? Set(detector.ruleSet.rules.map(\.entity)) : []
        for (i, field) in doc.fields.enumerated() {
            let entity: String?
            switch field.meaning {
            case .person: entity = "PERSON"
            case .deviceID: entity = "DEVICE_ID"
            case .location: entity = "GPS_COORDINATE"
            case .captureDate: entity = "DATE_TIME"
            case .text, .opaque, .technical, .needed: entity = nil
            }
            let hasValue = !field.text.isEmpty || (field.meaning == .location && !field.stored.isEmpty)
            if let entity, hasValue, !Self.isRedacted(field.text, entity: entity), !filtered || kept.contains(entity) {
                let finding = Finding(
                    ruleID: "metadata-tag", entity: entity, range: ByteRange(field.stored.lowerBound, field.stored.upperBound),
                    confidence: entity == "DATE_TIME" ? 0.5 : 0.95, validated: false)
                out.append(MetadataFinding(
                    field: i, finding: finding, location: Location(field: field.tag, inValue: 0..<field.text.count),
                    value: field.text, byTag: true))
            }
            guard !field.text.isEmpty, field.meaning != .location else { continue }
            let context = metadataContext(field.tag)
            for var f in detector.scan([Segment(field.text, field: context)], scratch: scratch) {
                // The tag already said it: a name rule on Artist, a device rule on SerialNumber add nothing.
                if let entity, f.entity == entity { continue }
                let inValue = f.range.start..<f.range.end
                let value = Array(field.text[inValue])
                f.range = field.verbatim
                    ? ByteRange(field.stored.lowerBound + inValue.lowerBound, field.stored.lowerBound + inValue.upperBound)
                    : ByteRange(field.stored.lowerBound, field.stored.upperBound)
                f.segment = 0
                out.append(MetadataFinding(
                    field: i, finding: f, location: Location(field: field.tag, inValue: inValue), value: value, byTag: false))
            }
        }
        return out
    }

    /// The tag's context for the detector (its last part, `Artist` of `EXIF:Artist`, is the leaf field rules
    /// read), resolved once per run.
    private func metadataContext(_ tag: String) -> FieldContext {
        fieldContexts.context(tag, leaf: tag.split(separator: ":").last.map(String.init) ?? tag, holds: nil)
    }

    /// Whether a value is already an operator's mark for its entity (`<PERSON>`, or mask characters only):
    /// a field that the tag makes a finding does not make one again once redacted.
    static func isRedacted(_ text: [UInt8], entity: String) -> Bool {
        let value = trimmed(text)
        if value.elementsEqual("<\(entity)>".utf8) { return true }
        return !value.isEmpty && value.allSatisfy { $0 == UInt8(ascii: "*") }
    }

    /// A value without the spaces and NULs a container pads it with when the new value is shorter (a
    /// QuickTime atom, a TIFF ASCII entry).
    static func trimmed(_ text: [UInt8]) -> ArraySlice<UInt8> {
        let pad: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0 }
        guard let first = text.firstIndex(where: { !pad($0) }), let last = text.lastIndex(where: { !pad($0) }) else { return [] }
        return text[first...last]
    }

    /// Reads the output back and scans it: anything but a capture date still found means the output is not
    /// clean, and it is not written.
    /// `written` holds the values the redaction wrote into fields whose tag makes a finding by itself (`<PERSON>`
    /// in Artist): the tag still says what the field is for, but the value is the operator's.
    private func verify(
        _ out: UnsafeRawBufferPointer, format: MediaFormat, input: RunInput, written: Set<[UInt8]>, tally: inout Tally
    ) throws {
        do {
            let left = metadataFindings(try MetadataReader.read(ByteView(out), format: format)).filter {
                redactor!.policy.operator(for: $0.finding.entity) != .keep && $0.finding.entity != "DATE_TIME"
                    && !($0.byTag && written.contains(Array(Self.trimmed($0.value))))
            }
            guard left.isEmpty else {
                report.residual += 1
                try tally.finishUnwritten(residual: left.count)
                throw RunError(
                    "\(input.display): \(left.count) finding\(left.count == 1 ? "" : "s") (\(left[0].finding.entity) in "
                        + "\(left[0].location.field ?? "?") first) still in the metadata after redaction; the output was not written",
                    status: .residual)
            }
        } catch let error as MetadataError {
            throw RunError("\(input.display): the redacted \(format.displayName) does not read back (\(error)); the output was not written")
        }
    }

    /// The output's descriptor when it is a regular file open for reading and writing (an atomic file's
    /// temporary file), which can be mapped and read back; nil for a pipe, a terminal, a write-only file.
    static func regularFile(_ output: ByteOutput) -> FDWriter? {
        guard let writer = output as? FDWriter, writer.fd > 2 else { return nil }
        var st = stat()
        guard fstat(writer.fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else { return nil }
        // Readable too (a temporary file is; a file shared by hard links, written in place, is not).
        guard fcntl(writer.fd, F_GETFL) & O_ACCMODE == O_RDWR else { return nil }
        return writer
    }

    private func write(_ result: MetadataOutput, raw: UnsafeRawBufferPointer, to output: ByteOutput, tally: inout Tally) throws {
        for piece in result.pieces {
            switch piece {
            case .input(let r):
                // Large payloads go out in 1 MiB slices.
                var start = r.lowerBound
                while start < r.upperBound {
                    let end = min(r.upperBound, start + (1 << 20))
                    let slice = UnsafeRawBufferPointer(rebasing: raw[start..<end])
                    try output.write(slice)
                    tally.hashOutput(Array(slice))
                    start = end
                }
            case .bytes(let b):
                try b.withUnsafeBytes { try output.write($0) }
                tally.hashOutput(b)
            }
        }
        if result.pieces.isEmpty { tally.hashOutput([]) }
    }

    /// Opens and maps the input, reads its metadata, runs `body`, and turns metadata errors into `RunError`s
    /// naming the file.
    private func withMetadata(
        _ input: RunInput, format: MediaFormat,
        _ body: (MetadataDocument, UnsafeRawBufferPointer, inout Tally) throws -> InputOutcome
    ) throws -> InputOutcome {
        let fd = open(input.path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw RunError("\(input.display): cannot open: \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        let file = try MappedFile(fd: fd, name: input.display)
        var tally = Tally(run: self, input: input)
        let outcome = try file.withBytes { raw -> InputOutcome in
            let doc: MetadataDocument
            do { doc = try MetadataReader.read(ByteView(raw), format: format) } catch let error as MetadataError {
                throw RunError("\(input.display): \(format.displayName) metadata: \(error)")
            }
            for warning in doc.warnings { warn("\(input.display): warning: \(warning)") }
            tally.hashInput(raw)
            return try body(doc, raw, &tally)
        }
        report.add(outcome)
        return outcome
    }
}
