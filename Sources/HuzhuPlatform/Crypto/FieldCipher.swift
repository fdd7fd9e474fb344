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

    package init(keys: KeyRing) {
        func bytes(_ key: SymmetricKey) -> Data { key.withUnsafeBytes { Data($0) } }
        encryptionBytes = bytes(keys.secret.derived(for: "field-encryption"))
        lookupBytes = bytes(keys.secret.derived(for: "lookup-hash"))
        networkBytes = bytes(keys.network.derived(for: "network-match"))
    }

    private var encryptionKey: SymmetricKey { SymmetricKey(data: encryptionBytes) }
    private var lookupKey: SymmetricKey { SymmetricKey(data: lookupBytes) }
    private var networkKey: SymmetricKey { SymmetricKey(data: networkBytes) }

    /// Nonce, ciphertext and tag in one blob.
    package func seal(_ plaintext: String) throws -> Data {
        try AES.GCM.seal(Data(plaintext.utf8), using: encryptionKey).combined!
    }

    package func open(_ sealed: Data) throws -> String {
        let data = try AES.GCM.open(AES.GCM.SealedBox(combined: sealed), using: encryptionKey)
        return String(decoding: data, as: UTF8.self)
    }

    /// The blind index of a normalised value: equal inputs give equal hashes, and nothing else can be learned.
    package func lookupHash(_ normalised: String) -> String {
        Data(HMAC<SHA256>.authenticationCode(for: Data(normalised.utf8), using: lookupKey)).hexString
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
