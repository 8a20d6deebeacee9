extension MustacheNode {
    /// Moves tags on `line` right by `offset` columns: a template scanned out
    /// of a YAML value starts mid-line in its file.
    static func shiftingColumns(_ nodes: [MustacheNode], onLine line: Int, by offset: Int) -> [MustacheNode] {
        func shift(_ tag: MustacheTag) -> MustacheTag {
            guard tag.line == line else { return tag }
            var moved = tag
            moved.column += offset
            return moved
        }
        return nodes.map { node in
            switch node {
            case .text: return node
            case .tag(let tag): return .tag(shift(tag))
            case .section(let tag, let children):
                return .section(shift(tag), children: shiftingColumns(children, onLine: line, by: offset))
            }
        }
    }
}
