import Fluent
import Foundation
import HuzhuCore
import HuzhuPlatform
import Vapor

/// Workers found by name (any part of it), phone or ID number, newest first, a page at a time.
struct WorkerFilter: Content {
    var q: String?
    var office: String?
    var after: String?

    static let pageSize = 50
}

enum WorkerList {
    struct Row {
        let worker: Worker
        let name: String
        let maskedPhones: [String]
    }

    struct Page {
        let rows: [Row]
        let next: String?
    }

    static func load(_ filter: WorkerFilter, ngoID: UUID?, today: CalendarDate, cipher: FieldCipher,
                     on db: any Database) async throws -> Page {
        let query = Worker.query(on: db).filter(\.$mergedInto == nil)
        if let ngoID { query.filter(\.$ngoID == ngoID) }
        if let office = filter.office.flatMap(UUID.init(uuidString:)) { query.filter(\.$officeID == office) }
        var nameSearch: String?
        if let text = filter.q?.trimmingCharacters(in: .whitespaces), !text.isEmpty {
            if let phone = try? PhoneNumber(text) {
                let phones = WorkerPhone.query(on: db).filter(\.$lookupHash ~~ cipher.lookupHashes(phone.digits))
                if let ngoID { phones.filter(\.$ngoID == ngoID) }
                let ids = try await phones.all().map(\.workerID)
                query.filter(\.$id ~~ ids)
            } else if let id = try? ResidentID(text, today: today) {
                query.filter(\.$idHash ~~ cipher.lookupHashes(id.value))
            } else if let byName = SearchGrams.condition(text, recordType: WorkerName.recordType, ngoID: ngoID,
                                                         table: Worker.schema, cipher: cipher) {
                query.filter(byName)
                nameSearch = text
            }
        }
        var (page, next) = try await query.newestFirst(\.$createdAt, after: filter.after, pageSize: WorkerFilter.pageSize)
        if let text = nameSearch {
            // Pairs can all be there without being next to each other: keep the names that hold the text.
            page = try page.filter { SearchGrams.matches(try $0.openName(cipher), text) }
        }
        let phones = try await WorkerStore(db: db, cipher: cipher).phones(of: page.compactMap(\.id))
        return Page(
            rows: try page.map { Row(worker: $0, name: try $0.openName(cipher), maskedPhones: (phones[$0.id!] ?? []).map(\.masked)) },
            next: next)
    }
}
