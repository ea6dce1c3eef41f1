import CZlib

/// zlib, bounded: inflating stops with an error at `limit` bytes (a zTXt or metadata stream that inflates
/// without bound is an error, not unbounded memory).
enum Zlib {
    /// Inflates a zlib stream (or raw deflate with `raw`), at most `limit` bytes out.
    static func inflate(_ input: [UInt8], raw: Bool = false, limit: Int, offset: Int) throws -> [UInt8] {
        var stream = z_stream()
        guard inflateInit2_(&stream, raw ? -15 : 15, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw MetadataError.malformed("compressed block", offset: offset)
        }
        defer { inflateEnd(&stream) }
        var out: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        var input = input
        let status: Int32 = input.withUnsafeMutableBufferPointer { inBuf in
            stream.next_in = inBuf.baseAddress
            stream.avail_in = uInt(inBuf.count)
            while true {
                let status = chunk.withUnsafeMutableBufferPointer { outBuf -> Int32 in
                    stream.next_out = outBuf.baseAddress
                    stream.avail_out = uInt(outBuf.count)
                    return CZlib.inflate(&stream, Z_NO_FLUSH)
                }
                let produced = chunk.count - Int(stream.avail_out)
                out.append(contentsOf: chunk[0..<produced])
                if out.count > limit { return Z_MEM_ERROR }
                if status == Z_STREAM_END { return Z_STREAM_END }
                if status != Z_OK { return status }
                if produced == 0 && stream.avail_in == 0 { return Z_BUF_ERROR }
            }
        }
        if status == Z_MEM_ERROR { throw MetadataError.tooLarge("compressed block", offset: offset) }
        guard status == Z_STREAM_END else { throw MetadataError.malformed("compressed block", offset: offset) }
        return out
    }

    /// Deflates bytes (a zlib stream, or raw deflate with `raw`).
    static func deflate(_ input: [UInt8], raw: Bool = false) -> [UInt8] {
        var stream = z_stream()
        guard deflateInit2_(&stream, Z_DEFAULT_COMPRESSION, Z_DEFLATED, raw ? -15 : 15, 8, Z_DEFAULT_STRATEGY, ZLIB_VERSION,
                            Int32(MemoryLayout<z_stream>.size)) == Z_OK else { return [] }
        defer { deflateEnd(&stream) }
        var out = [UInt8](repeating: 0, count: Int(deflateBound(&stream, uLong(input.count))) + 16)
        var input = input
        let written: Int = input.withUnsafeMutableBufferPointer { inBuf in
            out.withUnsafeMutableBufferPointer { outBuf in
                stream.next_in = inBuf.baseAddress
                stream.avail_in = uInt(inBuf.count)
                stream.next_out = outBuf.baseAddress
                stream.avail_out = uInt(outBuf.count)
                _ = CZlib.deflate(&stream, Z_FINISH)
                return outBuf.count - Int(stream.avail_out)
            }
        }
        return Array(out[0..<written])
    }

    /// CRC-32 (ISO 3309, as PNG and ZIP use it).
    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        bytes.withUnsafeBufferPointer { UInt32(CZlib.crc32(0, $0.baseAddress, uInt($0.count))) }
    }
}
