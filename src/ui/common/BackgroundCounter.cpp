#include "ui/common/BackgroundCounter.h"

#include "domain/Error.h"
#include "support/Logging.h"
#include "ui/common/ErrorPresenter.h"

#include <atomic>

namespace bizdesk::ui {

/// Lives in BackgroundCounter's thread; runs one request at a time and reports it by signal.
/// (Not a nested class: moc does not support signals in nested classes.)
class CountWorker : public QObject
{
    Q_OBJECT

public:
    explicit CountWorker(std::shared_ptr<std::atomic<quint64>> latest)
        : m_latest(std::move(latest))
    {
    }

    void run(quint64 token, const BackgroundCounter::Count &count)
    {
        // Superseded while it waited in the queue: the result would be dropped anyway.
        if (token != m_latest->load())
            return;
        try {
            const qint64 total = count();
            emit finished(token, total, QString());
        } catch (const domain::Error &error) {
            BIZDESK_LOG_ERROR("background count failed: {}", error.message().toStdString());
            emit finished(token, 0, ErrorPresenter::describe(error));
        } catch (const std::exception &error) {
            BIZDESK_LOG_ERROR("background count failed: {}", error.what());
            emit finished(token, 0, QString::fromUtf8(error.what()));
        }
    }

signals:
    /// `error` is empty on success.
    void finished(quint64 token, qint64 total, const QString &error);

private:
    std::shared_ptr<std::atomic<quint64>> m_latest;
};

BackgroundCounter::BackgroundCounter(QObject *parent)
    : QObject(parent)
    , m_latest(std::make_shared<std::atomic<quint64>>(0))
{
    m_worker = std::make_unique<CountWorker>(m_latest);
    m_worker->moveToThread(&m_thread);
    // Queued: the worker emits in its own thread, this object handles the result in the UI thread.
    connect(m_worker.get(), &CountWorker::finished, this, &BackgroundCounter::deliver, Qt::QueuedConnection);
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
    const quint64 token = m_latest->fetch_add(1) + 1;
    m_busy = true;
    CountWorker *worker = m_worker.get();
    QMetaObject::invokeMethod(
        worker, [worker, token, count = std::move(count)] { worker->run(token, count); },
        Qt::QueuedConnection);
    return token;
}

void BackgroundCounter::cancel()
{
    m_latest->fetch_add(1);
    m_busy = false;
}

void BackgroundCounter::deliver(quint64 token, qint64 total, const QString &error)
{
    if (token != m_latest->load())
        return; // stale: a newer request or a cancel came after it
    m_busy = false;
    if (error.isEmpty())
        emit counted(total);
    else
        emit failed(error);
}

} // namespace bizdesk::ui

#include "BackgroundCounter.moc"
