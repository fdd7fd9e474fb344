import Crypto
import Foundation
import Vapor

/// Time-based one-time passwords (RFC 6238, on HOTP, RFC 4226), as authenticator apps compute them: the
/// shared secret keys an HMAC of the count of 30-second steps since 1970, truncated to six digits.
package struct OneTimeCode: Sendable {
    package enum Algorithm: String, Sendable { case sha1 = "SHA1", sha256 = "SHA256", sha512 = "SHA512" }

    package let secret: Data
    package var algorithm = Algorithm.sha1
    package var digits = 6
    package var period: Int64 = 30

    /// `digits`: 6, 7 or 8.
    package init(secret: Data, algorithm: Algorithm = .sha1, digits: Int = 6) {
        self.secret = secret
        self.algorithm = algorithm
        self.digits = digits
    }

    /// A new random secret of 20 bytes (160 bits, as RFC 4226 recommends).
    package static func newSecret() -> Data { Data(SymmetricKey(size: SymmetricKeySize(bitCount: 160)).withUnsafeBytes { Array($0) }) }

    package func step(at date: Date) -> Int64 { Int64(floor(date.timeIntervalSince1970)) / period }

    package func code(at date: Date) -> String { code(step: step(at: date)) }

    /// The code of one step, by Vapor's TOTP (the HMAC and its dynamic truncation).
    package func code(step: Int64) -> String {
        let digest: OTPDigest = switch algorithm {
        case .sha1: .sha1
        case .sha256: .sha256
        case .sha512: .sha512
        }
        return Vapor.TOTP(key: SymmetricKey(data: secret), digest: digest, digits: OTPDigits(rawValue: digits) ?? .six,
                          interval: Int(period))
            .generate(time: Date(timeIntervalSince1970: TimeInterval(step * period)))
    }

    /// The step whose code `code` is, within `window` steps either side of now (phones' clocks drift),
    /// compared in constant time; nil if none.
    package func matchingStep(_ code: String, at date: Date, window: Int64 = 1) -> Int64? {
        let typed = code.filter { !$0.isWhitespace }
        guard typed.count == digits, typed.allSatisfy(\.isASCIIDigit) else { return nil }
        let now = step(at: date)
        var found: Int64?
        for candidate in (now - window)...(now + window) where Self.equal(self.code(step: candidate), typed) {
            found = found ?? candidate
        }
        return found
    }

    /// The address an authenticator app reads from the QR code.
    package func uri(account: String, issuer: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        func encode(_ text: String) -> String { text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text }
        return "otpauth://totp/\(encode(issuer)):\(encode(account))?secret=\(Base32.encode(secret))&issuer=\(encode(issuer))"
            + "&algorithm=\(algorithm.rawValue)&digits=\(digits)&period=\(period)"
    }

    private static func equal(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        return zip(x, y).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }
}

/// RFC 4648 base 32, the way authenticator apps take a secret typed by hand (no padding).
package enum Base32 {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".utf8)

    package static func encode(_ data: Data) -> String {
        var result = [UInt8]()
        var buffer = 0, bits = 0
        for byte in data {
            buffer = (buffer << 8) | Int(byte)
            bits += 8
            while bits >= 5 {
                result.append(alphabet[(buffer >> (bits - 5)) & 31])
                bits -= 5
            }
        }
        if bits > 0 { result.append(alphabet[(buffer << (5 - bits)) & 31]) }
        return String(decoding: result, as: UTF8.self)
    }

    package static func decode(_ text: String) -> Data? {
        var result = Data()
        var buffer = 0, bits = 0
        for character in text.uppercased().utf8 where character != UInt8(ascii: "=") && character != UInt8(ascii: " ") {
            guard let value = alphabet.firstIndex(of: character) else { return nil }
            buffer = (buffer << 5) | value
            bits += 5
            if bits >= 8 {
                result.append(UInt8((buffer >> (bits - 8)) & 0xFF))
                bits -= 8
            }
        }
        return result
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
