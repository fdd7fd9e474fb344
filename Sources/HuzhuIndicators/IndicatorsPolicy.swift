import HuzhuCore
import HuzhuPlatform

extension Permission {
    /// See the indicators of one's office or NGO (or the network), with the trend. Scope: that scope.
    static let readIndicators = Permission("indicator.read")
    /// Publish a period's figures of a scope as a snapshot. Scope: that scope.
    static let publishIndicators = Permission("indicator.publish")
    /// Enter the figures of an NGO that does not record its work here (marked self-reported). Scope: the NGO.
    static let selfReportIndicators = Permission("indicator.self_report")
}

extension AuditAction {
    static let publishIndicators = AuditAction("indicator.snapshot.publish")

    static let indicators: [AuditAction] = [.publishIndicators]
}

enum IndicatorsPolicy {
    static func grant(_ policy: inout Policy) {
        policy.grant(.readIndicators, to: [.networkAdmin, .ngoAdmin, .officeSupervisor, .caseworker])
        policy.grant(.publishIndicators, to: [.networkAdmin, .ngoAdmin, .officeSupervisor])
        policy.grant(.selfReportIndicators, to: [.networkAdmin, .ngoAdmin])
    }
}
