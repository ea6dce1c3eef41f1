// Only the hex helper: the whole module would make `SHA256` ambiguous with swift-crypto's.
import func BlackbarValidators.hexString
import Crypto
import Foundation

/// Keyed fingerprints of values: HMAC-SHA256 under a secret key, so equal values correlate across
/// files and runs (with the same key) while the log reveals nothing readable.
public struct Fingerprinter {
    private let key: SymmetricKey
    /// Names the key without revealing it: the first 8 hex digits of SHA-256 of the key, or `ephemeral`.
    public let keyID: String

    /// A fingerprinter with a key read from `BLACKBAR_KEY` (the environment) or a key file; else a
    /// random per-run key (fingerprints then correlate within the run only).
    public init(keyFile: String? = nil, environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        var material: Data? = nil
        if let keyFile {
            guard let data = FileManager.default.contents(atPath: keyFile) else {
                throw FingerprintKeyError(message: "cannot read key file \(keyFile)")
            }
            material = data
        } else if let value = environment["BLACKBAR_KEY"], !value.isEmpty {
            material = Data(value.utf8)
        }
        if let material {
            let trimmed = Data(material.reversed().drop { $0 == 0x0A || $0 == 0x0D }.reversed())
            guard trimmed.count >= 16 else { throw FingerprintKeyError(message: "the key must be at least 16 bytes") }
            key = SymmetricKey(data: trimmed)
            keyID = hexString(SHA256.hash(data: trimmed).prefix(4))
        } else {
            key = SymmetricKey(size: .bits256)
            keyID = "ephemeral"
        }
    }

    /// The fingerprint of a value's bytes: 32 hex digits.
    public func fingerprint<Bytes: DataProtocol>(_ value: Bytes) -> String {
        hexString(HMAC<SHA256>.authenticationCode(for: value, using: key).prefix(16))
    }
}

/// A key that cannot be used.
public struct FingerprintKeyError: Error, CustomStringConvertible {
    /// What is wrong (never the key).
    public let message: String
    public var description: String { message }
}
