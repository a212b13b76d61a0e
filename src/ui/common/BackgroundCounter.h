#pragma once

#include <QObject>
#include <QThread>

#include <atomic>
#include <functional>
#include <memory>

namespace bizdesk::ui {

class CountWorker;

/// Counts or loads off the UI thread for one model or page. The owner owns it (Qt parent) and it
/// owns its one worker thread; each request runs work the service prepared to open its own
/// connection where it runs (QSqlDatabase connections belong to one thread) and carries a token. A
/// new request or cancel() makes every earlier token stale: a stale request that has not started
/// is skipped and a stale result is dropped, so only the latest request ever reports. Results and
/// errors come back by queued call in the UI thread; the worker never touches the owner.
class BackgroundCounter : public QObject
{
    Q_OBJECT

public:
    using Count = std::function<qint64()>;
    /// Runs on the worker thread; returns what to do with its result back in the UI thread (run
    /// there only while the request is still the latest).
    using Job = std::function<std::function<void()>()>;

    explicit BackgroundCounter(QObject *parent = nullptr);
    /// Cancels, then waits for a request already running (it cannot be interrupted mid-query).
    ~BackgroundCounter() override;

    /// Starts `count` on the worker thread; its total arrives through counted(). Returns the
    /// request's token.
    quint64 start(Count count);
    /// Starts `load` on the worker thread and hands its result to `deliver` in the UI thread (a
    /// failure goes to failed() instead). Returns the request's token.
    template<typename Result>
    quint64 startLoad(std::function<Result()> load, std::function<void(Result)> deliver)
    {
        return startJob([load = std::move(load), deliver = std::move(deliver)]() -> std::function<void()> {
            auto result = std::make_shared<Result>(load());
            return [deliver, result] { deliver(std::move(*result)); };
        });
    }
    /// Drops the pending request: nothing is reported for it.
    void cancel();
    /// True from a request's start until its result or failure is reported (or it is cancelled).
    bool isBusy() const { return m_busy; }

signals:
    /// The latest count request's total.
    void counted(qint64 total);
    /// The latest request failed; `message` is translated and says why.
    void failed(const QString &message);

private:
    friend class CountWorker;
    quint64 startJob(Job job);
    void deliver(quint64 token, const std::function<void()> &then, const QString &error);

    QThread m_thread;
    std::unique_ptr<CountWorker> m_worker;
    std::shared_ptr<std::atomic<quint64>> m_latest;
    bool m_busy = false;
};

} // namespace bizdesk::ui
