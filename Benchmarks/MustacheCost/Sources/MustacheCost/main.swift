import Foundation
import Mustache

// Renders a review-like template (names, a list of four metrics with fifteen
// months each, a section over a dotted name) 3,000 times with four shapes of
// the same view model, and prints the time per tag evaluated. rapport renders
// seven templates per customer (two bodies, four layouts, the hub).

/// A view model node that is a class instead of a dictionary.
final class Node: MustacheParent {
    let values: [String: Any]
    init(_ values: [String: Any]) { self.values = values }
    func child(named name: String) -> Any? { values[name] }
}

/// A value that renders itself, skipping swift-mustache's casts for strings.
struct Text: MustacheCustomRenderable {
    let renderText: String
    var isNull: Bool { false }
}

let source = """
    <h1>{{customer.name}}</h1><p>{{customer.company}} {{customer.email}} {{site.title}}</p>
    {{#metrics_list}}<tr><td>{{label}}</td><td>{{latest}}</td><td>{{previous}}</td><td>{{change}}</td>\
    {{#series}}<i>{{month_label}} {{value}}</i>{{/series}}</tr>{{/metrics_list}}
    {{#customer.plan}}plan {{customer.plan}}{{/customer.plan}}
    """
let template = try MustacheTemplate(string: source)
// 4 names + the list section + 4 x (4 names + 1 section + 15 x 2 names) + 2 = 147
// tag evaluations per render.
let tagsPerRender = 147
let renders = 3_000

func dictionaryModel(_ wrap: (String) -> Any) -> [String: Any] {
    let series: [[String: Any]] = (0..<15).map { _ in ["month_label": wrap("Oct 2026"), "value": wrap("1,234")] }
    let metrics: [[String: Any]] = (0..<4).map { _ in
        ["label": wrap("Active users"), "latest": wrap("1,240"), "previous": wrap("1,100"), "change": wrap("+140"), "series": series]
    }
    return [
        "customer": [
            "name": wrap("Kestrel Clinic"), "company": wrap("Kestrel Clinic Ltd"), "email": wrap("a@b.example"), "plan": wrap("pro"),
        ],
        "site": ["title": wrap("Northwind")], "metrics_list": metrics,
    ]
}

func nodeModel(_ wrap: (String) -> Any) -> Node {
    let series = (0..<15).map { _ in Node(["month_label": wrap("Oct 2026"), "value": wrap("1,234")]) }
    let metrics = (0..<4).map { _ in
        Node(["label": wrap("Active users"), "latest": wrap("1,240"), "previous": wrap("1,100"), "change": wrap("+140"), "series": series])
    }
    return Node([
        "customer": Node([
            "name": wrap("Kestrel Clinic"), "company": wrap("Kestrel Clinic Ltd"), "email": wrap("a@b.example"), "plan": wrap("pro"),
        ]),
        "site": Node(["title": wrap("Northwind")]), "metrics_list": metrics,
    ])
}

func measure(_ name: String, _ model: Any) {
    var bytes = 0
    let start = DispatchTime.now().uptimeNanoseconds
    for _ in 0..<renders { bytes += template.render(model).utf8.count }
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    let perTag = seconds / Double(renders * tagsPerRender) * 1e6
    print("\(name)  \(String(format: "%.3f", seconds)) s  \(String(format: "%.2f", perTag)) µs per tag  (\(bytes) bytes)")
}

for round in 1...2 {
    print("round \(round)")
    measure("dictionaries, String values ", dictionaryModel { $0 })
    measure("dictionaries, Text values   ", dictionaryModel { Text(renderText: $0) })
    measure("Node classes, String values ", nodeModel { $0 })
    measure("Node classes, Text values   ", nodeModel { Text(renderText: $0) })
}
