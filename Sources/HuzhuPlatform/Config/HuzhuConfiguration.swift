import Foundation

/// Everything Huzhu reads from its environment, with embedded defaults so that nothing is needed to try it.
package struct HuzhuConfiguration: Sendable, Equatable {
    package enum Database: Sendable, Equatable {
        case sqlite(path: String)
        case postgres(url: String)
    }

    package var database: Database
    /// Where files live that are not in the database: uploaded evidence (under `evidence/`).
    package var dataDirectory: String
    /// Set from `HUZHU_SECRET_KEY`; nil means "use or create the key file beside the embedded database".
    package var secretKey: SecretKey?
    /// Set from `HUZHU_NETWORK_KEY`: the key every deployment of the network shares for the network-wide
    /// keyed hash that counts a worker once across NGOs. Nil as for `secretKey`.
    /// The secret key before the current one, while a rotation is under way (`HUZHU_PREVIOUS_SECRET_KEY`).
    package var previousSecretKey: SecretKey?
    package var networkKey: SecretKey?
    package var host: String
    package var port: Int
    package var secureCookies: Bool
    /// Whether administrators and office supervisors must sign in with a one-time code as well
    /// (`HUZHU_REQUIRE_TWO_FACTOR`, on by default; the demo turns it off and says so).
    package var requireTwoFactor = true
    /// How long a signed-in browser may sit unused before it must sign in again
    /// (`HUZHU_SESSION_IDLE_MINUTES`, default 30: a shared office PC left open).
    package var sessionIdleMinutes = 30
    /// How long a session lasts from sign-in however busy it is, remembered or not
    /// (`HUZHU_SESSION_HOURS`, default 12: a working day).
    package var sessionHours = 12
    /// Years without activity after which a worker is anonymised (`HUZHU_RETENTION_YEARS`; nil: never).
    package var retentionYears: Int?
    /// API requests a minute per token (`HUZHU_API_RATE_LIMIT`, default 6000; 0: no limit).
    package var apiRatePerMinute = 6000
    /// Days before a deadline or instalment falls due when reminders are raised (`HUZHU_REMINDER_DAYS`, `7,2`).
    package var reminderDays: [Int] = [7, 2]
    /// How often the server looks for what falls due (`HUZHU_REMINDER_INTERVAL_MINUTES`; 0 turns it off).
    package var reminderIntervalMinutes = 60
    /// Hours before a shift starts after which a volunteer can no longer give up their place
    /// (`HUZHU_SHIFT_NOTICE_HOURS`, 24); staff can still take them off it.
    package var shiftNoticeHours = 24
    /// The SMS gateway (`HUZHU_SMS_*`); none configured: messages are recorded as not sent.
    package var sms = SMSGatewaySettings()
    /// A file holding the current time (ISO 8601), for end-to-end tests that move the clock
    /// (`HUZHU_TEST_CLOCK_FILE`); never set in a deployment.
    package var testClockFile: String?
    /// The embedded database's page cache per connection, in MiB (`HUZHU_SQLITE_CACHE_MIB`). SQLite's own
    /// default, 2 MiB, makes every read of a large database's indexes a system call.
    package var sqliteCacheMiB = 32
    /// When the embedded database's commits reach the disk (`HUZHU_SQLITE_SYNCHRONOUS`): `full` (the
    /// default) before the request is answered, so nothing acknowledged is lost on a crash or a power
    /// cut; `normal` lets WAL defer that to checkpoints, which survives a process crash but may lose the
    /// latest commits on a power cut.
    package var sqliteSynchronous = "full"
    /// Tests give each run its own PostgreSQL schema; deployments use the database's default.
    package var postgresSearchPath: [String]?
    /// PostgreSQL connections each event loop may open. Tests, which run many servers at once, use one.
    package var postgresConnectionsPerEventLoop = 4
    /// How long a request waits for a free PostgreSQL connection before failing.
    package var postgresPoolTimeoutSeconds: Int64 = 10

    package static let defaultDataDirectory = "huzhu-data"

    /// Reads the configuration, refusing anything malformed with a message that says how to fix it.
    package init(environment: [String: String], dataDirectory: String = defaultDataDirectory) throws(ConfigurationError) {
        self.dataDirectory = dataDirectory
        database = try Self.database(environment["DATABASE_URL"], dataDirectory: dataDirectory)
        secretKey = try Self.key(environment, "HUZHU_SECRET_KEY")
        networkKey = try Self.key(environment, "HUZHU_NETWORK_KEY")
        previousSecretKey = try Self.key(environment, "HUZHU_PREVIOUS_SECRET_KEY")
        if case .postgres = database {
            if secretKey == nil { throw .keyRequired("HUZHU_SECRET_KEY") }
            if networkKey == nil { throw .keyRequired("HUZHU_NETWORK_KEY") }
        }
        host = environment["HUZHU_HOST"].flatMap { $0.isEmpty ? nil : $0 } ?? "127.0.0.1"
        if let rawPort = environment["HUZHU_PORT"] {
            guard let port = Int(rawPort), (1...65535).contains(port) else { throw .malformedPort(rawPort) }
            self.port = port
        } else {
            port = 8080
        }
        switch environment["HUZHU_SECURE_COOKIES"]?.lowercased() {
        case nil, "", "0", "false", "no", "off": secureCookies = false
        case "1", "true", "yes", "on": secureCookies = true
        case let other?: throw .malformedFlag(name: "HUZHU_SECURE_COOKIES", value: other)
        }
        if let raw = environment["HUZHU_API_RATE_LIMIT"], !raw.isEmpty {
            guard let perMinute = Int(raw), (0...1_000_000).contains(perMinute) else { throw .malformedSize(name: "HUZHU_API_RATE_LIMIT", value: raw) }
            apiRatePerMinute = perMinute
        }
        if let raw = environment["HUZHU_RETENTION_YEARS"], !raw.isEmpty, raw != "0" {
            guard let years = Int(raw), (1...100).contains(years) else { throw .malformedSize(name: "HUZHU_RETENTION_YEARS", value: raw) }
            retentionYears = years
        }
        switch environment["HUZHU_REQUIRE_TWO_FACTOR"]?.lowercased() {
        case "0", "false", "no", "off": requireTwoFactor = false
        case nil, "", "1", "true", "yes", "on": requireTwoFactor = true
        case let other?: throw .malformedFlag(name: "HUZHU_REQUIRE_TWO_FACTOR", value: other)
        }
        if let raw = environment["HUZHU_SESSION_IDLE_MINUTES"], !raw.isEmpty {
            guard let minutes = Int(raw), (1...1440).contains(minutes) else { throw .malformedSize(name: "HUZHU_SESSION_IDLE_MINUTES", value: raw) }
            sessionIdleMinutes = minutes
        }
        if let raw = environment["HUZHU_SESSION_HOURS"], !raw.isEmpty {
            guard let hours = Int(raw), (1...720).contains(hours) else { throw .malformedSize(name: "HUZHU_SESSION_HOURS", value: raw) }
            sessionHours = hours
        }
        if let raw = environment["HUZHU_REMINDER_DAYS"], !raw.isEmpty {
            let days = raw.split(separator: ",").map { Int($0.trimmingCharacters(in: .whitespaces)) }
            guard !days.isEmpty, days.allSatisfy({ ($0 ?? -1) >= 0 && ($0 ?? 999) <= 365 }) else {
                throw .malformedList(name: "HUZHU_REMINDER_DAYS", value: raw)
            }
            reminderDays = days.compactMap { $0 }.sorted(by: >)
        }
        if let raw = environment["HUZHU_REMINDER_INTERVAL_MINUTES"], !raw.isEmpty {
            guard let minutes = Int(raw), (0...1440).contains(minutes) else {
                throw .malformedList(name: "HUZHU_REMINDER_INTERVAL_MINUTES", value: raw)
            }
            reminderIntervalMinutes = minutes
        }
        if let raw = environment["HUZHU_SHIFT_NOTICE_HOURS"], !raw.isEmpty {
            guard let hours = Int(raw), (0...336).contains(hours) else { throw .malformedSize(name: "HUZHU_SHIFT_NOTICE_HOURS", value: raw) }
            shiftNoticeHours = hours
        }
        if let raw = environment["HUZHU_SQLITE_CACHE_MIB"], !raw.isEmpty {
            guard let mebibytes = Int(raw), (1...16384).contains(mebibytes) else { throw .malformedSize(name: "HUZHU_SQLITE_CACHE_MIB", value: raw) }
            sqliteCacheMiB = mebibytes
        }
        if let raw = environment["HUZHU_SQLITE_SYNCHRONOUS"], !raw.isEmpty {
            guard ["full", "normal"].contains(raw.lowercased()) else { throw .malformedChoice(name: "HUZHU_SQLITE_SYNCHRONOUS", value: raw, choices: "full or normal") }
            sqliteSynchronous = raw.lowercased()
        }
        testClockFile = environment["HUZHU_TEST_CLOCK_FILE"].flatMap { $0.isEmpty ? nil : $0 }
        sms = try SMSGatewaySettings(environment: environment)
    }

    private static func key(_ environment: [String: String], _ name: String) throws(ConfigurationError) -> SecretKey? {
        guard let value = environment[name] else { return nil }
        guard let key = SecretKey(base64: value) else { throw .malformedKey(name) }
        return key
    }

    private static func database(_ url: String?, dataDirectory: String) throws(ConfigurationError) -> Database {
        guard let url, !url.isEmpty else {
            return .sqlite(path: dataDirectory + "/huzhu.sqlite")
        }
        if url.hasPrefix("sqlite:") {
            let path = String(url.dropFirst("sqlite:".count))
            guard !path.isEmpty else { throw .malformedDatabaseURL(url) }
            return .sqlite(path: path)
        }
        if url.hasPrefix("postgres://") || url.hasPrefix("postgresql://") {
            guard let parsed = URL(string: url), parsed.host != nil, parsed.path.count > 1 else {
                throw .malformedDatabaseURL(url)
            }
            return .postgres(url: url)
        }
        throw .malformedDatabaseURL(url)
    }
}

/// Why Huzhu refused to start. Operators read these in a terminal, so they are plain English.
package enum ConfigurationError: Error, Equatable, CustomStringConvertible {
    case malformedDatabaseURL(String)
    case malformedKey(String)
    case keyRequired(String)
    case malformedPort(String)
    case malformedFlag(name: String, value: String)
    case malformedList(name: String, value: String)
    case malformedSize(name: String, value: String)
    case malformedChoice(name: String, value: String, choices: String)
    case unreadableKeyFile(String)

    package var description: String {
        switch self {
        case .malformedDatabaseURL(let url):
            "DATABASE_URL '\(Self.redacted(url))' is not understood: use sqlite:PATH or postgres://user:password@host:port/database."
        case .malformedKey(let name):
            "\(name) must be 32 random bytes in base64 (for example the output of `openssl rand -base64 32`)."
        case .keyRequired(let name):
            "\(name) must be set when DATABASE_URL points at PostgreSQL: keys must never live beside the data."
        case .malformedPort(let value):
            "HUZHU_PORT '\(value)' must be a number from 1 to 65535."
        case .malformedFlag(let name, let value):
            "\(name) '\(value)' must be true or false."
        case .malformedList(let name, let value):
            "\(name) '\(value)' must be whole numbers of days or minutes (HUZHU_REMINDER_DAYS=7,2; HUZHU_REMINDER_INTERVAL_MINUTES=60)."
        case .malformedSize(let name, let value):
            "\(name) '\(value)' must be a whole number of MiB from 1 to 16384."
        case .malformedChoice(let name, let value, let choices):
            "\(name) '\(value)' must be \(choices)."
        case .unreadableKeyFile(let path):
            "The key file \(path) exists but does not hold a valid key; restore it from your backup or set HUZHU_SECRET_KEY."
        }
    }

    /// Never print a database password into a log.
    private static func redacted(_ url: String) -> String {
        guard var components = URLComponents(string: url), components.password != nil else { return url }
        components.password = "***"
        return components.string ?? url
    }
}
