import Fluent
import Foundation
@testable import HuzhuIntake
import HuzhuPlatform
import Testing
import Vapor
import VaporTesting

extension Browser {
    /// Records a contact through the intake form, as an operator would: a new worker with this phone,
    /// or the known worker `subject`, about the first topic.
    @discardableResult
    func recordContact(phone: String?, newWorker name: String? = nil, subject: String? = nil,
                       summary: String = "工地欠薪三个月，老板失联", extra: [String: String] = [:]) async throws -> TestingHTTPResponse {
        let topic = try await Topic.query(on: app.db).sort(\.$position).first()!.requireID()
        var form: [String: String] = [
            "phone": phone ?? "", "subject": subject ?? (name == nil ? "anonymous" : "new"), "full_name": name ?? "",
            "channel": "hotline", "direction": "inbound", "topics[]": topic.uuidString, "summary": summary,
            "advice": "建议收集工资证据", "outcome": "advice",
        ]
        form.merge(extra) { $1 }
        return try await post("/intake", form)
    }
}

extension Application {
    func workers(named name: String) async throws -> [Worker] {
        try await Worker.query(on: db).filter(\.$name == name).all()
    }

    func contacts() async throws -> [Contact] {
        try await Contact.query(on: db).sort(\.$createdAt).sort(\.$number).all()
    }
}
