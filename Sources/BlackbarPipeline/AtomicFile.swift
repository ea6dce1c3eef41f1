#if canImport(Glibc)
    import Glibc
#endif

/// A file written beside its final path and renamed into place only when complete, so a reader never
/// sees half an output and a failure leaves the old file (or nothing) behind.
///
/// A path that is a symbolic link is written through: the temporary file goes beside the link's
/// target and is renamed over the target, so the link stays a link and the target gets the new
/// content. A file with several hard links is handled as `HardLinks` says.
public final class AtomicFile {
    /// What to do when the file to replace has more than one hard link.
    public enum HardLinks: Sendable {
        /// Rename over this name; the other names keep the old content (right for outputs that are
        /// not inputs).
        case replace
        /// Refuse (`FileError.Kind.hardLinked`) and write nothing: replacing one name would leave
        /// the old content, raw data when rewriting in place, under the others.
        case refuse
        /// Write the new content into the same inode, so every name sees it. This write is not
        /// atomic: the content is first written and synced beside the file, then copied over the old
        /// content; a crash during the copy leaves the file partly rewritten.
        case shareContent
    }

    /// The path as asked for.
    public let path: String
    /// Where the content lands: the path with a final symbolic link resolved.
    public let finalPath: String
    /// The temporary file beside `finalPath`.
    public let tempPath: String
    /// Writes into the temporary file.
    public let writer: FDWriter
    private let sharesInode: Bool
    private var finished = false

    /// Creates the temporary file (and any missing folders) for `path`. Errors name the file.
    public init(path: String, hardLinks: HardLinks = .replace) throws {
        self.path = path
        var st = stat()
        var target = path
        if lstat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFLNK {
            guard let real = PathNames.real(path) else {
                throw FileError(path, "a broken symbolic link: there is no file to write through it")
            }
            target = real
        }
        finalPath = target
        var shares = false
        if stat(target, &st) == 0 {
            if (st.st_mode & S_IFMT) == S_IFDIR { throw FileError(path, "is a folder") }
            let links = Int(st.st_nlink)
            if (st.st_mode & S_IFMT) == S_IFREG && links > 1 {
                switch hardLinks {
                case .replace: break
                case .shareContent: shares = true
                case .refuse:
                    throw FileError(
                        path, "has \(links) hard links, and rewriting one would leave the old content under "
                            + "the others; nothing was written for it", kind: .hardLinked(links: links))
                }
            }
        }
        sharesInode = shares
        let folder = PathNames.folder(of: target)
        try Folders.create(folder)
        var template = Array(PathNames.join(folder, "." + PathNames.lastComponent(target) + ".blackbar-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw FileError(path, "cannot create a temporary file beside it: \(systemMessage())") }
        tempPath = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        writer = FDWriter(fd: fd, name: path)
    }

    /// Flushes, syncs and puts the content in place, keeping the mode of an existing file: renamed
    /// over it, or copied into its inode when it shares its content with other hard links.
    public func commit() throws {
        try writer.flush()
        var st = stat()
        if stat(finalPath, &st) == 0 { fchmod(writer.fd, st.st_mode & 0o7777) } else { fchmod(writer.fd, 0o644) }
        guard fsync(writer.fd) == 0 else { throw FileError(path, "cannot sync: \(systemMessage())") }
        if sharesInode {
            try copyIntoFinal()
            close(writer.fd)
            unlink(tempPath)
            finished = true
            return
        }
        close(writer.fd)
        guard rename(tempPath, finalPath) == 0 else {
            let reason = systemMessage()
            unlink(tempPath)
            finished = true
            throw FileError(path, "cannot rename into place: \(reason)")
        }
        finished = true
    }

    /// Copies the synced temporary file over the final file's content, in the same inode.
    private func copyIntoFinal() throws {
        let out = open(finalPath, O_WRONLY | O_TRUNC | O_CLOEXEC)
        guard out >= 0 else { throw FileError(path, "cannot open for rewriting: \(systemMessage())") }
        defer { close(out) }
        guard lseek(writer.fd, 0, SEEK_SET) == 0 else { throw FileError(path, "cannot reread the new content: \(systemMessage())") }
        let destination = FDWriter(fd: out, name: path)
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(writer.fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw FileError(path, "cannot reread the new content: \(systemMessage())")
            }
            if n == 0 { break }
            try chunk.withUnsafeBytes { try destination.write(UnsafeRawBufferPointer(rebasing: $0[0..<n])) }
        }
        try destination.flush()
        guard fsync(out) == 0 else { throw FileError(path, "cannot sync: \(systemMessage())") }
    }

    /// Removes the temporary file after a failure.
    public func abandon() {
        guard !finished else { return }
        close(writer.fd)
        unlink(tempPath)
        finished = true
    }

    deinit { abandon() }
}
