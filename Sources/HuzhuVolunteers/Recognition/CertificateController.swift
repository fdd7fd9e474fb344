import Fluent
import Foundation
import HuzhuCore
import HuzhuOrg
import HuzhuPlatform
import Plot
import Vapor

/// A volunteer's record of service, printable in Chinese: their time with the office, approved hours,
/// shifts attended, courses passed, and what the other features count for their login (contacts
/// recorded, cases assisted, mediations).
enum CertificateController {
    static func register(_ routes: any RoutesBuilder) {
        routes.get(VolunteersRoute.certificate(.parameter), use: certificate)
    }

    static func certificate(_ request: Request) async throws -> Response {
        let work = try request.workContext()
        let volunteer = try await work.managedVolunteer(try request.routeID())
        let db = request.db
        let name = try request.application.fieldCipher.open(volunteer.nameCipher)
        let office = try await Office.find(volunteer.officeID, on: db)
        let ngo = try await NGO.find(volunteer.ngoID, on: db)
        let hours = try await HourLog.query(on: db).filter(\.$volunteerID == volunteer.id!).filter(\.$approvedAt != nil).all()
        let since = try await VolunteerStatusChange.query(on: db).filter(\.$volunteerID == volunteer.id!).sort(\.$on).first()?.on
        let passed = try await CourseCompletion.query(on: db).filter(\.$volunteerID == volunteer.id!).filter(\.$passed == true).all()
        let courses = passed.isEmpty ? [] : try await Course.query(on: db).filter(\.$id ~~ passed.map(\.courseID)).sort(\.$name).all()
        var figures: [ServiceFigure] = []
        if let user = volunteer.userID {
            for source in request.application.serviceRecordSources { figures += try await source(user, db) }
        }
        try await work.write { work in
            try await work.audit(.viewVolunteer, recordType: "volunteer", recordID: volunteer.id, ngoID: volunteer.ngoID, detail: AuditDetail("certificate"))
        }
        let zh = Localizer(.zhHans)
        let minutes = hours.reduce(0) { $0 + $1.minutes }
        return request.page(zh("certificate.title"), .article(.class("certificate"), .attribute(named: "lang", value: "zh-Hans"),
            .h2(.text(zh("certificate.heading"))),
            .p(.text(zh("certificate.text", name, ngo?.name ?? "", office?.name ?? "", since?.description ?? volunteer.statusSince.description,
                        zh("volunteer.kind.\(volunteer.kind.rawValue)")))),
            .dl(zh.detail("certificate.hours", Hours.text(minutes)),
                zh.detail("certificate.shifts", String(hours.filter { $0.kind == .shift }.count)),
                .forEach(figures) { zh.detail($0.key, String($0.count)) },
                zh.detail("certificate.courses", courses.map(\.name).joined(separator: "、"))),
            .p(.text(zh("certificate.issued", request.today.description))),
            .p(.class("signature"), .text(zh("certificate.seal")))))
    }
}
