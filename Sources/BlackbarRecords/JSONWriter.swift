/// Source patches that change a JSON batch and keep it valid JSON; every other byte stays as it was.
public enum JSONEncoding {
    /// Patches replacing parts of value `index` of `batch`.
    ///
    /// `edits` are sorted, non-overlapping ranges of `batch.decoded` inside the value's decoded range, each
    /// with its replacement as plain UTF-8 (invalid UTF-8 is written as U+FFFD). A string or key gets one
    /// patch per edit, at `batch.sourceRange(ofValue:decoded:)` (edits that widen into the same escape are
    /// merged), its bytes JSON-escaped. A number or literal gets one patch replacing the whole token with a
    /// JSON string of the edited value, so the output is valid JSON whatever the replacement.
    public static func patches(
        forValue index: Int, in batch: RecordBatch, edits: [(range: Range<Int>, bytes: [UInt8])]
    ) -> [SourcePatch] {
        guard !edits.isEmpty else { return [] }
        let value = batch.values[index]
        switch value.kind {
        case .string, .key, .quoted, .unquoted:
            var out: [SourcePatch] = []
            for edit in edits {
                let range = batch.sourceRange(ofValue: index, decoded: edit.range)
                let bytes = escaped(edit.bytes)
                if let last = out.last, range.lowerBound < last.range.upperBound {
                    out[out.count - 1] = SourcePatch(
                        range: last.range.lowerBound..<max(last.range.upperBound, range.upperBound),
                        bytes: last.bytes + bytes)
                } else {
                    out.append(SourcePatch(range: range, bytes: bytes))
                }
            }
            return out
        case .number, .literal:
            var edited: [UInt8] = []
            var at = value.decoded.lowerBound
            for edit in edits {
                edited += batch.decoded[at..<edit.range.lowerBound]
                edited += edit.bytes
                at = edit.range.upperBound
            }
            edited += batch.decoded[at..<value.decoded.upperBound]
            return [SourcePatch(range: value.outer, bytes: [0x22] + escaped(edited) + [0x22])]
        }
    }

    /// `bytes` as the inside of a JSON string: `"`, `\` and control characters escaped, other UTF-8 kept,
    /// invalid UTF-8 replaced by U+FFFD.
    public static func escaped(_ bytes: [UInt8]) -> [UInt8] {
        let hex: [UInt8] = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 2)
        bytes.withUnsafeBufferPointer { p in
            var i = 0
            while i < p.count {
                let b = p[i]
                if b >= 0x80 {
                    let n = utf8SequenceLength(p, i, p.count)
                    if n == 0 {
                        out += [0xEF, 0xBF, 0xBD]
                        i += 1
                    } else {
                        out.append(contentsOf: UnsafeBufferPointer(rebasing: p[i..<(i + n)]))
                        i += n
                    }
                    continue
                }
                switch b {
                case 0x22: out += [0x5C, 0x22]
                case 0x5C: out += [0x5C, 0x5C]
                case 0x0A: out += [0x5C, 0x6E]
                case 0x0D: out += [0x5C, 0x72]
                case 0x09: out += [0x5C, 0x74]
                case 0x08: out += [0x5C, 0x62]
                case 0x0C: out += [0x5C, 0x66]
                case 0..<0x20: out += [0x5C, 0x75, 0x30, 0x30, hex[Int(b >> 4)], hex[Int(b & 15)]]
                default: out.append(b)
                }
                i += 1
            }
        }
        return out
    }

    /// Patches removing the members `dropped` selects, keeping every object valid JSON.
    ///
    /// Per object, in member order: a dropped member with a kept member before it goes from its
    /// `commaBefore` to its end; one with no kept member before it goes from its start to its `nextStart`
    /// (or just itself when it is the last). Members inside a dropped member give no patches of their own.
    /// The patches are sorted and do not overlap.
    public static func dropMembers(_ dropped: (MemberSpan) -> Bool, in batch: RecordBatch) -> [SourcePatch] {
        var keptBefore: [Bool] = []
        var patches: [SourcePatch] = []
        for member in batch.members {
            if member.object >= keptBefore.count {
                keptBefore += repeatElement(false, count: member.object - keptBefore.count + 1)
            }
            guard dropped(member) else {
                keptBefore[member.object] = true
                continue
            }
            let range: Range<Int>
            if keptBefore[member.object], let comma = member.commaBefore {
                range = comma..<member.range.upperBound
            } else {
                range = member.range.lowerBound..<(member.nextStart ?? member.range.upperBound)
            }
            patches.append(SourcePatch(range: range, bytes: []))
        }
        patches.sort { $0.range.lowerBound < $1.range.lowerBound }
        var out: [SourcePatch] = []
        out.reserveCapacity(patches.count)
        var end = Int.min
        for patch in patches where patch.range.lowerBound >= end {
            out.append(patch)
            end = patch.range.upperBound
        }
        return out
    }
}
