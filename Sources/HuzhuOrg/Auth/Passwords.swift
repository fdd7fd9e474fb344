import Vapor

extension Application {
    /// Bcrypt runs on the thread pool: it is slow on purpose and must not stall an event loop.
    func hashPassword(_ password: String) async throws -> String {
        try await self.password.async(on: threadPool, hopTo: eventLoopGroup.next()).hash(password).get()
    }

    func verifyPassword(_ password: String, hash: String) async throws -> Bool {
        try await self.password.async(on: threadPool, hopTo: eventLoopGroup.next()).verify(password, created: hash).get()
    }
}

/// A password an administrator hands over once, by reset or creation: 16 characters without look-alikes.
enum GeneratedPassword {
    private static let alphabet = Array("abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789")

    static func make() -> String {
        var generator = SystemRandomNumberGenerator()
        let body = (0..<16).map { _ in alphabet[Int(generator.next(upperBound: UInt(alphabet.count)))] }
        return String(body[0..<4]) + "-" + String(body[4..<8]) + "-" + String(body[8..<12]) + "-" + String(body[12..<16])
    }
}
