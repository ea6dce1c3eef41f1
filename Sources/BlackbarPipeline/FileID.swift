#if canImport(Glibc)
    import Glibc
#endif

/// A file's identity: its device and inode, the same whichever path or link reaches it.
public struct FileID: Hashable, Sendable {
    /// The device the file lives on (`st_dev`).
    public let device: UInt64
    /// The file's inode number on that device (`st_ino`).
    public let inode: UInt64

    /// Creates an identity from its parts.
    public init(device: UInt64, inode: UInt64) {
        self.device = device
        self.inode = inode
    }

    /// The identity in a `stat` result.
    init(_ st: stat) {
        self.init(device: UInt64(st.st_dev), inode: UInt64(st.st_ino))
    }

    /// The identity of the file at `path`, following links; nil when it cannot be reached.
    public init?(path: String) {
        var st = stat()
        guard stat(path, &st) == 0 else { return nil }
        self.init(st)
    }
}
