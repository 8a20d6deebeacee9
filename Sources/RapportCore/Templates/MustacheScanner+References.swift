extension MustacheScanner {
    /// Every variable, section, block and partial tag in `nodes`, in source order, with the sections around it.
    ///
    /// Comments and pragmas are left out: they name nothing.
    public func references(in nodes: [MustacheNode]) -> [MustacheReference] {
        var references: [MustacheReference] = []
        // An explicit stack, like the scanner's, so a tree of any depth is safe to walk.
        var pending: [(node: MustacheNode, enclosing: [MustacheTag])] = nodes.reversed().map { ($0, []) }
        while let (node, enclosing) = pending.popLast() {
            switch node {
            case .text:
                break
            case .tag(let tag):
                if Self.isReference(tag.kind) {
                    references.append(MustacheReference(tag: tag, enclosingSections: enclosing))
                }
            case .section(let tag, let children):
                references.append(MustacheReference(tag: tag, enclosingSections: enclosing))
                let inner = enclosing + [tag]
                pending.append(contentsOf: children.reversed().map { ($0, inner) })
            }
        }
        return references
    }

    private static func isReference(_ kind: MustacheTag.Kind) -> Bool {
        switch kind {
        case .variable, .unescapedVariable, .section, .invertedSection, .partial, .parentPartial, .block:
            return true
        case .sectionEnd, .comment, .setDelimiter, .pragma:
            return false
        }
    }
}
