#if canImport(Glibc)
    import Glibc
#endif

/// Folder creation with errors in the system's words.
enum Folders {
    /// Creates `path` and any missing parents (as `mkdir -p`). The error names the first folder that
    /// could not be created and why: `out/sub: cannot create the folder: Not a directory`.
    static func create(_ path: String) throws {
        var st = stat()
        if stat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR { return }
        var prefix = path.hasPrefix("/") ? "/" : ""
        for part in path.split(separator: "/") {
            prefix = PathNames.join(prefix, String(part))
            if part == "." || part == ".." { continue }
            if mkdir(prefix, 0o777) != 0 && errno != EEXIST {
                throw FileError(prefix, "cannot create the folder: \(systemMessage())")
            }
        }
        guard stat(path, &st) == 0, (st.st_mode & S_IFMT) == S_IFDIR else {
            throw FileError(path, "cannot create the folder: \(systemMessage(ENOTDIR))")
        }
    }
}
