import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Every customer's manifest entries, written out as the manifest lists
/// them as soon as the customer's pages are staged, and read back in order
/// when `manifest.json` is written.
///
/// Held as values until then, they were the largest thing alive at the end
/// of a large build: half a million entries at 100,000 customers, 1.1 KB
/// per customer. The scratch file sits in the staging folder, on the
/// output's disk, and is unlinked as soon as it is open: it never reaches
/// the output, and it is gone however the build ends.
final class ManifestSpool: @unchecked Sendable {
    // @unchecked: `end` changes only under `lock`; each write has its own range of the file.
    private let descriptor: Int32
    private let lock = NSLock()
    private var end: Int64 = 0

    /// Where some entries lie in the file: each is a 4-byte length, then its JSON.
    struct Run: Sendable {
        var offset: Int64
        var length: Int
    }

    /// One customer's entries: those under their web folder and those
    /// under their print folder (`SitePaths`), each a run in path order.
    struct Customer: Sendable {
        var slug: String
        var web: Run?
        var print: Run?
        /// How many entries the two runs hold.
        var count: Int
    }

    /// Opens (and unlinks) a scratch file in `folder`.
    init(in folder: URL) throws(Diagnostic) {
        let path = folder.appendingPathComponent(".manifest-entries").path
        descriptor = open(path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw Self.failure("cannot create", path: path) }
        unlink(path)
    }

    deinit {
        close(descriptor)
    }

    /// Writes the entries of the customer whose slug is `slug`; returns
    /// where they are, and the entries outside that customer's two folders,
    /// which the caller keeps (sorted with the site's own pages).
    func store(_ entries: [ManifestEntry], slug: String) throws(Diagnostic) -> (Customer, kept: [ManifestEntry]) {
        let webFolder = SitePaths.customerFolder(slug)
        let printFolder = SitePaths.printFolder(slug)
        var web: [ManifestEntry] = []
        var print: [ManifestEntry] = []
        var kept: [ManifestEntry] = []
        for entry in entries {
            if entry.path.hasPrefix(webFolder) {
                web.append(entry)
            } else if entry.path.hasPrefix(printFolder) {
                print.append(entry)
            } else {
                kept.append(entry)
            }
        }
        let customer = Customer(slug: slug, web: try write(web), print: try write(print), count: web.count + print.count)
        return (customer, kept)
    }

    /// Reads the bytes of `run` into `bytes`, resized to fit (keeping its storage).
    func read(_ run: Run, into bytes: inout [UInt8]) throws(Diagnostic) {
        bytes.removeAll(keepingCapacity: true)
        bytes.append(contentsOf: repeatElement(0, count: run.length))
        let failed = bytes.withUnsafeMutableBytes { raw -> Bool in
            var done = 0
            while done < run.length {
                let read = pread(descriptor, raw.baseAddress! + done, run.length - done, off_t(run.offset) + off_t(done))
                if read < 0, errno == EINTR { continue }
                guard read > 0 else { return true }
                done += read
            }
            return false
        }
        if failed { throw Self.failure("cannot read back", path: "the manifest's scratch file") }
    }

    /// The entry of a run's bytes at `offset`, and where the next starts.
    static func entry(in bytes: [UInt8], at offset: Int) -> (json: ArraySlice<UInt8>, next: Int) {
        let length = bytes.withUnsafeBytes { Int($0.loadUnaligned(fromByteOffset: offset, as: UInt32.self)) }
        return (bytes[offset + 4..<offset + 4 + length], offset + 4 + length)
    }

    // MARK: - Private

    /// Writes `entries` sorted by path; nil when there are none.
    private func write(_ entries: [ManifestEntry]) throws(Diagnostic) -> Run? {
        guard !entries.isEmpty else { return nil }
        var bytes: [UInt8] = []
        var json: [UInt8] = []
        for entry in entries.sorted(by: { $0.path < $1.path }) {
            json.removeAll(keepingCapacity: true)
            do {
                try ManifestJSONWriter.append(entry, to: &json)
            } catch {
                throw .error("cannot encode manifest.json: \(error)", at: nil)
            }
            withUnsafeBytes(of: UInt32(json.count)) { bytes.append(contentsOf: $0) }
            bytes.append(contentsOf: json)
        }
        let offset = lock.withLock {
            defer { end += Int64(bytes.count) }
            return end
        }
        let failed = bytes.withUnsafeBytes { raw -> Bool in
            var done = 0
            while done < raw.count {
                let written = pwrite(descriptor, raw.baseAddress! + done, raw.count - done, off_t(offset) + off_t(done))
                if written < 0, errno == EINTR { continue }
                guard written > 0 else { return true }
                done += written
            }
            return false
        }
        if failed { throw Self.failure("cannot write", path: "the manifest's scratch file") }
        return Run(offset: offset, length: bytes.count)
    }

    private static func failure(_ what: String, path: String) -> Diagnostic {
        .error("\(what) \(path): \(String(cString: strerror(errno)))", at: nil)
    }
}

/// The entries of a build whose customers' entries are in a `ManifestSpool`,
/// in path order: the ones held in memory (already sorted) merged with each
/// customer's runs.
///
/// Every path in a customer's run starts with their folder, and no other
/// path does, so a run sorts as a whole where its folder's name sorts:
/// customers in the order of `slug + "/"`, their web runs (under
/// `customers/`) before every print run (under `print/`).
struct SpooledManifestEntries: ManifestEntrySource {
    private let spool: ManifestSpool
    private let held: [ManifestEntry]
    private let customers: [ManifestSpool.Customer]
    /// Indices of `customers` in the order of their folders.
    private let order: [Int32]
    private var nextHeld = 0
    /// Position in `order`, first through the web runs, then the print runs.
    private var nextRun = 0
    /// The bytes of the run being listed, and where its next entry starts.
    private var run: [UInt8] = []
    private var nextInRun = 0

    /// `held` sorted by path (`Manifest.sortByPath`).
    init(spool: ManifestSpool, held: [ManifestEntry], customers: [ManifestSpool.Customer]) {
        self.spool = spool
        self.held = held
        self.customers = customers
        let folders = customers.map { $0.slug + "/" }
        self.order = customers.indices.map { Int32($0) }.sorted { folders[Int($0)] < folders[Int($1)] }
    }

    mutating func appendNext(to buffer: inout [UInt8]) throws -> Bool {
        while true {
            if nextInRun < run.count {
                let (json, next) = ManifestSpool.entry(in: run, at: nextInRun)
                buffer.append(contentsOf: json)
                nextInRun = next
                return true
            }
            guard let (spooled, folder) = nextSpooledRun() else {
                guard nextHeld < held.count else { return false }
                try ManifestJSONWriter.append(held[nextHeld], to: &buffer)
                nextHeld += 1
                return true
            }
            if nextHeld < held.count, held[nextHeld].path < folder {
                try ManifestJSONWriter.append(held[nextHeld], to: &buffer)
                nextHeld += 1
                return true
            }
            try spool.read(spooled, into: &run)
            nextInRun = 0
            nextRun += 1
        }
    }

    /// The next customer run to list and its folder, skipping customers
    /// with no entries there; nil after the last.
    private mutating func nextSpooledRun() -> (ManifestSpool.Run, String)? {
        while nextRun < 2 * order.count {
            let customer = customers[Int(order[nextRun % order.count])]
            let isWeb = nextRun < order.count
            if let run = isWeb ? customer.web : customer.print {
                return (run, isWeb ? SitePaths.customerFolder(customer.slug) : SitePaths.printFolder(customer.slug))
            }
            nextRun += 1
        }
        return nil
    }
}
