import Crypto
import Foundation

/// How systems outside Huzhu sign what they post to it: `X-Huzhu-Timestamp` carries the Unix time in
/// seconds, `X-Huzhu-Signature` carries `sha256=` and the hex HMAC-SHA256, under the shared secret, of
/// the timestamp, a dot and the raw body. A timestamp more than five minutes off is refused, so a
/// captured request cannot be replayed later.
package enum WebhookSignature {
    package static let timestampHeader = "X-Huzhu-Timestamp"
    package static let signatureHeader = "X-Huzhu-Signature"
    package static let tolerance: TimeInterval = 300

    package enum Failure: Error, Equatable {
        case missing, stale, mismatch
    }

    package static func sign(body: Data, timestamp: Int, secret: String) -> String {
        var message = Data("\(timestamp).".utf8)
        message.append(body)
        let code = HMAC<SHA256>.authenticationCode(for: message, using: SymmetricKey(data: Data(secret.utf8)))
        return "sha256=" + Data(code).hexString
    }

    package static func verify(body: Data, timestamp: String?, signature: String?, secret: String, now: Date) throws(Failure) {
        guard let timestamp, let seconds = Int(timestamp), let signature else { throw .missing }
        guard abs(now.timeIntervalSince1970 - Double(seconds)) <= tolerance else { throw .stale }
        let expected = sign(body: body, timestamp: seconds, secret: secret)
        guard SecretToken.constantTimeEquals(expected, signature.lowercased()) else { throw .mismatch }
    }
}
