import HuzhuCore
import HuzhuPlatform
import Vapor

/// `huzhu demo`: migrates the configured database (by default `huzhu-data/huzhu.sqlite`), loads the demo
/// network if it is empty, prints where to open Huzhu and how to sign in, and serves.
struct DemoCommand: AsyncCommand {
    struct Signature: CommandSignature { init() {} }

    var help: String { "Start Huzhu with a demo network (loaded into an empty database) and print the demo accounts." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await app.autoMigrate()
        let loaded = try await DemoNetwork.loadIfEmpty(into: app)
        let configuration = app.http.server.configuration
        let console = context.console
        console.print("")
        console.print(loaded ? "已载入演示数据 / Demo data loaded." : "使用已有数据 / Using the existing data.")
        console.print("打开 / Open:  http://\(configuration.hostname):\(configuration.port)/")
        console.print("演示账号（密码均为 \(DemoNetwork.password)）/ Demo accounts (password \(DemoNetwork.password) for all):")
        for account in DemoNetwork.accounts {
            let role = Localizer(.zhHans).role(account.role) + " / " + Localizer(.en).role(account.role)
            console.print("  \(account.login.padding(toLength: 14, withPad: " ", startingAt: 0)) \(role)")
        }
        console.print("")
        var serve = context
        serve.input = CommandInput(arguments: ["huzhu"])
        guard let command = app.asyncCommands.commands["serve"] else { throw CommandFailure("No serve command") }
        try await command.run(using: &serve)
    }
}
