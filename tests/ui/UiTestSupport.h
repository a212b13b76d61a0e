#pragma once

#include "ui/shell/Application.h"
#include "ui/shell/MainWindow.h"
#include "ui/tasks/MyTasksPage.h"

#include <QApplication>
#include <QDialog>
#include <QElapsedTimer>
#include <QInputMethodEvent>
#include <QTabWidget>
#include <QTest>
#include <QTimer>

#include <functional>

namespace bizdesk::testing {

/// Loads the zh_CN translators for one test, as the application does, and goes back to English.
struct ChineseInterface
{
    ChineseInterface() { ui::Application::installTranslators(QStringLiteral("zh_CN")); }
    ~ChineseInterface() { ui::Application::installTranslators(QStringLiteral("C")); }
};

/// Runs `interact` on the next modal dialog of type T once it is shown (e.g. from a toolbar action
/// that calls exec()), then makes sure it is closed so a failed expectation cannot hang the test.
template<typename T>
void whenModalShown(std::function<void(T *)> interact, int timeoutMs = 5000)
{
    auto *timer = new QTimer;
    auto *clock = new QElapsedTimer;
    clock->start();
    timer->setInterval(20);
    QObject::connect(timer, &QTimer::timeout, [timer, clock, interact, timeoutMs] {
        auto *dialog = qobject_cast<T *>(QApplication::activeModalWidget());
        if (!dialog && clock->elapsed() < timeoutMs)
            return;
        timer->stop();
        timer->deleteLater();
        delete clock;
        if (!dialog)
            return;
        interact(dialog);
        if (dialog->isVisible())
            dialog->reject();
    });
    timer->start();
}

/// Waits until My Tasks shows the result of its latest refresh (it reads on its own worker).
inline bool waitForTasks(const ui::MyTasksPage &page, int timeoutMs = 15000)
{
    return QTest::qWaitFor([&page] { return !page.isLoading(); }, timeoutMs);
}

/// The same for the My Tasks tab of a main window.
inline bool waitForTasks(const ui::MainWindow &window, int timeoutMs = 15000)
{
    const auto *page = window.tabs()->findChild<ui::MyTasksPage *>(QStringLiteral("tasks"));
    return page && waitForTasks(*page, timeoutMs);
}

/// Types `text` into a widget as a user would: ASCII as key clicks, Chinese as an input-method
/// commit (how a pinyin IME delivers it; QTest::keyClicks only knows Latin keys).
inline void typeText(QWidget *widget, const QString &text)
{
    QString ascii;
    const auto flush = [&] {
        if (!ascii.isEmpty())
            QTest::keyClicks(widget, ascii);
        ascii.clear();
    };
    for (const QChar c : text) {
        if (c.unicode() < 0x80) {
            ascii += c;
            continue;
        }
        flush();
        QInputMethodEvent event;
        event.setCommitString(QString(c));
        QApplication::sendEvent(widget, &event);
    }
    flush();
}

} // namespace bizdesk::testing
