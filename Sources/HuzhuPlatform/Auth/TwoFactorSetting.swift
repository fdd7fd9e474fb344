import Vapor

extension Application {
    private struct RequireTwoFactorKey: StorageKey { typealias Value = Bool }
    private struct RetentionYearsKey: StorageKey { typealias Value = Int }

    /// Years without activity after which a worker is anonymised (`HUZHU_RETENTION_YEARS`; nil: never).
    package var retentionYears: Int? {
        get { storage[RetentionYearsKey.self] }
        set { storage[RetentionYearsKey.self] = newValue }
    }

    /// Whether administrators and office supervisors must sign in with a one-time code as well
    /// (`HUZHU_REQUIRE_TWO_FACTOR`).
    package var requireTwoFactor: Bool {
        get { storage[RequireTwoFactorKey.self] ?? false }
        set { storage[RequireTwoFactorKey.self] = newValue }
    }
}
