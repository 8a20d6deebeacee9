#if canImport(Glibc)
    import Foundation
    import Glibc

    /// Linux kernel file events (inotify) on a site's source folders, so the
    /// preview never stats every notes file to find the one that changed:
    /// a watch is per folder, whatever the number of files in it.
    ///
    /// Written against inotify(7) directly: no Swift package in the mirror
    /// wraps it (swift-nio does not). Folders made later are watched as
    /// their creation is read. Saves by rename are seen as the new name's
    /// `IN_MOVED_TO`. Editor droppings (hidden names, `~` backups) never
    /// count as a change.
    final class InotifyWatch: @unchecked Sendable {
        // @unchecked: the descriptor and the table are only used by the one
        // task that runs `SiteWatcher.watch`.
        private let descriptor: Int32
        /// Watch descriptor to folder path.
        private var folders: [Int32: String] = [:]
        private let mask: UInt32 = UInt32(
            IN_CREATE | IN_DELETE | IN_MODIFY | IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_ATTRIB | IN_DELETE_SELF)

        /// Watches `folders` and every folder below them, and `files`' folders for those names;
        /// nil when the kernel refuses (no inotify, or out of watches): poll instead.
        init?(folders roots: [String], filesIn siteDirectory: String) {
            descriptor = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
            guard descriptor >= 0 else { return nil }
            // The site folder itself, for rapport.yml and for Content/ or Layouts/ made later.
            guard add(siteDirectory) else {
                close(descriptor)
                return nil
            }
            for root in roots where FileManager.default.fileExists(atPath: root) {
                guard addTree(root) else {
                    close(descriptor)
                    return nil
                }
            }
        }

        deinit {
            close(descriptor)
        }

        /// Reads every event waiting, without blocking; true when one of
        /// them is a change to a source (not a hidden or backup file).
        /// Each source path changed is added to `paths`; a lost event
        /// (queue overflow) adds `overflowMarker`, since anything may have changed.
        func drain(isSource: (String) -> Bool, paths: inout Set<String>) -> Bool {
            var changed = false
            let size = 64 * 1024
            let buffer = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: MemoryLayout<inotify_event>.alignment)
            defer { buffer.deallocate() }
            while true {
                let count = read(descriptor, buffer, size)
                if count <= 0 { break }
                var offset = 0
                while offset + MemoryLayout<inotify_event>.size <= count {
                    let event = buffer.load(fromByteOffset: offset, as: inotify_event.self)
                    let nameStart = buffer + offset + MemoryLayout<inotify_event>.size
                    let name = event.len > 0 ? String(cString: nameStart.assumingMemoryBound(to: CChar.self)) : ""
                    offset += MemoryLayout<inotify_event>.size + Int(event.len)
                    if event.mask & UInt32(IN_Q_OVERFLOW) != 0 {
                        changed = true
                        paths.insert(Self.overflowMarker)
                        continue
                    }
                    guard let folder = folders[event.wd] else { continue }
                    if event.mask & UInt32(IN_IGNORED) != 0 {
                        folders[event.wd] = nil
                        continue
                    }
                    let path = name.isEmpty ? folder : folder + "/" + name
                    if event.mask & UInt32(IN_ISDIR) != 0, event.mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 {
                        _ = addTree(path)
                    }
                    if isSource(path) {
                        changed = true
                        paths.insert(path)
                    }
                }
            }
            return changed
        }

        /// Stands for "events were lost" among the changed paths.
        static let overflowMarker = "*"

        private func add(_ folder: String) -> Bool {
            let watch = inotify_add_watch(descriptor, folder, mask)
            guard watch >= 0 else { return false }
            folders[watch] = folder
            return true
        }

        /// `folder` and every folder below it, skipping hidden ones.
        private func addTree(_ folder: String) -> Bool {
            guard add(folder) else { return false }
            guard let walker = FileManager.default.enumerator(atPath: folder) else { return true }
            while let relative = walker.nextObject() as? String {
                guard (walker.fileAttributes?[.type] as? FileAttributeType) == .typeDirectory else { continue }
                if (relative as NSString).lastPathComponent.hasPrefix(".") {
                    walker.skipDescendants()
                    continue
                }
                guard add(folder + "/" + relative) else { return false }
            }
            return true
        }
    }
#endif
