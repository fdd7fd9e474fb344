import Fluent
import Vapor

/// What every feature stands on, set up in one place for production and tests alike.
package enum Platform {
    /// Migrations of the platform's own tables.
    package static let migrations: [any Migration] = [
        CreateStaffSessions(), CreateApiTokens(), CreateLoginFailures(), CreateAuditEvents(), AddSessionLastSeen(),
        ClearAuditDetails(),
    ]

    /// Connects the database, sets the server's address and installs the middleware every request passes:
    /// the count of running requests (a stop waits for them), security headers (so error pages carry them
    /// too), then errors, authentication and CSRF.
    package static func configure(_ app: Application, _ configuration: HuzhuConfiguration, keys: KeyRing) throws {
        try app.useDatabase(configuration)
        app.storage[CipherStorage.self] = FieldCipher(keys: keys)
        app.secretKeyFile = configuration.secretKey == nil ? KeyRing.keyFile(configuration) : nil
        if keys.previousSecret != nil {
            app.logger.notice("A previous secret key is configured: protected fields are read with either key. Run `huzhu keys rotate`, then remove the previous key.")
        }
        app.http.server.configuration.hostname = configuration.host
        app.http.server.configuration.port = configuration.port
        app.http.server.configuration.responseCompression = .enabled
        app.secureCookies = configuration.secureCookies
        app.requireTwoFactor = configuration.requireTwoFactor
        app.shiftNoticeHours = configuration.shiftNoticeHours
        app.smsGateway = configuration.sms
        app.sessionLimits = SessionLimits(idle: TimeInterval(configuration.sessionIdleMinutes * 60),
                                          absolute: TimeInterval(configuration.sessionHours * 3600))
        app.retentionYears = configuration.retentionYears
        app.dataDirectory = configuration.dataDirectory
        app.reminderSchedule = ReminderSchedule(days: configuration.reminderDays, intervalMinutes: configuration.reminderIntervalMinutes)
        if let file = configuration.testClockFile { app.clock = FileClock(path: file) }
        app.routes.defaultMaxBodySize = ByteCount(integerLiteral: CSRFProtection.maxFormBytes)
        ContentConfiguration.global.use(decoder: FormDataBody(), for: .formData)

        // Registered after the database, so that at a stop it waits for running requests before the
        // database closes (shutdown runs in reverse order of registration).
        let inFlight = InFlightRequests()
        app.lifecycle.use(inFlight)

        app.middleware = Middlewares()
        app.middleware.use(inFlight)
        app.middleware.use(SecurityHeaders())
        app.middleware.use(ErrorResponder())
        app.rateRules = [.api(perMinute: configuration.apiRatePerMinute)]
        app.middleware.use(RateLimiting())
        app.middleware.use(Authentication())
        app.middleware.use(CSRFProtection())

        app.registerHealthCheck()
        StaticAssets.bundled.register(on: app.routes)
        LanguageSwitch.register(on: app.routes)
        app.asyncCommands.use(DemoCommand(), as: "demo")
        app.asyncCommands.use(BackupCommand(), as: "backup")
        app.asyncCommands.use(DigestCommand(), as: "digest")
        var keys = AsyncCommands()
        keys.use(NewKeyCommand(), as: "new")
        keys.use(RotateKeysCommand(), as: "rotate")
        app.asyncCommands.use(keys.group(help: "Rotate the secret key."), as: "keys")
    }

    fileprivate struct CipherStorage: StorageKey { typealias Value = FieldCipher }
}

extension Application {
    /// Encrypts and hashes personal identifiers with the deployment's keys.
    /// (Set at start-up from the deployment's keys; tests set it to change keys while serving.)
    package var fieldCipher: FieldCipher {
        get {
            guard let cipher = storage[Platform.CipherStorage.self] else {
                fatalError("Platform.configure must run before personal identifiers are touched.")
            }
            return cipher
        }
        set { storage[Platform.CipherStorage.self] = newValue }
    }
}

extension Application {
    private struct DataDirectoryKey: StorageKey { typealias Value = String }

    /// Where files outside the database live (`HUZHU_DATA_DIR`).
    package var dataDirectory: String {
        get { storage[DataDirectoryKey.self] ?? HuzhuConfiguration.defaultDataDirectory }
        set { storage[DataDirectoryKey.self] = newValue }
    }
}

/// When reminders are raised (see `HuzhuConfiguration.reminderDays`).
package struct ReminderSchedule: Sendable {
    package let days: [Int]
    package let intervalMinutes: Int
}

extension Application {
    private struct ReminderScheduleKey: StorageKey { typealias Value = ReminderSchedule }

    package var reminderSchedule: ReminderSchedule {
        get { storage[ReminderScheduleKey.self] ?? ReminderSchedule(days: [7, 2], intervalMinutes: 60) }
        set { storage[ReminderScheduleKey.self] = newValue }
    }

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

    private struct ShiftNoticeKey: StorageKey { typealias Value = Int }

    /// Hours of notice a volunteer gives to leave a shift (`HUZHU_SHIFT_NOTICE_HOURS`).
    package var shiftNoticeHours: Int {
        get { storage[ShiftNoticeKey.self] ?? 24 }
        set { storage[ShiftNoticeKey.self] = newValue }
    }
}

/// A command refused its input; the message says what to change.
package struct CommandFailure: Error, CustomStringConvertible {
    package let description: String
    package init(_ description: String) { self.description = description }
}
