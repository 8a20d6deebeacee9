import Foundation

/// A function a tag applies to its value, written like a call:
/// `{{uppercased(customer.plan)}}`, `{{^last()}}, {{/last()}}`.
///
/// These are the transforms swift-mustache offered, which rapport's
/// templates could use before rapport had its own engine; an unknown one is
/// an error when the template compiles, never an empty page.
enum TemplateTransform: String, Sendable, CaseIterable {
    // Text
    case uppercased, lowercased, capitalized
    // Text and lists
    case reversed, empty
    // Lists
    case first, last, count
    // Numbers, and positions in a list
    case even, odd
    // Numbers
    case equalzero, plusone, minusone
    // Positions in a list (`{{index()}}`)
    case index

    /// The names rapport knows, for the error message.
    static var known: String { allCases.map(\.rawValue).joined(separator: ", ") }

    /// The transformed value, nil when this transform does not apply to `value`.
    func apply(to value: TemplateValue) -> TemplateValue? {
        switch (self, value) {
        case (.uppercased, .text(let text)): return .text(text.uppercased())
        case (.lowercased, .text(let text)): return .text(text.lowercased())
        case (.capitalized, .text(let text)): return .text(text.capitalized)
        case (.reversed, .text(let text)): return .text(String(text.reversed()))
        case (.empty, .text(let text)): return .bool(text.isEmpty)
        case (.reversed, .list(let items)): return .list(items.reversed())
        case (.empty, .list(let items)): return .bool(items.isEmpty)
        case (.first, .list(let items)): return items.first
        case (.last, .list(let items)): return items.last
        case (.count, .list(let items)): return .number(Double(items.count))
        case (.equalzero, .number(let number)): return .bool(number == 0)
        case (.plusone, .number(let number)): return .number(number + 1)
        case (.minusone, .number(let number)): return .number(number - 1)
        case (.even, .number(let number)): return .bool(Int(exactly: number).map { $0 & 1 == 0 } ?? false)
        case (.odd, .number(let number)): return .bool(Int(exactly: number).map { $0 & 1 == 1 } ?? false)
        default: return nil
        }
    }

    /// The value of `{{first()}}` and the like for the element at `index` of `count`.
    func apply(toPosition index: Int, of count: Int) -> TemplateValue? {
        switch self {
        case .first: .bool(index == 0)
        case .last: .bool(index == count - 1)
        case .index: .number(Double(index))
        case .even: .bool(index & 1 == 0)
        case .odd: .bool(index & 1 == 1)
        default: nil
        }
    }
}
