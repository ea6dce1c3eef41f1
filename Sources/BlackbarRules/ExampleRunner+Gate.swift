import BlackbarCore

extension ExampleRunner {
    /// Lines of `label: value` with values of 8 to 16 random capitals and digits under labels such as
    /// `VAT number` and `IBAN`: ID-like input that keeps making new shape-gate states, so the gate turns itself
    /// off for the scratch that scans it (the prefilters alone work on from there). The same seed gives the same
    /// text on every machine.
    public static func gateExhaustingText(lines: Int = 3_000, seed: UInt64 = 11) -> [UInt8] {
        var random = SeededRandom(seed: seed)
        let labels = ["VAT number", "Tax ID", "IBAN", "Customer ID", "Ref"].map { Array($0.utf8) }
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789".utf8)
        var text: [UInt8] = []
        for _ in 0..<lines {
            text += random.pick(labels) + Array(": ".utf8)
            for _ in 0..<(8 + random.below(9)) { text.append(random.pick(alphabet)) }
            text.append(0x0A)
        }
        return text
    }

    /// A gate budget `gateExhaustingText` spends (the default budget is large enough for real text).
    public static let smallGateBudget = 4096

    /// A scratch whose shape gate `gateExhaustingText` has turned off, as a worker's is after an ID-heavy file.
    static func makeExhaustedScratch(for detector: Detector) -> DetectorScratch {
        let scratch = DetectorScratch(gateBudget: smallGateBudget)
        let text = gateExhaustingText()
        _ = text.withUnsafeBytes { detector.scan($0, region: 0..<$0.count, scratch: scratch) }
        return scratch
    }

    /// The pack finds the same in `bytes` with the gate on, with the gate off, and with a scratch whose gate an
    /// earlier scan turned off: the prefilters a spent gate leaves must find what the gate would let through.
    func sameFindingsWhateverTheGate(_ bytes: [UInt8], file: RuleFile, name: String) -> [ExampleFailure] {
        func show(_ findings: [Finding]) -> String { "\(findings.map { "\($0.ruleID) at \($0.range)" })" }
        let on = pack.scan(bytes)
        let spent = bytes.withUnsafeBytes { pack.scan($0, region: 0..<$0.count, scratch: exhaustedScratch) }
        var failures: [ExampleFailure] = []
        for (variant, found) in [("gate off", plain.scan(bytes)), ("gate exhausted", spent)]
        where found.map(\.range) != on.map(\.range) || found.map(\.ruleID) != on.map(\.ruleID) {
            failures.append(ExampleFailure(
                file: file.path, ruleID: file.spec.id, example: name, variant: variant,
                message: "pack found \(show(found)), with the gate on \(show(on)) in \(Self.show(bytes))"))
        }
        return failures
    }
}
