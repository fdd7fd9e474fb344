import Fluent
import Foundation
import HuzhuCore
import HuzhuOrg
import HuzhuPlatform
import Plot
import Vapor

/// The office's callback queue: who to call, oldest due first; opening one shows the number (an
/// audited reveal) and a form for the attempt's result.
enum CallbacksController {
    struct Attempt: Content {
        var result: String?
    }

    /// After no answer, try again this much later.
    static let retryAfter: TimeInterval = 2 * 3600

    static func register(_ routes: any RoutesBuilder) {
        routes.get(IntakeRoute.callbacks, use: queue)
        routes.get(IntakeRoute.callback(.parameter), use: show)
        routes.post(IntakeRoute.callbackAttempt(.parameter), use: attempt)
    }

    static func queue(_ request: Request) async throws -> Response {
        let actor = try request.inOwnOffice(.workCallbacks)
        let open = try await Callback.query(on: request.db)
            .filter(\.$officeID == actor.officeID).filter(\.$status == .open).sort(\.$dueAt).limit(200).all()
        let names = try await workerNames(open.compactMap(\.workerID), cipher: request.application.fieldCipher, on: request.db)
        let cipher = request.application.fieldCipher
        let rows = try open.map { callback in
            CallbackViews.Row(id: callback.id!, name: callback.workerID.flatMap { names[$0] },
                              maskedPhone: try PhoneNumber(try cipher.open(callback.phoneCipher)).masked,
                              reason: callback.reason, dueAt: callback.dueAt, attempts: callback.attempts,
                              overdue: callback.dueAt < request.application.clock.now())
        }
        return request.page(request.t("callbacks.title"), CallbackViews.queue(rows, request.t))
    }

    static func show(_ request: Request) async throws -> Response {
        let callback = try await find(request)
        try await request.audit(.revealIdentifiers, recordType: "callback", recordID: callback.id, ngoID: callback.ngoID,
                                detail: AuditDetail("callback number"))
        let phone = try PhoneNumber(try request.application.fieldCipher.open(callback.phoneCipher))
        let name = try await workerNames([callback.workerID].compactMap { $0 }, cipher: request.application.fieldCipher, on: request.db).values.first
        return request.page(request.t("callbacks.call"),
                            CallbackViews.call(callback, phone: phone, name: name, request.pageContext))
    }

    static func attempt(_ request: Request) async throws -> Response {
        let callback = try await find(request)
        guard callback.status == .open else { throw HuzhuAbort(.conflict, "error.callback_closed") }
        let input = try request.content.decode(Attempt.self)
        guard let result = input.result.flatMap(Callback.Result.init(rawValue:)), result != .workerCalledBack else {
            throw HuzhuAbort(.unprocessableEntity, "error.choice_invalid")
        }
        let now = request.application.clock.now()
        callback.attempts += 1
        callback.lastAttemptAt = now
        callback.result = result
        if result == .noAnswer {
            callback.dueAt = now.addingTimeInterval(retryAfter)
        } else {
            callback.status = .done
            callback.resolvedAt = now
            callback.resolvedBy = request.actor?.userID
        }
        try await request.db.write { db in
            try await callback.save(on: db)
            try await request.audit(.attemptCallback, recordType: "callback", recordID: callback.id, ngoID: callback.ngoID,
                                    detail: AuditDetail(result), on: db)
        }
        if result == .reached {
            return request.redirect(to: IntakeRoute.intake.path + "?callback=\(callback.id!.uuidString.lowercased())")
        }
        return request.seeOther(IntakeRoute.callbacks)
    }

    /// A callback of the operator's own office; others do not exist for them.
    private static func find(_ request: Request) async throws -> Callback {
        let actor = try request.inOwnOffice(.workCallbacks)
        guard let callback = try await Callback.query(on: request.db)
            .filter(\.$id == (try request.routeID())).filter(\.$officeID == actor.officeID).first() else {
            throw HuzhuAbort.notFound
        }
        return callback
    }

    private static func workerNames(_ ids: [UUID], cipher: FieldCipher, on db: any Database) async throws -> [UUID: String] {
        guard !ids.isEmpty else { return [:] }
        return try await Worker.query(on: db).filter(\.$id ~~ ids).all().reduce(into: [:]) { $0[$1.id!] = try $1.openName(cipher) }
    }
}
