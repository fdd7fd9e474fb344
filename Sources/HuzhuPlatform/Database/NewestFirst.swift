import Fluent
import Foundation
import HuzhuCore

extension QueryBuilder where Model.IDValue == UUID {
    /// One page of a newest-first list ordered by `field`, then by id: the rows after `after` (the last
    /// id of the previous page; nil for the first page), and the cursor of the next page if there is one.
    /// Keyset paging: a deep page costs what the first does. A cursor that names no row is the field
    /// error `after`, not a silent first page (a client paging on would loop for ever).
    package func newestFirst(_ field: KeyPath<Model, FieldProperty<Model, Date>>, after: String?,
                             pageSize: Int) async throws -> (rows: [Model], next: String?) {
        if let after, !after.isEmpty {
            guard let id = UUID(uuidString: after), let last = try await Model.find(id, on: database) else {
                throw FieldError("after", "error.page_cursor")
            }
            let value = last[keyPath: field].wrappedValue
            group(.or) { older in
                older.filter(field < value)
                older.group(.and) { same in same.filter(field == value).filter(\._$id < id) }
            }
        }
        let rows = try await sort(field, .descending).sort(\._$id, .descending).limit(pageSize + 1).all()
        let page = Array(rows.prefix(pageSize))
        return (page, rows.count > pageSize ? page.last?.id?.uuidString : nil)
    }
}
