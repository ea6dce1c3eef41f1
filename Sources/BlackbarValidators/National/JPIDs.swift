/// Japanese identifiers.
public enum JapaneseIDs {
    /// Individual Number (My Number), check digit per the Cabinet Office ordinance
    /// (行政手続における特定の個人を識別するための番号の利用等に関する法律施行令 / 総務省令 第85号):
    /// 12 digits; with Pn the n-th digit from the right of the first 11 and Qn = n+1 (n ≤ 6) or
    /// n-5 (n ≥ 7), r = Σ Pn·Qn mod 11 and the check is 0 when r ≤ 1, else 11 - r.
    public static func myNumber(_ bytes: [UInt8]) -> Bool {
        guard let d = NationalIDKit.digits(bytes, lengths: 12) else { return false }
        let r = NationalIDKit.weightedSum(d, [6, 5, 4, 3, 2, 7, 6, 5, 4, 3, 2]) % 11
        return (r <= 1 ? 0 : 11 - r) == d[11]
    }
}
