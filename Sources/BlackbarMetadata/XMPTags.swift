/// What XMP properties hold, by qualified name (prefixes as Adobe's and IPTC's schemas write them).
public enum XMPTags {
    static let person: Set<String> = [
        "dc:creator", "tiff:Artist", "exifEX:CameraOwnerName", "aux:OwnerName", "photoshop:Credit",
        "photoshop:CaptionWriter", "xmpRights:Owner", "Iptc4xmpExt:PersonInImage", "pdf:Author",
        "cp:lastModifiedBy", "xmp:Author", "plus:ImageCreatorName", "plus:CopyrightOwnerName", "plus:LicensorName",
    ]
    static let device: Set<String> = [
        "exifEX:BodySerialNumber", "exifEX:LensSerialNumber", "aux:SerialNumber", "aux:LensSerialNumber",
        "exif:ImageUniqueID", "exifEX:ImageUniqueID", "aux:ImageNumber",
    ]
    static let dates: Set<String> = [
        "xmp:CreateDate", "xmp:ModifyDate", "xmp:MetadataDate", "exif:DateTimeOriginal", "exif:DateTimeDigitized",
        "photoshop:DateCreated", "tiff:DateTime", "Iptc4xmpCore:DateCreated", "dcterms:created", "dcterms:modified",
    ]
    static let needed: Set<String> = [
        "tiff:Orientation", "tiff:ImageWidth", "tiff:ImageLength", "exif:PixelXDimension", "exif:PixelYDimension",
        "tiff:XResolution", "tiff:YResolution", "tiff:ResolutionUnit", "photoshop:ICCProfile", "photoshop:ColorMode",
        "exif:ColorSpace",
    ]
    static let technicalPrefixes = ["xmpMM:", "stEvt:", "stRef:", "crs:", "xmpTPg:", "xmpDM:", "stDim:", "xmpG:"]
    static let technical: Set<String> = [
        "tiff:Make", "tiff:Model", "xmp:CreatorTool", "pdf:Producer", "exif:ExposureTime", "exif:FNumber",
        "exif:ISOSpeedRatings", "exif:FocalLength", "aux:Lens", "aux:LensID", "exifEX:LensModel", "exifEX:LensMake",
        "dc:format", "pdf:PDFVersion", "photoshop:History", "xmp:Rating", "exif:ExifVersion", "exif:Flash",
        "exif:Fired", "exif:Return", "exif:Mode", "exif:Function", "exif:RedEyeMode", "tiff:Compression",
        "tiff:PhotometricInterpretation", "tiff:SamplesPerPixel", "tiff:BitsPerSample", "tiff:YCbCrPositioning",
    ]

    /// What the property `name` (inside top property `top`) holds.
    public static func meaning(of name: String, top: String) -> TagMeaning {
        if name.hasPrefix("exif:GPS") || top.hasPrefix("exif:GPS") { return name == "exif:GPSVersionID" ? .technical : .location }
        if person.contains(name) || person.contains(top) { return .person }
        if device.contains(name) { return .deviceID }
        if dates.contains(name) { return .captureDate }
        if needed.contains(name) { return .needed }
        if technical.contains(name) || technicalPrefixes.contains(where: { name.hasPrefix($0) }) { return .technical }
        return .text
    }
}
