import CCmarkGFM

extension MarkdownRenderer {
    /// Renders GFM to plain text, for the text part of an email: the same
    /// parse as `renderHTML`, then cmark-gfm's own plain-text renderer, so
    /// the text says what the HTML says without scraping the HTML.
    ///
    /// cmark's plain-text renderer drops a link's destination; before it
    /// runs, every link whose text is not already its address gets
    /// ` <url>` after its text, so a reader of the text part can follow it.
    /// `absoluteURL` turns a destination into the one the reader needs
    /// (relative links mean nothing in an inbox). Lines wrap at `width`
    /// columns where the text has spaces (0: no wrapping).
    public static func renderPlainText(
        _ markdown: String,
        options: MarkdownOptions = .init(),
        limits: MarkdownLimits = .init(),
        width: Int = 72,
        absoluteURL: (String) -> String = { $0 }
    ) throws(MarkdownError) -> String {
        try MarkdownLimitGuard.check(markdown, against: limits)
        return withParsedDocument(markdown, options: options.cmarkOptions) { document, mem, _ in
            plainText(document, mem: mem, options: options, width: width, absoluteURL: absoluteURL)
        }
    }

    /// `renderHTML` and `renderPlainText` of the same Markdown from one
    /// check and one parse: an email needs both, and parses run one at a
    /// time (see `cmarkRenderHTML`), so a second parse per message was
    /// time the other cores waited for. The HTML is rendered before the
    /// plain-text pass adds link addresses to the tree.
    public static func renderHTMLAndPlainText(
        _ markdown: String,
        options: MarkdownOptions = .init(),
        limits: MarkdownLimits = .init(),
        width: Int = 72,
        absoluteURL: (String) -> String = { $0 }
    ) throws(MarkdownError) -> (html: String, text: String) {
        try MarkdownLimitGuard.check(markdown, against: limits)
        return withParsedDocument(markdown, options: options.cmarkOptions) { document, mem, extensions in
            let html = renderedHTML(document, options: options.cmarkOptions, extensions: extensions, mem: mem)
            return (html, plainText(document, mem: mem, options: options, width: width, absoluteURL: absoluteURL))
        }
    }

    private static func plainText(
        _ document: OpaquePointer, mem: UnsafeMutablePointer<cmark_mem>, options: MarkdownOptions, width: Int,
        absoluteURL: (String) -> String
    ) -> String {
        spellOutLinks(in: document, mem: mem, absoluteURL: absoluteURL)
        guard let text = cmark_render_plaintext_with_mem(document, options.cmarkOptions, Int32(width), mem) else {
            fatalError("cmark_render_plaintext returned NULL")
        }
        defer { mem.pointee.free(text) }
        return String(cString: text)
    }

    /// Adds a ` <url>` text node after the children of every link, except
    /// where the visible text already is the address (autolinks, or a
    /// `mailto:` link showing the address). Nodes are collected first:
    /// cmark's iterator must not walk a tree that changes under it.
    private static func spellOutLinks(
        in document: OpaquePointer, mem: UnsafeMutablePointer<cmark_mem>, absoluteURL: (String) -> String
    ) {
        guard let iterator = cmark_iter_new(document) else { return }
        var links: [OpaquePointer] = []
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            if event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator), cmark_node_get_type(node) == CMARK_NODE_LINK {
                links.append(node)
            }
        }
        cmark_iter_free(iterator)
        for link in links {
            guard let rawURL = cmark_node_get_url(link).map({ String(cString: $0) }), !rawURL.isEmpty else { continue }
            let url = absoluteURL(rawURL)
            let visible = plainText(of: link)
            let address = url.hasPrefix("mailto:") ? String(url.dropFirst("mailto:".count)) : url
            if visible == url || visible == address || visible == rawURL { continue }
            guard let suffix = cmark_node_new_with_mem(CMARK_NODE_TEXT, mem) else { continue }
            cmark_node_set_literal(suffix, " <\(url)>")
            cmark_node_append_child(link, suffix)
        }
    }

    /// The text of a node's descendants (text and code spans), to compare a
    /// link's words with its address.
    private static func plainText(of node: OpaquePointer) -> String {
        guard let iterator = cmark_iter_new(node) else { return "" }
        defer { cmark_iter_free(iterator) }
        var text = ""
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard event == CMARK_EVENT_ENTER, let child = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(child)
            if type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE, let literal = cmark_node_get_literal(child) {
                text += String(cString: literal)
            }
        }
        return text
    }
}
