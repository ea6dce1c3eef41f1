import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// One input to process: stdin, or a file found from a path argument.
struct InputItem {
    /// `-` for stdin, else the path as given or found under a folder argument.
    let path: String
    /// For files found under a folder argument: the folder and the path relative to it (for mirrored output).
    let root: String?
    let relative: String?

    var isStdin: Bool { path == "-" }
}

/// Expands path arguments into inputs: files as given, folders recursively in sorted order (regular
/// files only; hidden files included, because personal data hides there too).
/// Paths that do not exist are reported and counted, never silently skipped.
func expandInputs(_ arguments: [String], errors: inout Int) -> [InputItem] {
    var items: [InputItem] = []
    let fm = FileManager.default
    for argument in arguments.isEmpty ? ["-"] : arguments {
        if argument == "-" {
            items.append(InputItem(path: "-", root: nil, relative: nil))
            continue
        }
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: argument, isDirectory: &isDirectory) else {
            diagnose("\(argument): no such file or folder")
            errors += 1
            continue
        }
        if !isDirectory.boolValue {
            items.append(InputItem(path: argument, root: nil, relative: nil))
            continue
        }
        guard let walker = fm.enumerator(atPath: argument) else {
            diagnose("\(argument): cannot list the folder")
            errors += 1
            continue
        }
        var found: [String] = []
        while let relative = walker.nextObject() as? String {
            let full = (argument as NSString).appendingPathComponent(relative)
            if let type = walker.fileAttributes?[.type] as? FileAttributeType, type == .typeRegular {
                found.append(relative)
            } else if walker.fileAttributes?[.type] == nil {
                var st = stat()
                if stat(full, &st) == 0 && (st.st_mode & S_IFMT) == S_IFREG { found.append(relative) }
            }
        }
        for relative in found.sorted() {
            items.append(
                InputItem(path: (argument as NSString).appendingPathComponent(relative), root: argument, relative: relative))
        }
    }
    return items
}

/// Opens an input for reading; the error names the file.
func openInput(_ item: InputItem) throws -> Int32 {
    if item.isStdin { return 0 }
    let fd = open(item.path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { throw CLIError("\(item.path): cannot open: \(String(cString: strerror(errno)))") }
    var st = stat()
    if fstat(fd, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR {
        close(fd)
        throw CLIError("\(item.path): is a folder")
    }
    return fd
}
