import Fluent
import Foundation
import Vapor

/// A capability of Huzhu, as the composition root sees it: its tables, its rules, its pages and commands.
/// Every feature declares the same things, so adding one is a line in `configure`.
package protocol Feature {
    /// This feature's migrations, in order; the composition root concatenates them once. `cipher` seals
    /// what a migration moves out of clear text.
    static func migrations(_ cipher: FieldCipher) -> [any Migration]
    /// Grants this feature's permissions to roles.
    static func grant(_ policy: inout Policy)
    /// Entries of the top navigation.
    static var navigation: [NavItem] { get }
    /// Every action this feature writes to the audit log, for the log's filter.
    static var auditActions: [AuditAction] { get }
    /// This feature's part of the OpenAPI document (its `Resources/openapi.json`), if it has an API.
    static var openAPI: Data? { get }
    /// Loads this feature's demo data into an empty database (`huzhu demo`); returns lines to print.
    static func loadDemo(into app: Application) async throws -> [String]
    static func routes(_ app: Application) throws
    static func commands(_ app: Application)
    /// The columns this feature keeps sealed with the deployment's secret key (re-encrypted by `huzhu keys rotate`).
    static var sealedColumns: [SealedColumn] { get }
    /// Registers what this feature's records contribute to the indicators.
    static func contribute(to sources: inout IndicatorSources)
}

extension Feature {
    package static var sealedColumns: [SealedColumn] { [] }
    package static func contribute(to sources: inout IndicatorSources) {}
}
