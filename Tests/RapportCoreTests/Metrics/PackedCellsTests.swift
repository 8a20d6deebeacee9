import Foundation
import Testing

@testable import RapportCore

@Suite struct PackedCellsTests {
    private typealias Cell = MetricsTable.Cell

    /// Values that take each path of the packing, and the edges between them.
    private static let awkwardValues: [Double] = [
        0, -0.0, 1, -1, 63, 64, -64, -65, 8191, 8192, 1240, -3.5, 0.1, 1e-300, 123_456_789.25,
        9_007_199_254_740_992, -9_007_199_254_740_992, 9_007_199_254_740_994, 1e300, -1e300,
        .infinity, -.infinity, .greatestFiniteMagnitude, .leastNonzeroMagnitude,
    ]

    @Test func unpacksTheSameBitsItPacked() {
        // Months go back when the metric changes, and jump; metrics skip one.
        var cells: [Cell] = []
        for (offset, value) in Self.awkwardValues.enumerated() {
            cells.append(Cell(metric: Int32(offset / 8) * 2, month: Int32(24_000 + (offset % 8) * 7), value: value))
        }
        let unpacked = PackedCells(sorted: cells).cells
        #expect(unpacked.map(\.metric) == cells.map(\.metric))
        #expect(unpacked.map(\.month) == cells.map(\.month))
        #expect(unpacked.map(\.value.bitPattern) == cells.map(\.value.bitPattern))
    }

    @Test func keepsANaNsBits() {
        let value = Double(bitPattern: 0x7FF8_0000_0000_1234)
        let unpacked = PackedCells(sorted: [Cell(metric: 0, month: 5, value: value)]).cells
        #expect(unpacked.map(\.value.bitPattern) == [value.bitPattern])
    }

    @Test func theSameCellsGiveEqualPacks() {
        let cells = [Cell(metric: 0, month: 24_300, value: 5), Cell(metric: 1, month: 24_299, value: 0.5)]
        #expect(PackedCells(sorted: cells) == PackedCells(sorted: cells))
        #expect(PackedCells(sorted: cells) != PackedCells(sorted: [cells[0]]))
        #expect(PackedCells(sorted: []).cells == [])
    }

    @Test func wholeNumbersInConsecutiveMonthsTakeAFewBytes() {
        // Four metrics over fifteen months of counts up to 3,500: 60 cells,
        // where the struct takes 16 bytes each. A metric step is 1 byte, a
        // month step 1 (the first month 3), a count 2 (a zero 1).
        var cells: [Cell] = []
        for metric in 0..<4 {
            for month in 0..<15 { cells.append(Cell(metric: Int32(metric), month: Int32(24_300 + month), value: Double(month * 250))) }
        }
        let packed = PackedCells(sorted: cells)
        #expect(packed.byteCount == 60 + (3 + 59) + (4 + 56 * 2))
        #expect(packed.cells == cells)
    }
}

@Suite struct MetricsRowOrderTests {
    private static let path = "Content/metrics.csv"

    private func load(_ text: String) -> MetricsLoadResult {
        MetricsLoader().load(data: Data(text.utf8), displayPath: Self.path, knownCustomers: nil)
    }

    @Test func interleavedCustomersGiveTheSameTableAsGroupedOnes() {
        let grouped = load(
            "customer_id,month,seats,mrr\nC-1,2026-10,1,10.5\nC-1,2026-11,2,\nC-2,2026-10,3,30\nC-2,2026-12,,-4\n")
        let interleaved = load(
            "customer_id,month,seats,mrr\nC-2,2026-12,,-4\nC-1,2026-11,2,\nC-2,2026-10,3,30\nC-1,2026-10,1,10.5\n")
        #expect(grouped.diagnostics == [])
        #expect(interleaved.diagnostics == [])
        #expect(interleaved.table == grouped.table)
        #expect(interleaved.table.fingerprint(for: "C-1") == grouped.table.fingerprint(for: "C-1"))
    }

    @Test func aDuplicateAfterOtherCustomersNamesTheFirstLine() {
        let result = load(
            """
            customer_id,month,metric,value
            C-1,2026-10,seats,1
            C-1,2026-11,seats,2
            C-2,2026-10,seats,7
            C-1,2026-11,mrr,5
            C-2,2026-11,seats,8
            C-1,2026-11,Seats,3
            C-2,2026-10,seats,9
            """)
        #expect(
            result.diagnostics.map(\.description) == [
                "Content/metrics.csv:7:1: error: duplicate value for seats in 2026-11 (first on line 3) (customer C-1)",
                "Content/metrics.csv:8:1: error: duplicate value for seats in 2026-10 (first on line 4) (customer C-2)",
            ])
        #expect(result.table.values["C-1"] == ["seats": [YearMonth(iso: "2026-10")!: 1, YearMonth(iso: "2026-11")!: 2], "mrr": [YearMonth(iso: "2026-11")!: 5]])
    }
}
