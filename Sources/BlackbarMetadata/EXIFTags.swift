/// Names and meanings of TIFF and EXIF tags (TIFF 6.0, EXIF 2.32 / CIPA DC-008, DNG 1.6), by the IFD that
/// holds them. Tags not listed are named `Tag0x....` and, when they hold ASCII text, scanned as text.
enum EXIFTags {
    /// Which IFD an entry sits in.
    enum IFDKind: String {
        case ifd0 = "IFD0", ifd1 = "IFD1", exif = "ExifIFD", gps = "GPS", interop = "InteropIFD", sub = "SubIFD"
    }

    static let pointerTags: [UInt16: IFDKind] = [0x8769: .exif, 0x8825: .gps, 0xA005: .interop, 0x014A: .sub]

    private static let main: [UInt16: (String, TagMeaning)] = [
        0x00FE: ("SubfileType", .needed), 0x0100: ("ImageWidth", .needed), 0x0101: ("ImageHeight", .needed),
        0x0102: ("BitsPerSample", .needed), 0x0103: ("Compression", .needed), 0x0106: ("PhotometricInterpretation", .needed),
        0x010D: ("DocumentName", .text), 0x010E: ("ImageDescription", .text), 0x010F: ("Make", .technical),
        0x0110: ("Model", .technical), 0x0111: ("StripOffsets", .needed), 0x0112: ("Orientation", .needed),
        0x0115: ("SamplesPerPixel", .needed), 0x0116: ("RowsPerStrip", .needed), 0x0117: ("StripByteCounts", .needed),
        0x011A: ("XResolution", .needed), 0x011B: ("YResolution", .needed), 0x011C: ("PlanarConfiguration", .needed),
        0x011D: ("PageName", .text), 0x0128: ("ResolutionUnit", .needed), 0x0129: ("PageNumber", .needed),
        0x012D: ("TransferFunction", .needed), 0x0131: ("Software", .technical), 0x0132: ("ModifyDate", .captureDate),
        0x013B: ("Artist", .person), 0x013C: ("HostComputer", .text), 0x013D: ("Predictor", .needed),
        0x013E: ("WhitePoint", .needed), 0x013F: ("PrimaryChromaticities", .needed), 0x0140: ("ColorMap", .needed),
        0x0142: ("TileWidth", .needed), 0x0143: ("TileLength", .needed), 0x0144: ("TileOffsets", .needed),
        0x0145: ("TileByteCounts", .needed), 0x0152: ("ExtraSamples", .needed), 0x0153: ("SampleFormat", .needed),
        0x0201: ("ThumbnailOffset", .needed), 0x0202: ("ThumbnailLength", .needed), 0x0211: ("YCbCrCoefficients", .needed),
        0x0212: ("YCbCrSubSampling", .needed), 0x0213: ("YCbCrPositioning", .needed), 0x0214: ("ReferenceBlackWhite", .needed),
        0x02BC: ("XMP", .text), 0x4746: ("Rating", .technical), 0x8298: ("Copyright", .text), 0x83BB: ("IPTC-NAA", .opaque),
        0x8649: ("PhotoshopSettings", .opaque), 0x8773: ("ICC_Profile", .needed), 0x9C9B: ("XPTitle", .text),
        0x9C9C: ("XPComment", .text), 0x9C9D: ("XPAuthor", .person), 0x9C9E: ("XPKeywords", .text),
        0x9C9F: ("XPSubject", .text), 0xC612: ("DNGVersion", .needed), 0xC613: ("DNGBackwardVersion", .needed),
        0xC614: ("UniqueCameraModel", .technical), 0xC62F: ("CameraSerialNumber", .deviceID),
        0xA430: ("OwnerName", .person), 0xA431: ("SerialNumber", .deviceID), 0xA435: ("LensSerialNumber", .deviceID),
        0xC51B: ("HasselbladRawImage", .opaque),
    ]

    private static let exif: [UInt16: (String, TagMeaning)] = [
        0x829A: ("ExposureTime", .technical), 0x829D: ("FNumber", .technical), 0x8822: ("ExposureProgram", .technical),
        0x8827: ("ISO", .technical), 0x9000: ("ExifVersion", .needed), 0x9003: ("DateTimeOriginal", .captureDate),
        0x9004: ("CreateDate", .captureDate), 0x9010: ("OffsetTime", .captureDate), 0x9011: ("OffsetTimeOriginal", .captureDate),
        0x9012: ("OffsetTimeDigitized", .captureDate), 0x9101: ("ComponentsConfiguration", .needed),
        0x9201: ("ShutterSpeedValue", .technical), 0x9202: ("ApertureValue", .technical), 0x9204: ("ExposureCompensation", .technical),
        0x9207: ("MeteringMode", .technical), 0x9209: ("Flash", .technical), 0x920A: ("FocalLength", .technical),
        0x927C: ("MakerNote", .opaque), 0x9286: ("UserComment", .text), 0x9290: ("SubSecTime", .captureDate),
        0x9291: ("SubSecTimeOriginal", .captureDate), 0x9292: ("SubSecTimeDigitized", .captureDate),
        0xA000: ("FlashpixVersion", .technical), 0xA001: ("ColorSpace", .needed), 0xA002: ("ExifImageWidth", .needed),
        0xA003: ("ExifImageHeight", .needed), 0xA20E: ("FocalPlaneXResolution", .technical),
        0xA20F: ("FocalPlaneYResolution", .technical), 0xA402: ("ExposureMode", .technical), 0xA403: ("WhiteBalance", .technical),
        0xA405: ("FocalLengthIn35mmFormat", .technical), 0xA406: ("SceneCaptureType", .technical),
        0xA420: ("ImageUniqueID", .deviceID), 0xA430: ("OwnerName", .person), 0xA431: ("SerialNumber", .deviceID),
        0xA432: ("LensInfo", .technical), 0xA433: ("LensMake", .technical), 0xA434: ("LensModel", .technical),
        0xA435: ("LensSerialNumber", .deviceID), 0xA436: ("ImageTitle", .text), 0xA437: ("Photographer", .person),
        0xA438: ("ImageEditor", .person), 0xA439: ("CameraFirmware", .technical), 0xA43A: ("RAWDevelopingSoftware", .technical),
        0xA43B: ("ImageEditingSoftware", .technical), 0xA43C: ("MetadataEditingSoftware", .technical),
    ]

    private static let gps: [UInt16: String] = [
        0x0000: "GPSVersionID", 0x0001: "GPSLatitudeRef", 0x0002: "GPSLatitude", 0x0003: "GPSLongitudeRef",
        0x0004: "GPSLongitude", 0x0005: "GPSAltitudeRef", 0x0006: "GPSAltitude", 0x0007: "GPSTimeStamp",
        0x0008: "GPSSatellites", 0x0009: "GPSStatus", 0x000A: "GPSMeasureMode", 0x000B: "GPSDOP", 0x000C: "GPSSpeedRef",
        0x000D: "GPSSpeed", 0x000E: "GPSTrackRef", 0x000F: "GPSTrack", 0x0010: "GPSImgDirectionRef",
        0x0011: "GPSImgDirection", 0x0012: "GPSMapDatum", 0x0013: "GPSDestLatitudeRef", 0x0014: "GPSDestLatitude",
        0x0015: "GPSDestLongitudeRef", 0x0016: "GPSDestLongitude", 0x0017: "GPSDestBearingRef", 0x0018: "GPSDestBearing",
        0x0019: "GPSDestDistanceRef", 0x001A: "GPSDestDistance", 0x001B: "GPSProcessingMethod",
        0x001C: "GPSAreaInformation", 0x001D: "GPSDateStamp", 0x001E: "GPSDifferential", 0x001F: "GPSHPositioningError",
    ]
    /// GPS tags that locate: each is a finding; the rest of the GPS IFD goes with them.
    static let gpsPosition: Set<UInt16> = [0x0002, 0x0004, 0x0006, 0x0014, 0x0016, 0x001C]

    /// The tag's name and meaning in `ifd`; `ascii` says whether the entry holds ASCII text.
    static func describe(_ tag: UInt16, in ifd: IFDKind, ascii: Bool) -> (String, TagMeaning) {
        switch ifd {
        case .gps:
            let name = gps[tag] ?? unknownTagName("GPSTag", tag)
            return (name, gpsPosition.contains(tag) ? .location : .technical)
        case .interop:
            return (tag == 0x0001 ? "InteropIndex" : unknownTagName("InteropTag", tag), .technical)
        case .exif:
            if let known = exif[tag] { return known }
        case .ifd0, .ifd1, .sub:
            if let known = main[tag] { return known }
        }
        return (unknownTagName("Tag", tag), ascii ? .text : .technical)
    }
}

/// `PREFIX0x1234`: the name of a tag no table knows.
func unknownTagName(_ prefix: String, _ tag: UInt16) -> String {
    let hex = String(tag, radix: 16, uppercase: true)
    return prefix + "0x" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
}
