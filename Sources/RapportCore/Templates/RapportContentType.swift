import Mustache

/// A swift-mustache content type of rapport's own, chosen by a template's
/// first line (`pragma`). swift-mustache resets the type to HTML inside
/// partials, so every template of a library carries the pragma.
protocol RapportContentType: MustacheContentType {
    static var name: String { get }
    init()
}

extension RapportContentType {
    /// The line put before each template of this type.
    static var pragma: String { "{{%CONTENT_TYPE:\(name)}}\n" }
}

enum RapportContentTypes {
    /// Registers every rapport content type once per process; the registry is global.
    static let register: Void = {
        let types: [any RapportContentType.Type] = [MarkdownContentType.self, LayoutHTMLContentType.self]
        for type in types { MustacheContentTypes.register(type.init(), named: type.name) }
    }()
}
