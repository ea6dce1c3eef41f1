import BlackbarPipeline

/// Walks the path arguments (following links unless `followLinks` is false), prints what the walk
/// says about paths it did not read, and adds its errors to `errors`.
func walkInputs(_ paths: [String], followLinks: Bool, errors: inout Int) -> InputWalk {
    let walk = InputWalker(followLinks: followLinks).walk(paths)
    for note in walk.notes { diagnose(note.message) }
    if walk.linksNotFollowed > 0 {
        let links = walk.linksNotFollowed == 1 ? "1 symbolic link" : "\(walk.linksNotFollowed) symbolic links"
        diagnose("note: \(links) not followed (--no-follow)")
    }
    if let first = walk.firstDuplicate {
        let paths = walk.duplicates == 1 ? "1 path leads" : "\(walk.duplicates) paths lead"
        diagnose(
            "note: \(paths) to a file or folder already found under another path; each was read once, "
                + "under its first path (\(first.path) was read as \(first.readAs))")
    }
    errors += walk.errors
    return walk
}
