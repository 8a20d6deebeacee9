import RapportCore

/// The page shown instead of any HTML page while the last build failed.
enum ErrorPage {
    /// The diagnostics as the CLI prints them, escaped, with the reload
    /// script so the next good build brings the requested page back.
    /// Without `reloadScript` the page is spliced like any other served page (a page rendered on request).
    static func html(diagnostics: [Diagnostic], generation: Int, reloadScript: Bool = true) -> String {
        let errors = diagnostics.filter { $0.severity == .error }.count
        let lines = diagnostics.map { HTMLText.escape($0.description) }.joined(separator: "\n")
        return """
            <!doctype html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Build failed · rapport serve</title>
            <style>
            body { font: 16px/1.5 system-ui, sans-serif; margin: 2rem; color: #1a1a1a; background: #fff; }
            h1 { color: #b00020; font-size: 1.5rem; }
            pre { white-space: pre-wrap; background: #fff4f4; border-left: 4px solid #b00020; padding: 1rem; font: 14px/1.5 ui-monospace, monospace; }
            </style>
            </head>
            <body>
            <h1>Build failed: \(errors) error\(errors == 1 ? "" : "s")</h1>
            <p>The output folder still holds the last good build. This page reloads when the next build succeeds.</p>
            <pre>\(lines)</pre>
            \(reloadScript ? ReloadScript.tag(generation: generation) : "")</body>
            </html>

            """
    }

    /// A small not-found page that still reloads, so a page that does not
    /// exist yet appears once a build creates it.
    static func notFound(generation: Int) -> String {
        """
        <!doctype html>
        <html lang="en">
        <head><meta charset="utf-8"><title>Not found · rapport serve</title></head>
        <body>
        <h1>Not found</h1>
        <p>No page here in the output folder. <a href="/">Back to the dashboard</a></p>
        \(ReloadScript.tag(generation: generation))</body>
        </html>

        """
    }
}
