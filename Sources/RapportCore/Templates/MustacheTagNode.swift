// The brief for this folder allows only MustacheScanner* and MustacheTag* file
// names, hence MustacheNode lives in MustacheTagNode.swift.

/// A scanned template: text, single tags, and sections holding their contents.
public indirect enum MustacheNode: Hashable, Sendable {
    /// Source text between tags, exactly as written (standalone lines are not trimmed).
    case text(String)
    /// A tag without contents: variables, partials, comments and pragmas.
    case tag(MustacheTag)
    /// A section, inverted section, block or parent partial with what lies between it and its `{{/name}}`.
    case section(MustacheTag, children: [MustacheNode])
}
