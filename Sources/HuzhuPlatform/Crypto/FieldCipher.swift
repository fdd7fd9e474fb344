import Crypto
import Foundation

/// Encrypts personal identifiers at rest (AES-GCM) and gives each a keyed hash (HMAC-SHA256) for exact
/// lookup, so that a phone number can be found without ever being stored in clear; and a second keyed
/// hash, under the network's shared key, by which the network counts a worker once across NGOs.
package struct FieldCipher: Sendable {
    /// The derived keys' bytes, derived once (HKDF is too slow to repeat for every row of an import).
    private let encryptionBytes: Data
    private let lookupBytes: Data
    private let networkBytes: Data
    /// While the secret key is being rotated: the previous key's, to read what it sealed and find what it hashed.
    private let previousEncryptionBytes: Data?
    private let previousLookupBytes: Data?

    package init(keys: KeyRing) {
        func bytes(_ key: SymmetricKey) -> Data { key.withUnsafeBytes { Data($0) } }
        encryptionBytes = bytes(keys.secret.derived(for: "field-encryption"))
        lookupBytes = bytes(keys.secret.derived(for: "lookup-hash"))
        networkBytes = bytes(keys.network.derived(for: "network-match"))
        previousEncryptionBytes = keys.previousSecret.map { bytes($0.derived(for: "field-encryption")) }
        previousLookupBytes = keys.previousSecret.map { bytes($0.derived(for: "lookup-hash")) }
    }

    private var networkKey: SymmetricKey { SymmetricKey(data: networkBytes) }

    /// Whether a previous secret key is configured (a rotation is under way).
    package var isRotating: Bool { previousEncryptionBytes != nil }

    /// Nonce, ciphertext and tag in one blob, under the current key.
    package func seal(_ plaintext: String) throws -> Data {
        try AES.GCM.seal(Data(plaintext.utf8), using: SymmetricKey(data: encryptionBytes)).combined!
    }

    /// Opens a blob sealed under the current key or, during a rotation, the previous one.
    package func open(_ sealed: Data) throws -> String {
        try openTellingKey(sealed).plaintext
    }

    /// The plaintext, and whether the current key sealed it (false: the previous one did).
    package func openTellingKey(_ sealed: Data) throws -> (plaintext: String, current: Bool) {
        let box = try AES.GCM.SealedBox(combined: sealed)
        do {
            return (String(decoding: try AES.GCM.open(box, using: SymmetricKey(data: encryptionBytes)), as: UTF8.self), true)
        } catch {
            guard let previousEncryptionBytes else { throw error }
            return (String(decoding: try AES.GCM.open(box, using: SymmetricKey(data: previousEncryptionBytes)), as: UTF8.self), false)
        }
    }

    /// The blind index of a normalised value under the current key: equal inputs give equal hashes, and
    /// nothing else can be learned. What is written carries this one.
    package func lookupHash(_ normalised: String) -> String {
        Self.hash(normalised, lookupBytes)
    }

    /// Every hash a stored value may carry: the current key's and, during a rotation, the previous key's
    /// (rows not re-encrypted yet). What is searched for matches any of them.
    package func lookupHashes(_ normalised: String) -> [String] {
        [lookupBytes, previousLookupBytes].compactMap { $0 }.map { Self.hash(normalised, $0) }
    }

    /// The keyed hash under each key a stored hash may be under: the current key's first.
    package var lookupHashers: [@Sendable (String) -> String] {
        [lookupBytes, previousLookupBytes].compactMap { $0 }.map { key in { Self.hash($0, key) } }
    }

    private static func hash(_ value: String, _ key: Data) -> String {
        Data(HMAC<SHA256>.authenticationCode(for: Data(value.utf8), using: SymmetricKey(data: key))).hexString
    }

    /// The same idea under the network's key: equal across every deployment that shares it.
    package func networkHash(_ normalised: String) -> String {
        Data(HMAC<SHA256>.authenticationCode(for: Data(normalised.utf8), using: networkKey)).hexString
    }
}

extension Data {
    /// Lower-case hexadecimal, two digits a byte. (`String(format:)` per byte cost about 0.2 ms a hash.)
    package var hexString: String {
        let digits = Array("0123456789abcdef".utf8)
        var text = [UInt8]()
        text.reserveCapacity(count * 2)
        for byte in self {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}
