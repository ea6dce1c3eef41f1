#if canImport(Glibc)
    import Glibc
#endif

/// The system's sentence for an `errno` value: `No such file or directory`.
func systemMessage(_ code: Int32 = errno) -> String {
    String(cString: strerror(code))
}
