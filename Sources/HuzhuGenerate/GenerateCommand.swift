import Foundation
import HuzhuPlatform
import Vapor

/// `huzhu generate --preset small|seed|national [--seed N]`: migrates the configured database and fills
/// it (it must hold no NGO yet) with a reproducible synthetic network, for benchmarks and load tests.
package struct GenerateCommand: AsyncCommand {
    package struct Signature: CommandSignature {
        @Option(name: "preset", help: "small (10k workers), seed (40k) or national (1M workers, 5M contacts, 300k cases)")
        var preset: String?
        @Option(name: "seed", help: "The same seed gives the same data (default 1)") var seed: Int?
        package init() {}
    }

    package init() {}

    package var help: String { "Fill an empty database with a reproducible synthetic network (for benchmarks)." }

    package func run(using context: CommandContext, signature: Signature) async throws {
        guard let preset = Preset.named(signature.preset ?? "") else {
            throw GenerateFailure("--preset must be small, seed or national")
        }
        let app = context.application
        try await app.autoMigrate()
        // Inserting millions of rows under random keys touches index pages all over the file: keep them
        // in memory rather than read and write them back through the system at every statement.
        if app.db.isSQLite { try await SQLiteSettings.cache(mebibytes: 1024, on: app) }
        let started = Date()
        let console = context.console
        let counts = try await NetworkGenerator(app: app, preset: preset, seed: UInt64(max(signature.seed ?? 1, 1))) { line in
            console.output("\r\(line)            ".consoleText(), newLine: false)
        }.run()
        console.print("")
        console.print(counts.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
        console.print(String(format: "generated in %.1f s", Date().timeIntervalSince(started)))
    }
}
