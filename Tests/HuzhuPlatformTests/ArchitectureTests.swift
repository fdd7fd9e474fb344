import Foundation
import HuzhuCore
@testable import HuzhuPlatform
import Testing

/// The rules of the shape every feature follows (docs/architecture.md), checked on the sources.
@Suite("The shape of the code")
struct ArchitectureTests {
    static let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Sources")

    /// The Swift files below `Sources/<folder>`, with their text.
    static func files(under folder: String = "") throws -> [(path: String, text: String)] {
        let root = folder.isEmpty ? sources : sources.appendingPathComponent(folder)
        return try FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)!
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" }
            .map { (String($0.path.dropFirst(sources.path.count + 1)), try String(contentsOf: $0, encoding: .utf8)) }
    }

    @Test("Tenant scoping is the policy's: no role's reach and no made-up id outside Policy/")
    func scopingByPolicy() throws {
        let files = try Self.files().filter { !$0.path.hasPrefix("HuzhuPlatform/Policy/") }
        #expect(files.count > 100)
        for file in files {
            #expect(!file.text.contains("role.reach"), "\(file.path) decides scope by a role's reach")
            #expect(!file.text.contains("?? UUID()"), "\(file.path) matches nothing with a made-up id")
        }
    }

    @Test("No model keeps a calendar date as text")
    func datesAreTypes() throws {
        let field = try Regex(#"@(Optional)?Field\(key: "[a-z_]*_(on|date|from|to|start|end|payday)"\) package var \w+: String"#)
        for file in try Self.files() {
            #expect(file.text.firstMatch(of: field) == nil, "\(file.path) keeps a date as String")
        }
    }

    @Test("The indicator engine names no other feature's table; Enterprise does not reach into Cases")
    func boundaries() throws {
        let foreign = ["\"contacts\"", "\"cases\"", "\"claims\"", "\"payments\"", "\"case_workers\"", "\"workers\"",
                       "\"agreements\"", "Contact.", "Case.", "Payment.", "Claim.", "Agreement.", "CaseWorker."]
        for file in try Self.files(under: "HuzhuIndicators") {
            for name in foreign {
                #expect(!file.text.contains(name), "\(file.path) names \(name)")
            }
            #expect(!file.text.contains("import HuzhuCases") && !file.text.contains("import HuzhuIntake"), "\(file.path)")
        }
        for file in try Self.files(under: "HuzhuEnterprise") {
            #expect(!file.text.contains("import HuzhuCases"), "\(file.path) imports Cases")
        }
    }
}

@Suite("What a person may see")
struct VisibilityTests {
    let ngoA = UUID(), officeA1 = UUID()

    func actor(_ role: Role, ngo: UUID?, office: UUID?) -> Actor {
        Actor(userID: UUID(), login: "x", displayName: "x", role: role, ngoID: ngo, officeID: office,
              ngoName: nil, officeName: nil, language: .zhHans)
    }

    @Test("A grant within reach shows the role's reach; within the NGO, the NGO; never granted, nothing")
    func visibility() {
        var policy = Policy()
        let read = Permission("test.read"), readNGO = Permission("test.read_ngo")
        policy.grant(read, to: [.networkAdmin, .ngoAdmin, .caseworker])
        policy.grant(readNGO, to: [.caseworker], within: .ngo)
        let caseworker = actor(.caseworker, ngo: ngoA, office: officeA1)
        #expect(policy.visibility(of: actor(.networkAdmin, ngo: nil, office: nil), for: read) == .network)
        #expect(policy.visibility(of: actor(.ngoAdmin, ngo: ngoA, office: nil), for: read) == .ngo(ngoA))
        #expect(policy.visibility(of: caseworker, for: read) == .office(ngo: ngoA, office: officeA1))
        #expect(policy.visibility(of: caseworker, for: readNGO) == .ngo(ngoA))
        #expect(policy.visibility(of: actor(.officeSupervisor, ngo: ngoA, office: officeA1), for: read) == .nothing)
        #expect(policy.visibility(of: actor(.caseworker, ngo: ngoA, office: nil), for: read) == .nothing)
        #expect(Policy.tenant(of: caseworker) == .ngo(ngoA))
        #expect(Policy.tenant(of: actor(.hotlineVolunteer, ngo: nil, office: nil)) == .nothing)
    }
}
