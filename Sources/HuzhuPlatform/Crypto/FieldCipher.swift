import Crypto
import Foundation

/// Encrypts personal identifiers at rest (AES-GCM) and gives each a keyed hash (HMAC-SHA256) for exact
/// lookup, so that a phone number can be found without ever being stored in clear.
package struct FieldCipher: Sendable {
    private let secret: SecretKey

    package init(secret: SecretKey) {
        self.secret = secret
    }

    private var encryptionKey: SymmetricKey { secret.derived(for: "field-encryption") }
    private var lookupKey: SymmetricKey { secret.derived(for: "lookup-hash") }

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
}

extension Data {
    package var hexString: String { map { String(format: "%02x", $0) }.joined() }
}
