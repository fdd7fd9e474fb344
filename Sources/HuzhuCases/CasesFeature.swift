import Fluent
import Foundation
import HuzhuIntake
import HuzhuPlatform
import Vapor

/// Cases, employers and the recovery ledger: a dispute from the first contact to money in the
/// worker's hand.
package enum CasesFeature: Feature {
    package static func migrations(_ cipher: FieldCipher) -> [any Migration] {
        [
            CreateCases(), CreateCaseRecords(), CreateWageParameters(),
            CreateMediation(), CreateRemindersAndDocuments(),
            SealTextColumns(CaseEvent.schema, ["text"], cipher: cipher), SealTextColumns(Case.schema, ["summary"], cipher: cipher),
            SealTextColumns(CaseDocument.schema, ["html"], cipher: cipher), SealTextColumns(Case.schema, ["title"], cipher: cipher, reindex: CaseTitle.reindex),
            SealTextColumns(EvidenceFile.schema, ["original_name", "description"], cipher: cipher),
            AddIndicatorIndexes(), AddDisputeMaskToCases(), AddPaymentReversals(), AddContactQueueIndexes(),
        ]
    }

    package static let sealedColumns = [
        SealedColumn(table: CaseEvent.schema, cipher: "text_cipher"), SealedColumn(table: Case.schema, cipher: "summary_cipher"),
        SealedColumn(table: CaseDocument.schema, cipher: "html_cipher"),
        SealedColumn(table: Case.schema, cipher: "title_cipher", reindex: CaseTitle.reindex),
        SealedColumn(table: EvidenceFile.schema, cipher: "original_name_cipher"),
        SealedColumn(table: EvidenceFile.schema, cipher: "description_cipher"),
        SealedColumn(table: Payment.schema, cipher: "reason_cipher"),
    ]

    package static func grant(_ policy: inout Policy) {
        CasesPolicy.grant(&policy)
    }

    package static func contribute(to sources: inout IndicatorSources) {
        sources.facts.append(CaseIndicatorFacts())
    }

    package static let navigation: [NavItem] = [
        NavItem(titleKey: "cases.title", path: CasesRoute.cases.path, permissions: [.readCases, .workAssignedCases], order: 35),
        NavItem(titleKey: "employers.title", path: CasesRoute.employers.path, permissions: [.manageEmployers], order: 36),
        NavItem(titleKey: "due.title", path: CasesRoute.dueSoon.path, permissions: [.workCases, .workAssignedCases], order: 34),
        NavItem(titleKey: "mediation.committee", path: CasesRoute.mediation.path, permissions: [.manageMediation], order: 38),
        NavItem(titleKey: "calculator.title", path: CasesRoute.calculator.path, permissions: [.useCalculator], order: 37),
        NavItem(titleKey: "law_parameters.title", path: CasesRoute.lawParameters.path, permissions: [.manageLawParameters],
                order: 87),
        NavItem(titleKey: "case_settings.title", path: CasesRoute.caseSettings.path, permissions: [.configureCases], order: 86),
    ]

    package static let auditActions = AuditAction.cases
    package static let openAPI = Bundle.module.url(forResource: "openapi", withExtension: "json").flatMap { try? Data(contentsOf: $0) }

    package static func routes(_ app: Application) throws {
        app.workSources.append(CasesWork.source)
        app.serviceRecordSources.append { userID, db in
            let sessions = try await MediationSession.query(on: db).filter(\.$mediatorIDsText ~~ userID.uuidString).all()
            return [ServiceFigure(key: "service.cases", count: try await CaseAssignee.query(on: db).filter(\.$userID == userID).count()),
                    ServiceFigure(key: "service.mediations", count: sessions.filter { $0.mediatorIDs.contains(userID) }.count)]
        }
        app.lifecycle.use(ReminderJob.periodic(app))
        app.workerSections.append(WorkerCases.section)
        app.contactActions.append(WorkerCases.openFromContact)
        app.contactActions.append(NoCaseController.action)
        app.workerMergeSteps.append(WorkerCases.merge)
        app.workerDataParts.append(CaseWorkerData.part)
        app.workerLookupLines.append(WorkerCases.lookupLines)
        app.workerCriteria.append(WorkerCases.criterion)
        CasesController.register(app.routes)
        CasePageController.register(app.routes)
        NoCaseController.register(app.routes)
        CaseAssignment.register(app.routes)
        EvidenceController.register(app)
        EmployersController.register(app.routes)
        CaseSettingsController.register(app.routes)
        CasesAPI.register(app.routes)
        CalculatorController.register(app.routes)
        LawParametersController.register(app.routes)
        DocumentsController.register(app.routes)
        CommitteeController.register(app.routes)
        DueController.register(app.routes)
    }

    package static func loadDemo(into app: Application) async throws -> [String] {
        try await DemoCases.loadIfEmpty(into: app)
    }

    package static func commands(_ app: Application) {
        app.asyncCommands.use(RemindersCommand(), as: "reminders")
    }
}
