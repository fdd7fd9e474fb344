import Foundation
import Fluent
import HuzhuOrg
import HuzhuPlatform
import Vapor

/// The features of Huzhu, in dependency order. Their migrations run in this order, once.
let features: [any Feature.Type] = [OrgFeature.self]

/// The one configuration production and tests share; they differ only by `configuration`.
public func configure(_ app: Application, environment: [String: String]) throws {
    let configuration: HuzhuConfiguration
    do {
        configuration = try HuzhuConfiguration(
            environment: environment,
            dataDirectory: environment["HUZHU_DATA_DIR"].flatMap { $0.isEmpty ? nil : $0 } ?? HuzhuConfiguration.defaultDataDirectory)
    } catch {
        throw StartupError(message: error.description)
    }
    try configure(app, configuration)
}

package func configure(_ app: Application, _ configuration: HuzhuConfiguration) throws {
    let secret = try resolveSecret(configuration, logger: app.logger)
    try Platform.configure(app, configuration, secret: secret)

    app.migrations.add(Platform.migrations)
    var policy = Policy()
    var navigation: [NavItem] = []
    for feature in features {
        app.migrations.add(feature.migrations)
        feature.grant(&policy)
        navigation += feature.navigation
        try feature.routes(app)
        feature.commands(app)
    }
    app.policy = policy
    app.navigation = navigation
}

/// `HUZHU_SECRET_KEY` when set; otherwise, for the embedded database, the key file beside it.
private func resolveSecret(_ configuration: HuzhuConfiguration, logger: Logger) throws -> SecretKey {
    if let key = configuration.secretKey { return key }
    guard case .sqlite(let path) = configuration.database else { throw StartupError(message: ConfigurationError.secretKeyRequired.description) }
    let keyPath = ((path as NSString).deletingLastPathComponent as NSString).appendingPathComponent("huzhu.key")
    do {
        let (key, created) = try SecretKey.loadOrCreate(at: keyPath)
        if created {
            logger.notice("Generated a new secret key in \(keyPath) (mode 0600). Back it up with the database: without it the encrypted fields cannot be read.")
        }
        return key
    } catch let error as ConfigurationError {
        throw StartupError(message: error.description)
    }
}

/// Huzhu refused to start; the message says what to fix.
public struct StartupError: Error, CustomStringConvertible {
    public let message: String
    public var description: String { message }
}
