#include "ui/shell/ChangeWatcher.h"

#include "domain/Error.h"
#include "services/Session.h"
#include "services/audit/AuditTrail.h"
#include "services/audit/ChangeFeed.h"
#include "storage/Database.h"
#include "support/Logging.h"

#include <QApplication>

namespace bizdesk::ui {

/// Lives in ChangeWatcher's thread with its own read-only connection, opened on first use.
/// (Not a nested class: moc does not support signals in nested classes.)
class AuditHeadPoller : public QObject
{
    Q_OBJECT

public:
    explicit AuditHeadPoller(storage::DatabaseLocation location) : m_location(std::move(location)) {}

    void poll()
    {
        try {
            if (!m_database) {
                m_database = storage::Database::open(m_location, storage::Database::CreateMode::MustExist);
                m_database->refuseWrites();
            }
            emit polled(services::AuditTrail::headId(*m_database));
        } catch (const domain::Error &error) {
            // The database may be busy or gone for a moment; try again with a new connection.
            failed(error.message().toStdString());
        } catch (const std::exception &error) {
            failed(error.what());
        }
    }

    void close() { m_database.reset(); }

signals:
    /// The newest audit id, -1 when it could not be read.
    void polled(qint64 head);

private:
    void failed(const std::string &why)
    {
        BIZDESK_LOG_WARN("change watcher could not read the audit head: {}", why);
        m_database.reset();
        emit polled(-1);
    }

    storage::DatabaseLocation m_location;
    std::unique_ptr<storage::Database> m_database;
};

ChangeWatcher::ChangeWatcher(services::Session &session, QObject *parent, int pollMs)
    : QObject(parent)
    , m_poller(std::make_unique<AuditHeadPoller>(session.database().location()))
{
    m_poller->moveToThread(&m_thread);
    connect(m_poller.get(), &AuditHeadPoller::polled, this, &ChangeWatcher::polled, Qt::QueuedConnection);
    m_thread.setObjectName(QStringLiteral("bizdesk-changes"));
    m_thread.start(QThread::LowPriority);

    connect(&session.changes(), &services::ChangeFeed::changed, this, &ChangeWatcher::noteHead);
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(debounceMs);
    connect(&m_debounce, &QTimer::timeout, this, [this] {
        // Not under an open dialog: the page that opened it may still use what it shows.
        if (QApplication::activeModalWidget()) {
            m_debounce.start();
            return;
        }
        emit changed();
    });
    m_pollTimer.setInterval(pollMs);
    connect(&m_pollTimer, &QTimer::timeout, this, &ChangeWatcher::poll);
    m_pollTimer.start();
    // The baseline is the head the pages were just loaded from, read on the session's own
    // connection (one index lookup). Taken by the worker instead, it could land after another
    // program's commit and swallow that change.
    try {
        m_known = services::AuditTrail::headId(session.database());
    } catch (const domain::Error &error) {
        BIZDESK_LOG_WARN("change watcher could not read the audit head: {}", error.message().toStdString());
    }
    poll(); // opens the worker's connection
}

ChangeWatcher::~ChangeWatcher()
{
    m_pollTimer.stop();
    AuditHeadPoller *poller = m_poller.get();
    // The connection belongs to the worker thread: close it there.
    QMetaObject::invokeMethod(poller, [poller] { poller->close(); }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
    m_poller.reset();
}

void ChangeWatcher::poll()
{
    if (m_polling)
        return; // the last look has not answered yet
    m_polling = true;
    AuditHeadPoller *poller = m_poller.get();
    QMetaObject::invokeMethod(poller, [poller] { poller->poll(); }, Qt::QueuedConnection);
}

void ChangeWatcher::noteHead(qint64 head)
{
    m_known = std::max(m_known, head);
    if (!m_debounce.isActive())
        m_debounce.start();
}

void ChangeWatcher::polled(qint64 head)
{
    m_polling = false;
    if (head < 0)
        return;
    if (m_known < 0) {
        m_known = head;
        return;
    }
    // Only newer entries: a look that began before one of our own commits reads an older head.
    if (head > m_known)
        noteHead(head);
}

} // namespace bizdesk::ui

#include "ChangeWatcher.moc"
