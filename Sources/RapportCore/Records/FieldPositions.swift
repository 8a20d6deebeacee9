/// Where each top-level field of one record starts, stored compactly: every
/// record of a large file keeps these until the build ends, and a
/// `[String: SourceLocation]` per record (a path and a dictionary entry per
/// field) cost more than the values themselves.
///
/// The keys array is shared by all the records of a CSV file (copy on
/// write); positions are a line and column per key, 0 standing for unknown.
/// Locations in another file or beyond `Int32` go to `others`, which is
/// empty in practice.
struct FieldPositions: Hashable, Sendable {
    private let path: String
    private var keys: [String]
    private var positions: [Int32]
    private var others: [String: SourceLocation]

    /// Positions in `path` of `keys`, as line and column pairs, 0 for unknown.
    init(path: String, keys: [String], positions: [Int32]) {
        precondition(positions.count == keys.count * 2)
        self.path = path
        self.keys = keys
        self.positions = positions
        self.others = [:]
    }

    /// The same locations as `locations`, in any file.
    init(path: String, _ locations: [String: SourceLocation]) {
        self.init(path: path, keys: [], positions: [])
        for key in locations.keys.sorted() { self[key] = locations[key] }
    }

    subscript(key: String) -> SourceLocation? {
        get {
            if let index = keys.firstIndex(of: key) {
                let (line, column) = (positions[2 * index], positions[2 * index + 1])
                return SourceLocation(path: path, line: line == 0 ? nil : Int(line), column: column == 0 ? nil : Int(column))
            }
            return others[key]
        }
        set {
            if let index = keys.firstIndex(of: key) {
                keys.remove(at: index)
                positions.removeSubrange(2 * index...2 * index + 1)
            }
            others[key] = nil
            guard let location = newValue else { return }
            if location.path == path, let line = Self.compact(location.line), let column = Self.compact(location.column) {
                keys.append(key)
                positions += [line, column]
            } else {
                others[key] = location
            }
        }
    }

    /// Every location by key.
    var dictionary: [String: SourceLocation] {
        var locations = others
        for key in keys { locations[key] = self[key] }
        return locations
    }

    static func == (lhs: FieldPositions, rhs: FieldPositions) -> Bool {
        lhs.dictionary == rhs.dictionary
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(dictionary)
    }

    // MARK: - Private

    /// A 1-based number as stored, 0 for nil; nil when it does not fit.
    private static func compact(_ number: Int?) -> Int32? {
        guard let number else { return 0 }
        guard number > 0, number <= Int(Int32.max) else { return nil }
        return Int32(number)
    }
}
