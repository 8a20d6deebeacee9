import ArgumentParser
import Foundation
import RapportCore

/// Options shared by the commands that read a site.
struct SiteOptions: ParsableArguments {
    @Option(name: .long, help: "The site folder (with rapport.yml, Content/, Layouts/).")
    var site: String = "."

    @Option(name: .long, help: ArgumentHelp("Treat this day as today (YYYY-MM-DD), for reproducible output.", valueName: "date"))
    var today: String?

    @Flag(name: .long, help: "Treat warnings as errors.")
    var strict = false

    var siteURL: URL { URL(fileURLWithPath: site).standardizedFileURL }

    func todayDate() throws -> CalendarDate {
        guard let today else { return .today() }
        guard let date = CalendarDate(iso: today) else {
            throw ValidationError("--today must be a date written YYYY-MM-DD, not \"\(today)\"")
        }
        return date
    }
}
