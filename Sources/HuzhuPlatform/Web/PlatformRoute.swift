/// The URLs every page links to. Their handlers belong to the features that own the work
/// (signing in belongs to the organisation feature), but the layout must know where they are.
package enum PlatformRoute: String, TypedRoute {
    case home = "/"
    case login = "/login"
    case logout = "/logout"
    case language = "/language"

    package var path: String { rawValue }
}
