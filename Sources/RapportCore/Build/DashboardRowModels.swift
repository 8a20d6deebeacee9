import Mustache

/// Dashboard rows as the index layout sees them: each row's view model is
/// made when the template reaches it and dropped after, so a large site's
/// dashboard never holds a `[String: Any]` per customer (four times over,
/// one per list) at once.
struct DashboardRowModels: MustacheSequence, MustacheTransformable {
    let rows: [DashboardRow]

    func makeIterator() -> LazyMapSequence<[DashboardRow], ViewModel>.Iterator {
        rows.lazy.map(\.model).makeIterator()
    }

    /// The transforms Mustache gives arrays, so layouts work as they did
    /// when these lists were arrays of models.
    func transform(_ name: String) -> Any? {
        switch name {
        case "first": return rows.first?.model
        case "last": return rows.last?.model
        case "reversed": return DashboardRowModels(rows: rows.reversed())
        case "count": return rows.count
        case "empty": return rows.isEmpty
        default: return nil
        }
    }
}
