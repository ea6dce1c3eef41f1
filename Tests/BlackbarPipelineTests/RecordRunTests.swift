import BlackbarCore
import BlackbarRecords
import BlackbarRedaction
import BlackbarRisk
import BlackbarRules
import XCTest

@testable import BlackbarPipeline

/// Tables and record files through the run: findings located by record and field, outputs byte-identical
/// outside the findings, as many records out as in, and the structure kept whatever the replacement.
final class RecordRunTests: ScratchFolderTestCase {
    typealias Collected = TextRunTests.Collected

    func makeRun(policy: RedactionPolicy?, workers: Int = 2) throws -> TextRun {
        let table = try RegulationTable(yaml: RulePack.embeddedRegulations!)
        return TextRun(
            detector: TextRunTests.detector, policy: policy, riskLog: RiskLog(sinks: [], regulations: table),
            context: RunContext(fingerprinter: try Fingerprinter(environment: ["BLACKBAR_KEY": "record-run-test-key-01"])),
            workers: workers, allowBinary: false)
    }

    func scan(
        _ name: String, _ format: RecordFormat, options: RecordOptions = RecordOptions(), workers: Int = 2
    ) throws -> [ReportedFinding] {
        let run = try makeRun(policy: nil, workers: workers)
        var found: [ReportedFinding] = []
        try run.scanRecords(run.input(name), format: format, options: options, values: true) { found.append($0) }
        return found
    }

    func redact(
        _ name: String, _ format: RecordFormat, policy: RedactionPolicy = RedactionPolicy(),
        options: RecordOptions = RecordOptions()
    ) throws -> String {
        let run = try makeRun(policy: policy)
        let out = Collected()
        try run.redactRecords(run.input(name), format: format, options: options, to: out, outputName: "mem", streaming: false)
        return String(decoding: out.bytes, as: UTF8.self)
    }

    /// Values of every record, re-read with our own reader (the output must parse).
    func reread(_ text: String, _ format: RecordFormat) throws -> [[String]] {
        let source = ByteSource(bytes: Array(text.utf8), name: "out")
        let reader: RecordReader =
            switch format {
            case .csv, .tsv: CSVReader(source: source, dialect: CSVDialect.sniff(Array(text.utf8)))
            case .jsonl: JSONLinesReader(source: source)
            case .json: JSONDocumentReader(source: source)
            }
        var rows: [[String]] = []
        while let batch = try reader.next() {
            for record in batch.records where record.number > 0 {
                rows.append(record.values.filter { batch.values[$0].kind != .key }.map {
                    String(decoding: batch.decoded[batch.values[$0].decoded], as: UTF8.self)
                })
            }
        }
        return rows
    }

    func testCSVFindingsNameRecordFieldAndPlaceInTheValue() throws {
        try file("t.csv", "id,email,notes\r\n1,jane@example.com,\"call +44 20 7946 0958, \"\"ok\"\"\"\r\n")
        let found = try scan("t.csv", .csv)
        XCTAssertEqual(found.map(\.finding.entity), ["EMAIL_ADDRESS", "PHONE_NUMBER"])
        XCTAssertEqual(found[0].location.record, 1)
        XCTAssertEqual(found[0].location.field, "email")
        XCTAssertEqual(found[0].location.fieldIndex, 2)
        XCTAssertEqual(found[0].location.line, 2)
        XCTAssertEqual(found[1].location.inValue, 5..<21)
        // The file's bytes at the finding's range are the value.
        let bytes = Array("id,email,notes\r\n1,jane@example.com,\"call +44 20 7946 0958, \"\"ok\"\"\"\r\n".utf8)
        XCTAssertEqual(String(decoding: bytes[found[1].finding.range.start..<found[1].finding.range.end], as: UTF8.self), "+44 20 7946 0958")
    }

    func testCSVRedactionKeepsEveryOtherByteAndQuotesWhatNeedsIt() throws {
        let input = "id,name,email,note\n7,\"Doe, Jane\",jane@example.com,free text\n8,,,\n"
        try file("t.csv", input)
        let out = try redact("t.csv", .csv)
        XCTAssertEqual(out, "id,name,email,note\n7,\"<PERSON>\",<EMAIL_ADDRESS>,free text\n8,,,\n")
        // A masked value keeps its comma inside its quotes; the output parses to the same number of records.
        let masked = try redact("t.csv", .csv, policy: RedactionPolicy(defaultOperator: .mask()))
        XCTAssertEqual(try reread(masked, .csv), [["7", "***, ****", "****@*******.***", "free text"], ["8", "", "", ""]])
    }

    func testJSONLinesDecodeEscapesAndWriteValidJSON() throws {
        let input = #"{"user":{"email":"jane\u0040example.com"},"text":"Regards,\njohn@example.org \"x\"","n":1.50}"# + "\n"
        try file("c.jsonl", input)
        let found = try scan("c.jsonl", .jsonl)
        XCTAssertEqual(found.map(\.location.field), ["$.user.email", "$.text"])
        XCTAssertEqual(found.map { String(decoding: $0.value ?? [], as: UTF8.self) }, ["jane@example.com", "john@example.org"])
        let out = try redact("c.jsonl", .jsonl, policy: RedactionPolicy(defaultOperator: .placeholder))
        XCTAssertEqual(out, #"{"user":{"email":"<EMAIL_ADDRESS>"},"text":"Regards,\n<EMAIL_ADDRESS> \"x\"","n":1.50}"# + "\n")
        XCTAssertNoThrow(try JSONSerialization.jsonObject(with: Data(out.utf8)))
    }

    func testFieldPolicyDropsKeepsAndChoosesOperators() throws {
        try file("t.csv", "ssn,email,notes,id\n536-22-1234,jane@example.com,mail jane@example.com,1\n")
        var options = RecordOptions()
        options.policy.drops = ["ssn"]
        options.policy.keeps = ["#2"]
        XCTAssertTrue(options.policy.addOperator("notes=mask"))
        let out = try redact("t.csv", .csv, options: options)
        XCTAssertEqual(out, "email,notes,id\njane@example.com,mail ****@*******.***,1\n")
        try file("u.jsonl", #"{"a":{"ssn":"536-22-1234","b":2},"e":"jane@example.com"}"# + "\n")
        var json = RecordOptions()
        json.policy.drops = ["$.a.ssn"]
        XCTAssertTrue(json.policy.addOperator("$..e=remove"))
        XCTAssertEqual(try redact("u.jsonl", .jsonl, options: json), #"{"a":{"b":2},"e":""}"# + "\n")
    }

    func testColumnNamesDecideWhatNoPatternCould() throws {
        try file("t.csv", "full_name,dob,lat,lon,product_name,order_id\nJane Example,1985-03-12,52.520008,13.404954,Widget Pro,12345678\n")
        let found = try scan("t.csv", .csv)
        XCTAssertEqual(
            found.map { "\($0.location.field!)=\($0.finding.entity)" },
            ["full_name=PERSON", "dob=DATE_OF_BIRTH", "lat=GPS_COORDINATE", "lon=GPS_COORDINATE"])
    }

    func testAKeyNamingAPartOfItsParentIsReadWithTheParent() {
        let cases: [(path: String, leaf: String)] = [
            ("$.name[*].family", "name family"),
            ("$.name[*].given[*]", "name given"),
            ("$.contact[*].name.first", "name first"),
            ("$.address[*].line[*]", "address line"),
            ("$['home address'].line1", "home address line1"),
            ("$.phone.number", "phone number"),
            ("$.address.city", "city"),  // a thing of its own: not a street address
            ("$.users[*].email", "email"),
            ("$.first", "first"),  // no parent to read it with
            ("$[*].value", "value"),
        ]
        for (path, leaf) in cases { XCTAssertEqual(RecordPass.fieldLeaf(of: path), leaf, path) }
    }

    func testNestedNamesAndAddressLinesAreFoundByTheirParentKey() throws {
        // The shape of an HL7 FHIR Patient resource: names and street lines sit under keys that say nothing
        // alone (`family`, `given`, `line`); the city and the coding `use` are not personal data by their keys.
        try file("p.json", """
            {"resourceType":"Patient","name":[{"use":"official","family":"Chalmers","given":["Peter","James"]}],
            "address":[{"use":"home","line":["534 Erewhon St"],"city":"PleasantVille"}],
            "contact":[{"name":{"family":"du Marché","given":["Bénédicte"]}}],
            "managingOrganization":{"display":"Example Hospital"},"product":{"name":{"first":"Widget"}}}
            """)
        let found = try scan("p.json", .json)
        XCTAssertEqual(
            found.map { "\($0.location.field!)=\($0.finding.entity)" },
            [
                "$.name[0].family=PERSON", "$.name[0].given[0]=PERSON", "$.name[0].given[1]=PERSON",
                "$.address[0].line[0]=LOCATION", "$.contact[0].name.family=PERSON", "$.contact[0].name.given[0]=PERSON",
            ])
    }

    func testAValueNamedByItsSiblingIsReadAsSoNamed() throws {
        // Attribute lists as user directories export them, and FHIR's telecom and identifier: the key `Value`
        // says nothing, the sibling `Name` or `system` names what it holds. The naming values are not names of
        // people, and a pair named for something else (`tier`) is left alone.
        try file("a.jsonl", """
            {"Attributes":[{"Name":"birthdate","Value":"1990-01-31"},{"Name":"given_name","Value":"Jane"},\
            {"Name":"custom:tier","Value":"gold"}]}
            {"telecom":[{"system":"phone","value":"(03) 5555 6473","use":"work"}],\
            "identifier":[{"system":"http://hl7.org/fhir/sid/us-ssn","value":"536221234"}],\
            "codes":[{"system":"phone","value":"Widget Pro"}]}

            """)
        let found = try scan("a.jsonl", .jsonl).filter { $0.finding.entity != "URL" }
        XCTAssertEqual(
            found.map { "\($0.location.field!)=\($0.finding.entity)" },
            [
                "$.Attributes[0].Value=DATE_OF_BIRTH", "$.Attributes[1].Value=PERSON",
                "$.telecom[0].value=PHONE_NUMBER", "$.identifier[0].value=US_SSN",
            ])
        // The same values with nothing naming them: no field rule reads `value`, and an unformatted SSN needs
        // its word.
        try file("b.jsonl", """
            {"Attributes":[{"Value":"1990-01-31"},{"Value":"Jane"}],"telecom":[{"value":"(03) 5555 6473"}],\
            "identifier":[{"value":"536221234"}]}

            """)
        XCTAssertEqual(try scan("b.jsonl", .jsonl).map(\.finding.entity), [])
        // A table in a long layout: the attribute column names the value column, row by row. An ordinary
        // table's name and number columns are no such pair: the name is still a person's.
        try file("long.csv", "id,attribute,value\n17,birthdate,1990-01-31\n17,given_name,Jane\n17,tier,gold\n18,ssn,536221234\n")
        XCTAssertEqual(
            try scan("long.csv", .csv).map { "\($0.location.record!):\($0.location.field!)=\($0.finding.entity)" },
            ["1:value=DATE_OF_BIRTH", "2:value=PERSON", "4:value=US_SSN"])
        try file("plain.csv", "name,number\nJane Example,12\n")
        XCTAssertEqual(try scan("plain.csv", .csv).map(\.finding.entity), ["PERSON"])
        // In a contact list a `name` key holds a person's name, not an attribute's: it is still read as one.
        try file("c.jsonl", #"{"contacts":[{"name":"Jane Example","number":"+14155552671"}]}"# + "\n")
        XCTAssertEqual(try scan("c.jsonl", .jsonl).map(\.finding.entity), ["PERSON", "PHONE_NUMBER"])
    }

    func testAColumnNamedForAnEntityOutweighsAWeakCheckOfAnother() throws {
        // 01712345678 is a German mobile number and passes the PESEL check (one 11-digit number in ten does);
        // under a phone column it is a phone number. A card number passes a strong check and stays a card.
        // 004358811 under `ssn` is an SSN, though it is also a valid number after an international 00.
        try file("t.csv", "Mobilnummer,pesel,ssn\n01712345678,01712345678,004358811\n4539148803436467,,\n")
        let found = try scan("t.csv", .csv)
        XCTAssertEqual(
            found.map { "\($0.location.record!):\($0.location.field!)=\($0.finding.entity)" },
            ["1:Mobilnummer=PHONE_NUMBER", "1:pesel=PL_PESEL", "1:ssn=US_SSN", "2:Mobilnummer=CREDIT_CARD"])
    }

    func testAColumnThatMostlyValidatesHoldsItsEntity() throws {
        // Valid Dutch BSNs (11-test) without a label: the rule needs context, the column gives it once most
        // values validate under a bsn header... here the header says nothing, so the evidence must.
        let valid = ["111222333", "123456782", "010464554"]
        var text = "ref\n"
        for i in 0..<20 { text += "BSN \(valid[i % valid.count])\n" }
        text += "\(valid[1])\n"
        try file("t.csv", text)
        let found = try scan("t.csv", .csv)
        let lastRecord = found.filter { $0.location.record == 21 }
        XCTAssertEqual(lastRecord.map(\.finding.entity), ["NL_BSN"], "the bare value in a column of BSNs")
    }

    func testMalformedRecordsFailOrAreSkippedAndNamed() throws {
        try file("bad.csv", "a,b\n1,\"open\n2,3\n")
        let run = try makeRun(policy: RedactionPolicy())
        XCTAssertThrowsError(try run.redactRecords(
            run.input("bad.csv"), format: .csv, options: RecordOptions(), to: Collected(), outputName: "mem", streaming: false)
        ) { XCTAssertTrue("\($0)".contains("bad.csv: line 2, record 1"), "\($0)") }
        var skip = RecordOptions()
        skip.onError = .skip
        XCTAssertEqual(try redact("bad.csv", .csv, options: skip), "a,b\n2,3\n")
    }

    func testRecordsInEqualRecordsOutOnMultiLineCells() throws {
        var text = "id,note\n"
        for i in 0..<500 { text += "\(i),\"line one\nmail jane\(i)@example.com\r\nthird\"\n" }
        try file("t.csv", text)
        var options = RecordOptions()
        options.batchBytes = 1000
        let out = try redact("t.csv", .csv, options: options)
        let rows = try reread(out, .csv)
        XCTAssertEqual(rows.count, 500)
        XCTAssertEqual(rows[499], ["499", "line one\nmail <EMAIL_ADDRESS>\r\nthird"])
    }

    /// Tables with the same header share the run's field contexts (resolved once per run), and a table of one
    /// batch, scanned on the calling thread, gives what it gives alone.
    func testTablesOfOneRunShareFieldContexts() throws {
        try file("a.csv", "email,iban\njane@corp.de,DE89 3704 0044 0532 0130 00\n")
        try file("b.csv", "email,iban\njohn@corp.de,GB82 WEST 1234 5698 7654 32\n")
        let run = try makeRun(policy: nil)
        var together: [String] = []
        for name in ["a.csv", "b.csv"] {
            try run.scanRecords(run.input(name), format: .csv, options: RecordOptions(), values: false) {
                together.append("\($0.location.field ?? "") \($0.finding.entity)")
            }
        }
        XCTAssertEqual(together, ["email EMAIL_ADDRESS", "iban IBAN_CODE", "email EMAIL_ADDRESS", "iban IBAN_CODE"])
        let first = run.fieldContexts.context("email", leaf: nil, holds: nil)
        XCTAssertTrue(first === run.fieldContexts.context("email", leaf: nil, holds: nil))
        XCTAssertFalse(first === run.fieldContexts.context("email", leaf: nil, holds: "EMAIL_ADDRESS"))
        XCTAssertEqual(first.name, "email")
    }

    /// With two workers, a malformed record in a later batch ends the scan after the earlier batches' findings,
    /// as it does with one.
    func testAnErrorInALaterBatchComesAfterTheEarlierOnes() throws {
        // 15 rows: the bad record is in the second batch (read before the first is scanned); 40: in a later one.
        for rows in [15, 40] {
            var text = "id,email\n"
            for i in 0..<rows { text += "\(i),jane\(i)@corp.de\n" }
            text += "41,\"unterminated\n"
            try file("t.csv", text)
            var options = RecordOptions()
            options.batchBytes = 200
            var counts: [Int] = []
            for workers in [1, 2] {
                let run = try makeRun(policy: nil, workers: workers)
                var found = 0
                XCTAssertThrowsError(
                    try run.scanRecords(run.input("t.csv"), format: .csv, options: options, values: false) { _ in found += 1 })
                counts.append(found)
                // The summary counts the error and the findings reported before it.
                run.recordError()
                XCTAssertEqual(run.report.findingsBeforeErrors, found)
                XCTAssertTrue(
                    run.report.summary(command: "scan").hasSuffix("1 error (after \(found) findings reported from it)"),
                    run.report.summary(command: "scan"))
            }
            // The batches before the one holding the bad record are reported, the same with either.
            XCTAssertEqual(counts[0], counts[1], "\(rows) rows")
            XCTAssertGreaterThan(counts[0], 0, "\(rows) rows")
        }
    }

    func testProfileCountsEntitiesAndKAnonymity() throws {
        var text = "name,email,zip,gender\n"
        for i in 0..<10 { text += "Person Example,p\(i)@example.com,\(10115 + i % 2),\(i % 2 == 0 ? "f" : "m")\n" }
        text += "Solo Example,solo@example.com,99999,x\n"
        try file("t.csv", text)
        let run = try makeRun(policy: nil)
        let profile = try run.profileRecords(run.input("t.csv"), format: .csv, options: RecordOptions())
        XCTAssertEqual(profile.records, 11)
        XCTAssertEqual(profile.quasiIdentifiers, ["zip", "gender"])
        XCTAssertEqual(profile.kAnonymity, 1)
        XCTAssertEqual(profile.uniqueRecords, 1)
        XCTAssertEqual(profile.fields[1].entities.first?.entity, "EMAIL_ADDRESS")
        XCTAssertEqual(profile.fields[1].holds, "EMAIL_ADDRESS")
        var sampled = RecordOptions()
        sampled.sample = 4
        let part = try run.profileRecords(run.input("t.csv"), format: .csv, options: sampled)
        XCTAssertEqual(part.records, 4)
        XCTAssertTrue(part.sampled)
        XCTAssertEqual(part.kAnonymity, 2)
    }

    func testFormatSniffingConfirmsContent() {
        XCTAssertEqual(RecordFormat.sniff(Array("{\"a\":1}\n{\"b\":2}\n".utf8)), .jsonl)
        XCTAssertEqual(RecordFormat.sniff(Array("[{\"a\":1},\n{\"b\":2}]".utf8)), .json)
        XCTAssertNil(RecordFormat.sniff(Array("plain text, with commas\n".utf8)))
        XCTAssertFalse(TextRun.confirms(.json, prefix: Array("[2024-05-01 10:00] started\n".utf8), whole: false))
        XCTAssertFalse(TextRun.confirms(.jsonl, prefix: Array("[2024-05-01] a\n[2024-05-02] b\n".utf8), whole: false))
        XCTAssertEqual(RecordFormat.byExtension("a/b.NDJSON"), .jsonl)
        XCTAssertNil(RecordFormat.byExtension("a.csv/b"))
    }

    func testAKeyThatIsPersonalDataIsNeverShown() throws {
        try file("k.jsonl", #"{"jane@example.com":{"phone":"+44 20 7946 0958"}}"# + "\n")
        let found = try scan("k.jsonl", .jsonl)
        XCTAssertEqual(found.map(\.location.field), ["$['<EMAIL_ADDRESS>']", "$['<EMAIL_ADDRESS>'].phone"])
        XCTAssertEqual(try redact("k.jsonl", .jsonl), #"{"<EMAIL_ADDRESS>":{"phone":"<PHONE_NUMBER>"}}"# + "\n")
    }

    func testRepeatedKeysAreFoundInEveryRecordWhateverIsSkipped() throws {
        // Keys that gave no finding are not scanned again in later batches (`RecordPass.cleanKeyFields`); a key
        // that holds personal data is scanned, and found, in every record. Small batches, so most records come
        // after the keys were learned; one worker and two.
        var text = ""
        for i in 0..<60 {
            text += #"{"id":\#(i),"name":"","bob@example.org":{"note":"call +44 20 7946 0958"},"status":"ok"}"# + "\n"
        }
        try file("keys.jsonl", text)
        var options = RecordOptions()
        options.batchBytes = 300
        for workers in [1, 2] {
            let found = try scan("keys.jsonl", .jsonl, options: options, workers: workers)
            let byEntity = Dictionary(grouping: found, by: \.finding.entity)
            XCTAssertEqual(byEntity["EMAIL_ADDRESS"]?.compactMap(\.location.record), Array(1...60), "workers \(workers)")
            XCTAssertEqual(byEntity["PHONE_NUMBER"]?.compactMap(\.location.record), Array(1...60), "workers \(workers)")
            XCTAssertEqual(found.count, 120, "workers \(workers)")
        }
    }

    func testAKeyIsSkippedOnlyUnderThePathItWasCleanUnder() throws {
        // Clean keys are remembered by path id: the same bytes under another parent are scanned (and "id" under
        // a parent whose key is an address stays a plain key), and a key with personal data under a path whose
        // sibling keys are clean is still found.
        var text = ""
        for i in 0..<40 {
            let key = i % 2 == 0 ? "ann@example.org" : "bob@example.org"
            text += #"{"a":{"id":\#(i)},"\#(key)":{"id":1},"b":{"note":"x"}}"# + "\n"
        }
        try file("paths.jsonl", text)
        var options = RecordOptions()
        options.batchBytes = 200
        for workers in [1, 2] {
            let found = try scan("paths.jsonl", .jsonl, options: options, workers: workers)
            XCTAssertEqual(found.map(\.finding.entity), Array(repeating: "EMAIL_ADDRESS", count: 40), "workers \(workers)")
            XCTAssertEqual(found.compactMap(\.location.record), Array(1...40), "workers \(workers)")
        }
    }

    func testAJSONDocumentIsReadByElementsOfItsOuterArray() throws {
        let text = #"{"users":[{"phone":4155552671,"name":"Jane Example"},{"iban":"DE89 3704 0044 0532 0130 00"}]}"#
        try file("d.json", text)
        let found = try scan("d.json", .json)
        XCTAssertEqual(found.map(\.location.field), ["$.users[0].phone", "$.users[0].name", "$.users[1].iban"])
        let out = try redact("d.json", .json)
        XCTAssertEqual(out, #"{"users":[{"phone":"<PHONE_NUMBER>","name":"<PERSON>"},{"iban":"<IBAN_CODE>"}]}"#)
    }

    func testFieldPatterns() {
        XCTAssertTrue(FieldPolicy.matches("$.users[3].email", name: "$.users[*].email", index: nil))
        XCTAssertTrue(FieldPolicy.matches("$..email", name: "$.users[*].contact.email", index: nil))
        XCTAssertFalse(FieldPolicy.matches("$..email", name: "$.users[*].email_verified", index: nil))
        XCTAssertTrue(FieldPolicy.matches("EMAIL", name: "email", index: 4))
        XCTAssertTrue(FieldPolicy.matches("#5", name: "email", index: 4))
    }
}

extension RecordRunTests {
    func testTSVReadsQuotesAsData() throws {
        try file("t.tsv", "id\tnote\n1\t\"Urgent\" flag, mail jane@example.com\n2\t\"quoted\"\n")
        let found = try scan("t.tsv", .tsv)
        XCTAssertEqual(found.map(\.location.record), [1])
        XCTAssertEqual(try redact("t.tsv", .tsv), "id\tnote\n1\t\"Urgent\" flag, mail <EMAIL_ADDRESS>\n2\t\"quoted\"\n")
    }
}

extension RecordRunTests {
    /// A value whose redaction brings other personal data into view is scanned again (all edited values of a
    /// batch in one call) until nothing is left; with too few passes the file is given up.
    func testRedactedValuesReachAFixedPoint() throws {
        let email = "a.very.long.address.of.someone.at.a.company@example-company.com"
        try file("t.csv", "id,note\n1,ssn \(email) 536221234\n2,plain\n")
        XCTAssertEqual(try redact("t.csv", .csv, policy: RedactionPolicy(defaultOperator: .remove)), "id,note\n1,ssn  \n2,plain\n")
        let run = try makeRun(policy: RedactionPolicy(defaultOperator: .remove))
        run.maxPasses = 1
        XCTAssertThrowsError(try run.redactRecords(
            run.input("t.csv"), format: .csv, options: RecordOptions(), to: Collected(), outputName: "mem", streaming: false)
        ) {
            XCTAssertEqual(($0 as? RunError)?.status, .residual)
            XCTAssertTrue("\($0)".contains("t.csv: line 2, record 1"), "\($0)")
        }
    }
}
