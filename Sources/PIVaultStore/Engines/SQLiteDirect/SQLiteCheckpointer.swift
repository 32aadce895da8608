import Foundation
import Synchronization

/// Copies the write-ahead log back into the database file on a thread of
/// its own, and starts the log over when it has grown.
///
/// Every quarter second (every 50 ms while the log grows fast) a passive
/// checkpoint copies committed pages without waiting for, or blocking,
/// readers and the writer. Copying alone does not shorten the log: SQLite
/// starts it over only at a moment when no reader still uses it, and under
/// steady reads (each of which commits a log event) that moment never comes.
/// The log would grow to the autocheckpoint size, where the writer
/// checkpoints inside a commit again and again and every read waiting on the
/// transparency log stalls. So once the log is past ``restartFrames``, the
/// checkpointer catches up with further passes until one finds almost nothing
/// new and everything is copied, then asks for a restart: it holds the writer
/// back only while it copies and syncs those few pages and the readers of that
/// moment finish.
///
/// Checkpoints wait on the disk (`fsync`), so they run on this thread rather
/// than in the tasks that serve requests.
final class SQLiteCheckpointer: Sendable {
    /// Frames (4 KiB pages, so 16 MiB) in the write-ahead log past which it is started over.
    /// A small log keeps readers' lookups in the log's index cheap (measured: 16 MiB gave
    /// the lowest read p99 of 16, 64 and 160 MiB).
    static let restartFrames = 4_096
    /// The most passes made to catch up with the writer before a restart, and the pages the
    /// last of them may have found to copy (measured under steady logged reads: a restart
    /// after one pass held the writer back 11–19 ms, after catching up 1–4 ms).
    static let catchUpPasses = 5
    static let catchUpFrames = 64

    private let connection: SQLiteDirectConnection
    private let stopping = Atomic<Bool>(false)
    private let stopped = DispatchSemaphore(value: 0)
    /// Signalled by ``stop()`` so that the thread does not finish its pause first.
    private let wake = DispatchSemaphore(value: 0)

    init(path: String) throws {
        connection = try SQLiteDirectConnection(path: path, readOnly: false)
        // The thread holds the checkpointer until `stop()` ends it.
        let thread = Thread { [self] in
            var pause = 0.25
            while !stopping.load(ordering: .relaxed) {
                _ = wake.wait(timeout: .now() + pause)
                if stopping.load(ordering: .relaxed) { break }
                let frames = passive().frames
                if frames > Self.restartFrames, catchUp() {
                    try? connection.execute("PRAGMA wal_checkpoint(RESTART)")
                }
                // Under a bulk load the log grows by megabytes a second: come back sooner.
                pause = frames > 2_000 ? 0.05 : 0.25
            }
            connection.close()
            stopped.signal()
        }
        thread.name = "pivault-checkpoint"
        thread.start()
    }

    /// A passive pass: the frames in the log and how many of them are now copied.
    private func passive() -> (frames: Int, copied: Int) {
        var frames = 0
        var copied = 0
        try? connection.query("PRAGMA wal_checkpoint(PASSIVE)", binds: []) { row in
            frames = (try? row.decode(column: "log", as: Int.self)) ?? 0
            copied = (try? row.decode(column: "checkpointed", as: Int.self)) ?? 0
        }
        return (frames, copied)
    }

    /// Passes again until a pass finds (almost) nothing new to copy, so that the
    /// restart, which holds the writer back, has only a handful of pages left to copy and sync.
    /// Returns whether the log was fully copied at the last pass.
    private func catchUp() -> Bool {
        var (frames, copied) = passive()
        for _ in 1..<Self.catchUpPasses where !stopping.load(ordering: .relaxed) {
            let before = copied
            (frames, copied) = passive()
            if copied == frames, copied - before < Self.catchUpFrames { break }
        }
        return copied == frames && !stopping.load(ordering: .relaxed)
    }

    /// Stops the thread after its current pass and closes its connection.
    func stop() async {
        stopping.store(true, ordering: .relaxed)
        wake.signal()
        await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
            DispatchQueue.global().async {
                self.stopped.wait()
                done.resume()
            }
        }
    }
}
