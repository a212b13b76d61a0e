#include "support/NameCollation.h"

#include <QByteArray>
#include <QLocale>

#include <unicode/ucol.h>

#include <memory>
#include <mutex>
#include <vector>

namespace bizdesk::support {
namespace {

struct CollatorCloser
{
    void operator()(UCollator *collator) const { ucol_close(collator); }
};

/// ICU collators are not thread-safe for concurrent use; sort keys are computed under a lock
/// (import and demo compute them one row at a time, so the lock is never contended for long).
struct IcuCollator
{
    std::mutex mutex;
    std::unique_ptr<UCollator, CollatorCloser> collator;
    IcuCollator()
    {
        UErrorCode status = U_ZERO_ERROR;
        collator.reset(ucol_open("zh", &status));
        if (U_FAILURE(status))
            collator.reset();
    }
};

IcuCollator &icu()
{
    static IcuCollator instance;
    return instance;
}

} // namespace

const QCollator &NameCollation::collator()
{
    thread_local const QCollator instance{QLocale(QLocale::Chinese, QLocale::China)};
    return instance;
}

int NameCollation::compare(const QString &a, const QString &b)
{
    return collator().compare(a, b);
}

QString NameCollation::sortKey(const QString &name)
{
    IcuCollator &state = icu();
    const std::lock_guard lock(state.mutex);
    if (!state.collator)
        return QString::fromLatin1(name.toUtf8().toHex());
    const auto *text = reinterpret_cast<const UChar *>(name.utf16());
    const auto length = static_cast<int32_t>(name.size());
    std::vector<uint8_t> key(static_cast<size_t>(length) * 4 + 16);
    int32_t needed = ucol_getSortKey(state.collator.get(), text, length, key.data(), static_cast<int32_t>(key.size()));
    if (needed > static_cast<int32_t>(key.size())) {
        key.resize(static_cast<size_t>(needed));
        needed = ucol_getSortKey(state.collator.get(), text, length, key.data(), needed);
    }
    // The key ends with a 0 byte that orders nothing; drop it so the hex text stays a prefix-order key.
    if (needed > 0 && key[static_cast<size_t>(needed) - 1] == 0)
        --needed;
    return QString::fromLatin1(QByteArray(reinterpret_cast<const char *>(key.data()), needed).toHex());
}

} // namespace bizdesk::support
