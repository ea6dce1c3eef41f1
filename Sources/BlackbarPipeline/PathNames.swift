#if canImport(Glibc)
    import Glibc
#endif

/// Path arithmetic on strings, done once here: joining, naming, resolving links, containment.
enum PathNames {
    /// `folder/name`, without doubling a slash the folder already ends with.
    static func join(_ folder: String, _ name: String) -> String {
        if folder.isEmpty { return name }
        return folder.hasSuffix("/") ? folder + name : folder + "/" + name
    }

    /// The last component of a path, ignoring trailing slashes: `a/b/` gives `b`; `/` gives `/`.
    static func lastComponent(_ path: String) -> String {
        let parts = path.split(separator: "/")
        guard let last = parts.last else { return path.isEmpty ? "" : "/" }
        return String(last)
    }

    /// The folder part of a path: `a/b` gives `a`, `b` gives `.`, `/b` gives `/`.
    static func folder(of path: String) -> String {
        var trimmed = Substring(path)
        while trimmed.count > 1 && trimmed.hasSuffix("/") { trimmed.removeLast() }
        guard let slash = trimmed.lastIndex(of: "/") else { return "." }
        if slash == trimmed.startIndex { return "/" }
        return String(trimmed[..<slash])
    }

    /// The path made absolute (against the current folder) with `.`, `..` and repeated slashes removed
    /// by reading the text alone; no link is resolved.
    static func absolute(_ path: String) -> String {
        var full = path
        if !path.hasPrefix("/") {
            var cwd = "."
            if let pointer = getcwd(nil, 0) {
                cwd = String(cString: pointer)
                free(pointer)
            }
            full = join(cwd, path)
        }
        var parts: [Substring] = []
        for part in full.split(separator: "/") {
            if part == "." { continue }
            if part == ".." {
                if !parts.isEmpty { parts.removeLast() }
                continue
            }
            parts.append(part)
        }
        return "/" + parts.joined(separator: "/")
    }

    /// The real path of an existing file or folder, every link resolved; nil when it does not exist.
    static func real(_ path: String) -> String? {
        guard let pointer = realpath(path, nil) else { return nil }
        defer { free(pointer) }
        return String(cString: pointer)
    }

    /// Where a path leads, whether or not it exists yet: the real path of its longest existing
    /// ancestor, followed by the rest of the path as written. Two paths that name the same place
    /// resolve to the same string.
    static func resolved(_ path: String) -> String {
        if let real = real(path) { return real }
        let full = absolute(path)
        var head = full
        var tail: [String] = []
        while head != "/" {
            tail.insert(lastComponent(head), at: 0)
            head = folder(of: head)
            if let real = real(head) { return tail.reduce(real) { join($0, $1) } }
        }
        return full
    }

    /// Whether `path` lies inside `folder` (both resolved): the folder itself does not count.
    static func isInside(_ path: String, folder: String) -> Bool {
        folder == "/" ? path != "/" : path.hasPrefix(folder + "/")
    }
}
