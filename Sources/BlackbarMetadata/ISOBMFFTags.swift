/// What QuickTime and MP4 metadata items hold, by atom type (`©xyz`, `©ART`) or `mdta` key name.
public enum ISOBMFFTags {
    static let person: Set<String> = ["©ART", "©aut", "©wrt", "©dir", "©prd", "©PRD", "©com", "aART", "©ope", "©con"]
    static let technical: Set<String> = ["©mak", "©mod", "©swr", "©enc", "©too", "©fmt"]
    static let dates: Set<String> = ["©day"]

    /// What an atom or iTunes item of type `name` (the four characters, `©` included) holds.
    public static func meaning(ofAtom name: String) -> TagMeaning {
        if name == "©xyz" { return .location }
        if person.contains(name) { return .person }
        if dates.contains(name) { return .captureDate }
        if technical.contains(name) { return .technical }
        return .text
    }

    /// What an `mdta` key (`com.apple.quicktime.location.ISO6709`) holds, by the words in its name.
    public static func meaning(ofKey key: String) -> TagMeaning {
        let k = key.lowercased()
        func has(_ words: String...) -> Bool { words.contains { k.contains($0) } }
        if has("location", "gps") { return .location }
        if has("serial", "device.id", "deviceid", "uuid", "identifier") { return .deviceID }
        if has("author", "artist", "creator", "owner") { return .person }
        if has("creationdate") { return .captureDate }
        if has("make", "model", "software", ".version") { return .technical }
        return .text
    }
}
