import Foundation

/// One part of a template name (`customer`, `first_name`), interned to a
/// small number so a compiled template finds a value by comparing integers,
/// never by hashing or splitting text while it renders.
///
/// Keys are interned once per process: the names rapport declares when
/// they are first used, record columns while the site loads, and template
/// names while templates compile. Rendering only ever uses keys made
/// before it starts, so the lock is never taken on the render path.
public struct TemplateKey: Hashable, Sendable, Comparable, CustomStringConvertible {
    let id: Int32

    /// The key for `name`, interning it on first use.
    public init(_ name: String) {
        id = TemplateKeyTable.shared.intern(name)
    }

    /// The name this key stands for.
    public var name: String { TemplateKeyTable.shared.name(of: id) }

    public var description: String { name }

    public static func < (lhs: TemplateKey, rhs: TemplateKey) -> Bool { lhs.id < rhs.id }
}

/// The process-wide table behind `TemplateKey`.
final class TemplateKeyTable: @unchecked Sendable {
    // @unchecked: both tables are guarded by `lock`.
    static let shared = TemplateKeyTable()

    private let lock = NSLock()
    private var ids: [String: Int32] = [:]
    private var names: [String] = []

    func intern(_ name: String) -> Int32 {
        lock.withLock {
            if let id = ids[name] { return id }
            let id = Int32(names.count)
            names.append(name)
            ids[name] = id
            return id
        }
    }

    func name(of id: Int32) -> String {
        lock.withLock { names[Int(id)] }
    }
}
