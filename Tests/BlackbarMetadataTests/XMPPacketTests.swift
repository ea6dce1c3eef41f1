import XCTest

@testable import BlackbarMetadata

final class XMPPacketTests: XCTestCase {
    static let packet = """
        <?xpacket begin="\u{FEFF}" id="W5M0MpCehiHzreSzNTczkc9d"?>
        <x:xmpmeta xmlns:x="adobe:ns:meta/">
         <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
          <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"
            xmlns:exif="http://ns.adobe.com/exif/1.0/" xmlns:tiff="http://ns.adobe.com/tiff/1.0/"
            xmlns:Iptc4xmpCore="http://iptc.org/std/Iptc4xmpCore/1.0/xmlns/"
            exif:GPSLatitude="48,51.4620N" tiff:Orientation="1" tiff:Make="Canon">
           <dc:creator><rdf:Seq><rdf:li>Jane Roe</rdf:li></rdf:Seq></dc:creator>
           <dc:description><rdf:Alt><rdf:li xml:lang="x-default">Call me on +44 20 7946 0958 &amp; bye</rdf:li></rdf:Alt></dc:description>
           <Iptc4xmpCore:CreatorContactInfo rdf:parseType="Resource">
            <Iptc4xmpCore:CiEmailWork>jane.roe@example.net</Iptc4xmpCore:CiEmailWork>
           </Iptc4xmpCore:CreatorContactInfo>
          </rdf:Description>
         </rdf:RDF>
        </x:xmpmeta>
        <?xpacket end="w"?>
        """

    func testPropertiesAndMeanings() throws {
        let xmp = try XMPPacket(Array(Self.packet.utf8))
        let names = xmp.properties.map(\.name)
        XCTAssertEqual(names, ["exif:GPSLatitude", "tiff:Orientation", "tiff:Make", "dc:creator", "dc:description", "Iptc4xmpCore:CiEmailWork"])
        let fields = xmp.fields(offset: 100, path: "APP1")
        XCTAssertEqual(fields.map(\.meaning), [.location, .needed, .technical, .person, .text, .text])
        XCTAssertEqual(String(decoding: fields[4].text, as: UTF8.self), "Call me on +44 20 7946 0958 & bye")
        XCTAssertFalse(fields[4].verbatim)
        let creator = xmp.properties[3]
        XCTAssertEqual(Array(Array(Self.packet.utf8)[creator.stored]), Array("Jane Roe".utf8))
        XCTAssertEqual(fields[3].stored, (creator.stored.lowerBound + 100)..<(creator.stored.upperBound + 100))
    }

    func testRewriteRemovesAndReplacesKeepingTheRest() throws {
        let bytes = Array(Self.packet.utf8)
        let xmp = try XMPPacket(bytes)
        let out = xmp.rewrite([0: .remove, 3: .remove, 4: .replace(Array("Call me on <PHONE_NUMBER> & bye".utf8))], padTo: bytes.count)
        XCTAssertEqual(out.count, bytes.count)
        let text = String(decoding: out, as: UTF8.self)
        XCTAssertFalse(text.contains("GPSLatitude"))
        XCTAssertFalse(text.contains("Jane Roe"))
        XCTAssertFalse(text.contains("dc:creator"), "a top property whose values all go loses its element")
        XCTAssertTrue(text.contains("Call me on &lt;PHONE_NUMBER&gt; &amp; bye"))
        XCTAssertTrue(text.contains("tiff:Orientation=\"1\""))
        let again = try XMPPacket(out)
        XCTAssertEqual(again.properties.map(\.name), ["tiff:Orientation", "tiff:Make", "dc:description", "Iptc4xmpCore:CiEmailWork"])
    }

    func testHostilePacketsAreErrorsNotCrashes() {
        let cases = ["<a:b x:y=\"1", "<rdf:Description><a:b>text</a:c></rdf:Description>", String(repeating: "<a:b>", count: 100),
                     "<!-- never closed", "<rdf:Description a:b=x/>"]
        for c in cases { XCTAssertThrowsError(try XMPPacket(Array(c.utf8)), c) }
        XCTAssertNoThrow(try XMPPacket(Array("no markup at all".utf8)))
    }
}
