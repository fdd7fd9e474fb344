import Fluent
import Foundation
import HuzhuPlatform

/// Beyond a lawyer's own declaration: the employers their firm acts for, listed on their profile, are
/// never respondents of a case they are assigned to.
enum FirmConflicts {
    /// A lawyer's firm acts for one of the case's respondents: the respondent's name as the profile lists it.
    static let conflictCheck: AssignmentConflictCheck = { userID, employers, db in
        guard let volunteer = try await Volunteer.query(on: db).filter(\.$userID == userID).first() else { return nil }
        let clients = volunteer.firmClientNames.map(normalised)
        return employers.first { employer in clients.contains(normalised(employer)) }
    }

    /// A name compared without spaces, brackets' width or letter case.
    static func normalised(_ name: String) -> String {
        name.lowercased().replacingOccurrences(of: "（", with: "(").replacingOccurrences(of: "）", with: ")").filter { !$0.isWhitespace }
    }
}
