import Vapor

/// Demo data a feature loads into an empty database (after the features before it), returning the
/// lines to print about it: accounts, a hotline's secret.
package typealias DemoLoader = @Sendable (Application) async throws -> [String]

extension Application {
    private struct DemoLoadersKey: StorageKey { typealias Value = [DemoLoader] }

    /// The features' demo loaders, in feature order.
    package var demoLoaders: [DemoLoader] {
        get { storage[DemoLoadersKey.self] ?? [] }
        set { storage[DemoLoadersKey.self] = newValue }
    }
}

/// `huzhu demo`: migrates the configured database (by default `huzhu-data/huzhu.sqlite`), lets each
/// feature load its demo data if the database is empty, prints where to open Huzhu and how to sign in,
/// and serves.
struct DemoCommand: AsyncCommand {
    struct Signature: CommandSignature { init() {} }

    var help: String { "Start Huzhu with demo data (loaded into an empty database) and print the demo accounts." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        // The demo's accounts share one published password and no phone: a demo is for trying Huzhu, so
        // it does not ask administrators for a one-time code, and says so. A deployment does.
        app.requireTwoFactor = false
        try await app.autoMigrate()
        var lines: [String] = []
        for loader in app.demoLoaders { lines += try await loader(app) }
        let configuration = app.http.server.configuration
        let console = context.console
        console.print("")
        console.print("两步登录已关闭（仅演示）/ Two-step sign-in is not required in the demo; a deployment requires it of administrators and supervisors (HUZHU_REQUIRE_TWO_FACTOR).")
        for line in lines { console.print(line) }
        console.print("打开 / Open:  http://\(configuration.hostname):\(configuration.port)/")
        console.print("")
        // The address and the accounts are the last lines a newcomer sees: the demo logs warnings and
        // errors only (the server's start notice and each request are not news in a demo).
        app.logger.logLevel = max(app.logger.logLevel, .warning)
        var serve = context
        serve.input = CommandInput(arguments: ["huzhu"])
        guard let command = app.asyncCommands.commands["serve"] else { return }
        try await command.run(using: &serve)
    }
}
