#if canImport(Glibc)
    import Glibc
#endif

/// Where each input's redacted copy goes, decided for every input before anything is written.
///
/// - In place: each input is rewritten where it lives (by `AtomicFile`: a link's target is rewritten,
///   never the link).
/// - No output: one input goes to stdout; several inputs or a folder are refused.
/// - `-`: everything goes to stdout, one input after the other.
/// - One argument and an output path: a folder argument is mirrored under the output
///   (`OUT/sub/a.txt`); a file (or stdin) goes to the output file, or into it as `OUT/NAME` when the
///   output is an existing folder (stdin is named `stdin.txt`).
/// - Several arguments: the output is a folder and each argument is mirrored under its own last path
///   component (`OUT/d1/a.txt`, `OUT/d2/a.txt`; a file argument goes to `OUT/NAME`).
///
/// Refused before anything is written: two inputs that map to the same output (for instance two
/// arguments with the same last path component), and an output that is an input (the same device and
/// inode, or the same path once links are resolved) unless the run is in place.
public struct OutputPlan: Sendable {
    /// One input and where its redacted copy goes.
    public struct Entry: Equatable, Sendable {
        /// The input.
        public let input: InputItem
        /// The output path; nil means stdout. In place, the input's own path (`AtomicFile` writes
        /// through a link to its target).
        public let output: String?
    }

    /// One entry per input, in input order.
    public let entries: [Entry]
    /// The folder the outputs are written under, when there is one (mirrored trees, `OUT/NAME`).
    public let outputFolder: String?
    /// Whether the inputs are rewritten in place.
    public let inPlace: Bool

    /// Plans the outputs of `inputs` (found from `arguments`, as `InputWalker` found them).
    ///
    /// - Parameters:
    ///   - arguments: the path arguments as given (none means stdin).
    ///   - output: the output path; nil for none, `-` for stdout.
    public init(arguments: [String], inputs: [InputItem], output: String?, inPlace: Bool) throws(OutputPlanError) {
        self.inPlace = inPlace
        let arguments = arguments.isEmpty ? ["-"] : arguments
        var entries: [Entry] = []
        var folder: String? = nil
        if inPlace {
            entries = inputs.map { Entry(input: $0, output: $0.path) }
        } else if output == nil {
            if inputs.count > 1 || inputs.contains(where: { $0.root != nil }) { throw .needsOutputFolder }
            entries = inputs.map { Entry(input: $0, output: nil) }
        } else if output == "-" {
            entries = inputs.map { Entry(input: $0, output: nil) }
        } else if let output, arguments.count == 1 {
            let isFolderArgument = inputs.contains { $0.root != nil }
            var st = stat()
            let outputIsFolder = stat(output, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR
            if isFolderArgument || outputIsFolder { folder = output }
            entries = inputs.map { item in
                if let relative = item.relative { return Entry(input: item, output: PathNames.join(output, relative)) }
                if outputIsFolder { return Entry(input: item, output: PathNames.join(output, Self.name(of: item))) }
                return Entry(input: item, output: output)
            }
        } else if let output {
            folder = output
            entries = inputs.map { item in
                let base = PathNames.join(output, Self.name(of: item))
                return Entry(input: item, output: item.relative.map { PathNames.join(base, $0) } ?? base)
            }
            try Self.checkNames(inputs, under: output)
        }
        try Self.checkCollisions(entries)
        if !inPlace { try Self.checkOutputsAreNotInputs(entries) }
        self.entries = entries
        self.outputFolder = folder
    }

    /// The name an argument's outputs get under the output folder: its last path component, or the
    /// real folder's name for `.` and `..`; stdin is `stdin.txt`.
    static func name(of item: InputItem) -> String {
        if item.isStdin { return "stdin.txt" }
        let last = PathNames.lastComponent(item.argument)
        guard last == "." || last == ".." || last == "/" else { return last }
        let real = PathNames.lastComponent(PathNames.real(item.argument) ?? PathNames.absolute(item.argument))
        return real == "/" ? "root" : real
    }

    /// Two arguments with the same name would share `OUT/NAME`: refused even when their files differ.
    static func checkNames(_ inputs: [InputItem], under output: String) throws(OutputPlanError) {
        var argumentByName: [String: String] = [:]
        for item in inputs {
            let name = name(of: item)
            if let other = argumentByName[name], other != item.argument {
                throw .collision(first: other, second: item.argument, output: PathNames.join(output, name))
            }
            argumentByName[name] = item.argument
        }
    }

    static func checkCollisions(_ entries: [Entry]) throws(OutputPlanError) {
        var inputByOutput: [String: String] = [:]
        for entry in entries {
            guard let output = entry.output else { continue }
            let key = PathNames.resolved(output)
            if let other = inputByOutput[key] {
                throw .collision(first: other, second: entry.input.path, output: output)
            }
            inputByOutput[key] = entry.input.path
        }
    }

    static func checkOutputsAreNotInputs(_ entries: [Entry]) throws(OutputPlanError) {
        var inputByID: [FileID: String] = [:]
        var inputByPath: [String: String] = [:]
        for entry in entries where !entry.input.isStdin {
            if let id = entry.input.fileID { inputByID[id] = entry.input.path }
            inputByPath[PathNames.resolved(entry.input.path)] = entry.input.path
        }
        for entry in entries {
            guard let output = entry.output else { continue }
            if let id = FileID(path: output), let input = inputByID[id] {
                throw .outputIsInput(input: input, output: output)
            }
            if let input = inputByPath[PathNames.resolved(output)] {
                throw .outputIsInput(input: input, output: output)
            }
        }
    }
}
