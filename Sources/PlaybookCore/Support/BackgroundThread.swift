import Glibc

/// One piece of work on a second POSIX thread, joined before its result is read. Used for the
/// fingerprint of a large catalogue: SHA-256 is sequential and most of the load time, and the
/// rules can be decoded on the other core meanwhile. The work must only read memory that
/// nobody writes until `join` returns.
final class BackgroundThread: @unchecked Sendable {
    private var work: (() -> Void)?
    private var thread = pthread_t()
    private var started = false

    /// Starts `work` on a new thread; when no thread can be started, `join` runs it instead.
    init(_ work: @escaping () -> Void) {
        self.work = work
        let context = Unmanaged.passRetained(self).toOpaque()
        started =
            pthread_create(
                &thread, nil,
                { context in
                    let this = Unmanaged<BackgroundThread>.fromOpaque(context!).takeRetainedValue()
                    this.work?()
                    return nil
                }, context) == 0
        if !started { Unmanaged<BackgroundThread>.fromOpaque(context).release() }
    }

    /// Waits until the work is done. Call it exactly once.
    func join() {
        if started {
            pthread_join(thread, nil)
        } else {
            work?()
        }
        work = nil
    }
}
