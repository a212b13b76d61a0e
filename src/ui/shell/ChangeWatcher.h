#pragma once

#include "storage/DatabaseLocation.h"

#include <QObject>
#include <QThread>
#include <QTimer>

#include <memory>

namespace bizdesk::services {
class Session;
}

namespace bizdesk::ui {

class AuditHeadPoller;

/// Tells the shell when the data it shows has changed, so it refreshes without F5. Changes saved
/// in this program arrive at once through the session's ChangeFeed. Changes by other programs
/// (bizdeskctl run by cron, other PostgreSQL clients) are noticed by polling the audit head — the
/// newest audit entry's id, one index lookup — every few seconds on a connection of its own in a
/// worker thread, never on the GUI thread. Every change is audited, so a new head means a change.
/// Bursts are debounced into one changed() signal.
class ChangeWatcher : public QObject
{
    Q_OBJECT

public:
    static constexpr int defaultPollMs = 3000;
    static constexpr int debounceMs = 200;

    ChangeWatcher(services::Session &session, QObject *parent = nullptr, int pollMs = defaultPollMs);
    /// Closes the worker's connection in its thread, then ends the thread.
    ~ChangeWatcher() override;

    /// The newest audit entry known to be reflected (-1 when even the baseline could not be read).
    qint64 knownHead() const { return m_known; }

signals:
    /// Data changed since the last signal; shown data should be read again.
    void changed();

private:
    void poll();
    void noteHead(qint64 head);
    void polled(qint64 head);

    QThread m_thread;
    std::unique_ptr<AuditHeadPoller> m_poller;
    QTimer m_pollTimer;
    QTimer m_debounce;
    qint64 m_known = -1; ///< -1 until a head could be read
    bool m_polling = false;
};

} // namespace bizdesk::ui
