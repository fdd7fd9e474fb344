import Foundation
@testable import HuzhuPlatform
import Testing

@Suite("Time-based one-time passwords")
struct TOTPTests {
    /// RFC 6238, appendix B: the seeds and the eight-digit codes at each time, for SHA-1, SHA-256 and SHA-512.
    static let vectors: [(time: TimeInterval, sha1: String, sha256: String, sha512: String)] = [
        (59, "94287082", "46119246", "90693936"),
        (1_111_111_109, "07081804", "68084774", "25091201"),
        (1_111_111_111, "14050471", "67062674", "99943326"),
        (1_234_567_890, "89005924", "91819424", "93441116"),
        (2_000_000_000, "69279037", "90698825", "38618901"),
        (20_000_000_000, "65353130", "77737706", "47863826"),
    ]

    @Test("RFC 6238's test vectors, for all three hash functions")
    func rfcVectors() {
        let sha1 = OneTimeCode(secret: Data("12345678901234567890".utf8), algorithm: .sha1, digits: 8)
        let sha256 = OneTimeCode(secret: Data("12345678901234567890123456789012".utf8), algorithm: .sha256, digits: 8)
        let sha512 = OneTimeCode(secret: Data("1234567890123456789012345678901234567890123456789012345678901234".utf8), algorithm: .sha512, digits: 8)
        for vector in Self.vectors {
            let date = Date(timeIntervalSince1970: vector.time)
            #expect(sha1.code(at: date) == vector.sha1, "SHA1 at \(vector.time)")
            #expect(sha256.code(at: date) == vector.sha256, "SHA256 at \(vector.time)")
            #expect(sha512.code(at: date) == vector.sha512, "SHA512 at \(vector.time)")
        }
    }

    @Test("A code is accepted one step either side of now and no further; malformed codes never match")
    func window() {
        let totp = OneTimeCode(secret: Data("12345678901234567890".utf8))
        let now = Date(timeIntervalSince1970: 1_111_111_111)
        let step = totp.step(at: now)
        #expect(totp.matchingStep(totp.code(step: step), at: now) == step)
        #expect(totp.matchingStep(totp.code(step: step - 1), at: now) == step - 1)
        #expect(totp.matchingStep(totp.code(step: step + 1), at: now) == step + 1)
        #expect(totp.matchingStep(totp.code(step: step - 2), at: now) == nil)
        #expect(totp.code(step: step).count == 6)
        for bad in ["", "12345", "1234567", "abcdef", "１２３４５６"] { #expect(totp.matchingStep(bad, at: now) == nil, "\(bad)") }
        let spaced = totp.code(step: step)
        #expect(totp.matchingStep(String(spaced.prefix(3)) + " " + String(spaced.suffix(3)), at: now) == step)
    }

    @Test("Base 32 round-trips, matches RFC 4648's examples, and the enrolment address carries it")
    func base32() {
        #expect(Base32.encode(Data("foobar".utf8)) == "MZXW6YTBOI")
        #expect(Base32.encode(Data("f".utf8)) == "MY")
        #expect(Base32.decode("mzxw6ytboi") == Data("foobar".utf8))
        #expect(Base32.decode("MZXW6YTBOI======") == Data("foobar".utf8))
        #expect(Base32.decode("M1") == nil)
        let secret = OneTimeCode.newSecret()
        #expect(secret.count == 20 && Base32.decode(Base32.encode(secret)) == secret)
        let uri = OneTimeCode(secret: Data("12345678901234567890".utf8)).uri(account: "李静 supervisor", issuer: "互助 Huzhu")
        #expect(uri.hasPrefix("otpauth://totp/%E4%BA%92%E5%8A%A9%20Huzhu:%E6%9D%8E%E9%9D%99%20supervisor?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer="))
    }
}
