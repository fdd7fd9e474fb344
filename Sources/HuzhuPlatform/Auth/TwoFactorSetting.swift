import Vapor

extension Application {
    private struct RequireTwoFactorKey: StorageKey { typealias Value = Bool }

    /// Whether administrators and office supervisors must sign in with a one-time code as well
    /// (`HUZHU_REQUIRE_TWO_FACTOR`).
    package var requireTwoFactor: Bool {
        get { storage[RequireTwoFactorKey.self] ?? false }
        set { storage[RequireTwoFactorKey.self] = newValue }
    }
}
