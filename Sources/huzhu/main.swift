import Foundation
import HuzhuApp
import HuzhuGenerate
import Logging
import NIOCore
import NIOPosix
import Vapor

// Async code then runs on the server's own event loops instead of hopping to a separate pool of threads
// and back at every database call. It must happen before any other concurrency.
_ = NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor()
if CommandLine.arguments.dropFirst().first == "restore" {
    exit(await restore(arguments: Array(CommandLine.arguments.dropFirst(2)), environment: ProcessInfo.processInfo.environment))
}
var environment = try Environment.detect()
try LoggingSystem.bootstrap(from: &environment)
let app = try await Application.make(environment)
do {
    try configure(app, environment: ProcessInfo.processInfo.environment)
    // Tooling, not production: fills an empty database with a synthetic network for benchmarks.
    app.asyncCommands.use(GenerateCommand(), as: "generate")
    try await app.execute()
} catch {
    app.logger.critical("\(error)")
    FileHandle.standardError.write(Data("huzhu: \(error)\n".utf8))
    try? await app.asyncShutdown()
    exit(1)
}
try await app.asyncShutdown()
