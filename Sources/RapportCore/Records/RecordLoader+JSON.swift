/// JSON: an array of objects, one per record.
extension RecordLoader {
    func readJSON(_ buffer: UnsafeBufferPointer<UInt8>, start: Int, into assembler: inout RecordAssembler) {
        var parser = JSONParser(bytes: buffer, start: start)
        let root: JSONValue
        do {
            root = try parser.parseDocument()
        } catch {
            return assembler.error(error.message, at: assembler.location(error.position))
        }
        guard case .array(let elements) = root.kind else {
            return assembler.error(
                "expected an array of customer objects, found \(root.kindDescription)",
                at: assembler.location(root.position))
        }
        for element in elements {
            guard case .object(let members) = element.kind else {
                assembler.error(
                    "expected a customer object, found \(element.kindDescription)",
                    at: assembler.location(element.position))
                continue
            }
            addRecord(members, at: element.position, into: &assembler)
        }
    }

    // MARK: - Helpers

    private func addRecord(
        _ members: [JSONValue.Member], at position: TextPositionTracker.Position,
        into assembler: inout RecordAssembler
    ) {
        var fields = RecordObject()
        var locations: [String: SourceLocation] = [:]
        var seen: [String: (raw: String, line: Int)] = [:]
        var idIsUsable = true
        for member in members {
            let keyLocation = assembler.location(member.keyPosition)
            guard let name = assembler.topLevelKey(member.key, at: keyLocation, seen: &seen) else { continue }
            let valueLocation = assembler.location(member.value.position)
            if name == assembler.idField, !Self.isString(member.value) {
                idIsUsable = false
                var message = "\"\(name)\" must be a string, not \(member.value.kindDescription)"
                if case .number(let text) = member.value.kind { message += "; write it in quotes: \"\(text)\"" }
                assembler.error(message, at: valueLocation)
            }
            fields[name] = Self.convert(member.value, into: &assembler)
            locations[name] = valueLocation
        }
        if idIsUsable {
            assembler.add(fields: fields, fieldPositions: assembler.positions(locations), at: assembler.location(position))
        }
    }

    /// The record value of a nested JSON value, reporting repeated keys in nested objects.
    private static func convert(_ value: JSONValue, into assembler: inout RecordAssembler) -> RecordValue {
        switch value.kind {
        case .string(let text), .number(let text), .bool(let text):
            return .text(text)
        case .null:
            return .null
        case .array(let elements):
            return .list(elements.map { convert($0, into: &assembler) })
        case .object(let members):
            var object = RecordObject()
            var firstLine: [String: Int] = [:]
            for member in members {
                if let line = firstLine[member.key] {
                    assembler.error(
                        "duplicate key \"\(member.key)\" (first used on line \(line))",
                        at: assembler.location(member.keyPosition))
                    continue
                }
                firstLine[member.key] = member.keyPosition.line
                object[member.key] = convert(member.value, into: &assembler)
            }
            return .object(object)
        }
    }

    private static func isString(_ value: JSONValue) -> Bool {
        if case .string = value.kind { return true }
        return false
    }
}
