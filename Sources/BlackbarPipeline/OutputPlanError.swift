/// Why the outputs of a run cannot be planned. Every case is found before anything is written.
public enum OutputPlanError: Error, CustomStringConvertible, Equatable, Sendable {
    /// Several inputs, or a folder, and no output folder (and not in place).
    case needsOutputFolder
    /// Two inputs would be written to the same output.
    case collision(first: String, second: String, output: String)
    /// An output would overwrite an input (only in-place rewrites may).
    case outputIsInput(input: String, output: String)

    /// One sentence naming the paths involved.
    public var description: String {
        switch self {
        case .needsOutputFolder:
            return "several inputs or a folder need an output folder, or rewriting in place"
        case .collision(let first, let second, let output):
            return "\(first) and \(second) would both be written to \(output); nothing was written "
                + "(name the inputs so their last path components differ, or redact them in separate runs)"
        case .outputIsInput(let input, let output):
            return "the output \(output) is the input \(input); nothing was written"
        }
    }
}
