import Foundation
import HuzhuCore
@testable import HuzhuIntake
import HuzhuPlatform
import Testing

/// Labels looked up by a computed key must exist for every value in both languages.
@Suite("Intake labels")
struct IntakeCatalogueTests {
    let catalogue = Catalogue.bundled

    func expectKeys(_ keys: [String]) {
        #expect(catalogue.missing(keys) == [])
    }

    @Test("Every channel, direction, outcome, gender, callback reason and result has a label")
    func enums() {
        expectKeys(Contact.Channel.allCases.map { "channel.\($0.rawValue)" })
        expectKeys(Contact.Direction.allCases.map { "direction.\($0.rawValue)" })
        expectKeys(Contact.Outcome.allCases.map { "outcome.\($0.rawValue)" })
        expectKeys(Gender.allCases.map { "gender.\($0.rawValue)" })
        expectKeys(Callback.Reason.allCases.map { "callback.reason.\($0.rawValue)" })
        expectKeys(Callback.Result.allCases.map { "callback.result.\($0.rawValue)" })
        expectKeys(["phone", "id_number", "name"].map { "duplicates.reason.\($0)" })
    }

    @Test("Every import mapping field, export column and audit action has a label")
    func fields() {
        expectKeys(ColumnMapping.fields.map { "field.map_\($0)" })
        expectKeys(ColumnMapping.fields.map { "field.\($0)" })
        expectKeys(ExportController.columns.map { "field.\($0)" })
        expectKeys(AuditAction.intake.map { "audit.action.\($0.name)" })
    }
}
