import Foundation
import HuzhuCore
import HuzhuPlatform
import Vapor

/// `GET /intake/events`: the Server-Sent Events stream an operator's open page listens to.
enum ScreenPopController {
    /// A comment line this often keeps proxies from closing an idle stream.
    static let keepAlive: Duration = .seconds(25)

    static func register(_ routes: any RoutesBuilder) {
        routes.get(IntakeRoute.intakeEvents) { request async throws -> Response in
            let actor = try request.inOwnOffice(.recordContacts)
            let hub = request.application.screenPop
            let (id, stream) = hub.subscribe(userID: actor.userID, login: actor.login, officeID: actor.officeID,
                                                language: actor.language)
            var headers = HTTPHeaders()
            headers.contentType = HTTPMediaType(type: "text", subType: "event-stream", parameters: ["charset": "utf-8"])
            headers.replaceOrAdd(name: .cacheControl, value: "no-store")
            let body = Response.Body(asyncStream: { writer in
                defer { hub.unsubscribe(id) }
                do {
                    try await writer.write(.buffer(ByteBuffer(string: ": connected\n\n")))
                    try await withThrowingTaskGroup(of: Void.self) { group in
                        group.addTask {
                            for await message in stream { try await writer.write(.buffer(ByteBuffer(string: message))) }
                        }
                        group.addTask {
                            while !Task.isCancelled {
                                try await Task.sleep(for: keepAlive)
                                try await writer.write(.buffer(ByteBuffer(string: ": keep-alive\n\n")))
                            }
                        }
                        try await group.next()
                        group.cancelAll()
                    }
                    try await writer.write(.end)
                } catch {
                    try? await writer.write(.end)
                }
            })
            return Response(status: .ok, headers: headers, body: body)
        }
    }
}
