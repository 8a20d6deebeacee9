/// One customer's metric values, sorted by metric then month, packed into
/// bytes: about 4 bytes a value where a `MetricsTable.Cell` takes 16.
///
/// At 100,000 customers the cells as structs were the largest thing a build
/// held (106 MB of a 365 MB heap, heaptrack). Exported metrics are mostly
/// whole numbers in consecutive months, so each cell is written as three
/// LEB128 numbers: the step from the previous cell's metric, the step from
/// its month (zigzag, it goes back when the metric changes), and the value:
/// a whole number of at most 2^53 as zigzag shifted left one bit, anything
/// else (fractions, -0, infinities, huge numbers) as a 1 and its 8 raw bytes.
/// Packing is exact and canonical: the same cells give the same bytes, and
/// unpacking gives back the same bit patterns.
struct PackedCells: Hashable, Sendable {
    private var bytes: [UInt8]

    /// Packs `cells`, which must be sorted by metric then month, each pair once.
    init(sorted cells: [MetricsTable.Cell]) {
        var writer = LEB128Writer()
        writer.bytes.reserveCapacity(cells.count * 4)
        var metric: Int32 = 0
        var month: Int32 = 0
        for cell in cells {
            writer.write(UInt64(cell.metric - metric))
            writer.write(zigzag: Int64(cell.month) - Int64(month))
            if let whole = Self.wholeNumber(cell.value) {
                writer.write(LEB128Writer.zigzag(whole) << 1)
            } else {
                writer.write(1)
                withUnsafeBytes(of: cell.value.bitPattern.littleEndian) { writer.bytes.append(contentsOf: $0) }
            }
            metric = cell.metric
            month = cell.month
        }
        bytes = writer.bytes
    }

    /// The packed size, for tests of the packing's cost.
    var byteCount: Int { bytes.count }

    /// The cells, in order.
    var cells: [MetricsTable.Cell] {
        var cells: [MetricsTable.Cell] = []
        forEach { cells.append($0) }
        return cells
    }

    /// Calls `body` with each cell, in order.
    func forEach(_ body: (MetricsTable.Cell) -> Void) {
        var reader = LEB128Reader(bytes)
        var metric: Int32 = 0
        var month: Int32 = 0
        while !reader.isAtEnd {
            metric += Int32(truncatingIfNeeded: reader.read())
            month = Int32(truncatingIfNeeded: Int64(month) + reader.readZigzag())
            let tagged = reader.read()
            let value: Double
            if tagged == 1 {
                value = Double(bitPattern: reader.readRaw64())
            } else {
                value = Double(LEB128Reader.unzigzag(tagged >> 1))
            }
            body(MetricsTable.Cell(metric: metric, month: month, value: value))
        }
    }

    /// `value` as a whole number when converting it back gives the same bits.
    private static func wholeNumber(_ value: Double) -> Int64? {
        guard value.isFinite, value == value.rounded(), abs(value) <= 9_007_199_254_740_992 else { return nil }
        let whole = Int64(value)
        return Double(whole).bitPattern == value.bitPattern ? whole : nil
    }
}
