import CZlib

/// Raw deflate (RFC 1951, no zlib or gzip wrapper, as ZIP stores it) and CRC-32 over zlib.
enum ZIPCodec {
    /// Inflates raw deflate data to at most `limit` bytes: more is `tooLarge` (a deflate bomb stops at the
    /// limit, never allocating past it); corrupt or truncated data is `malformed`. `offset` names the data in
    /// errors.
    static func inflate(_ input: UnsafeRawBufferPointer, limit: Int, offset: Int) throws -> [UInt8] {
        var stream = z_stream()
        guard inflateInit2_(&stream, -15, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw MetadataError.malformed("ZIP entry data (zlib init)", offset: offset)
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
                throw MetadataError.tooLarge("ZIP entry inflated size", offset: offset)
            }
            out += chunk[0..<produced]
            if status == Z_STREAM_END { return out }
            guard status == Z_OK || status == Z_BUF_ERROR else {
                throw MetadataError.malformed("ZIP entry deflate data", offset: offset)
            }
            // No progress and no input left: the stream is truncated.
            if produced == 0 && used == 0 { throw MetadataError.truncated("ZIP entry deflate data", offset: offset) }
        }
    }

    /// Deflates `bytes` as raw deflate at the default level.
    static func deflate(_ bytes: [UInt8]) throws -> [UInt8] {
        var stream = z_stream()
        guard deflateInit2_(&stream, Z_DEFAULT_COMPRESSION, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY, zlibVersion(),
                            Int32(MemoryLayout<z_stream>.size)) == Z_OK
        else { throw MetadataError.unsupported("zlib deflate") }
        defer { deflateEnd(&stream) }
        guard bytes.count < Int(UInt32.max >> 1) else { throw MetadataError.tooLarge("ZIP entry", offset: 0) }
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

    /// The CRC-32 (ZIP's, ISO 3309) of `bytes`.
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
