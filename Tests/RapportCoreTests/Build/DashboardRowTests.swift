import Foundation
import Testing

@testable import RapportCore

@Suite struct DashboardRowTests {
    private let row = DashboardRow(
        values: ["id": "C-1", "name": "Kestrel Clinic 1", "plan": "", "contact_name": "Inès Müller", "days_overdue": "12"],
        flags: ["renewal_due": true, "at_risk": false])

    @Test func tellsAMissingTextFromAnEmptyOne() {
        #expect(row.value("name") == "Kestrel Clinic 1")
        #expect(row.value("contact_name") == "Inès Müller")
        #expect(row.value("days_overdue") == "12")
        #expect(row.value("plan") == "")
        #expect(row.value("email") == nil)
        #expect(row.value("not_a_field") == nil)
        #expect(row.flag("renewal_due"))
        #expect(!row.flag("at_risk"))
        #expect(!row.flag("not_a_flag"))
    }

    @Test func fingerprintMarksEachSlotAsMissingOrPresent() {
        let slots = DashboardRow.fields.map { field -> String in
            switch field {
            case "id": "+C-1"
            case "name": "+Kestrel Clinic 1"
            case "plan": "+"
            case "contact_name": "+Inès Müller"
            case "days_overdue": "+12"
            default: "-"
            }
        }
        // renewal_due is the first flag: bit 0.
        #expect(row.fingerprint == slots.joined(separator: "\u{1F}") + "\u{1F}1")
    }

    @Test func modelHasThePresentTextsAndEveryFlag() {
        guard case .object(let model) = row.model else {
            Issue.record("not an object")
            return
        }
        #expect(model[TemplateKey("plan")]?.text == "")
        #expect(model[TemplateKey("name")]?.text == "Kestrel Clinic 1")
        #expect(model[TemplateKey("email")] == nil)
        #expect(model[TemplateKey("renewal_due")]?.flag == true)
        #expect(model[TemplateKey("is_new")]?.flag == false)
    }
}

@Suite struct NameSortKeyTests {
    /// The ASCII shortcut must give what Foundation's folding gives, or
    /// lists would change order with the shortcut.
    @Test func asciiNamesFoldAsFoundationFoldsThem() {
        for code in UInt8(0)..<0x80 {
            let name = String(decoding: [UInt8(ascii: "A"), code, UInt8(ascii: "z"), code], as: UTF8.self)
            #expect(
                SitePageRenderer.sortKey(name) == name.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil),
                "character \(code)")
        }
    }

    @Test func otherNamesLoseCaseAndAccents() {
        #expect(SitePageRenderer.sortKey("Bäckerei ÉCOLE") == "backerei ecole")
        #expect(SitePageRenderer.sortKey("Kestrel Clinic 1") == "kestrel clinic 1")
    }
}
