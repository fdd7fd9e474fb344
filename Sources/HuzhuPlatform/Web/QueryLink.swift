import Foundation

/// A link to a list page with its filters and cursor, empty values left out, every value URL-encoded.
package func queryLink(_ path: String, _ items: [(name: String, value: String?)]) -> String {
    var components = URLComponents()
    components.path = path
    let present = items.compactMap { item in item.value.flatMap { $0.isEmpty ? nil : URLQueryItem(name: item.name, value: $0) } }
    components.queryItems = present.isEmpty ? nil : present
    return components.string ?? path
}
