import Plot
import Vapor

/// A card a feature adds to the home page for the people it concerns (nil: nothing for this person).
package typealias HomePanel = @Sendable (Request, Actor) async throws -> Node<HTML.BodyContext>?

extension Application {
    private struct HomePanelsKey: StorageKey { typealias Value = [HomePanel] }

    /// The features' home-page cards, in feature order.
    package var homePanels: [HomePanel] {
        get { storage[HomePanelsKey.self] ?? [] }
        set { storage[HomePanelsKey.self] = newValue }
    }
}
