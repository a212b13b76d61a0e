#pragma once

#include <QObject>
#include <QThread>

#include <atomic>
#include <functional>
#include <memory>

namespace bizdesk::ui {

class CountWorker;

/// Counts rows off the UI thread for one model. The model owns it (Qt parent) and it owns its
/// one worker thread; each request runs a count the service prepared to open its own connection
/// where it runs (QSqlDatabase connections belong to one thread) and carries a token. A new request or
/// cancel() makes every earlier token stale: a stale request that has not started is skipped and
/// a stale result is dropped, so only the latest request ever reports. Results and errors come
/// back by queued signal in the UI thread; the worker never touches the model.
class BackgroundCounter : public QObject
{
    Q_OBJECT

public:
    using Count = std::function<qint64()>;

    explicit BackgroundCounter(QObject *parent = nullptr);
    /// Cancels, then waits for a count already running (it cannot be interrupted mid-query).
    ~BackgroundCounter() override;

    /// Starts `count` on the worker thread; returns the request's token.
    quint64 start(Count count);
    /// Drops the pending request: nothing is reported for it.
    void cancel();
    bool isBusy() const { return m_busy; }

signals:
    /// The latest request's total.
    void counted(qint64 total);
    /// The latest request failed; `message` is translated and says why.
    void failed(const QString &message);

private:
    void deliver(quint64 token, qint64 total, const QString &error);

    QThread m_thread;
    std::unique_ptr<CountWorker> m_worker;
    std::shared_ptr<std::atomic<quint64>> m_latest;
    bool m_busy = false;
};

} // namespace bizdesk::ui
