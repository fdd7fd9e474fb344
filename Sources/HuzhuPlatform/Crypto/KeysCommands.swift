import Foundation
import Vapor

/// `huzhu keys new`: the first step of rotating the secret key where it lives in a key file: the current
/// key becomes `huzhu-previous.key` and a new `huzhu.key` is made. (Where the key comes from the
/// environment, it says how to do the same there.)
struct NewKeyCommand: AsyncCommand {
    struct Signature: CommandSignature { init() {} }

    var help: String { "Start rotating the secret key: make a new key, keeping the current one as the previous key." }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard let file = context.application.secretKeyFile else {
            context.console.print("""
                The secret key comes from HUZHU_SECRET_KEY. To rotate it: set HUZHU_PREVIOUS_SECRET_KEY to its current value \
                and HUZHU_SECRET_KEY to a new one (openssl rand -base64 32), restart the server, then run `huzhu keys rotate`.
                """)
            return
        }
        let previous = (file as NSString).deletingLastPathComponent + "/huzhu-previous.key"
        guard !FileManager.default.fileExists(atPath: previous) else {
            throw CommandFailure("\(previous) exists: a rotation is under way. Finish it with `huzhu keys rotate`, then delete that file.")
        }
        try FileManager.default.moveItem(atPath: file, toPath: previous)
        _ = try SecretKey.loadOrCreate(at: file)
        context.console.print("""
            New secret key in \(file); the old one is now \(previous).
            Next: restart the server (it then reads with both keys and writes with the new one), run `huzhu keys rotate`, \
            then delete \(previous) and restart again. Back the new key up with the database.
            """)
    }
}

/// `huzhu keys rotate`: re-encrypts every protected field under the current key, reporting progress.
struct RotateKeysCommand: AsyncCommand {
    struct Signature: CommandSignature { init() {} }

    var help: String { "Re-encrypt every protected field under the current secret key (the previous key must be configured)." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        guard app.fieldCipher.isRotating else {
            throw CommandFailure("No previous key is configured (HUZHU_PREVIOUS_SECRET_KEY or huzhu-previous.key): nothing to rotate from. Start with `huzhu keys new`.")
        }
        let changed = try await KeyRotation.run(app.sealedColumns, cipher: app.fieldCipher, on: app.db) { progress in
            context.console.print("\(progress.column): \(progress.done) of \(progress.total)")
        }
        let remaining = try await KeyRotation.remaining(app.sealedColumns, cipher: app.fieldCipher, on: app.db)
        guard remaining == 0 else {
            throw CommandFailure("\(changed) values re-encrypted; \(remaining) changed meanwhile and are still under the previous key: run it again.")
        }
        context.console.print("\(changed) values re-encrypted; every protected field is under the current key. Now remove the previous key (HUZHU_PREVIOUS_SECRET_KEY or huzhu-previous.key) and restart the server.")
    }
}

extension Application {
    private struct SecretKeyFileKey: StorageKey { typealias Value = String }

    /// The file the secret key was read from, when it comes from a key file rather than the environment.
    package var secretKeyFile: String? {
        get { storage[SecretKeyFileKey.self] }
        set { storage[SecretKeyFileKey.self] = newValue }
    }
}
