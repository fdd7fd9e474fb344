import Foundation
import HuzhuCore
import NIOConcurrencyHelpers
import Vapor

/// Hands ringing calls to the operators whose pages are open: each open page holds a subscription
/// (a Server-Sent Events stream); a ring goes to the named agent if they are connected, else to every
/// operator of the line's office.
package final class ScreenPopHub: Sendable {
    struct Subscriber {
        let userID: UUID
        let login: String
        let officeID: UUID
        let language: Language
        let continuation: AsyncStream<String>.Continuation
    }

    private let subscribers = NIOLockedValueBox<[UUID: Subscriber]>([:])

    package init() {}

    /// A stream of SSE messages for one open page; it ends when the page goes away.
    func subscribe(userID: UUID, login: String, officeID: UUID, language: Language) -> (id: UUID, stream: AsyncStream<String>) {
        let id = UUID()
        let (stream, continuation) = AsyncStream<String>.makeStream(bufferingPolicy: .bufferingNewest(20))
        subscribers.withLockedValue { $0[id] = Subscriber(userID: userID, login: login, officeID: officeID, language: language,
                                                                   continuation: continuation) }
        continuation.onTermination = { [weak self] _ in self?.unsubscribe(id) }
        return (id, stream)
    }

    func unsubscribe(_ id: UUID) {
        _ = subscribers.withLockedValue { $0.removeValue(forKey: id) }
    }

    /// Sends one event, its data in each page's language; returns how many pages received it.
    @discardableResult
    func ring(officeID: UUID, agent: String?, event: String, data: (Language) -> String) -> Int {
        let targets = subscribers.withLockedValue { all -> [Subscriber] in
            let office = all.values.filter { $0.officeID == officeID }
            let named = office.filter { $0.login == agent }
            return named.isEmpty ? office : named
        }
        for target in targets { target.continuation.yield("event: \(event)\ndata: \(data(target.language))\n\n") }
        return targets.count
    }

    var count: Int { subscribers.withLockedValue { $0.count } }
}

extension Application {
    private struct HubKey: StorageKey { typealias Value = ScreenPopHub }

    package var screenPop: ScreenPopHub {
        if let hub = storage[HubKey.self] { return hub }
        let hub = ScreenPopHub()
        storage[HubKey.self] = hub
        return hub
    }
}
