/// Something the input walk says about one path: an error (the path could not be read) or a note.
public struct InputNote: Equatable, Sendable {
    /// What happened to the path.
    public enum Kind: Equatable, Sendable {
        /// The path does not exist (an error).
        case missing
        /// A symbolic link whose target does not exist or loops through links (an error).
        case brokenLink
        /// The path or folder could not be read or listed, or its name is not UTF-8 (an error).
        case unreadable
        /// A link to a folder that contains it, skipped: its files are read through the folder itself.
        case loop
        /// A link named on the command line, skipped because links are not followed.
        case notFollowed
        /// An argument that reaches a file or folder already read under an earlier argument.
        case duplicate
        /// A FIFO, socket or device found inside a folder, skipped (reading it could block forever).
        case notRegular
    }

    /// The path as given or found.
    public let path: String
    /// What happened.
    public let kind: Kind
    /// One sentence that names the path: `data/x: a broken symbolic link (nothing at its target)`.
    public let message: String

    /// Whether this counts as an error of the run (exit 2) rather than a note.
    public var isError: Bool {
        switch kind {
        case .missing, .brokenLink, .unreadable: return true
        case .loop, .notFollowed, .duplicate, .notRegular: return false
        }
    }
}
