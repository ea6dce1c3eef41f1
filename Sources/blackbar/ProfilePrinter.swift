import BlackbarPipeline
import Foundation

/// Prints a record profile: a table on a terminal, one JSON object per input otherwise.
struct ProfilePrinter {
    let table: Bool

    func print(_ profile: RecordProfile, to out: FDWriter) throws {
        if !table {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            var data = try encoder.encode(profile)
            data.append(0x0A)
            try data.withUnsafeBytes { try out.write($0) }
            return
        }
        var text = "\(profile.input): \(profile.records) record\(profile.records == 1 ? "" : "s") (\(profile.format)"
        text += profile.sampled ? ", first \(profile.records) sampled)\n" : ")\n"
        let width = min(32, max(5, profile.fields.map(\.field.count).max() ?? 5))
        text += pad("FIELD", width) + "  " + pad("PERSONAL DATA (share of records, median confidence)", 52) + "  SUGGESTED\n"
        for field in profile.fields {
            var found = field.entities.prefix(3).map {
                "\($0.entity) \(Int(($0.share * 100).rounded()))% (\(String(format: "%.2f", $0.confidence)))"
            }.joined(separator: ", ")
            if field.entities.count > 3 { found += ", +\(field.entities.count - 3)" }
            if let holds = field.holds { found += " [holds \(holds)]" }
            if let qi = field.quasiIdentifier { found += found.isEmpty ? "quasi-identifier: \(qi)" : "; quasi-identifier: \(qi)" }
            if found.isEmpty { found = "-" }
            text += pad(field.field, width) + "  " + pad(found, 52) + "  " + field.suggested + "\n"
        }
        if let k = profile.kAnonymity, let unique = profile.uniqueRecords, let share = profile.uniqueShare {
            text += "quasi-identifiers: \(profile.quasiIdentifiers.joined(separator: ", ")): k = \(k) "
                + "(the smallest group of records sharing their values); \(unique) of \(profile.records) records "
                + "(\(String(format: "%.1f", share * 100))%) are unique on them\n"
        } else {
            text += "quasi-identifiers: none recognised by field name\n"
        }
        try out.write(text + "\n")
    }

    private func pad(_ s: String, _ width: Int) -> String {
        s.count >= width ? s : s + String(repeating: " ", count: width - s.count)
    }
}
