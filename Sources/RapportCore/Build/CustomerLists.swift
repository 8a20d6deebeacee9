/// The dashboard rows sorted into the lists the site pages show, once per
/// build: every customer by name, the three lists of the dashboard, and the
/// same per account manager. Lists hold row positions, not copies.
struct CustomerLists: Sendable {
    /// One of the dashboard's lists of customers.
    enum Kind: String, CaseIterable, Sendable {
        case dueForCheckin = "due-for-checkin"
        case renewals
        case atRisk = "at-risk"

        var heading: String {
            switch self {
            case .dueForCheckin: "Due a check-in call"
            case .renewals: "Renewals inside the window"
            case .atRisk: "At risk"
            }
        }
    }

    /// Some customers: all of them, or one manager's book.
    struct Book: Sendable {
        /// By name (folded), then id.
        var byName: [Int] = []
        /// The longest without contact first; never contacted counts as longest.
        var dueForCheckin: [Int] = []
        /// Soonest renewal first.
        var renewals: [Int] = []
        /// By name.
        var atRisk: [Int] = []
        var watch = 0
        var healthy = 0

        func list(_ kind: Kind) -> [Int] {
            switch kind {
            case .dueForCheckin: dueForCheckin
            case .renewals: renewals
            case .atRisk: atRisk
            }
        }
    }

    /// An account manager and their book.
    struct Manager: Sendable {
        var name: String
        var slug: String
        var book = Book()
    }

    let rows: [DashboardRow]
    /// Each row's `fingerprint`, hashed once: a row is on up to six list pages.
    let fingerprints: [Digest]
    let all: Book
    /// By name; customers without a manager are together under "Unassigned".
    let managers: [Manager]

    init(rows: [DashboardRow]) {
        self.rows = rows
        fingerprints = ParallelMap.map(rows) { InputHasher.digest($0.fingerprint) }
        // Each key is taken once per row, not once per comparison: a row's
        // texts are packed and cut out as new strings when read.
        let nameKeys = rows.map(Self.nameKey)
        let byName = rows.indices.sorted { nameKeys[$0] < nameKeys[$1] }
        let due = Self.sorted(rows.indices.filter { rows[$0].flag("due_for_checkin") }, by: { Self.overdueKey(rows[$0]) })
        let renewals = Self.sorted(rows.indices.filter { rows[$0].flag("renewal_due") }, by: { Self.renewalKey(rows[$0]) })
        var all = Book(byName: byName, dueForCheckin: due, renewals: renewals)
        var managerOf: [Int] = Array(repeating: 0, count: rows.count)
        var managerIndex: [String: Int] = [:]
        var names: [String] = []
        for index in byName {
            let name = rows[index].value("account_manager") ?? Self.unassigned
            if let known = managerIndex[name] {
                managerOf[index] = known
            } else {
                managerIndex[name] = names.count
                managerOf[index] = names.count
                names.append(name)
            }
        }
        var books = Array(repeating: Book(), count: names.count)
        for index in byName {
            books[managerOf[index]].byName.append(index)
            switch rows[index].value("health") {
            case "at_risk":
                all.atRisk.append(index)
                books[managerOf[index]].atRisk.append(index)
            case "watch":
                all.watch += 1
                books[managerOf[index]].watch += 1
            case "healthy":
                all.healthy += 1
                books[managerOf[index]].healthy += 1
            default: break
            }
        }
        for index in due { books[managerOf[index]].dueForCheckin.append(index) }
        for index in renewals { books[managerOf[index]].renewals.append(index) }
        self.all = all
        let slugs = Self.slugs(for: names)
        managers = zip(names, zip(slugs, books)).map { Manager(name: $0, slug: $1.0, book: $1.1) }
            .sorted { (SitePageRenderer.sortKey($0.name), $0.name) < (SitePageRenderer.sortKey($1.name), $1.name) }
    }

    static let unassigned = "Unassigned"

    /// A folder name per manager: their name made safe, never a folder
    /// rapport uses itself (`page`, `lists`), never two alike.
    static func slugs(for names: [String]) -> [String] {
        var taken: Set<String> = ["page", "lists", "index", "assets"]
        return names.map { name in
            let base = SlugMaker.baseSlug(for: name).flatMap { $0.isEmpty ? nil : $0 } ?? "manager"
            var slug = base
            var number = 2
            while taken.contains(slug) {
                slug = "\(base)-\(number)"
                number += 1
            }
            taken.insert(slug)
            return slug
        }
    }

    /// `indices` in the order of their keys, each key made once.
    private static func sorted(_ indices: [Int], by key: (Int) -> (Int, String)) -> [Int] {
        let keys = indices.map(key)
        return indices.indices.sorted { keys[$0] < keys[$1] }.map { indices[$0] }
    }

    private static func nameKey(_ row: DashboardRow) -> (String, String) {
        (row.value("sort_key") ?? "", row.value("id") ?? "")
    }

    private static func overdueKey(_ row: DashboardRow) -> (Int, String) {
        let days = Int(row.value("days_since_contact") ?? "") ?? Int.max
        return (-days, row.value("id") ?? "")
    }

    private static func renewalKey(_ row: DashboardRow) -> (Int, String) {
        (Int(row.value("days_to_renewal") ?? "") ?? 0, row.value("id") ?? "")
    }
}
