#pragma once

#include "ui/shell/Application.h"
#include "ui/shell/MainWindow.h"
#include "ui/tasks/MyTasksPage.h"

#include <gtest/gtest.h>

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

/// Closes `modal` and records a failure naming it: a dialog nobody expected must fail the test,
/// not leave it waiting in exec() until ctest kills it.
inline void closeUnexpectedModal(QWidget *modal, const char *why)
{
    ADD_FAILURE() << why << ": " << modal->metaObject()->className() << " \"" << modal->windowTitle().toStdString() << '"';
    if (auto *dialog = qobject_cast<QDialog *>(modal))
        dialog->reject();
    else
        modal->close();
}

/// Runs `interact` on the next modal dialog of type T once it is shown (e.g. from a toolbar action
/// that calls exec()), then makes sure it is closed so a failed expectation cannot hang the test.
/// The wait is generous because sanitizer builds under a loaded CI machine can take seconds to
/// show a QFileDialog; any other modal that turns up instead, or inside `interact` (a warning
/// raised by accept()), is closed and reported.
template<typename T>
void whenModalShown(std::function<void(T *)> interact, int timeoutMs = 60000)
{
    auto *timer = new QTimer;
    auto *clock = new QElapsedTimer;
    clock->start();
    timer->setInterval(20);
    QObject::connect(timer, &QTimer::timeout, [timer, clock, interact, timeoutMs] {
        QWidget *modal = QApplication::activeModalWidget();
        auto *dialog = qobject_cast<T *>(modal);
        if (!dialog && clock->elapsed() < timeoutMs)
            return;
        timer->stop();
        timer->deleteLater();
        delete clock;
        if (!dialog) {
            if (modal)
                closeUnexpectedModal(modal, "another dialog came up instead of the one the test expected");
            else
                ADD_FAILURE() << "the expected dialog never came up";
            return;
        }
        auto *guard = new QTimer;
        guard->setInterval(50);
        QObject::connect(guard, &QTimer::timeout, [dialog] {
            QWidget *nested = QApplication::activeModalWidget();
            if (nested && nested != dialog)
                closeUnexpectedModal(nested, "a dialog came up while the test used its dialog");
        });
        guard->start();
        interact(dialog);
        delete guard;
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
