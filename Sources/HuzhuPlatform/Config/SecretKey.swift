import Crypto
import Foundation

/// The deployment's 32-byte secret, from which the field-encryption key and the keyed-hash key are derived.
package struct SecretKey: Sendable, Equatable {
    package let bytes: Data

    package init?(base64: String) {
        guard let data = Data(base64Encoded: base64.trimmingCharacters(in: .whitespacesAndNewlines)),
              data.count == 32 else { return nil }
        bytes = data
    }

    package init(bytes: Data) {
        precondition(bytes.count == 32)
        self.bytes = bytes
    }

    package static func random() -> SecretKey {
        SecretKey(bytes: SymmetricKey(size: .bits256).withUnsafeBytes { Data($0) })
    }

    package var base64: String { bytes.base64EncodedString() }

    /// A key for one purpose, so that the encryption key and the hash key never coincide.
    package func derived(for purpose: String) -> SymmetricKey {
        HKDF<SHA256>.deriveKey(
            inputKeyMaterial: SymmetricKey(data: bytes),
            info: Data("huzhu/\(purpose)".utf8),
            outputByteCount: 32
        )
    }

    /// Reads the key file beside an embedded database, or creates one (mode 0600) on first run.
    /// Returns the key and whether it was just created.
    package static func loadOrCreate(at path: String) throws -> (key: SecretKey, created: Bool) {
        let fm = FileManager.default
        if fm.fileExists(atPath: path) {
            let text = try String(contentsOfFile: path, encoding: .utf8)
            guard let key = SecretKey(base64: text) else { throw ConfigurationError.unreadableKeyFile(path) }
            return (key, false)
        }
        let key = SecretKey.random()
        try fm.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        guard fm.createFile(atPath: path, contents: Data((key.base64 + "\n").utf8),
                            attributes: [.posixPermissions: 0o600]) else {
            throw ConfigurationError.unreadableKeyFile(path)
        }
        return (key, true)
    }
}
