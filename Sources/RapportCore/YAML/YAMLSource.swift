import Yams

/// Parses YAML settings and front matter into Yams nodes, turning libyaml's
/// errors into diagnostics that name the line in the original file.
///
/// Scalars are read as the text written (`node.string`), never through
/// Yams' type resolution, so `NO` stays "NO" and `02134` stays "02134".
enum YAMLSource {
    /// Named rather than left to Yams: its default reads the whole process
    /// environment on every parse (for `YAMS_DEFAULT_ENCODING`), a twentieth
    /// of a one-customer rebuild with a notes file per customer. Swift
    /// strings are UTF-8, which is what that default picks.
    static var encoding: Parser.Encoding { .utf8 }

    /// Composes `text`; `lineOffset` is added to every reported line (front
    /// matter starts below the `---` line of a content file).
    static func compose(_ text: String, path: String, lineOffset: Int = 0) throws(DiagnosticList) -> Node? {
        do {
            // The basic resolver tags every scalar as text: rapport reads the
            // text as written anyway, and the default resolver's regular
            // expressions were a fifth of a no-change build.
            return try Yams.compose(yaml: text, .basic, .default, encoding)
        } catch let error as YamlError {
            throw DiagnosticList([diagnostic(for: error, path: path, lineOffset: lineOffset)])
        } catch {
            throw DiagnosticList([.error("invalid YAML: \(error)", at: SourceLocation(path: path))])
        }
    }

    /// The location of `node` in the original file.
    static func location(of node: Node, path: String, lineOffset: Int) -> SourceLocation {
        guard let mark = node.mark else { return SourceLocation(path: path) }
        return SourceLocation(path: path, line: mark.line + lineOffset, column: mark.column)
    }

    static func diagnostic(for error: YamlError, path: String, lineOffset: Int) -> Diagnostic {
        func at(_ mark: Mark) -> SourceLocation {
            SourceLocation(path: path, line: mark.line + lineOffset, column: mark.column)
        }
        switch error {
        case .scanner(let context, let problem, let mark, _),
            .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            var message = "invalid YAML: \(problem)"
            if let context { message += " (\(context.text) at line \(context.mark.line + lineOffset))" }
            return .error(message, at: at(mark))
        case .duplicatedKeysInMapping(let duplicates, let context):
            return .error(
                "duplicate key \(duplicates.map { "\"\($0)\"" }.joined(separator: ", ")) in YAML mapping",
                at: at(context.mark))
        case .reader(let problem, _, _, _):
            return .error("invalid YAML: \(problem)", at: SourceLocation(path: path))
        default:
            return .error("invalid YAML: \(error)", at: SourceLocation(path: path))
        }
    }
}
