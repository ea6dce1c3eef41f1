import BlackbarRedaction
import BlackbarPipeline

/// Walks the path arguments (following links unless `followLinks` is false), prints what the walk
/// says about paths it did not read, and adds its errors to `errors`.
/// Names with personal data in them are shown redacted (`names` screens them).
func walkInputs(_ paths: [String], followLinks: Bool, names: TextRun, errors: inout Int) -> InputWalk {
    let walk = InputWalker(followLinks: followLinks).walk(paths)
    for note in walk.notes {
        let screened = names.screen(note.path)
        diagnose(screened.hasPersonalData ? note.message.replacingOccurrences(of: note.path, with: screened.display) : note.message)
    }
    if walk.linksNotFollowed > 0 {
        let links = walk.linksNotFollowed == 1 ? "1 symbolic link" : "\(walk.linksNotFollowed) symbolic links"
        diagnose("note: \(links) not followed (--no-follow)")
    }
    if let first = walk.firstDuplicate {
        let paths = walk.duplicates == 1 ? "1 path leads" : "\(walk.duplicates) paths lead"
        diagnose(
            "note: \(paths) to a file or folder already found under another path; each was read once, "
                + "under its first path (\(names.input(first.path).display) was read as \(names.input(first.readAs).display))")
    }
    errors += walk.errors
    return walk
}
