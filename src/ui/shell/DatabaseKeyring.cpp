#include "ui/shell/DatabaseKeyring.h"

#include "storage/DatabaseLocation.h"

#include <QEventLoop>
#include <QTimer>

#include <qt6keychain/keychain.h>

namespace bizdesk::ui {
namespace {

const QString keyringService = QStringLiteral("BizDesk database");
/// A keyring that does not answer (a locked wallet nobody opens) must not freeze the start.
constexpr int keyringTimeoutMs = 10'000;

/// Runs one keychain job to its end; false on any error, a missing keyring included.
bool runJob(QKeychain::Job &job)
{
    job.setAutoDelete(false);
    job.setInsecureFallback(false);
    QEventLoop loop;
    QObject::connect(&job, &QKeychain::Job::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(keyringTimeoutMs, &loop, &QEventLoop::quit);
    bool finished = false;
    QObject::connect(&job, &QKeychain::Job::finished, &loop, [&finished] { finished = true; });
    job.start();
    if (!finished)
        loop.exec();
    return finished && job.error() == QKeychain::NoError;
}

} // namespace

std::optional<QString> DatabaseKeyring::read(const storage::DatabaseLocation &location)
{
    QKeychain::ReadPasswordJob job(keyringService);
    job.setKey(location.displayName());
    if (!runJob(job) || job.textData().isEmpty())
        return std::nullopt;
    return job.textData();
}

bool DatabaseKeyring::store(const storage::DatabaseLocation &location, const QString &password)
{
    QKeychain::WritePasswordJob job(keyringService);
    job.setKey(location.displayName());
    job.setTextData(password);
    return runJob(job);
}

} // namespace bizdesk::ui
