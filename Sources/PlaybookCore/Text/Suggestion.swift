/// "Did you mean …?": the known words nearest to a mistyped one.
public enum Suggestion {
    /// The candidates `word` most likely meant, best first (at most `limit`): those it begins or
    /// names a whole part of (`strategic` → `strategic-level`, `governance` → `strong-governance`),
    /// else those within a few typos (letters added, dropped, changed or swapped).
    public static func nearest(_ word: String, among candidates: [String], limit: Int = 3) -> [String] {
        let typed = word.lowercased()
        guard !typed.isEmpty else { return [] }
        let parts = candidates.filter { candidate in
            let c = candidate.lowercased()
            return c != typed && (c.hasPrefix(typed) || c.split(separator: "-").contains { $0 == typed })
        }
        if !parts.isEmpty { return Array(parts.prefix(limit)) }
        let allowed = max(1, min(3, typed.count / 3))
        let scored = candidates.map { (candidate: $0, distance: distance(typed, $0.lowercased())) }
            .filter { $0.distance <= allowed }
            .sorted { $0.distance < $1.distance }
        return scored.prefix(limit).map(\.candidate)
    }

    /// The optimal string alignment distance: insertions, deletions, substitutions and swaps of
    /// two neighbours each count one.
    static func distance(_ a: String, _ b: String) -> Int {
        let x = Array(a.unicodeScalars)
        let y = Array(b.unicodeScalars)
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        var before = [Int](repeating: 0, count: y.count + 1)
        var previous = Array(0...y.count)
        var current = [Int](repeating: 0, count: y.count + 1)
        for i in 1...x.count {
            current[0] = i
            for j in 1...y.count {
                let cost = x[i - 1] == y[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, x[i - 1] == y[j - 2], x[i - 2] == y[j - 1] {
                    current[j] = min(current[j], before[j - 2] + 1)
                }
            }
            (before, previous, current) = (previous, current, before)
        }
        return previous[y.count]
    }
}
