import Glibc

/// The system calls the save routine makes, behind a protocol so tests can fail the Nth one (D3).
/// Each returns the call's result, or minus errno on failure.
public protocol FileSystemCalls {
    mutating func open(_ path: String, _ flags: Int32, _ mode: mode_t) -> Int
    mutating func write(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) -> Int
    mutating func fsync(_ fd: Int32) -> Int
    mutating func fchmod(_ fd: Int32, _ mode: mode_t) -> Int
    mutating func close(_ fd: Int32) -> Int
    mutating func rename(_ from: String, _ to: String) -> Int
    mutating func link(_ from: String, _ to: String) -> Int
    mutating func unlink(_ path: String) -> Int
}

/// The real system calls.
public struct POSIXFileSystem: FileSystemCalls {
    public init() {}

    @inline(__always)
    private func result(_ r: Int) -> Int { r < 0 ? -Int(errno) : r }

    public func open(_ path: String, _ flags: Int32, _ mode: mode_t) -> Int {
        while true {
            let r = Int(Glibc.open(path, flags, mode))
            if r < 0, errno == EINTR { continue }
            return result(r)
        }
    }

    public func write(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) -> Int {
        while true {
            let r = Glibc.write(fd, bytes.baseAddress, bytes.count)
            if r < 0, errno == EINTR { continue }
            return result(r)
        }
    }

    public func fsync(_ fd: Int32) -> Int { result(Int(Glibc.fsync(fd))) }
    public func fchmod(_ fd: Int32, _ mode: mode_t) -> Int { result(Int(Glibc.fchmod(fd, mode))) }
    public func close(_ fd: Int32) -> Int { result(Int(Glibc.close(fd))) }
    public func rename(_ from: String, _ to: String) -> Int { result(Int(Glibc.rename(from, to))) }
    public func link(_ from: String, _ to: String) -> Int { result(Int(Glibc.link(from, to))) }
    public func unlink(_ path: String) -> Int { result(Int(Glibc.unlink(path))) }
}

/// Path helpers that do not need Foundation.
public enum Path {
    /// The folder part of `path` (`.` when there is none).
    public static func directory(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        if slash == path.startIndex { return "/" }
        return String(path[..<slash])
    }

    /// The last component of `path`.
    public static func base(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return path }
        return String(path[path.index(after: slash)...])
    }

    /// `name` inside `directory`.
    public static func join(_ directory: String, _ name: String) -> String {
        if directory == "." { return name }
        return directory.hasSuffix("/") ? directory + name : directory + "/" + name
    }

    /// Follows symbolic links from `path` to the file they finally name (which may not exist yet).
    public static func resolvingLinks(_ path: String) -> String {
        var current = path
        for _ in 0..<40 {
            var st = stat()
            guard lstat(current, &st) == 0, (st.st_mode & S_IFMT) == S_IFLNK else { return current }
            var buffer = [CChar](repeating: 0, count: 4097)
            let n = readlink(current, &buffer, 4096)
            guard n > 0 else { return current }
            let target = String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            current = target.hasPrefix("/") ? target : join(directory(current), target)
        }
        return current
    }

    /// The absolute path of the file `path` names, with links, `.`, `..` and repeated slashes
    /// resolved (`realpath`); for a file that does not exist yet, its folder's real path and its
    /// name. Every spelling of one file gives the same string: the key of its lock and recovery copy.
    public static func canonical(_ path: String) -> String {
        let target = resolvingLinks(path)
        if let real = realPath(target) { return real }
        let name = base(target)
        if !name.isEmpty, name != ".", name != "..", let folder = realPath(directory(target)) {
            return join(folder, name)
        }
        return target
    }

    private static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
