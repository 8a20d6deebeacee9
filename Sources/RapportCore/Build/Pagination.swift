/// Splits a list into pages of `pageSize` and describes each page for its
/// layout (`pagination.*`), so no page grows beyond its size however many
/// customers the site has.
struct Pagination: Sendable {
    let total: Int
    let pageSize: Int
    /// The output path of page `n` (from 1).
    let path: @Sendable (Int) -> String

    /// At least one: an empty list still has a page that says so.
    var pages: Int { max(1, (total + pageSize - 1) / pageSize) }

    /// The positions of page `n`'s entries in the whole list.
    func range(of page: Int) -> Range<Int> {
        let start = min(total, (page - 1) * pageSize)
        return start..<min(total, start + pageSize)
    }

    /// `pagination` for page `n`; links are relative to the site root.
    func value(for page: Int) -> TemplateValue {
        typealias Field = TemplateVocabulary.Pagination
        let range = range(of: page)
        var model = ViewModel(capacity: Field.fields.count)
        model.append(Field.page.key, .text(String(page)))
        model.append(Field.pages.key, .text(String(pages)))
        model.append(Field.total.key, .text(String(total)))
        model.append(Field.first.key, .text(String(range.isEmpty ? 0 : range.lowerBound + 1)))
        model.append(Field.last.key, .text(String(range.upperBound)))
        model.append(Field.hasPrevious.key, .bool(page > 1))
        if page > 1 { model.append(Field.previousURL.key, .text(path(page - 1))) }
        model.append(Field.hasNext.key, .bool(page < pages))
        if page < pages { model.append(Field.nextURL.key, .text(path(page + 1))) }
        model.append(Field.firstURL.key, .text(path(1)))
        model.append(Field.lastURL.key, .text(path(pages)))
        let nearby = max(1, page - 3)...min(pages, page + 3)
        model.append(
            Field.nearby.key,
            .list(
                nearby.map { number in
                    [
                        Field.number.name: .text(String(number)), Field.url.name: .text(path(number)),
                        Field.current.name: .bool(number == page),
                    ]
                }))
        return .object(model)
    }

    /// `../` once per folder of `path`: the way from a page back to the site root.
    static func root(of path: String) -> String {
        String(repeating: "../", count: path.utf8.count { $0 == UInt8(ascii: "/") })
    }
}
