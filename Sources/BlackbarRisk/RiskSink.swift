import Foundation

/// An event of the risk log: `run.start`, `finding`, `input.summary`, `run.summary`. Never holds a raw value.
public protocol RiskEvent: Encodable, Sendable {
    /// The event type, as written in the log.
    var event: String { get }
}

/// Where risk events go: one small protocol, one implementation per format (JSON Lines now; SARIF, SQLite
/// and an HTML report later), each writing events as they come and finishing its file on `close`.
public protocol RiskSink: AnyObject {
    /// Writes one event.
    func write(_ event: any RiskEvent) throws
    /// Finishes the output (flushes, closes, writes a footer where the format has one).
    func close() throws
}

/// The risk log as JSON Lines: one event a line, keys sorted, appended to the file.
public final class JSONLinesRiskSink: RiskSink {
    private let handle: FileHandle
    private let encoder: JSONEncoder
    private let path: String

    /// Opens `path` for appending (created if missing, with mode 0600: the log describes personal data).
    public init(path: String) throws {
        let fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            throw RiskLogError(path: path, reason: "cannot open the risk log: " + String(cString: strerror(errno)))
        }
        handle = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
        self.path = path
        encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    }

    public func write(_ event: any RiskEvent) throws {
        var data = try encoder.encode(event)
        data.append(0x0A)
        do { try handle.write(contentsOf: data) } catch {
            throw RiskLogError(path: path, reason: "cannot write the risk log: \(error)")
        }
    }

    public func close() throws { try handle.synchronize() }
}

/// The risk log cannot be opened or written.
public struct RiskLogError: Error, CustomStringConvertible {
    /// The log's path.
    public let path: String
    /// What went wrong, with the system's reason.
    public let reason: String
    public var description: String { "\(path): \(reason)" }
}
