#pragma once

namespace bizdesk::testing {

/// A SQLite VFS that wraps the default one and can fail one chosen write, sync or truncate, the
/// way SQLite tests itself (its "ioerr" and "full" loops). Installed as the default VFS of the
/// process, so every connection BizDesk opens afterwards goes through it; while disarmed it only
/// passes calls on.
class FailingVfs
{
public:
    enum class Failure {
        IoError, ///< SQLITE_IOERR_WRITE / _FSYNC / _TRUNCATE
        DiskFull ///< SQLITE_FULL, as a full disk answers a write
    };

    /// Registers the VFS once and makes it the default; later calls return the same one.
    static FailingVfs &install();

    /// From now on counts writes, syncs and truncates, and fails the `nth` (1-based) of them.
    void failAt(int nth, Failure failure);
    /// Stops counting and failing.
    void disarm();
    /// Whether the armed failure has happened.
    bool fired() const;
    /// Writes, syncs and truncates seen since failAt().
    int operations() const;

private:
    FailingVfs() = default;
};

} // namespace bizdesk::testing
