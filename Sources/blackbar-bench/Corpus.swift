import BlackbarCore

#if canImport(Glibc)
    import Glibc
#endif

/// Writes the benchmark corpus: prose in several languages and log lines full of look-alikes
/// (timestamps, versions, UUIDs, hashes, order numbers, prices), with a synthetic PII value about every 2 KB.
struct CorpusWriter {
    var rng = SeededRandom(seed: 0x00B1_ACBA_5EED)

    static let words = (
        "the of and to in data customer record service account report quarter market growth policy team "
            + "review update network system user request response value model training dataset vendor buyer "
            + "der die das und mit für nicht auf dem ist eine Kunde Vertrag Rechnung Bericht Daten Zahlung "
            + "le la les et des une pour dans est pas client contrat facture rapport données paiement "
            + "el los las del por una cliente factura informe datos pago het een van voor niet klant"
    ).split(separator: " ").map(String.init)

    static let pii = [
        "jane.doe@example.com", "j.smith+news@mail.example.co.uk", "kontakt@beispiel.de",
        "+44 20 7946 0958", "+1 (415) 555-0123", "+49 30 23125123", "(415) 555-0147", "020 7946 0123",
        "4111 1111 1111 1111", "5555-5555-5555-4444", "3782 822463 10005",
        "DE89 3704 0044 0532 0130 00", "GB82WEST12345698765432", "FR14 2004 1010 0505 0001 3M02 606",
        "536-22-1234", "SSN 219-09-9998", "192.168.10.23", "203.0.113.7", "2001:db8:85a3::8a2e:370:7334",
        "00:1a:2b:3c:4d:5e", "https://example.com/users/jane.doe?id=42",
    ]

    mutating func sentence() -> String {
        var s = ""
        for i in 0..<(6 + rng.below(14)) {
            if i > 0 { s += " " }
            s += rng.pick(Self.words)
        }
        return s.prefix(1).uppercased() + s.dropFirst() + ". "
    }

    mutating func logLine() -> String {
        let y = 2020 + rng.below(6), mo = 1 + rng.below(12), d = 1 + rng.below(28)
        let h = rng.below(24), mi = rng.below(60), se = rng.below(60)
        func p(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        let ts = "\(y)-\(p(mo))-\(p(d))T\(p(h)):\(p(mi)):\(p(se)).\(rng.below(1000))Z"
        let hex = (0..<5).map { _ in String(rng.next(), radix: 16) }.joined().prefix(40)
        switch rng.below(6) {
        case 0: return "\(ts) INFO worker-\(rng.below(64)) processed batch \(rng.below(1_000_000)) in \(rng.below(9000)) ms\n"
        case 1: return "\(ts) DEBUG commit \(hex) build 4.\(rng.below(20)).\(rng.below(100)) ok\n"
        case 2:
            let u = (0..<4).map { _ in String(rng.next(), radix: 16) }.joined()
            let id = "\(u.prefix(8))-\(u.dropFirst(8).prefix(4))-4\(u.dropFirst(12).prefix(3))-a\(u.dropFirst(15).prefix(3))-\(u.dropFirst(18).prefix(12))"
            return "\(ts) WARN request \(id) retried \(rng.below(5)) times\n"
        case 3: return "\(ts) INFO order \(100_000_000 + rng.below(899_999_999)) total EUR \(rng.below(5000)).\(p(rng.below(100)))\n"
        case 4: return "\(ts) INFO invoice INV-\(rng.below(999_999)) sku \(rng.below(99_999_999)) qty \(rng.below(50))\n"
        default: return "\(ts) ERROR upstream timeout after \(rng.below(30_000)) ms, version 2.\(rng.below(9)).\(rng.below(30))\n"
        }
    }

    /// Writes about `bytes` bytes to `fd`, in 1 MB pieces (the corpus is never held in memory whole).
    mutating func write(bytes: Int, to fd: Int32) -> (written: Int, piiValues: Int) {
        var written = 0, values = 0, sinceValue = 0
        var chunk = ""
        chunk.reserveCapacity(1 << 20 + 4096)
        while written < bytes {
            let piece = rng.below(3) == 0 ? logLine() : sentence()
            chunk += piece
            sinceValue += piece.utf8.count
            if sinceValue >= 2048 {
                chunk += "Contact: " + rng.pick(Self.pii) + ". "
                sinceValue = 0
                values += 1
            }
            if chunk.utf8.count >= 1 << 20 {
                written += flush(&chunk, fd)
            }
        }
        written += flush(&chunk, fd)
        return (written, values)
    }

    private func flush(_ chunk: inout String, _ fd: Int32) -> Int {
        let n = chunk.utf8.count
        chunk.withUTF8 { buffer in
            var done = 0
            while done < buffer.count {
                let w = Glibc.write(fd, buffer.baseAddress! + done, buffer.count - done)
                if w <= 0 { fatalError("cannot write the corpus") }
                done += w
            }
        }
        chunk.removeAll(keepingCapacity: true)
        return n
    }
}
