import Foundation
import Vapor

/// `huzhu backup --to FILE`: a consistent copy of the embedded database and the uploaded files, taken
/// while the server serves.
struct BackupCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "to", help: "The backup file to write (replaced only once the new one is complete)") var to: String?
        init() {}
    }

    var help: String { "Write a backup of the embedded database and the uploaded files to one file (the server may keep serving)." }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard let to = signature.to, !to.isEmpty else { throw CommandFailure("--to must name the backup file") }
        let app = context.application
        let destination = URL(fileURLWithPath: to)
        let digest = try await Backup.create(to: destination, from: app.db.sql, dataDirectory: URL(fileURLWithPath: app.dataDirectory),
                                             cipher: app.fieldCipher, now: app.clock.now())
        context.console.print("Backed up \(digest.tables.count) tables (\(digest.tables.values.map(\.count).reduce(0, +)) rows) and \(digest.files.count) files to \(destination.path).")
        context.console.print("The keys are not in the backup: keep huzhu.key and huzhu-network.key (or HUZHU_SECRET_KEY and HUZHU_NETWORK_KEY) safe elsewhere; without them the backup cannot be read.")
    }
}

/// `huzhu digest`: one line per table (rows, SHA-256 of its rows) and one for the files, to compare two
/// copies of the data (a PostgreSQL dump and its restore, say).
struct DigestCommand: AsyncCommand {
    struct Signature: CommandSignature { init() {} }

    var help: String { "Print a digest of every table and of the uploaded files, to compare two copies of the data." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        let digest = try await ContentDigest.of(app.db.sql, dataDirectory: URL(fileURLWithPath: app.dataDirectory))
        for (table, part) in digest.tables.sorted(by: { $0.key < $1.key }) {
            context.console.print("\(table) \(part.count) \(part.sha256)")
        }
        context.console.print("files \(digest.files.count) \(digest.files.sha256)")
    }
}
