#if canImport(Glibc)
    import Glibc
#endif

/// One input of a run: stdin, or a file named on the command line or found under a folder argument.
public struct InputItem: Equatable, Sendable {
    /// `-` for stdin, else the path as given or found under a folder argument (through any links).
    public let path: String
    /// For a file found under a folder argument: that argument, as given.
    public let root: String?
    /// For a file found under a folder argument: its path relative to the folder (for mirrored output).
    public let relative: String?
    /// The file's device and inode (nil for stdin).
    public let fileID: FileID?

    /// Creates an input.
    public init(path: String, root: String? = nil, relative: String? = nil, fileID: FileID? = nil) {
        self.path = path
        self.root = root
        self.relative = relative
        self.fileID = fileID
    }

    /// Standard input.
    public static let stdin = InputItem(path: "-")

    /// Whether this is standard input.
    public var isStdin: Bool { path == "-" }

    /// The command-line argument this input came from: the folder for a file found under a folder,
    /// else the path itself.
    public var argument: String { root ?? path }

    /// Opens the input for reading (stdin is descriptor 0, which the caller must not close).
    /// The error names the file.
    public func openForReading() throws -> Int32 {
        if isStdin { return 0 }
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw FileError(path, "cannot open: \(systemMessage())") }
        var st = stat()
        if fstat(fd, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR {
            close(fd)
            throw FileError(path, "is a folder")
        }
        return fd
    }
}
