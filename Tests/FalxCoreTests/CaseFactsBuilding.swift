@testable import FalxCore

/// Case facts for a test: a dural calcification status, then whatever `build` sets.
protocol CaseFactsBuilding {}

extension CaseFactsBuilding {
    func make(_ dc: FindingStatus = .present, _ build: (inout CaseFacts) -> Void = { _ in }) -> CaseFacts {
        var f = CaseFacts()
        f.duralCalcification = dc
        build(&f)
        return f
    }
}
