import BlackbarCore
import BlackbarRegex
import BlackbarValidators
import Crypto
import Foundation
import Yams

/// A rule file that failed to load: names the file, the rule and the field.
public struct RuleLoadError: Error, CustomStringConvertible, Sendable {
    /// Path of the file (under `rules/` for embedded packs).
    public let file: String
    /// The rule id, when it could be read.
    public let ruleID: String?
    /// The field at fault (`pattern`, `validator`, `examples.match[2]`).
    public let field: String?
    /// What is wrong.
    public let message: String

    public var description: String {
        var parts = [file]
        if let ruleID { parts.append("rule \(ruleID)") }
        if let field { parts.append("field \(field)") }
        return parts.joined(separator: ": ") + ": " + message
    }
}

/// One loaded rule file: where it came from, its text, and its decoded spec.
public struct RuleFile: Sendable {
    /// Path relative to the pack root (`global/email.yaml`), or absolute for `--rules` packs.
    public let path: String
    /// Jurisdiction: the folder the file sits in.
    public let jurisdiction: String
    /// The raw YAML text (hashed into the pack digest).
    public let text: String
    /// The decoded rule.
    public let spec: RuleSpec

    /// Whether the rule reads whole values of fields named for it (`fields:`), so its examples are
    /// `FIELD: VALUE` pairs, not text.
    public var isFieldRule: Bool { spec.fields != nil }
}

/// Loads rule packs: the default pack embedded in the binary, and folders given with `--rules`.
public enum RulePack {
    /// Files under a pack root that are not rules.
    static let nonRuleFiles: Set<String> = ["regulations.yaml"]

    /// The embedded default rule files. Their specs are generated Swift values (`DefaultPackSpecs`, checked
    /// against Yams by the tests), so this parses no YAML.
    public static func defaultFiles() -> [RuleFile] {
        let texts = DefaultPackFiles.files.filter { !isNonRule($0.path) }
        precondition(texts.map(\.path) == DefaultPackSpecs.all.map(\.path), "stale generated files: run scripts/embed-rules.py")
        return zip(texts, DefaultPackSpecs.all).map { entry, generated in
            RuleFile(path: entry.path, jurisdiction: jurisdiction(of: entry.path), text: entry.text, spec: generated.spec)
        }
    }

    /// The embedded `regulations.yaml` text.
    public static var embeddedRegulations: String? {
        DefaultPackFiles.files.first { $0.path == "regulations.yaml" }?.text
    }

    /// Every `*.yaml` rule file under `directory`, recursively, in path order.
    public static func files(in directory: String) throws(RuleLoadError) -> [RuleFile] {
        let root = URL(fileURLWithPath: directory)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw RuleLoadError(file: directory, ruleID: nil, field: nil, message: "not a readable folder")
        }
        guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) else {
            throw RuleLoadError(file: directory, ruleID: nil, field: nil, message: "cannot list the folder")
        }
        var paths: [String] = []
        for case let url as URL in walker where url.pathExtension == "yaml" || url.pathExtension == "yml" {
            let relative = String(url.standardizedFileURL.path.dropFirst(root.standardizedFileURL.path.count + 1))
            if !isNonRule(relative) { paths.append(relative) }
        }
        var result: [RuleFile] = []
        let decoder = yamlDecoder()
        for relative in paths.sorted() {
            let full = root.appendingPathComponent(relative).path
            guard let data = FileManager.default.contents(atPath: full) else {
                throw RuleLoadError(file: full, ruleID: nil, field: nil, message: "cannot read the file")
            }
            guard let text = String(data: data, encoding: .utf8) else {
                throw RuleLoadError(file: full, ruleID: nil, field: nil, message: "not valid UTF-8")
            }
            result.append(try parse(path: full, text: text, jurisdictionPath: relative, decoder: decoder))
        }
        return result
    }

    /// Default files, then each `--rules` folder; a later file with the same id replaces an earlier one.
    public static func load(extraDirectories: [String], includeDefault: Bool = true) throws(RuleLoadError) -> [RuleFile] {
        var byID: [String: Int] = [:]
        var merged: [RuleFile] = []
        var sources: [[RuleFile]] = includeDefault ? [defaultFiles()] : []
        for directory in extraDirectories { sources.append(try files(in: directory)) }
        for source in sources {
            for file in source {
                if let index = byID[file.spec.id] {
                    merged[index] = file
                } else {
                    byID[file.spec.id] = merged.count
                    merged.append(file)
                }
            }
        }
        return merged
    }

    /// Compiles files into a rule set; the digest is SHA-256 over each file's path and text. A broken file is
    /// reported as the first in file order.
    public static func compile(_ files: [RuleFile]) throws(RuleLoadError) -> RuleSet {
        // Rules whose pattern `DefaultPatterns` is compiling right now are built last: the others are built
        // while it finishes (the slowest, `url`, comes early in file order).
        let busy = files.indices.filter { DefaultPatterns.isBusy(files[$0].spec.pattern, options: patternOptions(files[$0].spec)) }
        var built = [Result<Rule, RuleLoadError>?](repeating: nil, count: files.count)
        for k in files.indices where !busy.contains(k) { built[k] = Result { () throws(RuleLoadError) in try compile(files[k]) } }
        for k in busy { built[k] = Result { () throws(RuleLoadError) in try compile(files[k]) } }
        var rules: [Rule] = []
        for rule in built { rules.append(try rule!.get()) }
        let hashed = files.map { ($0.jurisdiction + "/" + $0.spec.id + "\n", $0.text) }
        return RuleSet(rules: rules, digest: {
            var hasher = SHA256()
            for (name, text) in hashed {
                update(&hasher, name)
                update(&hasher, text)
            }
            return hexString(hasher.finalize())
        })
    }

    /// How a spec's pattern is compiled.
    static func patternOptions(_ spec: RuleSpec) -> PatternOptions {
        PatternOptions(unicode: spec.unicode ?? false, caseless: spec.caseInsensitive ?? false)
    }

    /// Hashes a string's UTF-8 bytes in place (a `Data` copy of every rule text cost more than the hashing).
    private static func update(_ hasher: inout Crypto.SHA256, _ text: String) {
        var text = text
        text.withUTF8 { hasher.update(bufferPointer: UnsafeRawBufferPointer($0)) }
    }

    /// Compiles one rule file, checking every field.
    public static func compile(_ file: RuleFile) throws(RuleLoadError) -> Rule {
        let spec = file.spec
        func fail(_ field: String, _ message: String) -> RuleLoadError {
            RuleLoadError(file: file.path, ruleID: spec.id, field: field, message: message)
        }
        let pattern: CompiledPattern
        let options = patternOptions(spec)
        do {
            if let ahead = DefaultPatterns.take(spec.pattern, options: options) {
                pattern = try ahead.get()
            } else {
                pattern = try CompiledPattern(spec.pattern, options: options)
            }
        } catch {
            throw fail("pattern", error.description)
        }
        var steps: [NormalizeStep] = []
        for (i, name) in (spec.normalize ?? []).enumerated() {
            guard let step = NormalizeStep(rawValue: name) else {
                let known = NormalizeStep.allCases.map(\.rawValue).joined(separator: ", ")
                throw fail("normalize[\(i)]", "unknown step '\(name)' (known: \(known))")
            }
            steps.append(step)
        }
        var validator: BlackbarValidators.Validator? = nil
        if let name = spec.validator {
            guard let found = Validators.named(name) else { throw fail("validator", "unknown validator '\(name)'") }
            validator = found
        }
        guard (0...1).contains(spec.base) else { throw fail("base", "must be between 0 and 1") }
        let window = spec.window ?? 64
        guard (1...4096).contains(window) else { throw fail("window", "must be between 1 and 4096") }
        if case .digits(let n, _, let maximum)? = spec.prefilter {
            if n < 1 { throw fail("prefilter", "digits must be at least 1") }
            if maximum != 0 && maximum < n { throw fail("prefilter", "max must be at least digits") }
        }
        if case .keywords(let words, _)? = spec.prefilter, words.isEmpty { throw fail("prefilter", "keywords must not be empty") }
        if let fields = spec.fields {
            if fields.isEmpty { throw fail("fields", "must not be empty") }
            if spec.prefilter != nil { throw fail("prefilter", "a field rule reads whole values: no prefilter") }
        }
        if (spec.contextRequired ?? false) && (spec.context ?? []).isEmpty {
            throw fail("context", "context-required needs at least one context word")
        }
        if (spec.strongCheck ?? false) && validator == nil { throw fail("strong-check", "needs a validator") }
        let lead = try spec.lead.map { source throws(RuleLoadError) in
            switch spec.prefilter {
            case .bytes(_, 0, 1, _)?, .literal?: break
            default: throw fail("lead", "needs a bytes prefilter (one byte, no repeat or count) or a literal")
            }
            return try leadBytes(source, fail: fail)
        }
        return Rule(
            id: spec.id, entity: spec.entity, name: spec.name, jurisdiction: file.jurisdiction, pattern: pattern,
            prefilter: spec.fields != nil ? .literal([0x00, 0x0A, 0x00]) : spec.prefilter?.compiled ?? .none, window: window, normalize: steps, validator: validator,
            base: spec.base, context: ContextWords(spec.context ?? []),
            negativeContext: ContextWords(spec.negativeContext ?? []), contextRequired: spec.contextRequired ?? false,
            priority: spec.priority ?? 0, fieldWords: ContextWords(spec.fields ?? []), strongCheck: spec.strongCheck ?? false,
            labels: spec.labels ?? [], lead: lead)
    }

    /// The bytes a `lead:` class holds: PCRE2 reads the class (over bytes, no UTF) and decides each of the
    /// 256 values, so the syntax is exactly a regex's. Empty: no byte (a match starts at its anchor).
    static func leadBytes(_ source: String, fail: (String, String) -> RuleLoadError) throws(RuleLoadError) -> LeadBytes {
        if source.isEmpty { return LeadBytes { _ in false } }
        guard source.hasPrefix("["), source.hasSuffix("]") else {
            throw fail("lead", "must be one character class, such as '[A-Za-z]'")
        }
        let pattern: CompiledPattern
        do {
            pattern = try CompiledPattern("\\A(?:\(source))\\z", options: PatternOptions(unicode: false))
        } catch {
            throw fail("lead", error.description)
        }
        let scratch = MatchScratch()
        var single: UInt8 = 0
        var holds = [Bool](repeating: false, count: 256)
        for b in 0...255 {
            single = UInt8(b)
            holds[b] = withUnsafeBytes(of: &single) { one in
                (try? pattern.firstMatch(in: one, length: 1, from: 0, scratch: scratch)) != nil
            }
        }
        // A class reads one byte: anything that also matches an empty or a longer subject is not one.
        let others: [[UInt8]] = [[], [0x61, 0x61], [0x61, 0x5D], [0x5D, 0x5D]]
        let readsOther = others.contains { other in
            other.withUnsafeBytes { (try? pattern.firstMatch(in: $0, length: other.count, from: 0, scratch: scratch)) != nil }
        }
        if readsOther { throw fail("lead", "must be one character class, such as '[A-Za-z]'") }
        return LeadBytes { holds[Int($0)] }
    }

    static func isNonRule(_ relativePath: String) -> Bool {
        nonRuleFiles.contains(relativePath) || relativePath.hasPrefix("data/")
    }

    /// A decoder for rule files. The encoding is given so that Yams does not read the environment on every
    /// decode (making one still reads it once: `YAMLDecoder.Options` defaults to `Parser.Encoding.default`).
    static func yamlDecoder() -> YAMLDecoder { YAMLDecoder(encoding: .utf8) }

    static func parse(
        path: String, text: String, jurisdictionPath: String? = nil, decoder: YAMLDecoder = yamlDecoder()
    ) throws(RuleLoadError) -> RuleFile {
        let relative = jurisdictionPath ?? path
        let stem = String(relative.split(separator: "/").last ?? "").replacingOccurrences(of: ".yaml", with: "")
            .replacingOccurrences(of: ".yml", with: "")
        let spec: RuleSpec
        do {
            spec = try decoder.decode(RuleSpec.self, from: text)
        } catch let error as DecodingError {
            throw RuleLoadError(file: path, ruleID: nil, field: fieldPath(error), message: describe(error))
        } catch {
            throw RuleLoadError(file: path, ruleID: nil, field: nil, message: "YAML: \(error)")
        }
        guard spec.id == stem else {
            throw RuleLoadError(file: path, ruleID: spec.id, field: "id", message: "must equal the file name '\(stem)'")
        }
        guard spec.entity.allSatisfy({ $0.isUppercase || $0.isNumber || $0 == "_" }), !spec.entity.isEmpty else {
            throw RuleLoadError(file: path, ruleID: spec.id, field: "entity", message: "must be SCREAMING_SNAKE_CASE")
        }
        return RuleFile(path: path, jurisdiction: jurisdiction(of: relative), text: text, spec: spec)
    }

    /// The folder a rule file sits in, or `custom` for a file at a pack's root.
    static func jurisdiction(of relativePath: String) -> String {
        let components = relativePath.split(separator: "/")
        return components.count >= 2 ? String(components[components.count - 2]) : "custom"
    }

    private static func fieldPath(_ error: DecodingError) -> String? {
        let path: [CodingKey]
        switch error {
        case .keyNotFound(let key, let context): path = context.codingPath + [key]
        case .typeMismatch(_, let c), .valueNotFound(_, let c), .dataCorrupted(let c): path = c.codingPath
        @unknown default: return nil
        }
        let text = path.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
            .replacingOccurrences(of: ".[", with: "[")
        return text.isEmpty ? nil : text
    }

    private static func describe(_ error: DecodingError) -> String {
        switch error {
        case .keyNotFound(let key, _): return "missing required field '\(key.stringValue)'"
        case .typeMismatch(let type, _): return "wrong type, expected \(type)"
        case .valueNotFound(let type, _): return "missing value, expected \(type)"
        case .dataCorrupted(let context):
            if let underlying = context.underlyingError { return "\(context.debugDescription) \(underlying)" }
            return context.debugDescription
        @unknown default: return "\(error)"
        }
    }
}
