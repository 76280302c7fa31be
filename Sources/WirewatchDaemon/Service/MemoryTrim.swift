#if canImport(Glibc)
import Glibc
#endif

/// Gives memory the allocator holds but no longer uses back to the system.
///
/// glibc keeps what a burst freed (a first cycle's parsed documents, one
/// arena per thread that parsed them) mapped and resident: measured after a
/// 10,000-feed first cycle, 113 MB of heap held for 71 MB in use. The daemon
/// trims every 15 seconds, which costs a few milliseconds.
enum MemoryTrim {
    static let interval: Double = 60

    /// glibc's `malloc_trim`, looked up at run time: `<malloc.h>` is not part
    /// of the Glibc module, and other C libraries do not have it.
    private static let trim = glibc("malloc_trim", as: (@convention(c) (Int) -> Int32).self)

    /// A glibc function by name, or nil on another C library.
    private static func glibc<Function>(_ name: String, as type: Function.Type) -> Function? {
        #if canImport(Glibc)
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), name) else { return nil }
        return unsafeBitCast(symbol, to: type)
        #else
        return nil
        #endif
    }

    static func releaseFreeMemory() {
        _ = trim?(0)
    }

    private static let mallopt = glibc("mallopt", as: (@convention(c) (Int32, Int32) -> Int32).self)

    /// At most two malloc arenas (glibc's default is eight per core). Every thread
    /// that allocates under contention gets an arena of its own, and memory freed
    /// in one arena is not reused by the others: the daemon's polls hop between
    /// the concurrency pool's threads, NIO's event loops and the writer's queue, so
    /// a burst left each arena holding its own peak. Call once, before the daemon's
    /// threads start allocating.
    static func limitArenas() {
        let arenaMax: Int32 = -8  // M_ARENA_MAX in <malloc.h>
        _ = mallopt?(arenaMax, 2)
        // Blocks of 256 KB and more (fetched documents, a parse's arrays) get pages
        // of their own, returned when freed. glibc's default threshold rises to the
        // largest block freed (up to 32 MB), after which such blocks come from the
        // heap and leave it fragmented.
        let mmapThreshold: Int32 = -3  // M_MMAP_THRESHOLD
        _ = mallopt?(mmapThreshold, 256 << 10)
    }
}
