import Crypto
import Foundation

/// A random bearer secret (session cookie or API token) and the SHA-256 by which it is stored.
/// The database only ever holds the hash, so a copy of it opens no session.
package enum SecretToken {
    package static func generate(prefix: String = "") -> String {
        let bytes = SymmetricKey(size: .bits256).withUnsafeBytes { Data($0) }
        let text = bytes.base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
        return prefix + text
    }

    package static func hash(_ token: String) -> String {
        Data(SHA256.hash(data: Data(token.utf8))).hexString
    }

    /// Compares two strings in time that does not depend on where they differ.
    package static func constantTimeEquals(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        return zip(x, y).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
