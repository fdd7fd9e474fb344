import Fluent
import Foundation
import HuzhuCore
import HuzhuIntake
import HuzhuPlatform
import Vapor

/// The worker network: groups of workers reached through their leaders, and trainings with registration,
/// a waiting list and a roll call, whose attendances are the training-participants indicator.
package enum WorkerNetworkFeature: Feature {
    package static func migrations(_ cipher: FieldCipher) -> [any Migration] {
        [CreateWorkerNetworkTables()]
    }

    package static func grant(_ policy: inout Policy) {
        WorkerNetworkPolicy.grant(&policy)
    }

    package static let navigation: [NavItem] = [
        NavItem(titleKey: "trainings.title", path: WorkerNetworkRoute.trainings.path, permissions: [.organiseWorkers], order: 45),
    ]

    package static let auditActions = AuditAction.workerNetwork
    package static let openAPI: Data? = nil

    package static func contribute(to sources: inout IndicatorSources) {
        sources.facts.append(TrainingIndicatorFacts())
    }

    package static func routes(_ app: Application) throws {
        app.workerSections.append(WorkerNetworkWorkers.section)
        app.workerMergeSteps.append(WorkerNetworkWorkers.merge)
        app.workerDataParts.append(WorkerNetworkWorkers.part)
        GroupsController.register(app.routes)
        TrainingsController.register(app.routes)
    }

    package static func loadDemo(into app: Application) async throws -> [String] {
        try await DemoWorkerNetwork.loadIfEmpty(into: app)
    }

    package static func commands(_ app: Application) {}
}
