import Fluent
import Foundation
import HuzhuCore
import HuzhuIntake
import HuzhuPlatform
import Plot
import Vapor

/// The calculator page (a GET form, so a result can be bookmarked or printed), saving a result as a
/// case's claims, and the calculator's JSON API.
enum CalculatorController {
    static func register(_ routes: any RoutesBuilder) {
        routes.get(CasesRoute.calculator, use: show)
        routes.post(CasesRoute.calculations(.parameter), use: save)
        routes.post(CasesRoute.apiCalculations, use: api)
    }

    static func show(_ request: Request) async throws -> Response {
        let actor = try request.requireActor()
        try request.authorize(.useCalculator, in: Policy.ownScope(of: actor))
        var input = try request.query.decode(CalculatorInput.self)
        var target: (found: Case, workers: [(id: UUID, name: String)])?
        if let id = request.query[UUID.self, at: "case"] {
            let access = try await request.access(try await request.findCase(id))
            if access.mayWork { target = (access.case, try await workers(of: access.case, cipher: request.application.fieldCipher, on: request.db)) }
        }
        let book = ParameterBook(db: request.db)
        if let found = target?.found, !hasFacts(request) {
            try await input.carry(found, regions: try await book.regions(), on: request.db)
        }
        var result: Calculation?
        var errors = ValidationErrors()
        if hasFacts(request) {
            do { result = try await Calculator.run(input, today: request.today, book: book) } catch let refused as ValidationErrors {
                errors = refused
            }
        }
        let model = CalculatorView.Model(input: input, regions: try await book.regions(), result: result, errors: errors,
                                         today: request.today, target: target)
        return request.page(request.t("calculator.title"), status: errors.isEmpty ? .ok : .unprocessableEntity,
                            CalculatorView.render(model, request.pageContext))
    }

    /// Whether the form was sent (any fact besides the situation and the case).
    private static func hasFacts(_ request: Request) -> Bool {
        (request.url.query ?? "").split(separator: "&").contains { !$0.hasPrefix("situation=") && !$0.hasPrefix("case=") }
    }

    /// Records the calculation's amounts as the worker's claims on the case, each with its working.
    static func save(_ request: Request) async throws -> Response {
        let access = try await request.workCase()
        let input = try request.content.decode(CalculatorInput.self)
        let result = try await Calculator.run(input, today: request.today, book: ParameterBook(db: request.db))
        guard let workerID = (try request.content.get(String?.self, at: "worker") ?? nil).flatMap(UUID.init(uuidString:)),
              try await CaseWorker.query(on: request.db).filter(\.$caseID == access.case.requireID())
                  .filter(\.$workerID == workerID).first() != nil
        else { throw HuzhuAbort(.unprocessableEntity, "error.worker_not_on_case") }
        let t = request.t
        let working = ([t("situation.\(result.situation.rawValue)")] + result.lines.map { LegalLineView.text($0, t) })
            .joined(separator: "\n")
        let work = try request.workContext()
        for (head, amount) in result.claims.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            try await Cases.addClaim(AddClaim(workerID: workerID, head: head, claimed: amount, note: String(working.prefix(2000))),
                                     to: access.case, in: work)
        }
        return request.redirect(to: CasesRoute.casePage(.of(access.case.id!)).path + "#ledger")
    }

    /// The rules over JSON: the same facts as the page, the lines with their working and statute in the
    /// caller's language.
    static func api(_ request: Request) async throws -> CalculationBody {
        let actor = try request.requireActor()
        try request.authorize(.useCalculator, in: Policy.ownScope(of: actor))
        let input = try request.content.decode(CalculatorInput.self)
        let result = try await Calculator.run(input, today: request.today, book: ParameterBook(db: request.db))
        return CalculationBody(result, request.t)
    }

    static func workers(of found: Case, cipher: FieldCipher, on db: any Database) async throws -> [(id: UUID, name: String)] {
        let ids = try await CaseWorker.query(on: db).filter(\.$caseID == found.requireID()).sort(\.$addedAt).all().map(\.workerID)
        let names = Dictionary(uniqueKeysWithValues: try await Worker.query(on: db).filter(\.$id ~~ ids).all()
            .map { ($0.id!, try $0.openName(cipher)) })
        return ids.compactMap { id in names[id].map { (id, $0) } }
    }
}

/// A calculation as the API returns it.
struct CalculationBody: Content {
    struct Line: Content {
        let item: String
        let label: String
        let amount_fen: Int64?
        let range_fen: [Int64]?
        let date: String?
        let working: String
        let statute: String
        let notes: [String]

        init(_ line: LegalLine, _ t: Localizer) {
            item = line.item
            label = t("law_item.\(line.item)")
            amount_fen = line.amount?.fen
            if case .range(let low, let high) = line.value { range_fen = [low.fen, high.fen] } else { range_fen = nil }
            date = line.date?.description
            working = LegalLineView.working(line, t)
            statute = LegalLineView.statute(line, t)
            notes = line.notes.map { t("law_note.\($0.rawValue)") }
        }
    }

    let situation: String
    let lines: [Line]
    let deadlines: [Line]
    let claims_fen: [String: Int64]

    init(_ result: Calculation, _ t: Localizer) {
        situation = result.situation.rawValue
        lines = result.lines.map { Line($0, t) }
        deadlines = result.deadlines.map { Line($0, t) }
        claims_fen = Dictionary(uniqueKeysWithValues: result.claims.map { ($0.key.rawValue, $0.value.fen) })
    }
}
