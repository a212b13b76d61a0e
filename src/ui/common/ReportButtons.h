#pragma once

#include <QString>

#include <functional>

class QBoxLayout;
class QWidget;

namespace bizdesk::ui {

/// The buttons every report view offers at the end of its tool bar: print preview, PDF and Excel.
class ReportButtons
{
public:
    /// `save(filter, suffix)` asks for a file name ("PDF (*.pdf)", ".pdf") and writes the report.
    static void addTo(QBoxLayout *bar, QWidget *owner, const std::function<void()> &preview,
                      const std::function<void(const QString &filter, const QString &suffix)> &save);
};

} // namespace bizdesk::ui
