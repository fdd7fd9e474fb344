import Fluent
import HuzhuPlatform
import Vapor

/// Hotline intake and worker records: contacts on every channel, the phone lookup and screen-pop,
/// callbacks, the telephony webhook, and the workers' encrypted personal data.
package enum IntakeFeature: Feature {
    package static let migrations: [any Migration] = [
        CreateWorkers(), CreateWorkerPhones(), CreateTopics(), CreateContacts(), CreateCallbacks(), CreateTelephony(),
    ]

    package static func grant(_ policy: inout Policy) {
        IntakePolicy.grant(&policy)
    }

    package static let navigation: [NavItem] = [
        NavItem(titleKey: "hotline.title", path: IntakeRoute.intake.path, permission: .recordContacts, order: 10),
    ]

    package static let auditActions = AuditAction.intake

    package static func routes(_ app: Application) throws {
        IntakeController.register(app.routes)
    }

    package static func commands(_ app: Application) {}
}
