/// An exact non-negative ratio, shown as a percentage rounded half up to one decimal.
public struct Fraction: Equatable, Sendable {
    public var numerator: Int
    public var denominator: Int

    public init(_ numerator: Int, _ denominator: Int) {
        self.numerator = numerator
        self.denominator = denominator
    }

    /// Tenths of a percent, rounded half up (66.666… → 667).
    public var permille: Int {
        guard denominator > 0 else { return 0 }
        return (2000 * numerator + denominator) / (2 * denominator)
    }

    /// `66.7%` in English, `66,7 %` in French.
    public func percent(_ lang: Language) -> String {
        Fraction.formatPermille(permille, lang)
    }

    /// A signed change in percentage points with one decimal.
    public static func formatPermille(_ value: Int, _ lang: Language, signed: Bool = false) -> String {
        let sign = value < 0 ? "−" : (signed && value > 0 ? "+" : "")
        let magnitude = abs(value)
        let text = "\(magnitude / 10)" + (lang == .fr ? "," : ".") + "\(magnitude % 10)"
        return sign + text + (lang == .fr ? "\u{202F}%" : "%")
    }

    public static func < (a: Fraction, b: Fraction) -> Bool {
        a.numerator * b.denominator < b.numerator * a.denominator
    }
}
