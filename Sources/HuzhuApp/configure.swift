import Foundation
import Fluent
import HuzhuCases
import HuzhuEnterprise
import HuzhuIndicators
import HuzhuIntake
import HuzhuOrg
import HuzhuPlatform
import HuzhuVolunteers
import HuzhuWorkerNetwork
import Vapor

/// The features of Huzhu, in dependency order. Their migrations run in this order, once.
let features: [any Feature.Type] = [OrgFeature.self, IntakeFeature.self, CasesFeature.self, VolunteersFeature.self,
                                      WorkerNetworkFeature.self, IndicatorsFeature.self, EnterpriseFeature.self]

/// The one configuration production and tests share; they differ only by `configuration`.
public func configure(_ app: Application, environment: [String: String]) throws {
    try configure(app, configuration(from: environment))
}

/// The deployment's settings from its environment variables.
func configuration(from environment: [String: String]) throws -> HuzhuConfiguration {
    do {
        return try HuzhuConfiguration(
            environment: environment,
            dataDirectory: environment["HUZHU_DATA_DIR"].flatMap { $0.isEmpty ? nil : $0 } ?? HuzhuConfiguration.defaultDataDirectory)
    } catch {
        throw StartupError(message: error.description)
    }
}

package func configure(_ app: Application, _ configuration: HuzhuConfiguration) throws {
    let keys: KeyRing
    do {
        keys = try KeyRing.resolve(configuration) { app.logger.notice("\($0)") }
    } catch let error as ConfigurationError {
        throw StartupError(message: error.description)
    }
    try Platform.configure(app, configuration, keys: keys)

    // Each migration step is for those debugging one (HUZHU_LOG_LEVEL=debug), not for everyone's console.
    app.fluent.migrationLogLevel = .debug
    app.migrations.add(Platform.migrations)
    var policy = Policy()
    var navigation: [NavItem] = []
    var indicatorSources = IndicatorSources()
    for feature in features {
        app.migrations.add(feature.migrations(app.fieldCipher))
        feature.grant(&policy)
        feature.contribute(to: &indicatorSources)
        navigation += feature.navigation
        app.auditActions += feature.auditActions
        app.openAPIFragments += [feature.openAPI].compactMap { $0 }
        app.sealedColumns += feature.sealedColumns
        app.demoLoaders.append(feature.loadDemo)
        try feature.routes(app)
        feature.commands(app)
    }
    try app.serveOpenAPIDocument()
    app.policy = policy
    app.indicatorSources = indicatorSources
    app.navigation = navigation.sorted { $0.order < $1.order }
}

/// Huzhu refused to start; the message says what to fix.
public struct StartupError: Error, CustomStringConvertible {
    public let message: String
    public var description: String { message }
}
