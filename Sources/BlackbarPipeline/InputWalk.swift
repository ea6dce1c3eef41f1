/// What walking the path arguments found: the inputs in order, and what was said about the rest.
public struct InputWalk: Sendable {
    /// The inputs, each file once: arguments in the order given, a folder's files in sorted order.
    public internal(set) var items: [InputItem] = []
    /// Errors and notes, in the order they were met.
    public internal(set) var notes: [InputNote] = []
    /// Symbolic links skipped because links are not followed, named or found in folders.
    public internal(set) var linksNotFollowed = 0
    /// Paths inside folders that lead to a file or folder already read under an earlier path.
    public internal(set) var duplicates = 0
    /// The first such path, and the path its file or folder was read under.
    public internal(set) var firstDuplicate: (path: String, readAs: String)? = nil
    /// The real path (links resolved) of every folder walked.
    public internal(set) var folders: [String] = []

    /// How many notes are errors.
    public var errors: Int { notes.filter(\.isError).count }
}
