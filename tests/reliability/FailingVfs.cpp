#include "reliability/FailingVfs.h"

#include <sqlite3.h>

#include <algorithm>
#include <atomic>
#include <cstring>
#include <mutex>

namespace bizdesk::testing {
namespace {

struct FaultState
{
    std::atomic<int> countdown{0}; ///< 0: disarmed; otherwise operations left until the failure
    std::atomic<int> seen{0};
    std::atomic<bool> fired{false};
    std::atomic<bool> diskFull{false};
};

FaultState state;
sqlite3_vfs *realVfs = nullptr;
sqlite3_vfs failingVfs;

/// Our file: the wrapper's header, followed in the same allocation by the real VFS's file.
struct WrappedFile
{
    sqlite3_file base;
    sqlite3_file *real;
};

sqlite3_file *realOf(sqlite3_file *file)
{
    return reinterpret_cast<WrappedFile *>(file)->real;
}

/// True when this call is the one to fail.
bool failsNow()
{
    if (state.countdown.load() == 0)
        return false;
    ++state.seen;
    if (state.countdown.fetch_sub(1) == 1) {
        state.fired = true;
        return true;
    }
    return false;
}

int failure(int ioErrorCode)
{
    return state.diskFull.load() ? SQLITE_FULL : ioErrorCode;
}

int wrappedClose(sqlite3_file *file)
{
    sqlite3_file *real = realOf(file);
    const int rc = real->pMethods ? real->pMethods->xClose(real) : SQLITE_OK;
    file->pMethods = nullptr;
    return rc;
}
int wrappedRead(sqlite3_file *file, void *buffer, int amount, sqlite3_int64 offset)
{
    return realOf(file)->pMethods->xRead(realOf(file), buffer, amount, offset);
}
int wrappedWrite(sqlite3_file *file, const void *buffer, int amount, sqlite3_int64 offset)
{
    if (failsNow())
        return failure(SQLITE_IOERR_WRITE);
    return realOf(file)->pMethods->xWrite(realOf(file), buffer, amount, offset);
}
int wrappedTruncate(sqlite3_file *file, sqlite3_int64 size)
{
    if (failsNow())
        return failure(SQLITE_IOERR_TRUNCATE);
    return realOf(file)->pMethods->xTruncate(realOf(file), size);
}
int wrappedSync(sqlite3_file *file, int flags)
{
    if (failsNow())
        return failure(SQLITE_IOERR_FSYNC);
    return realOf(file)->pMethods->xSync(realOf(file), flags);
}
int wrappedFileSize(sqlite3_file *file, sqlite3_int64 *size)
{
    return realOf(file)->pMethods->xFileSize(realOf(file), size);
}
int wrappedLock(sqlite3_file *file, int level)
{
    return realOf(file)->pMethods->xLock(realOf(file), level);
}
int wrappedUnlock(sqlite3_file *file, int level)
{
    return realOf(file)->pMethods->xUnlock(realOf(file), level);
}
int wrappedCheckReservedLock(sqlite3_file *file, int *result)
{
    return realOf(file)->pMethods->xCheckReservedLock(realOf(file), result);
}
int wrappedFileControl(sqlite3_file *file, int op, void *argument)
{
    return realOf(file)->pMethods->xFileControl(realOf(file), op, argument);
}
int wrappedSectorSize(sqlite3_file *file)
{
    return realOf(file)->pMethods->xSectorSize(realOf(file));
}
int wrappedDeviceCharacteristics(sqlite3_file *file)
{
    return realOf(file)->pMethods->xDeviceCharacteristics(realOf(file));
}
int wrappedShmMap(sqlite3_file *file, int region, int size, int extend, void volatile **address)
{
    return realOf(file)->pMethods->xShmMap(realOf(file), region, size, extend, address);
}
int wrappedShmLock(sqlite3_file *file, int offset, int count, int flags)
{
    return realOf(file)->pMethods->xShmLock(realOf(file), offset, count, flags);
}
void wrappedShmBarrier(sqlite3_file *file)
{
    realOf(file)->pMethods->xShmBarrier(realOf(file));
}
int wrappedShmUnmap(sqlite3_file *file, int deleteFlag)
{
    return realOf(file)->pMethods->xShmUnmap(realOf(file), deleteFlag);
}
int wrappedFetch(sqlite3_file *file, sqlite3_int64 offset, int amount, void **pointer)
{
    return realOf(file)->pMethods->xFetch(realOf(file), offset, amount, pointer);
}
int wrappedUnfetch(sqlite3_file *file, sqlite3_int64 offset, void *pointer)
{
    return realOf(file)->pMethods->xUnfetch(realOf(file), offset, pointer);
}

/// One method table per version of the real one, so SQLite never calls a method it lacks.
const sqlite3_io_methods *methodsFor(int version)
{
    static const sqlite3_io_methods methods[] = {
        {1, wrappedClose, wrappedRead, wrappedWrite, wrappedTruncate, wrappedSync, wrappedFileSize, wrappedLock,
         wrappedUnlock, wrappedCheckReservedLock, wrappedFileControl, wrappedSectorSize, wrappedDeviceCharacteristics,
         nullptr, nullptr, nullptr, nullptr, nullptr, nullptr},
        {2, wrappedClose, wrappedRead, wrappedWrite, wrappedTruncate, wrappedSync, wrappedFileSize, wrappedLock,
         wrappedUnlock, wrappedCheckReservedLock, wrappedFileControl, wrappedSectorSize, wrappedDeviceCharacteristics,
         wrappedShmMap, wrappedShmLock, wrappedShmBarrier, wrappedShmUnmap, nullptr, nullptr},
        {3, wrappedClose, wrappedRead, wrappedWrite, wrappedTruncate, wrappedSync, wrappedFileSize, wrappedLock,
         wrappedUnlock, wrappedCheckReservedLock, wrappedFileControl, wrappedSectorSize, wrappedDeviceCharacteristics,
         wrappedShmMap, wrappedShmLock, wrappedShmBarrier, wrappedShmUnmap, wrappedFetch, wrappedUnfetch},
    };
    return &methods[std::clamp(version, 1, 3) - 1];
}

int wrappedOpen(sqlite3_vfs *, sqlite3_filename name, sqlite3_file *file, int flags, int *outFlags)
{
    auto *wrapped = reinterpret_cast<WrappedFile *>(file);
    wrapped->real = reinterpret_cast<sqlite3_file *>(wrapped + 1);
    std::memset(wrapped->real, 0, static_cast<std::size_t>(realVfs->szOsFile));
    const int rc = realVfs->xOpen(realVfs, name, wrapped->real, flags, outFlags);
    file->pMethods = wrapped->real->pMethods ? methodsFor(wrapped->real->pMethods->iVersion) : nullptr;
    return rc;
}

// Everything that is not about one open file goes straight to the real VFS.
int passDelete(sqlite3_vfs *, const char *name, int syncDirectory) { return realVfs->xDelete(realVfs, name, syncDirectory); }
int passAccess(sqlite3_vfs *, const char *name, int flags, int *result) { return realVfs->xAccess(realVfs, name, flags, result); }
int passFullPathname(sqlite3_vfs *, const char *name, int size, char *out) { return realVfs->xFullPathname(realVfs, name, size, out); }
void *passDlOpen(sqlite3_vfs *, const char *name) { return realVfs->xDlOpen(realVfs, name); }
void passDlError(sqlite3_vfs *, int size, char *message) { realVfs->xDlError(realVfs, size, message); }
void (*passDlSym(sqlite3_vfs *, void *handle, const char *symbol))(void) { return realVfs->xDlSym(realVfs, handle, symbol); }
void passDlClose(sqlite3_vfs *, void *handle) { realVfs->xDlClose(realVfs, handle); }
int passRandomness(sqlite3_vfs *, int size, char *out) { return realVfs->xRandomness(realVfs, size, out); }
int passSleep(sqlite3_vfs *, int microseconds) { return realVfs->xSleep(realVfs, microseconds); }
int passCurrentTime(sqlite3_vfs *, double *now) { return realVfs->xCurrentTime(realVfs, now); }
int passGetLastError(sqlite3_vfs *, int size, char *out) { return realVfs->xGetLastError ? realVfs->xGetLastError(realVfs, size, out) : 0; }
int passCurrentTimeInt64(sqlite3_vfs *, sqlite3_int64 *now) { return realVfs->xCurrentTimeInt64(realVfs, now); }

} // namespace

FailingVfs &FailingVfs::install()
{
    static FailingVfs instance;
    static std::once_flag registered;
    std::call_once(registered, [] {
        sqlite3_initialize();
        realVfs = sqlite3_vfs_find(nullptr);
        failingVfs = sqlite3_vfs{};
        failingVfs.iVersion = 2;
        failingVfs.szOsFile = static_cast<int>(sizeof(WrappedFile)) + realVfs->szOsFile;
        failingVfs.mxPathname = realVfs->mxPathname;
        failingVfs.zName = "bizdesk-failing";
        failingVfs.xOpen = wrappedOpen;
        failingVfs.xDelete = passDelete;
        failingVfs.xAccess = passAccess;
        failingVfs.xFullPathname = passFullPathname;
        failingVfs.xDlOpen = passDlOpen;
        failingVfs.xDlError = passDlError;
        failingVfs.xDlSym = passDlSym;
        failingVfs.xDlClose = passDlClose;
        failingVfs.xRandomness = passRandomness;
        failingVfs.xSleep = passSleep;
        failingVfs.xCurrentTime = passCurrentTime;
        failingVfs.xGetLastError = passGetLastError;
        failingVfs.xCurrentTimeInt64 = passCurrentTimeInt64;
        sqlite3_vfs_register(&failingVfs, 1);
    });
    return instance;
}

void FailingVfs::failAt(int nth, Failure failure)
{
    state.fired = false;
    state.seen = 0;
    state.diskFull = failure == Failure::DiskFull;
    state.countdown = nth;
}

void FailingVfs::disarm()
{
    state.countdown = 0;
}

bool FailingVfs::fired() const
{
    return state.fired.load();
}

int FailingVfs::operations() const
{
    return state.seen.load();
}

} // namespace bizdesk::testing
