#if canImport(Glibc)
    import Glibc
#endif

/// Expands path arguments into the inputs of a run.
///
/// - `-` is stdin; no arguments at all mean stdin.
/// - A folder is read recursively, each folder's entries in byte order of their names, hidden files
///   included (personal data hides there too). Inside folders only regular files are inputs.
/// - Symbolic links are followed, named on the command line or found in folders (dataset caches are
///   made of links), unless `followLinks` is false: then they are skipped and counted.
/// - Each file is read once, identified by device and inode: the first path in walk order wins, so a
///   link beside its target or a hard-linked twin is not read twice. A folder reached twice is walked
///   once; a link to a folder that contains it (a loop) is skipped and noted.
/// - Paths that do not exist, broken links and unreadable folders are errors, never silently skipped.
public struct InputWalker: Sendable {
    /// Whether symbolic links are followed.
    public var followLinks: Bool

    /// Creates a walker.
    public init(followLinks: Bool = true) {
        self.followLinks = followLinks
    }

    /// Walks the arguments in order.
    public func walk(_ arguments: [String]) -> InputWalk {
        var state = WalkState(followLinks: followLinks)
        for argument in arguments.isEmpty ? ["-"] : arguments {
            state.visitArgument(argument)
        }
        return state.walk
    }
}

/// The walk in progress: what has been read, by identity, and under which path.
private struct WalkState {
    let followLinks: Bool
    var walk = InputWalk()
    var filesRead: [FileID: String] = [:]
    var foldersRead: [FileID: String] = [:]

    init(followLinks: Bool) { self.followLinks = followLinks }

    mutating func note(_ path: String, _ kind: InputNote.Kind, _ text: String) {
        walk.notes.append(InputNote(path: path, kind: kind, message: "\(path): \(text)"))
    }

    mutating func visitArgument(_ argument: String) {
        if argument == "-" {
            walk.items.append(.stdin)
            return
        }
        guard let st = entryStatus(argument, isArgument: true) else { return }
        let id = FileID(st)
        if isFolder(st) {
            if let first = foldersRead[id] {
                note(argument, .duplicate, "skipped: the same folder as \(first), already read")
                return
            }
            walkFolder(argument, root: argument, relative: nil, id: id, ancestors: [])
            return
        }
        // Named on the command line, anything that is not a folder is read (a FIFO or /dev/fd/N
        // from process substitution included).
        if let first = filesRead[id] {
            note(argument, .duplicate, "skipped: the same file as \(first), already read")
            return
        }
        filesRead[id] = argument
        walk.items.append(InputItem(path: argument, fileID: id))
    }

    /// The status of a path, following a link when links are followed; nil (and a note) when the path
    /// is missing, broken, unreadable, or a link not followed.
    mutating func entryStatus(_ path: String, isArgument: Bool) -> stat? {
        var st = stat()
        guard lstat(path, &st) == 0 else {
            if errno == ENOENT {
                note(path, .missing, "no such file or folder")
            } else {
                note(path, .unreadable, "cannot read: \(systemMessage())")
            }
            return nil
        }
        guard (st.st_mode & S_IFMT) == S_IFLNK else { return st }
        guard followLinks else {
            walk.linksNotFollowed += 1
            if isArgument { note(path, .notFollowed, "skipped: a symbolic link, and links are not followed") }
            return nil
        }
        guard stat(path, &st) == 0 else {
            switch errno {
            case ENOENT: note(path, .brokenLink, "a broken symbolic link (nothing at its target)")
            case ELOOP: note(path, .brokenLink, "a broken symbolic link (its links lead round in a circle)")
            default: note(path, .brokenLink, "a symbolic link whose target cannot be read: \(systemMessage())")
            }
            return nil
        }
        return st
    }

    mutating func walkFolder(_ path: String, root: String, relative: String?, id: FileID, ancestors: [FileID]) {
        foldersRead[id] = path
        guard let names = listFolder(path) else { return }
        walk.folders.append(PathNames.real(path) ?? PathNames.absolute(path))
        let lineage = ancestors + [id]
        for name in names {
            let child = PathNames.join(path, name)
            let childRelative = relative.map { PathNames.join($0, name) } ?? name
            guard let st = entryStatus(child, isArgument: false) else { continue }
            let childID = FileID(st)
            if isFolder(st) {
                if lineage.contains(childID) {
                    note(child, .loop, "skipped: a link to its own ancestor folder \(foldersRead[childID] ?? path) (a loop)")
                } else if let first = foldersRead[childID] {
                    duplicate(child, readAs: first)
                } else {
                    walkFolder(child, root: root, relative: childRelative, id: childID, ancestors: lineage)
                }
            } else if (st.st_mode & S_IFMT) == S_IFREG {
                if let first = filesRead[childID] {
                    duplicate(child, readAs: first)
                } else {
                    filesRead[childID] = child
                    walk.items.append(InputItem(path: child, root: root, relative: childRelative, fileID: childID))
                }
            } else {
                note(child, .notRegular, "skipped: not a regular file (a FIFO, socket or device)")
            }
        }
    }

    mutating func duplicate(_ path: String, readAs first: String) {
        walk.duplicates += 1
        if walk.firstDuplicate == nil { walk.firstDuplicate = (path, first) }
    }

    /// A folder's entry names in byte order; nil (and an error) when it cannot be listed.
    mutating func listFolder(_ path: String) -> [String]? {
        guard let dir = opendir(path) else {
            note(path, .unreadable, "cannot list the folder: \(systemMessage())")
            return nil
        }
        defer { closedir(dir) }
        var names: [String] = []
        while true {
            errno = 0
            guard let entry = readdir(dir) else {
                if errno != 0 { note(path, .unreadable, "cannot list the whole folder: \(systemMessage())") }
                break
            }
            let name: String? = withUnsafePointer(to: &entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { String(validatingCString: $0) }
            }
            guard let name else {
                note(PathNames.join(path, "?"), .unreadable, "skipped: a name in this folder is not valid UTF-8")
                continue
            }
            if name == "." || name == ".." { continue }
            names.append(name)
        }
        return names.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    func isFolder(_ st: stat) -> Bool { (st.st_mode & S_IFMT) == S_IFDIR }
}
