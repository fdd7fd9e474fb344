import Fluent
import Foundation
import HuzhuCore
import HuzhuPlatform
import SQLKit

/// What the home page shows a person: their account, the organisation within their reach with its
/// head-counts, and what they did last.
struct HomeModel {
    struct OfficeRow: Decodable {
        let ngoName: String
        let officeName: String
        let city: String
        let code: String
        let activeUsers: Int
    }

    struct Colleague {
        let displayName: String
        let role: Role
    }

    struct Activity {
        let action: String
        let occurredAt: Date
    }

    var actor: Actor
    var previousLoginAt: Date?
    var ngoCount: Int
    var offices: [OfficeRow]
    var colleagues: [Colleague]
    /// Whether the person may see their organisation (offices, accounts, colleagues): not a liaison of
    /// a partner enterprise, nor a workers' group leader.
    var showsOrganisation = true

    /// Whether the person works in one office (and so has colleagues to list).
    var worksInOneOffice: Bool {
        if case .office = Policy.ownScope(of: actor) { return true }
        return false
    }
    var recentActivity: [Activity]
}

enum HomeQuery {
    /// The home page of `actor`; `organisation` says whether they may see their organisation's offices,
    /// accounts and colleagues (the policy's `readOrganisation`).
    static func load(for actor: Actor, organisation: Bool = true, on db: any Database) async throws -> HomeModel {
        let sql = db.sql
        let user = try await User.find(actor.userID, on: db)

        // One grouped query for every office in reach and its number of active users.
        var offices = sql.select()
            .column(SQLColumn("name", table: "ngos"), as: "ngoName")
            .column(SQLColumn("name", table: "offices"), as: "officeName")
            .column(SQLColumn("city", table: "offices"), as: "city")
            .column(SQLColumn("code", table: "offices"), as: "code")
            .column(SQLFunction("COUNT", args: SQLColumn("id", table: "users")), as: "activeUsers")
            .from("offices")
            .join("ngos", on: SQLColumn("ngo_id", table: "offices"), .equal, SQLColumn("id", table: "ngos"))
            .join("users", method: SQLJoinMethod.left,
                  on: SQLBinaryExpression(
                      SQLBinaryExpression(SQLColumn("office_id", table: "users"), .equal, SQLColumn("id", table: "offices")),
                      .and,
                      SQLBinaryExpression(SQLColumn("active", table: "users"), .equal, SQLLiteral.boolean(true))))
            .groupBy(SQLColumn("name", table: "ngos")).groupBy(SQLColumn("name", table: "offices"))
            .groupBy(SQLColumn("city", table: "offices")).groupBy(SQLColumn("code", table: "offices"))
            .orderBy(SQLColumn("name", table: "ngos")).orderBy(SQLColumn("code", table: "offices"))
        let own = Policy.ownScope(of: actor)
        switch own {
        case .network: break
        case .ngo(let ngo): offices = offices.where(SQLColumn("ngo_id", table: "offices"), .equal, SQLBind(ngo))
        case .office(_, let office): offices = offices.where(SQLColumn("id", table: "offices"), .equal, SQLBind(office))
        }

        var colleagues: [HomeModel.Colleague] = []
        if organisation, case .office(_, let officeID) = own {
            colleagues = try await User.query(on: db)
                .filter(\.$officeID == officeID).filter(\.$active == true).filter(\.$id != actor.userID)
                .sort(\.$displayName).limit(50).all()
                .map { HomeModel.Colleague(displayName: $0.displayName, role: $0.role) }
        }

        let activity = try await AuditEvent.query(on: db)
            .filter(\.$actorUserID == actor.userID)
            .sort(\.$occurredAt, .descending).limit(5).all()
            .map { HomeModel.Activity(action: $0.action, occurredAt: $0.occurredAt) }

        return HomeModel(
            actor: actor,
            previousLoginAt: user?.previousLoginAt,
            ngoCount: own == .network ? try await NGO.query(on: db).count() : 1,
            offices: organisation ? try await offices.all(decoding: HomeModel.OfficeRow.self) : [],
            colleagues: colleagues,
            showsOrganisation: organisation,
            recentActivity: activity
        )
    }
}
