import Vapor

/// An entry of the top navigation, shown to those who hold its permission in their own scope.
package struct NavItem: Sendable {
    package let titleKey: String
    package let path: String
    package let permission: Permission?
    /// Where the entry stands: daily work first (10s), records (20s-40s), administration (80s), one's own (90s).
    package let order: Int

    package init(titleKey: String, path: String, permission: Permission?, order: Int) {
        self.titleKey = titleKey
        self.path = path
        self.permission = permission
        self.order = order
    }
}

extension Application {
    private struct NavigationKey: StorageKey { typealias Value = [NavItem] }

    /// The navigation, in the order the features were registered.
    package var navigation: [NavItem] {
        get { storage[NavigationKey.self] ?? [] }
        set { storage[NavigationKey.self] = newValue }
    }
}

extension Request {
    /// What the signed-in person may open.
    package var visibleNavigation: [NavItem] {
        guard let actor else { return [] }
        let scope = Policy.ownScope(of: actor)
        return application.navigation.filter { item in
            item.permission.map { application.policy.allows(actor, $0, in: scope) } ?? true
        }
    }
}
