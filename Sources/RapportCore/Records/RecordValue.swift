/// A value exactly as written in the source: never converted to a number, bool or date here.
///
/// Typing happens later, per known field, so a ZIP code like `02134` or a
/// Norwegian `NO` reaches templates unchanged.
public enum RecordValue: Hashable, Sendable {
    case text(String)
    case list([RecordValue])
    indirect case object(RecordObject)
    case null

    /// The text of a `.text` value, `nil` for every other case.
    public var text: String? {
        if case .text(let text) = self { return text }
        return nil
    }
}
