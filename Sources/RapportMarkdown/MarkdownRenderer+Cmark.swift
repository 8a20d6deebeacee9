import CCmarkGFM
import Foundation

extension MarkdownRenderer {
    /// Parses and renders in one call; every cmark pointer is created and freed here.
    ///
    /// cmark-gfm 0.29.0.gfm.6 is not safe for concurrent parses: while parsing
    /// inlines (and table rows) it adds the extensions' special characters
    /// (`~`, `|`, `:`, `w`, ...) to a process-wide table and removes them again
    /// afterwards (`cmark_manage_extensions_special_characters` →
    /// `cmark_inlines_add/remove_special_character`), so one thread finishing
    /// a parse switches strikethrough and autolinks off for another. Parsing
    /// therefore runs under `parseLock`. Rendering touches no global state
    /// (table/footnote state lives in the renderer), so it runs unlocked.
    /// The extension registry is a global list written only by
    /// `cmark_gfm_core_extensions_ensure_registered` (itself unguarded), which
    /// `coreExtensionsRegistered` runs exactly once; afterwards
    /// `cmark_find_syntax_extension` only reads it.
    static func cmarkRenderHTML(_ markdown: String, options: Int32) -> String {
        withParsedDocument(markdown, options: options) { document, mem, extensions in
            renderedHTML(document, options: options, extensions: extensions, mem: mem)
        }
    }

    /// The HTML of a parsed document. The extension list must reach the
    /// renderer too, or tagfilter and the table/strikethrough/tasklist HTML
    /// hooks are skipped.
    static func renderedHTML(
        _ document: OpaquePointer, options: Int32, extensions: UnsafeMutablePointer<cmark_llist>?,
        mem: UnsafeMutablePointer<cmark_mem>
    ) -> String {
        guard let html = cmark_render_html_with_mem(document, options, extensions, mem)
        else { fatalError("cmark_render_html returned NULL") }
        defer { mem.pointee.free(html) }
        return String(cString: html)
    }

    /// Parses `markdown` with the GFM extensions and hands the document to
    /// `render`, then frees everything: no cmark pointer outlives the call.
    static func withParsedDocument<Result>(
        _ markdown: String, options: Int32,
        _ render: (OpaquePointer, UnsafeMutablePointer<cmark_mem>, UnsafeMutablePointer<cmark_llist>?) -> Result
    ) -> Result {
        _ = coreExtensionsRegistered
        guard let mem = cmark_get_default_mem_allocator(),
            let parser = cmark_parser_new_with_mem(options, mem)
        else { fatalError("cmark-gfm could not allocate a parser") }
        defer { cmark_parser_free(parser) }
        for name in extensionNames {
            guard let syntaxExtension = cmark_find_syntax_extension(name) else {
                fatalError("cmark-gfm extension '\(name)' is not registered; is libcmark-gfm-extensions installed?")
            }
            cmark_parser_attach_syntax_extension(parser, syntaxExtension)
        }

        var text = markdown
        let parsed = parseLock.withLock {
            text.withUTF8 { bytes in
                bytes.withMemoryRebound(to: CChar.self) { chars in
                    if let base = chars.baseAddress { cmark_parser_feed(parser, base, chars.count) }
                }
            }
            return cmark_parser_finish(parser)
        }
        guard let document = parsed else { fatalError("cmark_parser_finish returned NULL") }
        defer { cmark_node_free(document) }
        return render(document, mem, cmark_parser_get_syntax_extensions(parser))
    }

    // MARK: - Process-wide state

    /// The GFM extensions every document gets, in cmark-gfm's names.
    private static let extensionNames = ["table", "strikethrough", "autolink", "tasklist", "tagfilter"]

    /// Registers the core extensions; a static `let` initialiser runs once, thread-safely.
    private static let coreExtensionsRegistered: Void = cmark_gfm_core_extensions_ensure_registered()

    /// Serialises cmark parses; see `cmarkRenderHTML` for why.
    private static let parseLock = NSLock()
}
