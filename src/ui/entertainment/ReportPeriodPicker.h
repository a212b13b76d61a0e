#pragma once

#include <QDate>
#include <QWidget>

class QComboBox;
class QSpinBox;

namespace bizdesk::ui {

/// Picks a reporting period — a month, a quarter or a year — from lists instead of typed text;
/// periodText() is what services parse ("2026-11", "2026-Q4", "2026").
class ReportPeriodPicker : public QWidget
{
    Q_OBJECT

public:
    enum class Kind { Month, Quarter, Year };

    explicit ReportPeriodPicker(const QDate &today, QWidget *parent = nullptr);

    QString periodText() const;
    void setPeriod(Kind kind, int year, int part = 1);

    QComboBox *kindCombo() const { return m_kind; }
    QSpinBox *yearSpin() const { return m_year; }
    QComboBox *partCombo() const { return m_part; }

signals:
    void periodChanged(const QString &periodText);

private:
    void fillParts();

    QComboBox *m_kind = nullptr;
    QSpinBox *m_year = nullptr;
    QComboBox *m_part = nullptr;
};

} // namespace bizdesk::ui
