import Foundation
import Yams

extension SiteConfig {
    /// Reads the `email:` section, recording problems in `diagnostics`.
    static func parseEmail(_ map: inout YAMLMap, diagnostics: inout [Diagnostic]) -> EmailSettings {
        var email = EmailSettings()
        if let node = map.node("from") {
            email.fromLocation = map.location(of: node)
            if let mailbox = mailbox(node, in: &map, key: "from", diagnostics: &diagnostics) {
                (email.fromName, email.fromAddress) = mailbox
            }
        }
        if let node = map.node("reply_to") {
            if let scalar = node.scalar?.string, ["account_manager", "none"].contains(scalar) {
                email.replyTo = scalar == "none" ? .none : .accountManager
            } else if let mailbox = mailbox(node, in: &map, key: "reply_to", diagnostics: &diagnostics) {
                if let address = mailbox.address {
                    email.replyTo = .address(name: mailbox.name, address: address)
                } else {
                    diagnostics.append(.error("email.reply_to needs an address", at: map.location(of: node)))
                }
            }
        }
        if let node = map.node("unsubscribe") {
            email.unsubscribeLocation = map.location(of: node)
            let targets = node.sequence.map { $0.compactMap(\.scalar?.string) } ?? node.scalar.map { [$0.string] } ?? []
            if targets.isEmpty {
                diagnostics.append(
                    .error("email.unsubscribe must be a URL or a list of URLs (https: or mailto:)", at: map.location(of: node)))
            }
            for target in targets {
                // Checked with tags left out: they become percent-encoded text.
                let withoutTags = target.replacingOccurrences(of: #"\{\{[^}]*\}\}"#, with: "x", options: .regularExpression)
                if !MailMessage.isUsableUnsubscribeTarget(withoutTags) {
                    diagnostics.append(
                        .error(
                            "email.unsubscribe \"\(target)\" must be an https: or mailto: URL without spaces or angle brackets",
                            at: map.location(of: node)))
                }
            }
            email.unsubscribe = targets
        }
        if let node = map.node("send_window"), let text = node.scalar?.string {
            if let window = EmailSettings.SendWindow(text) {
                email.sendWindow = window
            } else {
                diagnostics.append(
                    .error(
                        "email.send_window must be two times written HH:MM-HH:MM, the first earlier, e.g. 09:00-11:00",
                        at: map.location(of: node)))
            }
        }
        if let node = map.node("timezone"), let name = node.scalar?.string {
            if TimeZone(identifier: name) != nil {
                email.timezone = name
            } else {
                diagnostics.append(
                    .error("email.timezone \"\(name)\" is not a time zone name such as Europe/London", at: map.location(of: node)))
            }
        }
        if let value = map.integer("max_html_bytes", in: 1_000...10_000_000) { email.maxHTMLBytes = value }
        email.styles = map.stringDictionary("styles")
        diagnostics += map.diagnostics + map.unknownKeyWarnings(context: "email setting")
        return email
    }

    /// `name <address>`-style settings written either as an address or as
    /// `{name:, address:}`; the address, when given, must be valid.
    private static func mailbox(
        _ node: Yams.Node, in map: inout YAMLMap, key: String, diagnostics: inout [Diagnostic]
    ) -> (name: String?, address: String?)? {
        var name: String?
        var address: String?
        if let scalar = node.scalar {
            address = scalar.string
        } else {
            var fields = YAMLMap(node, path: map.path, lineOffset: map.lineOffset, what: "email.\(key)")
            name = fields.string("name")
            address = fields.string("address")
            diagnostics += fields.diagnostics + fields.unknownKeyWarnings(context: "email.\(key) setting")
        }
        if let address, MailAddress(address: address) == nil {
            diagnostics.append(
                .error("email.\(key) address \"\(address)\" is not a valid email address (local@domain)", at: map.location(of: node)))
            return nil
        }
        return (name, address)
    }
}
