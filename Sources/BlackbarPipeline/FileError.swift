/// A file that cannot be read, written or planned for. Its description is one sentence that names the
/// file and says what went wrong (the system's own words for the cause, never an error domain and code).
public struct FileError: Error, CustomStringConvertible, Equatable, Sendable {
    /// What went wrong, where a caller may act on it.
    public enum Kind: Equatable, Sendable {
        /// Any other failure.
        case failed
        /// An in-place rewrite refused because the file has this many hard links.
        case hardLinked(links: Int)
    }

    /// The file, as the user named it or as it was found.
    public let path: String
    /// The rest of the sentence after the path: `cannot create the folder: Not a directory`.
    public let problem: String
    /// What went wrong, where a caller may act on it.
    public let kind: Kind

    /// Creates an error about `path`.
    public init(_ path: String, _ problem: String, kind: Kind = .failed) {
        self.path = path
        self.problem = problem
        self.kind = kind
    }

    /// `path: problem`.
    public var description: String { "\(path): \(problem)" }
}
