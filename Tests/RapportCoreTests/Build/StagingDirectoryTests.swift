import Foundation
import Testing

@testable import RapportCore

/// The staging folder writes pages with write(2) and makes folders with
/// mkdir(2); these check what that must still do.
@Suite struct StagingDirectoryTests {
    @Test func writesTextAndDataIntoNewNestedFolders() throws {
        let output = Fixtures.temporaryDirectory().appendingPathComponent("Output")
        let staging = try StagingDirectory(for: output)
        try staging.write("<p>Bäckerei & Söhne</p>\n", to: "customers/b-1/newsletters/2026-11/index.html")
        try staging.write(Data([0, 1, 2, 255]), to: "customers/b-1/logo.bin")
        try staging.write("", to: "empty.html")
        try staging.commit()

        let page = try Data(contentsOf: output.appendingPathComponent("customers/b-1/newsletters/2026-11/index.html"))
        #expect(page == Data("<p>Bäckerei & Söhne</p>\n".utf8))
        #expect(try Data(contentsOf: output.appendingPathComponent("customers/b-1/logo.bin")) == Data([0, 1, 2, 255]))
        #expect(try Data(contentsOf: output.appendingPathComponent("empty.html")).isEmpty)
    }

    @Test func workersMakeEachCustomersFoldersTopDown() throws {
        let output = Fixtures.temporaryDirectory().appendingPathComponent("Output")
        let staging = try StagingDirectory(for: output)
        // Two workers: each knows only the folders it made or found.
        var first = StagingDirectory.KnownFolders()
        var second = StagingDirectory.KnownFolders()
        try staging.write(Array("a news".utf8), to: "customers/a-1/newsletters/2026-11/index.html", folders: &first)
        try staging.write(Array("a hub".utf8), to: "customers/a-1/index.html", folders: &first)
        try staging.write(Array("b print".utf8), to: "print/b-1/newsletter-2026-11.html", folders: &second)
        try staging.write(Array("b hub".utf8), to: "customers/b-1/index.html", folders: &second)
        first.forgetCustomer()
        try staging.write(Array("c review".utf8), to: "customers/c-1/reviews/2026-Q4/index.html", folders: &first)
        try staging.write(Array("c print".utf8), to: "print/c-1/review-2026-Q4.html", folders: &first)
        try staging.commit()

        let expected = [
            "customers/a-1/newsletters/2026-11/index.html": "a news", "customers/a-1/index.html": "a hub",
            "print/b-1/newsletter-2026-11.html": "b print", "customers/b-1/index.html": "b hub",
            "customers/c-1/reviews/2026-Q4/index.html": "c review", "print/c-1/review-2026-Q4.html": "c print",
        ]
        for (path, text) in expected {
            #expect(try String(contentsOf: output.appendingPathComponent(path), encoding: .utf8) == text, "\(path)")
        }
    }

    @Test func aFileWhereAKnownWorkersFolderMustGoIsAClearError() throws {
        let output = Fixtures.temporaryDirectory().appendingPathComponent("Output")
        let staging = try StagingDirectory(for: output)
        defer { staging.discard() }
        var folders = StagingDirectory.KnownFolders()
        try staging.write(Array("not a folder".utf8), to: "customers/a-1", folders: &folders)
        #expect {
            try staging.write(Array("page".utf8), to: "customers/a-1/newsletters/2026-11/index.html", folders: &folders)
        } throws: { error in
            (error as? Diagnostic)?.message == "cannot write customers/a-1/newsletters/2026-11/index.html: Not a directory"
        }
    }

    @Test func rewritingAFileReplacesAllOfIt() throws {
        let output = Fixtures.temporaryDirectory().appendingPathComponent("Output")
        let staging = try StagingDirectory(for: output)
        try staging.write(String(repeating: "x", count: 100), to: "index.html")
        try staging.write("short", to: "index.html")
        try staging.commit()
        #expect(try String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8) == "short")
    }

    @Test func aFileWhereAFolderMustGoIsAClearError() throws {
        let output = Fixtures.temporaryDirectory().appendingPathComponent("Output")
        let staging = try StagingDirectory(for: output)
        defer { staging.discard() }
        try staging.write("not a folder", to: "customers")
        #expect {
            try staging.write("page", to: "customers/a-1/index.html")
        } throws: { error in
            (error as? Diagnostic)?.message == "cannot write customers/a-1/index.html: Not a directory"
        }
    }

    @Test func filesAndFoldersGetFoundationsModes() throws {
        let output = Fixtures.temporaryDirectory().appendingPathComponent("Output")
        let staging = try StagingDirectory(for: output)
        try staging.write("page", to: "customers/a-1/index.html")
        try staging.commit()
        let mask = umask(0)
        umask(mask)
        let file = try FileManager.default.attributesOfItem(atPath: output.appendingPathComponent("customers/a-1/index.html").path)
        let folder = try FileManager.default.attributesOfItem(atPath: output.appendingPathComponent("customers/a-1").path)
        #expect((file[.posixPermissions] as? Int) == 0o666 & ~Int(mask))
        #expect((folder[.posixPermissions] as? Int) == 0o777 & ~Int(mask))
    }
}
