#include "ui/common/BackgroundCounter.h"

#include "domain/Error.h"
#include "support/Logging.h"
#include "ui/common/ErrorPresenter.h"

#include <atomic>

namespace bizdesk::ui {

/// Lives in BackgroundCounter's thread; runs one request at a time and reports it back to the
/// counter by queued call. (Not a nested class: moc does not support nested QObject classes.)
class CountWorker : public QObject
{
    Q_OBJECT

public:
    explicit CountWorker(std::shared_ptr<std::atomic<quint64>> latest)
        : m_latest(std::move(latest))
    {
    }

    void run(quint64 token, const BackgroundCounter::Job &job, BackgroundCounter *counter)
    {
        // Superseded while it waited in the queue: the result would be dropped anyway.
        if (token != m_latest->load())
            return;
        std::function<void()> then;
        QString error;
        try {
            then = job();
        } catch (const domain::Error &failure) {
            BIZDESK_LOG_ERROR("background request failed: {}", failure.message().toStdString());
            error = ErrorPresenter::describe(failure);
        } catch (const std::exception &failure) {
            BIZDESK_LOG_ERROR("background request failed: {}", failure.what());
            error = QString::fromUtf8(failure.what());
        }
        // The counter outlives this call: its destructor waits for the thread. A call still
        // queued when it goes is discarded with it.
        QMetaObject::invokeMethod(
            counter, [counter, token, then = std::move(then), error] { counter->deliver(token, then, error); },
            Qt::QueuedConnection);
    }

private:
    std::shared_ptr<std::atomic<quint64>> m_latest;
};

BackgroundCounter::BackgroundCounter(QObject *parent)
    : QObject(parent)
    , m_latest(std::make_shared<std::atomic<quint64>>(0))
{
    m_worker = std::make_unique<CountWorker>(m_latest);
    m_worker->moveToThread(&m_thread);
    m_thread.setObjectName(QStringLiteral("bizdesk-count"));
    m_thread.start(QThread::LowPriority);
}

BackgroundCounter::~BackgroundCounter()
{
    cancel();
    m_thread.quit();
    m_thread.wait();
    // The thread has ended: no event of the worker's can run any more, so it is safe to delete here.
    m_worker.reset();
}

quint64 BackgroundCounter::start(Count count)
{
    return startJob([this, count = std::move(count)]() -> std::function<void()> {
        const qint64 total = count();
        return [this, total] { emit counted(total); };
    });
}

quint64 BackgroundCounter::startJob(Job job)
{
    const quint64 token = m_latest->fetch_add(1) + 1;
    m_busy = true;
    CountWorker *worker = m_worker.get();
    QMetaObject::invokeMethod(
        worker, [this, worker, token, job = std::move(job)] { worker->run(token, job, this); }, Qt::QueuedConnection);
    return token;
}

void BackgroundCounter::cancel()
{
    m_latest->fetch_add(1);
    m_busy = false;
}

void BackgroundCounter::deliver(quint64 token, const std::function<void()> &then, const QString &error)
{
    if (token != m_latest->load())
        return; // stale: a newer request or a cancel came after it
    m_busy = false;
    if (error.isEmpty())
        then();
    else
        emit failed(error);
}

} // namespace bizdesk::ui

#include "BackgroundCounter.moc"
