import Yams

/// YAML: a list of maps, one per record, read through Yams' node tree so scalars stay as written.
extension RecordLoader {
    func readYAML(_ buffer: UnsafeBufferPointer<UInt8>, start: Int, into assembler: inout RecordAssembler) {
        let text = String(decoding: UnsafeBufferPointer(rebasing: buffer[start...]), as: UTF8.self)
        let root: Node?
        do {
            // compose, not load: load would resolve `NO` to false and `02134` to 2134.
            // Scalars are kept as written, so no type resolution (and no regexes).
            root = try Yams.compose(yaml: text, .basic, .default, YAMLSource.encoding)
        } catch {
            return report(error, in: text, into: &assembler)
        }
        guard let root else {
            return assembler.error(
                "the file is empty: expected a list of customer maps", at: assembler.location(line: 1))
        }
        guard case .sequence(let sequence) = root else {
            return assembler.error(
                "expected a list of customer maps, found \(YAMLConverter.describe(root))",
                at: location(of: root, in: assembler))
        }
        var converter = YAMLConverter()
        for element in sequence {
            guard case .mapping(let mapping) = element else {
                assembler.error(
                    "expected a customer map, found \(YAMLConverter.describe(element))",
                    at: location(of: element, in: assembler))
                continue
            }
            do {
                try addRecord(mapping, converter: &converter, into: &assembler)
            } catch {
                return assembler.error(error.message, at: location(of: element, in: assembler))
            }
        }
    }

    // MARK: - Records

    private func addRecord(
        _ mapping: Node.Mapping, converter: inout YAMLConverter, into assembler: inout RecordAssembler
    ) throws(YAMLConverter.LimitError) {
        var fields = RecordObject()
        var locations: [String: SourceLocation] = [:]
        var seen: [String: (raw: String, line: Int)] = [:]
        for (key, value) in mapping {
            let keyLocation = location(of: key, in: assembler)
            guard case .scalar(let keyScalar) = key else {
                assembler.error("keys must be text, found \(YAMLConverter.describe(key))", at: keyLocation)
                continue
            }
            if keyScalar.string == "<<", keyScalar.style == .plain {
                assembler.error("YAML merge keys (<<) are not supported; write the fields out", at: keyLocation)
                continue
            }
            guard let name = assembler.topLevelKey(keyScalar.string, at: keyLocation, seen: &seen) else { continue }
            fields[name] = try converter.convert(value, depth: 2)
            locations[name] = location(of: value, in: assembler)
        }
        assembler.add(fields: fields, fieldPositions: assembler.positions(locations), at: location(of: .mapping(mapping), in: assembler))
    }

    // MARK: - Errors

    /// Turns a Yams error into a diagnostic; Yams marks are already 1-based lines and columns (in Unicode scalars).
    private func report(_ error: any Error, in text: String, into assembler: inout RecordAssembler) {
        guard let yamlError = error as? YamlError else {
            return assembler.error("cannot read YAML: \(error)", at: assembler.location(line: nil))
        }
        switch yamlError {
        case .scanner(let context, let problem, let mark, _),
            .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            var message = problem
            if let context { message += " (\(context.text) on line \(context.mark.line))" }
            assembler.error(message, at: assembler.location(line: mark.line, column: mark.column))
        case .duplicatedKeysInMapping(let duplicates, let context):
            let keys = duplicates.map { "\"\($0)\"" }.joined(separator: ", ")
            let noun = duplicates.count == 1 ? "key" : "keys"
            assembler.error(
                "duplicate \(noun) \(keys) in one map",
                at: assembler.location(line: context.mark.line, column: context.mark.column))
        case .reader(let problem, let offset, _, _):
            let position = offset.map { Self.position(ofCharacter: $0, in: text) }
            assembler.error(problem, at: assembler.location(line: position?.line, column: position?.column))
        default:
            assembler.error("cannot read YAML: \(yamlError)", at: assembler.location(line: nil))
        }
    }

    private func location(of node: Node, in assembler: RecordAssembler) -> SourceLocation {
        assembler.location(line: node.mark?.line, column: node.mark?.column)
    }

    /// Line and column (in Unicode scalars) of the `characterOffset`-th character, as Yams' reader errors give it.
    private static func position(ofCharacter characterOffset: Int, in text: String) -> (line: Int, column: Int) {
        let index = text.index(text.startIndex, offsetBy: characterOffset, limitedBy: text.endIndex) ?? text.endIndex
        let before = text[..<index]
        let line = before.reduce(1) { $1 == "\n" || $1 == "\r\n" ? $0 + 1 : $0 }
        let lineStart = before.lastIndex { $0 == "\n" || $0 == "\r\n" }.map { before.index(after: $0) } ?? before.startIndex
        return (line, before[lineStart...].unicodeScalars.count + 1)
    }
}
