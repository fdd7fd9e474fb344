import Fluent
import Foundation
import HuzhuCore
import HuzhuPlatform
import Vapor

/// An evidence upload: the file and what it shows. The page's form and the API send the same fields
/// as `multipart/form-data`.
struct EvidenceUpload: Content {
    var file: File?
    var description: String?
}

/// Uploading evidence to a case, and downloading it (every download audited) by those who may read
/// the case.
enum EvidenceController {
    static func register(_ app: Application) {
        let limit = EvidenceStore.maxBytes + 256 * 1024
        for (route, handler) in [(CasesRoute.files(.parameter), uploadPage), (.apiFiles(.parameter), uploadAPI)] {
            app.uploadLimits[route.path] = limit
            app.routes.on(.POST, route.components, body: .collect(maxSize: ByteCount(integerLiteral: limit)), use: handler)
        }
        app.routes.get(CasesRoute.file(.parameter), use: download)
        app.routes.get(CasesRoute.apiFile(.parameter), use: download)
        app.routes.get(CasesRoute.apiFiles(.parameter), use: list)
    }

    static func uploadPage(_ request: Request) async throws -> Response {
        let access = try await request.workCase()
        do {
            try await upload(access, request)
        } catch let errors as ValidationErrors {
            return try await CasePageController.refused(access, request, errors)
        }
        return request.redirect(to: CasesRoute.casePage(.of(access.case.id!)).path + "#files")
    }

    static func uploadAPI(_ request: Request) async throws -> Response {
        let file = try await upload(try await request.workCase(), request)
        return try await CaseResource.File(file, cipher: request.application.fieldCipher).encodeResponse(status: .created, for: request)
    }

    @discardableResult
    static func upload(_ access: CaseAccess, _ request: Request) async throws -> EvidenceFile {
        let upload: EvidenceUpload
        do { upload = try request.content.decode(EvidenceUpload.self) } catch {
            throw ValidationErrors([FieldError("file", "error.required")])
        }
        guard let part = upload.file else { throw ValidationErrors([FieldError("file", "error.required")]) }
        let description = (upload.description ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard description.count <= 500 else { throw ValidationErrors([FieldError("description", "error.text_too_long")]) }
        let store = EvidenceStore(dataDirectory: request.application.dataDirectory)
        let file = try store.store(Data(buffer: part.data), originalName: part.filename, description: description,
                                   cipher: request.application.fieldCipher,
                                   for: access.case, by: try request.requireActor().userID,
                                   now: request.application.clock.now())
        do {
            try await CaseJournal.change(access.case, by: request) { journal in
                try await file.create(on: journal.db)
                try await journal.record(.document, EvidenceStore.safeName(part.filename), ref: file.id, audit: .uploadEvidence,
                                         recordType: "file", recordID: file.id)
            }
        } catch {
            store.remove(file)
            throw error
        }
        return file
    }

    static func list(_ request: Request) async throws -> [CaseResource.File] {
        let access = try await request.readCase()
        return try await EvidenceFile.query(on: request.db).filter(\.$caseID == access.case.requireID())
            .sort(\.$uploadedAt, .descending).all().map { try CaseResource.File($0, cipher: request.application.fieldCipher) }
    }

    static func download(_ request: Request) async throws -> Response {
        guard let file = try await EvidenceFile.query(on: request.db).filter(\.$id == (try request.routeID()))
            .visible(try request.tenant()).first() else { throw HuzhuAbort.notFound }
        let access = try await request.access(try await request.findCase(file.caseID))
        let data = try EvidenceStore(dataDirectory: request.application.dataDirectory).contents(of: file)
        try await request.audit(.downloadEvidence, recordType: "file", recordID: file.id, ngoID: access.case.ngoID,
                                detail: .record("case", access.case.id!))
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: file.contentType)
        let name = try file.openOriginalName(request.application.fieldCipher)
        let ascii = name.unicodeScalars.allSatisfy { $0.isASCII && $0 != "\"" && $0 != "\\" } ? name : "evidence"
        let encoded = name.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "evidence"
        headers.replaceOrAdd(name: .contentDisposition,
                             value: "attachment; filename=\"\(ascii)\"; filename*=UTF-8''\(encoded)")
        return Response(status: .ok, headers: headers, body: .init(data: data))
    }
}
