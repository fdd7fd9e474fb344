import Foundation
import HuzhuApp
import Logging
import Vapor

var environment = try Environment.detect()
try LoggingSystem.bootstrap(from: &environment)
let app = try await Application.make(environment)
do {
    try configure(app, environment: ProcessInfo.processInfo.environment)
    try await app.execute()
} catch {
    app.logger.critical("\(error)")
    FileHandle.standardError.write(Data("huzhu: \(error)\n".utf8))
    try? await app.asyncShutdown()
    exit(1)
}
try await app.asyncShutdown()
