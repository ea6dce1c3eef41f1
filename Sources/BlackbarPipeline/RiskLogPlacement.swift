/// Where the risk log may go: never into the data. Checked before anything is written.
public enum RiskLogPlacement {
    /// Why a risk log path is refused.
    public enum Problem: Equatable, Sendable {
        /// The log is one of the inputs: appending would write into the data.
        case isInput(String)
        /// The log lies inside a folder being read: it would be read as input (and copied into
        /// redacted output).
        case insideInputFolder(String)
        /// The log is one of the outputs.
        case isOutput(String)
        /// The log lies inside the folder the outputs go to.
        case insideOutputFolder(String)
    }

    /// A refused risk log path.
    public struct Refusal: Error, CustomStringConvertible, Equatable, Sendable {
        /// The risk log path as given.
        public let log: String
        /// Why it is refused.
        public let problem: Problem

        /// One sentence naming the log and the input or output it collides with.
        public var description: String {
            switch problem {
            case .isInput(let input):
                return "\(log): the risk log is the input \(input): appending to it would write into the "
                    + "data; write it outside the inputs"
            case .insideInputFolder(let folder):
                return "\(log): the risk log is inside the input folder \(folder): it would be read as input "
                    + "(and copied into redacted output); write it outside the inputs"
            case .isOutput(let output):
                return "\(log): the risk log is the output \(output); write it elsewhere"
            case .insideOutputFolder(let folder):
                return "\(log): the risk log is inside the output folder \(folder): it would mix with the "
                    + "redacted files; write it elsewhere"
            }
        }
    }

    /// Throws when a risk log at `log` would write into an input, lie inside a folder being read, be
    /// an output, or lie inside the output folder.
    public static func check(_ log: String, inputs: InputWalk, outputs: OutputPlan? = nil) throws(Refusal) {
        let resolved = PathNames.resolved(log)
        let id = FileID(path: log)
        for item in inputs.items where !item.isStdin {
            if (id != nil && item.fileID == id) || PathNames.resolved(item.path) == resolved {
                throw Refusal(log: log, problem: .isInput(item.path))
            }
        }
        for folder in inputs.folders where PathNames.isInside(resolved, folder: folder) {
            let named = inputs.items.first { $0.root != nil && PathNames.real($0.root!) == folder }?.root ?? folder
            throw Refusal(log: log, problem: .insideInputFolder(named))
        }
        guard let outputs else { return }
        for entry in outputs.entries {
            guard let output = entry.output else { continue }
            if (id != nil && FileID(path: output) == id) || PathNames.resolved(output) == resolved {
                throw Refusal(log: log, problem: .isOutput(output))
            }
        }
        if let folder = outputs.outputFolder, PathNames.isInside(resolved, folder: PathNames.resolved(folder)) {
            throw Refusal(log: log, problem: .insideOutputFolder(folder))
        }
    }
}
