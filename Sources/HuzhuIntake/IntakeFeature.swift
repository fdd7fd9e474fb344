import Fluent
import Foundation
import HuzhuPlatform
import Vapor

/// Hotline intake and worker records: contacts on every channel, the phone lookup and screen-pop,
/// callbacks, the telephony webhook, and the workers' encrypted personal data.
package enum IntakeFeature: Feature {
    package static func migrations(_ cipher: FieldCipher) -> [any Migration] {
        [
            CreateWorkers(), CreateWorkerPhones(), CreateTopics(), CreateContacts(), CreateCallbacks(), CreateTelephony(),
            CreateImportBatches(), AddCallbackHashIndexToContacts(), AddWorkerListIndex(), AddWorkerErasure(),
            AddErasureReference(), sealContactText(cipher), CreateSearchGrams(), SealWorkerNames(cipher: cipher),
            SealTextColumns(Worker.schema, ["notes"], cipher: cipher), AddNoCaseDecision(),
        ]
    }

    /// What a worker said and what they were told (health conditions among it), sealed.
    static func sealContactText(_ cipher: FieldCipher) -> SealTextColumns {
        SealTextColumns(Contact.schema, ["summary", "advice"], cipher: cipher)
    }

    package static func grant(_ policy: inout Policy) {
        IntakePolicy.grant(&policy)
    }

    package static func contribute(to sources: inout IndicatorSources) {
        sources.facts.append(ContactIndicatorFacts())
        sources.workers = WorkerCount()
    }

    package static let navigation: [NavItem] = [
        NavItem(titleKey: "hotline.title", path: IntakeRoute.intake.path, permissions: [.recordContacts], order: 10, primary: true),
        NavItem(titleKey: "contacts.title", path: IntakeRoute.contacts.path, permissions: [.readContacts, .readOwnContacts],
                order: 20),
        NavItem(titleKey: "workers.title", path: IntakeRoute.workers.path, permissions: [.readWorkers], order: 30),
        NavItem(titleKey: "callbacks.title", path: IntakeRoute.callbacks.path, permissions: [.workCallbacks], order: 40),
        NavItem(titleKey: "topics.title", path: IntakeRoute.topics.path, permissions: [.manageTopics], order: 84),
        NavItem(titleKey: "lines.title", path: IntakeRoute.lines.path, permissions: [.manageLines], order: 85),
    ]

    package static let auditActions = AuditAction.intake
    package static let sealedColumns = [
        SealedColumn(table: Worker.schema, cipher: "id_cipher", hash: "id_hash"),
        SealedColumn(table: Worker.schema, cipher: "name_cipher", reindex: WorkerName.reindex),
        SealedColumn(table: Worker.schema, cipher: "notes_cipher"),
        SealedColumn(table: Worker.schema, cipher: "erasure_reference_cipher"),
        SealedColumn(table: WorkerPhone.schema, cipher: "cipher", hash: "lookup_hash"),
        SealedColumn(table: Contact.schema, cipher: "callback_cipher", hash: "callback_hash"),
        SealedColumn(table: Contact.schema, cipher: "no_case_reason_cipher"),
        SealedColumn(table: Callback.schema, cipher: "phone_cipher", hash: "phone_hash"),
        SealedColumn(table: Call.schema, cipher: "caller_cipher", hash: "caller_hash"),
        SealedColumn(table: TelephonyLine.schema, cipher: "secret_cipher"),
        SealedColumn(table: ImportBatch.schema, cipher: "content_cipher"),
        SealedColumn(table: Contact.schema, cipher: "summary_cipher"),
        SealedColumn(table: Contact.schema, cipher: "advice_cipher"),
    ]
    package static let openAPI = Bundle.module.url(forResource: "openapi", withExtension: "json").flatMap { try? Data(contentsOf: $0) }

    package static func routes(_ app: Application) throws {
        app.workSources.append(IntakeWork.source)
        app.serviceRecordSources.append { userID, db in
            [ServiceFigure(key: "service.contacts", count: try await Contact.query(on: db).filter(\.$operatorID == userID).count())]
        }
        app.pageScripts.append(PageScript(asset: "screenpop.js", permission: .recordContacts, elementID: "screenpop",
                                          eventsPath: IntakeRoute.intakeEvents.path))
        IntakeController.register(app.routes)
        ContactsController.register(app.routes)
        WorkersController.register(app.routes)
        DuplicatesController.register(app.routes)
        ImportController.register(app)
        ExportController.register(app.routes)
        CallbacksController.register(app.routes)
        TopicsController.register(app.routes)
        LinesController.register(app.routes)
        ScreenPopController.register(app.routes)
        TelephonyController.register(app.routes)
        ContactsAPI.register(app.routes)
        WorkersAPI.register(app.routes)
        DataRightsController.register(app)
        app.rateRules.append(RateRule(name: "telephony", limit: 600, window: 60) { request in
            request.method == .POST && request.url.path == IntakeRoute.apiTelephonyEvents.path ? request.clientAddress : nil
        })
        app.lifecycle.use(WorkerRetention.periodic(app))
    }

    package static func loadDemo(into app: Application) async throws -> [String] {
        try await DemoHotline.loadIfEmpty(into: app)
    }

    package static func commands(_ app: Application) {
        app.asyncCommands.use(RetentionCommand(), as: "retention")
    }
}
