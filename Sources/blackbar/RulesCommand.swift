import ArgumentParser
import BlackbarCore
import BlackbarPipeline
import BlackbarRules
import BlackbarValidators
import Foundation

/// `blackbar rules`: list and test rule packs.
struct Rules: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "List the rules or the validators, or run every example of every rule.",
        subcommands: [List.self, Test.self, ValidatorList.self, Validate.self])

    struct ValidatorList: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "validators", abstract: "Show every validator a rule may name, with what it checks.")

        mutating func run() throws {
            let out = FDWriter(fd: 1, name: "stdout")
            do {
                for name in Validators.all.keys.sorted() {
                    let pad = String(repeating: " ", count: max(1, 24 - name.count))
                    try out.write(name + pad + Validators.all[name]!.summary + "\n")
                }
                try out.flush()
            } catch is BrokenPipe {}
        }
    }

    /// `blackbar rules validate NAME`: one validator over many values, for differential checks
    /// (`scripts/validators-vs-stdnum.py`). Each stdin line is passed as is (no rule normalization).
    struct Validate: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "validate",
            abstract: "Run one validator on each line of stdin; print 1 (valid), 0 (invalid) or - (not applicable) per line.",
            discussion: "Lines are checked as given: normalize them first (no separators, the case the validator expects).")

        @Argument(help: "A validator name from `blackbar rules validators`.")
        var name: String

        mutating func run() throws {
            guard let validator = Validators.named(name) else { throw CLIError("no validator named \(name)") }
            let input = FileHandle.standardInput.readDataToEndOfFile()
            var lines = input.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
            if input.last == UInt8(ascii: "\n") { lines.removeLast() }
            var text = ""
            text.reserveCapacity(lines.count * 2)
            for line in lines {
                var bytes = Array(line)
                if bytes.last == UInt8(ascii: "\r") { bytes.removeLast() }
                switch validator.check(bytes) {
                case .valid: text += "1\n"
                case .invalid: text += "0\n"
                case .notApplicable: text += "-\n"
                }
            }
            let out = FDWriter(fd: 1, name: "stdout")
            do {
                try out.write(text)
                try out.flush()
            } catch is BrokenPipe {}
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: "Show each rule: id, entity, jurisdiction, validator.")

        @Option(name: .customLong("rules"), help: "Add a rule pack folder (repeatable).")
        var ruleDirectories: [String] = []

        @Option(help: "Output format; auto is a table.")
        var format: OutputFormat = .table

        mutating func run() throws {
            let files: [RuleFile]
            do { files = try RulePack.load(extraDirectories: ruleDirectories) } catch { throw CLIError(error.description) }
            // Which rules the shape gate reads (the others run on their prefilter alone).
            let gated: Set<String>
            do { gated = Set(Detector(ruleSet: try RulePack.compile(files)).gatedRuleIDs) } catch {
                throw CLIError(error.description)
            }
            let out = FDWriter(fd: 1, name: "stdout")
            do {
                if format == .jsonl {
                    let encoder = JSONEncoder()
                    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
                    for file in files {
                        let row = [
                            "id": file.spec.id, "entity": file.spec.entity, "jurisdiction": file.jurisdiction,
                            "validator": file.spec.validator ?? "", "name": file.spec.name,
                            "shape-gate": gated.contains(file.spec.id) ? "yes" : "no",
                        ]
                        try out.write(String(decoding: try encoder.encode(row), as: UTF8.self) + "\n")
                    }
                } else {
                    try out.write(row("ID", "ENTITY", "JURISDICTION", "VALIDATOR", "NAME"))
                    for file in files {
                        let s = file.spec
                        try out.write(row(s.id, s.entity, file.jurisdiction, s.validator ?? "-", s.name))
                    }
                    let entities = Set(files.map(\.spec.entity)).count
                    let places = Set(files.map(\.jurisdiction)).count
                    // Field rules read whole values of the fields named for them: no gate, no prefilter.
                    let fieldRules = files.filter { $0.spec.fields != nil }.count
                    let ungated = files.filter { $0.spec.fields == nil && !gated.contains($0.spec.id) }.map(\.spec.id)
                    try out.write(
                        "\(files.count) rules, \(entities) entities, \(places) jurisdictions; \(fieldRules) field rules "
                            + "(they read whole values of fields named for them); the shape gate reads "
                            + "\(gated.count) of the others (not: \(ungated.joined(separator: ", ")))\n")
                }
                try out.flush()
            } catch is BrokenPipe {}
        }

        private func row(_ a: String, _ b: String, _ c: String, _ d: String, _ e: String) -> String {
            func pad(_ s: String, _ n: Int) -> String { s.count >= n ? s + " " : s + String(repeating: " ", count: n - s.count) }
            return pad(a, 26) + pad(b, 26) + pad(c, 13) + pad(d, 20) + e + "\n"
        }
    }

    struct Test: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "test",
            abstract: "Run every example of every rule (and its variants); name each that fails.",
            discussion: "Exit codes: 0 all examples hold, 1 some fail, 2 a rule file cannot be loaded.")

        @Option(name: .customLong("rules"), help: "Add a rule pack folder (repeatable); its rules are tested with the built-in ones.")
        var ruleDirectories: [String] = []

        @Flag(help: "Test only the --rules folders, without the built-in pack.")
        var onlyGiven = false

        mutating func run() throws {
            let files: [RuleFile]
            let runner: ExampleRunner
            do {
                files = try RulePack.load(extraDirectories: ruleDirectories, includeDefault: !onlyGiven)
                runner = try ExampleRunner(files: files)
            } catch {
                throw CLIError(error.description)
            }
            let failures = runner.run()
            let out = FDWriter(fd: 1, name: "stdout")
            let examples = files.reduce(0) { $0 + $1.spec.examples.match.count + $1.spec.examples.noMatch.count }
            do {
                for failure in failures { try out.write("FAIL \(failure)\n") }
                let failedRules = Set(failures.map(\.ruleID)).count
                try out.write(
                    "\(files.count) rules, \(examples) examples: "
                        + (failures.isEmpty ? "all passed\n" : "\(failures.count) failures in \(failedRules) rules\n"))
                try out.flush()
            } catch is BrokenPipe {}
            if !failures.isEmpty { throw ExitCode(1) }
        }
    }
}
