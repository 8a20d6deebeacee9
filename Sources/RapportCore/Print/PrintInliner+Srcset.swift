extension PrintInliner {
    /// A `srcset` with each candidate's URL inlined; candidates that cannot
    /// be inlined are dropped (and reported). Empty when none is left.
    func inlineSrcset(_ srcset: String, source: String, problems: inout [PrintProblem]) -> String {
        var kept: [String] = []
        var changed = false
        for candidate in Self.candidates(in: srcset) {
            switch replacement(for: candidate.url, from: pageDirectory, source: source, problems: &problems) {
            case .keep:
                kept.append(candidate.descriptors.isEmpty ? candidate.url : "\(candidate.url) \(candidate.descriptors)")
            case .dataURI(let uri):
                kept.append(candidate.descriptors.isEmpty ? uri : "\(uri) \(candidate.descriptors)")
                changed = true
            case .remove:
                changed = true
            }
        }
        return changed ? kept.joined(separator: ", ") : srcset
    }

    /// Splits a `srcset` as the HTML standard does: a URL runs to the next
    /// space (a trailing comma ends the candidate), descriptors run to the
    /// next comma outside parentheses. `data:` URLs keep their commas.
    static func candidates(in srcset: String) -> [(url: String, descriptors: String)] {
        var result: [(url: String, descriptors: String)] = []
        let characters = Array(srcset)
        var index = 0
        while index < characters.count {
            while index < characters.count, characters[index].isWhitespace || characters[index] == "," { index += 1 }
            guard index < characters.count else { break }
            let urlStart = index
            while index < characters.count, !characters[index].isWhitespace { index += 1 }
            var url = String(characters[urlStart..<index])
            if url.hasSuffix(",") {
                while url.hasSuffix(",") { url.removeLast() }
                result.append((url, ""))
                continue
            }
            let descriptorStart = index
            var depth = 0
            while index < characters.count {
                let character = characters[index]
                if character == "(" { depth += 1 }
                if character == ")" { depth = max(0, depth - 1) }
                if character == ",", depth == 0 { break }
                index += 1
            }
            let descriptors = String(characters[descriptorStart..<index]).split(whereSeparator: \.isWhitespace).joined(separator: " ")
            result.append((url, descriptors))
        }
        return result
    }
}
