#pragma once

#include "ui/shell/Application.h"

#include <QApplication>
#include <QDialog>
#include <QElapsedTimer>
#include <QInputMethodEvent>
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
