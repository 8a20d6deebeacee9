import Testing

@testable import RapportCore

@Suite struct ChartScaleTests {
    @Test(arguments: [
        ([1000.0, 1410], [0.0, 500, 1000, 1500]),
        ([1240, 1410], [1200, 1300, 1400, 1500]),
        ([-12, 8.5], [-20, -10, 0, 10]),
        ([-1240, -1410], [-1500, -1400, -1300, -1200]),
        ([-5], [-6, -4, -2, 0]),
        ([7, 7, 7], [0, 2, 4, 6, 8]),
        ([0.42], [0, 0.2, 0.4, 0.6]),
        ([0], [0, 0.25, 0.5, 0.75, 1]),
        ([0.1, 0.3], [0, 0.1, 0.2, 0.3]),
        ([3, 4], [0, 1, 2, 3, 4]),
    ])
    func ticksAreRoundAndCoverTheValues(values: [Double], expected: [Double]) throws {
        let scale = try #require(ChartScale(values: values))
        #expect(scale.ticks == expected)
        #expect((3...5).contains(scale.ticks.count))
        #expect(scale.lower <= values.min()! && scale.upper >= values.max()!)
    }

    @Test func everyTickIsAMultipleOfANiceStep() throws {
        for values in [[13.0, 977], [0.013, 0.0171], [-3_000_000, 12_500_000], [99, 101]] {
            let scale = try #require(ChartScale(values: values))
            let step = scale.ticks[1] - scale.ticks[0]
            var magnitude = 1.0
            while magnitude * 10 <= step { magnitude *= 10 }
            while magnitude > step { magnitude /= 10 }
            let multiple = (step / magnitude * 1e6).rounded() / 1e6
            #expect([1, 2, 2.5, 5].contains(multiple), "step \(step) for \(values)")
            #expect((3...5).contains(scale.ticks.count), "ticks \(scale.ticks) for \(values)")
        }
    }

    @Test func noValuesNoScale() {
        #expect(ChartScale(values: []) == nil)
    }

    @Test func positionsMapLinearly() throws {
        let scale = try #require(ChartScale(values: [0, 100]))
        #expect(scale.position(of: 0, bottom: 200, top: 0) == 200)
        #expect(scale.position(of: 100, bottom: 200, top: 0) == 0)
        #expect(scale.position(of: 50, bottom: 200, top: 0) == 100)
    }
}
