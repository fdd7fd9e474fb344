import Fluent
import Foundation
import HuzhuCore
import HuzhuPlatform
import Vapor

/// The volunteer corps: profiles, training before duty, shifts, attendance and hours, which make the
/// human-input indicator true and let a volunteer lawyer answer the hotline during their shift.
package enum VolunteersFeature: Feature {
    package static func migrations(_ cipher: FieldCipher) -> [any Migration] {
        [CreateVolunteerTables(), CreateHotlineOpenings()]
    }

    package static func grant(_ policy: inout Policy) {
        VolunteersPolicy.grant(&policy)
    }

    package static let navigation: [NavItem] = [
        NavItem(titleKey: "shifts.title", path: VolunteersRoute.shifts.path, permissions: [.serveShifts], order: 15),
    ]

    package static let auditActions = AuditAction.volunteers
    package static let openAPI: Data? = Bundle.module.url(forResource: "openapi", withExtension: "json").flatMap { try? Data(contentsOf: $0) }
    package static let sealedColumns = [
        SealedColumn(table: Volunteer.schema, cipher: "name_cipher"),
        SealedColumn(table: Volunteer.schema, cipher: "phone_cipher", hash: "phone_hash"),
        SealedColumn(table: HourLog.schema, cipher: "note_cipher"),
    ]

    package static func contribute(to sources: inout IndicatorSources) {
        sources.facts.append(HoursIndicatorFacts())
    }

    package static func routes(_ app: Application) throws {
        app.dutyRoster = ShiftDutyRoster()
        app.assignmentConflictChecks.append(FirmConflicts.conflictCheck)
        app.workSources.append(VolunteersWork.source)
        RosterController.register(app.routes)
        RosterImportController.register(app)
        ShiftsController.register(app.routes)
        HoursController.register(app.routes)
        CertificateController.register(app.routes)
        FirmReportController.register(app.routes)
        VolunteersAPI.register(app.routes)
    }

    package static func loadDemo(into app: Application) async throws -> [String] {
        try await DemoCorps.loadIfEmpty(into: app)
    }

    package static func commands(_ app: Application) {}
}
