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
        [CreateWorkerNetworkTables(), CreateSavedLists(), CreateSMSTables()]
    }

    package static func grant(_ policy: inout Policy) {
        WorkerNetworkPolicy.grant(&policy)
    }

    /// Groups and trainings are reached from the list of workers (the menu of an NGO's admin has no room
    /// left); a group leader's own page from the menu.
    package static let navigation: [NavItem] = [
        NavItem(titleKey: "my_groups.title", path: WorkerNetworkRoute.myGroups.path, permissions: [.leadGroups], order: 20),
    ]

    package static let auditActions = AuditAction.workerNetwork
    package static let openAPI: Data? = Bundle.module.url(forResource: "openapi", withExtension: "json").flatMap { try? Data(contentsOf: $0) }
    package static let sealedColumns = [
        SealedColumn(table: SMSMessage.schema, cipher: "body_cipher"),
        SealedColumn(table: SMSMessage.schema, cipher: "text_cipher"),
        SealedColumn(table: SMSRecipient.schema, cipher: "phone_cipher"),
        SealedColumn(table: SMSOptOut.schema, cipher: "phone_cipher", hash: "phone_hash"),
    ]

    package static func contribute(to sources: inout IndicatorSources) {
        sources.facts.append(TrainingIndicatorFacts())
    }

    package static func routes(_ app: Application) throws {
        app.workerSections.append(WorkerNetworkWorkers.section)
        app.workerMergeSteps.append(WorkerNetworkWorkers.merge)
        app.workerDataParts.append(WorkerNetworkWorkers.part)
        app.workerCriteria.append(WorkerNetworkWorkers.criterion)
        app.workerListTools += [(WorkerNetworkRoute.groups.path, "groups.title"), (WorkerNetworkRoute.trainings.path, "trainings.title"),
                                (WorkerNetworkRoute.lists.path, "lists.title")].map { tool in
            { request in (try? request.workContext().organisesWorkers()) == nil ? nil : tool }
        }
        // A few sign-ups per address in ten minutes: enough for a family on one phone, not for a flood.
        app.rateRules.append(RateRule(name: "join", limit: 5, window: 600, messageKey: "join.too_many") { request in
            request.method == .POST && request.url.path.hasPrefix("/join/") ? request.clientAddress : nil
        })
        GroupsController.register(app.routes)
        TrainingsController.register(app.routes)
        SignUpController.register(app.routes)
        MessagesController.register(app.routes)
        LeaderController.register(app.routes)
        ListsController.register(app.routes)
        WorkerNetworkAPI.register(app.routes)
        GatewayController.register(app.routes)
        app.lifecycle.use(SMSSender.periodic(app))
    }

    package static func loadDemo(into app: Application) async throws -> [String] {
        try await DemoWorkerNetwork.loadIfEmpty(into: app)
    }

    package static func commands(_ app: Application) {}
}
