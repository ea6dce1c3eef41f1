import BlackbarValidators

/// What a web address says about a person. A plain public address (`https://shop.example/offers`) is browsing
/// context at most; one with a user in its authority (`https://jane@host/`), a query parameter that names a
/// person or a credential (`?email=`, `user=`, `token=`, `phone=`), or a profile path (`/users/jane.doe`,
/// `/~jane`, `/@jane`) points at someone. The first is reported at low severity (`LookAlike`), the rest at the
/// URL entity's own.
enum WebAddress {
    /// Query parameter names (lower case, `-` and `_` dropped) that carry a person's data or a credential.
    static let personalParameters: Set<[UInt8]> = Set([
        "email", "mail", "emailaddress", "user", "username", "userid", "uid", "login", "name", "firstname",
        "lastname", "fullname", "surname", "phone", "tel", "telephone", "mobile", "msisdn", "token", "accesstoken",
        "idtoken", "auth", "authtoken", "session", "sessionid", "sid", "apikey", "key", "password", "pwd", "pass",
        "passwd", "secret", "address", "street", "dob", "birthdate", "birthday", "ssn", "iban", "account", "zip",
        "postcode", "postalcode", "lat", "lon", "lng", "latitude", "longitude", "ll", "customer", "customerid",
        "memberid", "patientid", "clientid", "contact",
    ].map { Array($0.utf8) })
    /// Path segments after which the next segment names an account.
    static let profileSegments: Set<[UInt8]> = Set([
        "user", "users", "u", "profile", "profiles", "people", "person", "member", "members", "account",
        "accounts", "customer", "customers", "patient", "patients", "employee", "employees", "author", "authors",
    ].map { Array($0.utf8) })

    /// Whether the address (a URL finding's bytes) carries a user, a personal query parameter or a profile path.
    static func carriesPersonalData(_ url: [UInt8]) -> Bool {
        var i = 0
        // After the scheme's `://`, when there is one (`www.` addresses have none).
        if let colon = url.firstIndex(of: UInt8(ascii: ":")), colon + 2 < url.count, url[colon + 1] == 0x2F,
            url[colon + 2] == 0x2F
        {
            i = colon + 3
        }
        let authorityEnd = url[i...].firstIndex(where: { $0 == 0x2F || $0 == 0x3F || $0 == 0x23 }) ?? url.count
        if url[i..<authorityEnd].contains(UInt8(ascii: "@")) { return true }
        let queryStart = url[authorityEnd...].firstIndex(where: { $0 == 0x3F || $0 == 0x23 }) ?? url.count
        if profilePath(url[authorityEnd..<queryStart]) { return true }
        return personalQuery(url[queryStart...])
    }

    /// A `/users/<name>`, `/~name` or `/@name` path.
    private static func profilePath(_ path: ArraySlice<UInt8>) -> Bool {
        let segments = path.split(separator: 0x2F)
        for (k, segment) in segments.enumerated() {
            if segment.count > 1, segment.first == UInt8(ascii: "~") || segment.first == UInt8(ascii: "@") { return true }
            if k + 1 < segments.count, profileSegments.contains(segment.map(ASCII.lower)) { return true }
        }
        return false
    }

    /// A query (or fragment) with a parameter from `personalParameters` that has a value.
    private static func personalQuery(_ query: ArraySlice<UInt8>) -> Bool {
        for pair in query.dropFirst().split(whereSeparator: { $0 == 0x26 || $0 == 0x3B || $0 == 0x23 || $0 == 0x3F }) {
            guard let equals = pair.firstIndex(of: UInt8(ascii: "=")), equals + 1 < pair.endIndex else { continue }
            let name = pair[..<equals].filter { $0 != 0x2D && $0 != 0x5F && $0 != 0x2E }.map(ASCII.lower)
            if personalParameters.contains(name) { return true }
        }
        return false
    }
}
