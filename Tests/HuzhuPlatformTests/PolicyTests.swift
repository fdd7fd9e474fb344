import Foundation
import HuzhuCore
@testable import HuzhuPlatform
import Testing

@Suite("The policy's reach rule")
struct PolicyTests {
    let ngoA = UUID(), ngoB = UUID(), officeA1 = UUID(), officeA2 = UUID()

    func actor(_ role: Role, ngo: UUID?, office: UUID?) -> Actor {
        Actor(userID: UUID(), login: "x", displayName: "x", role: role, ngoID: ngo, officeID: office,
              ngoName: nil, officeName: nil, language: .zhHans)
    }

    @Test("Network, NGO and office roles reach exactly their own scope")
    func reach() {
        let network = actor(.networkAdmin, ngo: nil, office: nil)
        let ngoAdmin = actor(.ngoAdmin, ngo: ngoA, office: nil)
        let caseworker = actor(.caseworker, ngo: ngoA, office: officeA1)
        let reach = Policy.withinReach
        #expect(reach(network, .network) && reach(network, .office(ngo: ngoB, office: UUID())))
        #expect(reach(ngoAdmin, .ngo(ngoA)) && reach(ngoAdmin, .office(ngo: ngoA, office: officeA2)))
        #expect(!reach(ngoAdmin, .ngo(ngoB)) && !reach(ngoAdmin, .network))
        #expect(reach(caseworker, .office(ngo: ngoA, office: officeA1)))
        #expect(!reach(caseworker, .office(ngo: ngoA, office: officeA2)))
        #expect(!reach(caseworker, .ngo(ngoA)))
    }

    @Test("What was never granted is denied, and a grant is limited to its roles")
    func grants() {
        var policy = Policy()
        let read = Permission("test.read")
        policy.grant(read, to: [.caseworker])
        let caseworker = actor(.caseworker, ngo: ngoA, office: officeA1)
        #expect(policy.allows(caseworker, read, in: .office(ngo: ngoA, office: officeA1)))
        #expect(!policy.allows(actor(.officeSupervisor, ngo: ngoA, office: officeA1), read, in: .office(ngo: ngoA, office: officeA1)))
        #expect(!policy.allows(caseworker, Permission("test.never"), in: .office(ngo: ngoA, office: officeA1)))
    }
}

@Suite("HTML attribute escaping")
struct EscapingTests {
    @Test("Quotes and angle brackets cannot leave an attribute")
    func escaping() {
        #expect("\"><script>x('a')</script>&".attributeEscaped == "&quot;&gt;&lt;script&gt;x(&#39;a&#39;)&lt;/script&gt;&amp;")
        #expect("北京 BJ".attributeEscaped == "北京 BJ")
    }
}
