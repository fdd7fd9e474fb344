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

/// The deployment's keys, resolved once at start-up.
package struct KeyRing: Sendable {
    /// Encrypts personal identifiers and keys their per-deployment lookup hashes.
    package let secret: SecretKey
    /// Keys the network-wide hash shared by every deployment of the network.
    package let network: SecretKey
    /// While the secret key is being rotated, the one before it (`HUZHU_PREVIOUS_SECRET_KEY`, or the
    /// key file `huzhu-previous.key` beside the embedded database): still read, never written.
    package let previousSecret: SecretKey?

    package init(secret: SecretKey, network: SecretKey, previousSecret: SecretKey? = nil) {
        self.secret = secret
        self.network = network
        self.previousSecret = previousSecret
    }

    /// The keys from the environment, else, for the embedded database, from key files beside it
    /// (created on first run, mode 0600, and announced in the log).
    package static func resolve(_ configuration: HuzhuConfiguration, log: (String) -> Void) throws -> KeyRing {
        func resolve(_ key: SecretKey?, variable: String, file: String) throws -> SecretKey {
            if let key { return key }
            guard case .sqlite(let path) = configuration.database else { throw ConfigurationError.keyRequired(variable) }
            let keyPath = ((path as NSString).deletingLastPathComponent as NSString).appendingPathComponent(file)
            let (key, created) = try SecretKey.loadOrCreate(at: keyPath)
            if created {
                log("Generated a new key in \(keyPath) (mode 0600) because \(variable) is not set. Back it up with the database: without it the encrypted fields cannot be read.")
            }
            return key
        }
        var previous = configuration.previousSecretKey
        if previous == nil, let file = previousKeyFile(configuration), FileManager.default.fileExists(atPath: file) {
            previous = try SecretKey.loadOrCreate(at: file).key
        }
        return KeyRing(secret: try resolve(configuration.secretKey, variable: "HUZHU_SECRET_KEY", file: "huzhu.key"),
                       network: try resolve(configuration.networkKey, variable: "HUZHU_NETWORK_KEY", file: "huzhu-network.key"),
                       previousSecret: previous)
    }

    /// The key files beside the embedded database (nil on PostgreSQL, whose keys come from the environment).
    package static func keyFile(_ configuration: HuzhuConfiguration) -> String? {
        guard case .sqlite(let path) = configuration.database else { return nil }
        return ((path as NSString).deletingLastPathComponent as NSString).appendingPathComponent("huzhu.key")
    }

    package static func previousKeyFile(_ configuration: HuzhuConfiguration) -> String? {
        keyFile(configuration).map { ($0 as NSString).deletingLastPathComponent + "/huzhu-previous.key" }
    }
}
