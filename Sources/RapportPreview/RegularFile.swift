import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads files of the output folder for the preview.
enum RegularFile {
    /// The file's bytes, or nil when it is gone or not a regular file.
    /// Opening non-blocking and checking the opened descriptor means a FIFO
    /// cannot hang the request and a swap cannot change what was checked.
    static func read(_ path: String) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        guard let data = try? handle.readToEnd() else { return info.st_size == 0 ? [] : nil }
        return [UInt8](data)
    }
}
