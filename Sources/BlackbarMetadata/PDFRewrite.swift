extension PDFDocument {
    /// The file with `changes` applied, edited in place with every object keeping its byte length.
    ///
    /// Why same-length edits: the classic cross-reference tables and cross-reference streams of every
    /// revision hold byte offsets of objects; keeping each object's length keeps them all valid without
    /// rewriting (or decoding) any of them, content streams are copied as input ranges and never recompressed,
    /// and no incremental update is appended (an appended update would leave the old values in the bytes,
    /// which is how `exiftool -all=` leaves them). So:
    ///
    /// - An Info entry removed: the whole `/Key value` pair becomes spaces (white space between dictionary
    ///   tokens is legal), so the key is gone too. Replaced: the new text as a literal string (or a UTF-16BE
    ///   hex string when it is not printable ASCII) padded with spaces, when it fits the old value's bytes;
    ///   else the pair is blanked and the field is in `removedInstead`. A value held in a string object
    ///   (`/Author 9 0 R`) is emptied there too (`()` and spaces), the object kept.
    /// - An XMP stream: the packet rewritten and padded to the old length; when it would grow, the
    ///   replacements in it are removed instead. A deflated stream is written back uncompressed when the
    ///   packet fits (the `/Filter` entry blanked), else deflated again with `/Length` rewritten in the same
    ///   number of digits (zero-padded) and spaces after the data up to the old end; when neither fits the
    ///   rewrite throws `unsupported` rather than leave the old values.
    func rewrite(_ changes: [Int: FieldChange], strip: StripMode) throws -> MetadataOutput {
        var all = changes.filter { fields.indices.contains($0.key) }
        var stripped = Set<Int>()
        for (i, f) in fields.enumerated() where all[i] == nil {
            if f.meaning == .opaque || (strip == .all && f.meaning != .needed) {
                all[i] = .remove
                stripped.insert(i)
            }
        }
        var patches: [(Range<Int>, [UInt8])] = []
        var removedInstead = Set<Int>()
        var perStream: [Int: [Int: (field: Int, change: FieldChange)]] = [:]
        var perContainer: [Int: [(Range<Int>, [UInt8])]] = [:]
        for (i, change) in all.sorted(by: { $0.key < $1.key }) {
            switch sites[i] {
            case .info(let entry, let container):
                var patch = (entry.pair, Self.spaces(entry.pair.count))
                if case .replace(let text) = change {
                    let token = PDFStrings.encode(text)
                    if token.count <= entry.value.range.count {
                        patch = (entry.value.range, Self.padded(token, to: entry.value.range.count))
                    } else {
                        removedInstead.insert(i)
                    }
                }
                if let container { perContainer[container, default: []].append(patch) } else { patches.append(patch) }
            case .infoIndirect(let entry, let string):
                if case .replace(let text) = change {
                    let token = PDFStrings.encode(text)
                    if token.count <= string.range.count {
                        patches.append((string.range, Self.padded(token, to: string.range.count)))
                        continue
                    }
                    removedInstead.insert(i)
                }
                patches.append((entry.pair, Self.spaces(entry.pair.count)))
                patches.append((string.range, Self.padded([0x28, 0x29], to: string.range.count)))
            case .xmp(let stream, let property):
                perStream[stream, default: [:]][property] = (i, change)
            }
        }
        if strip == .all {  // entries that are no field (names such as /Trapped, numbers): blanked as well
            for (dict, container) in infoDicts {
                guard case .dict(let entries) = dict.kind else { continue }
                for e in entries where !e.value.isString && e.value.ref == nil {
                    let patch = (e.pair, Self.spaces(e.pair.count))
                    if let container { perContainer[container, default: []].append(patch) } else { patches.append(patch) }
                }
            }
        }
        for (s, props) in perStream.sorted(by: { $0.key < $1.key }) {
            patches += try rewriteStream(streams[s], props, removedInstead: &removedInstead)
        }
        for (c, inner) in perContainer.sorted(by: { $0.key < $1.key }) {
            let stream = objectStreams[c]
            var bytes = stream.inflated
            for (range, new) in inner { bytes.replaceSubrange(range, with: new) }
            let compressed = stream.object.value["Filter"] != nil
            let data = compressed ? try Zlib.deflate(bytes) : bytes
            guard let more = lengthPatches(stream.object, data: stream.data, new: data) else {
                throw MetadataError.unsupported(
                    "PDF object stream \(stream.object.ref) at byte \(stream.data.lowerBound): the cleaned stream does not fit its length")
            }
            patches += more
        }
        return MetadataOutput(pieces: MetadataOutput.patched(view.count, patches), removedInstead: removedInstead, stripped: stripped)
    }

    /// The patches that rewrite one XMP stream in place.
    private func rewriteStream(_ stream: XMPStream, _ props: [Int: (field: Int, change: FieldChange)],
                               removedInstead: inout Set<Int>) throws -> [(Range<Int>, [UInt8])] {
        let length = stream.data.count
        let asked = props.mapValues(\.change)
        var removals = asked
        var replaced: [Int] = []
        for (p, c) in props { if case .replace = c.change { removals[p] = .remove; replaced.append(c.field) } }
        for (attempt, changes) in [asked, removals].enumerated() {
            if attempt == 1, replaced.isEmpty { break }
            let packet = stream.packet.rewrite(changes, padTo: length)
            var patches: [(Range<Int>, [UInt8])]?
            if packet.count <= length {
                patches = [(stream.data, packet)]
                if stream.compressed { patches! += filterBlanks(stream.object.value) }
            } else if stream.compressed {
                patches = try deflated(stream, stream.packet.rewrite(changes))
            }
            if let patches {
                if attempt == 1 { removedInstead.formUnion(replaced) }
                return patches
            }
        }
        throw MetadataError.unsupported(
            "PDF metadata stream \(stream.object.ref) at byte \(stream.data.lowerBound): the cleaned packet does not fit the stream's length")
    }

    /// `/Filter` and `/DecodeParms` (and `/DL`) blanked, for a stream written back uncompressed.
    private func filterBlanks(_ dict: PDFNode) -> [(Range<Int>, [UInt8])] {
        guard case .dict(let entries) = dict.kind else { return [] }
        return entries.filter { ["Filter", "DecodeParms", "DL"].contains($0.key) }.map { ($0.pair, Self.spaces($0.pair.count)) }
    }

    /// The packet deflated into the stream's old space with `/Length` rewritten in as many digits, or nil when
    /// it does not fit (or the length cannot be rewritten in place).
    private func deflated(_ stream: XMPStream, _ packet: [UInt8]) throws -> [(Range<Int>, [UInt8])]? {
        lengthPatches(stream.object, data: stream.data, new: try Zlib.deflate(packet))
    }

    /// New stream data `new` written over `data` (spaces after it) with `/Length` (direct, or the integer
    /// object it refers to) rewritten in as many digits, zero-padded; nil when it does not fit.
    func lengthPatches(_ object: PDFObject, data old: Range<Int>, new data: [UInt8]) -> [(Range<Int>, [UInt8])]? {
        guard data.count <= old.count, let lengthNode = object.value["Length"] else { return nil }
        if data.count == old.count { return [(old, data)] }
        var targets: [Range<Int>] = []
        if lengthNode.integer != nil {
            targets = [lengthNode.range]
        } else if let r = lengthNode.ref {
            targets = (byRef[r] ?? []).filter { $0.stream == nil && $0.value.integer != nil }.map(\.value.range)
        }
        let digits = Array(String(data.count).utf8)
        guard !targets.isEmpty, targets.allSatisfy({ $0.count >= digits.count }) else { return nil }
        var patches = targets.map { ($0, [UInt8](repeating: 0x30, count: $0.count - digits.count) + digits) }
        patches.append((old, Self.padded(data, to: old.count)))
        return patches
    }

    static func spaces(_ n: Int) -> [UInt8] { [UInt8](repeating: 0x20, count: n) }
    static func padded(_ bytes: [UInt8], to n: Int) -> [UInt8] { bytes + spaces(n - bytes.count) }
}
