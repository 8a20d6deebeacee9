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
