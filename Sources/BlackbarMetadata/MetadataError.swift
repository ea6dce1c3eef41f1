/// Why a file's metadata could not be read or written. Messages name the structure and the byte offset,
/// never a value (values may be personal data).
public enum MetadataError: Error, Equatable, CustomStringConvertible {
    /// A structure runs past the end of the file (or of its enclosing block).
    case truncated(String, offset: Int)
    /// A structure is malformed (a bad marker, a size smaller than its header, an IFD loop).
    case malformed(String, offset: Int)
    /// A limit was reached (too many entries, a block that inflates past the limit).
    case tooLarge(String, offset: Int)
    /// The file uses a feature this reader does not rewrite (said so rather than written wrongly).
    case unsupported(String)

    public var description: String {
        switch self {
        case .truncated(let what, let offset): return "truncated \(what) at byte \(offset)"
        case .malformed(let what, let offset): return "malformed \(what) at byte \(offset)"
        case .tooLarge(let what, let offset): return "\(what) at byte \(offset) is over the limit"
        case .unsupported(let what): return "not supported: \(what)"
        }
    }
}
