import Fluent
import Foundation
import HuzhuCore

/// A subject a contact is about, from the network's bilingual taxonomy. Data an admin extends, not an enum.
package final class Topic: Model, @unchecked Sendable {
    package static let schema = "topics"

    @ID(key: .id) package var id: UUID?
    /// A stable short name for reports and the API (`wage_arrears`).
    @Field(key: "code") package var code: String
    @Field(key: "name_zh") package var nameZh: String
    @Field(key: "name_en") package var nameEn: String
    @Field(key: "position") package var position: Int
    @Field(key: "active") package var active: Bool

    package init() {}

    package init(code: String, nameZh: String, nameEn: String, position: Int) {
        self.code = code
        self.nameZh = nameZh
        self.nameEn = nameEn
        self.position = position
        self.active = true
    }

    package func name(in language: Language) -> String { language == .zhHans ? nameZh : nameEn }
}
