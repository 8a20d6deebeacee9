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
