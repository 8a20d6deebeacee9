import Foundation
import TestSupport

/// A temporary built site for the router tests: an output folder with
/// every kind of file, dot-files, a folder without index.html, and
/// symlinks pointing in and out; plus a secret file beside the output
/// that no request may reach.
struct OutputFixture {
    let base: URL
    var output: URL { base.appendingPathComponent("Output") }
    var secret: URL { base.appendingPathComponent("secret.txt") }

    static let dashboard = "<!doctype html>\n<html><head><title>Team</title></head>\n<body>\n<h1>Dashboard</h1>\n</BODY>\n</html>\n"
    static let hub = "<!doctype html><html><head><title>Acme &amp; Sons</title></head><body><p>hub</p></body></html>\n"
    static let newsletter =
        "<!doctype html><html><head><title>November</title></head><body><p>Hello Acme, here is a long letter.</p></body></html>\n"
    static let shortNewsletter = "<html><body>Hi</body></html>\n"

    init() throws {
        base = TemporaryFolders.unusedPath("rapport-preview")
        try write("top secret\n", to: "secret.txt")
        try write(Self.dashboard, to: "Output/index.html")
        try write(Self.hub, to: "Output/customers/acme/index.html")
        try write(Self.newsletter, to: "Output/customers/acme/newsletters/2026-11/index.html")
        try write("<html><head><title>Bolt</title></head><body>bolt</body></html>", to: "Output/customers/bolt/index.html")
        try write(Self.shortNewsletter, to: "Output/customers/bolt/newsletters/2026-11/index.html")
        try write("body { color: red }\n", to: "Output/assets/site.css")
        try write("<svg xmlns=\"http://www.w3.org/2000/svg\"/>\n", to: "Output/assets/logo.svg")
        try write("PNG", to: "Output/assets/logo.png")
        try write("JPG", to: "Output/assets/photo.jpg")
        try write("JPEG", to: "Output/assets/photo.jpeg")
        try write("{}\n", to: "Output/assets/data.json")
        try write("console.log(1)\n", to: "Output/assets/app.js")
        try write("wOF2", to: "Output/assets/font.woff2")
        try write("plain\n", to: "Output/assets/notes.txt")
        try write("GIF", to: "Output/assets/anim.gif")
        try write("??", to: "Output/assets/blob.bin")
        try write("<html><body>fragment without a body end", to: "Output/fragment.html")
        try write("hidden\n", to: "Output/.env")
        try write("[core]\n", to: "Output/.git/config")
        try write("readme\n", to: "Output/empty-folder/readme.txt")
        // A manifest as rapport writes it (the preview reads it as a build does).
        let digest = String(repeating: "ab", count: 32)
        try write(
            """
            {
              "files" : [
                { "inputs" : "\(digest)", "kind" : "asset", "path" : "assets/site.css", "sha256" : "\(digest)" },
                { "customer" : "AC-1", "inputs" : "\(digest)", "kind" : "customer", "path" : "customers/acme/index.html", "sha256" : "\(digest)" },
                { "customer" : "AC-1", "inputs" : "\(digest)", "kind" : "newsletter", "path" : "customers/acme/newsletters/2026-11/index.html", "sha256" : "\(digest)" },
                { "customer" : "BO-2", "inputs" : "\(digest)", "kind" : "customer", "path" : "customers/bolt/index.html", "sha256" : "\(digest)" },
                { "customer" : "BO-2", "inputs" : "\(digest)", "kind" : "newsletter", "path" : "customers/bolt/newsletters/2026-11/index.html", "sha256" : "\(digest)" },
                { "customer" : "EV-3", "inputs" : "\(digest)", "kind" : "customer", "path" : "../secret.txt", "sha256" : "\(digest)" },
                { "inputs" : "\(digest)", "kind" : "dashboard", "path" : "index.html", "sha256" : "\(digest)" }
              ],
              "generator" : "rapport 0.0.0"
            }

            """, to: "Output/manifest.json")
        let fileManager = FileManager.default
        try fileManager.createSymbolicLink(atPath: output.appendingPathComponent("escape.txt").path, withDestinationPath: secret.path)
        try fileManager.createSymbolicLink(atPath: output.appendingPathComponent("escape-dir").path, withDestinationPath: base.path)
        try fileManager.createSymbolicLink(
            atPath: output.appendingPathComponent("relative-escape").path, withDestinationPath: "../secret.txt")
        try fileManager.createSymbolicLink(atPath: output.appendingPathComponent("into-dot").path, withDestinationPath: ".env")
        try fileManager.createSymbolicLink(atPath: output.appendingPathComponent("alias.css").path, withDestinationPath: "assets/site.css")
    }

    func write(_ text: String, to path: String) throws {
        let url = base.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    func contents(of path: String) throws -> String {
        try String(contentsOf: base.appendingPathComponent(path), encoding: .utf8)
    }

    func remove() {
        try? FileManager.default.removeItem(at: base)
    }
}
