import Vapor

/// An entry of the top navigation, shown to those who hold one of its permissions in their own scope
/// (to everyone signed in when it names none).
package struct NavItem: Sendable {
    package let titleKey: String
    package let path: String
    package let permissions: [Permission]
    /// Where the entry stands: daily work first (10s), records (20s-40s), administration (80s), one's own (90s).
    package let order: Int
    /// The day's first action for those who may (record a contact): also a button on the home page.
    package let primary: Bool

    package init(titleKey: String, path: String, permissions: [Permission], order: Int, primary: Bool = false) {
        self.titleKey = titleKey
        self.path = path
        self.permissions = permissions
        self.order = order
        self.primary = primary
    }
}

/// A script a feature adds to every page of those who hold its permission (the screen-pop), with the
/// data it reads from the page.
package struct PageScript: Sendable {
    package let asset: String
    package let permission: Permission
    /// The `id` of the element the script works in, and its `data-events` URL.
    package let elementID: String
    package let eventsPath: String

    package init(asset: String, permission: Permission, elementID: String, eventsPath: String) {
        self.asset = asset
        self.permission = permission
        self.elementID = elementID
        self.eventsPath = eventsPath
    }
}

extension Application {
    private struct PageScriptsKey: StorageKey { typealias Value = [PageScript] }

    package var pageScripts: [PageScript] {
        get { storage[PageScriptsKey.self] ?? [] }
        set { storage[PageScriptsKey.self] = newValue }
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
    /// The scripts this person's pages carry.
    package var visibleScripts: [PageScript] {
        guard let actor else { return [] }
        let scope = Policy.ownScope(of: actor)
        return application.pageScripts.filter { application.policy.allows(actor, $0.permission, in: scope) }
    }

    /// What the signed-in person may open.
    package var visibleNavigation: [NavItem] {
        guard let actor else { return [] }
        let scope = Policy.ownScope(of: actor)
        return application.navigation.filter { item in
            item.permissions.isEmpty || item.permissions.contains { application.policy.allows(actor, $0, in: scope) }
        }
    }
}
