import CZlib

/// zlib, bounded: deflate streams with the zlib wrapper (RFC 1950, as PNG and PDF store them) or raw
/// (RFC 1951, as ZIP stores them), and CRC-32. Inflating stops with an error at a limit, so a zTXt chunk, a
/// metadata stream or a ZIP entry that inflates without bound is an error, never unbounded memory.
enum Zlib {
    /// Inflates to at most `limit` bytes: more is `tooLarge` (a deflate bomb stops at the limit, never
    /// allocating past it); corrupt or truncated data is `malformed`/`truncated`. `raw`: no zlib wrapper.
    /// `offset` names the data in errors.
    static func inflate(_ input: UnsafeRawBufferPointer, raw: Bool = false, limit: Int, offset: Int) throws -> [UInt8] {
        var stream = z_stream()
        guard inflateInit2_(&stream, raw ? -15 : 15, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw MetadataError.malformed("compressed data (zlib init)", offset: offset)
        }
        defer { inflateEnd(&stream) }
        var out: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 << 10)
        var consumed = 0
        while true {
            let remaining = input.count - consumed
            let feed = min(remaining, Int(UInt32.max >> 1))
            var status: Int32 = Z_OK
            var produced = 0
            var used = 0
            chunk.withUnsafeMutableBytes { outBuf in
                stream.next_out = outBuf.baseAddress!.assumingMemoryBound(to: Bytef.self)
                stream.avail_out = uInt(outBuf.count)
                if feed > 0, let base = input.baseAddress {
                    stream.next_in = UnsafeMutablePointer(mutating: (base + consumed).assumingMemoryBound(to: Bytef.self))
                } else {
                    stream.next_in = nil
                }
                stream.avail_in = uInt(feed)
                status = CZlib.inflate(&stream, Z_NO_FLUSH)
                produced = outBuf.count - Int(stream.avail_out)
                used = feed - Int(stream.avail_in)
            }
            consumed += used
            guard out.count + produced <= limit else {
                throw MetadataError.tooLarge("inflated data", offset: offset)
            }
            out += chunk[0..<produced]
            if status == Z_STREAM_END { return out }
            guard status == Z_OK || status == Z_BUF_ERROR else {
                throw MetadataError.malformed("compressed data", offset: offset)
            }
            // No progress and no input left: the stream is truncated.
            if produced == 0 && used == 0 { throw MetadataError.truncated("compressed data", offset: offset) }
        }
    }

    /// `inflate` of an array.
    static func inflate(_ input: [UInt8], raw: Bool = false, limit: Int, offset: Int) throws -> [UInt8] {
        try input.withUnsafeBytes { try inflate($0, raw: raw, limit: limit, offset: offset) }
    }

    /// Deflates `bytes` at the default level (`raw`: no zlib wrapper).
    static func deflate(_ bytes: [UInt8], raw: Bool = false) throws -> [UInt8] {
        var stream = z_stream()
        guard deflateInit2_(&stream, Z_DEFAULT_COMPRESSION, Z_DEFLATED, raw ? -15 : 15, 8, Z_DEFAULT_STRATEGY, zlibVersion(),
                            Int32(MemoryLayout<z_stream>.size)) == Z_OK
        else { throw MetadataError.unsupported("zlib deflate") }
        defer { deflateEnd(&stream) }
        guard bytes.count < Int(UInt32.max >> 1) else { throw MetadataError.tooLarge("data to compress", offset: 0) }
        var out = [UInt8](repeating: 0, count: Int(deflateBound(&stream, uLong(bytes.count))) + 16)
        var status: Int32 = Z_OK
        var written = 0
        bytes.withUnsafeBytes { inBuf in
            out.withUnsafeMutableBytes { outBuf in
                stream.next_in = inBuf.baseAddress.map { UnsafeMutablePointer(mutating: $0.assumingMemoryBound(to: Bytef.self)) }
                stream.avail_in = uInt(inBuf.count)
                stream.next_out = outBuf.baseAddress!.assumingMemoryBound(to: Bytef.self)
                stream.avail_out = uInt(outBuf.count)
                status = CZlib.deflate(&stream, Z_FINISH)
                written = outBuf.count - Int(stream.avail_out)
            }
        }
        guard status == Z_STREAM_END else { throw MetadataError.unsupported("zlib deflate") }
        out.removeSubrange(written...)
        return out
    }

    /// The CRC-32 (ISO 3309, as PNG and ZIP use it) of `bytes`.
    static func crc32(_ bytes: UnsafeRawBufferPointer) -> UInt32 {
        var crc: uLong = CZlib.crc32(0, nil, 0)
        var at = 0
        while at < bytes.count {
            let n = min(bytes.count - at, 1 << 30)
            crc = CZlib.crc32(crc, (bytes.baseAddress! + at).assumingMemoryBound(to: Bytef.self), uInt(n))
            at += n
        }
        return UInt32(truncatingIfNeeded: crc)
    }

    /// The CRC-32 of `bytes`.
    static func crc32(_ bytes: [UInt8]) -> UInt32 { bytes.withUnsafeBytes { crc32($0) } }
}
