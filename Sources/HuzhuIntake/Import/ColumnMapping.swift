import Foundation
import Vapor

/// Which column of the uploaded file holds which field of a worker.
struct ColumnMapping: Content {
    /// The worker fields a column can fill, in the order the mapping form shows them.
    static let fields = ["full_name", "phones", "id_number", "gender", "birth_year", "home_province", "current_city",
                         "industry", "employer", "languages", "notes"]

    /// Field name → column index (as text, from a select); nil or "" for "not in the file".
    var columns: [String: String] = [:]

    init(columns: [String: String]) { self.columns = columns }

    /// Reads `map_<field>` from a form or query.
    init(from container: some ContentContainer) {
        for field in Self.fields {
            if let value = try? container.get(String.self, at: "map_\(field)") { columns[field] = value }
        }
    }

    init(from query: URLQueryContainer) {
        for field in Self.fields {
            if let value = query[String.self, at: "map_\(field)"] { columns[field] = value }
        }
    }

    func column(_ field: String) -> Int? { columns[field].flatMap(Int.init) }

    var isEmpty: Bool { Self.fields.allSatisfy { column($0) == nil } }

    /// A first guess from the header row, for headers as NGOs write them in Chinese or English.
    static func guess(headers: [String]) -> ColumnMapping {
        let names: [String: [String]] = [
            "full_name": ["姓名", "名字", "工友姓名", "name", "full name", "full_name"],
            "phones": ["电话", "手机", "手机号", "手机号码", "联系电话", "电话号码", "phone", "phones", "mobile", "telephone"],
            "id_number": ["身份证", "身份证号", "身份证号码", "id", "id number", "id_number"],
            "gender": ["性别", "gender", "sex"],
            "birth_year": ["出生年份", "出生年", "birth year", "birth_year", "year of birth"],
            "home_province": ["户籍", "籍贯", "户籍省份", "省份", "home province", "home_province", "province"],
            "current_city": ["现居城市", "所在城市", "城市", "city", "current city", "current_city"],
            "industry": ["行业", "industry"],
            "employer": ["用人单位", "工作单位", "单位", "公司", "employer", "company"],
            "languages": ["语言", "方言", "languages", "dialect"],
            "notes": ["备注", "notes", "note", "remarks"],
        ]
        var columns: [String: String] = [:]
        for (index, header) in headers.enumerated() {
            let key = header.trimmingCharacters(in: .whitespaces).lowercased()
            if let field = names.first(where: { $0.value.contains(key) })?.key, columns[field] == nil {
                columns[field] = String(index)
            }
        }
        return ColumnMapping(columns: columns)
    }

    /// The query string that carries this mapping.
    var queryItems: [(name: String, value: String?)] {
        Self.fields.map { ("map_\($0)", columns[$0]) }
    }
}
