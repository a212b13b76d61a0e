#include "ui/entertainment/ReportPeriodPicker.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLocale>
#include <QSignalBlocker>
#include <QSpinBox>

namespace bizdesk::ui {

ReportPeriodPicker::ReportPeriodPicker(const QDate &today, QWidget *parent) : QWidget(parent)
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_kind = new QComboBox(this);
    m_kind->setObjectName(QStringLiteral("periodKind"));
    m_kind->addItem(tr("Month"), int(Kind::Month));
    m_kind->addItem(tr("Quarter"), int(Kind::Quarter));
    m_kind->addItem(tr("Year"), int(Kind::Year));
    m_year = new QSpinBox(this);
    m_year->setObjectName(QStringLiteral("periodYear"));
    m_year->setRange(2000, 2100);
    m_year->setValue(today.year());
    m_part = new QComboBox(this);
    m_part->setObjectName(QStringLiteral("periodPart"));
    layout->addWidget(m_kind);
    layout->addWidget(m_year);
    layout->addWidget(m_part);
    setPeriod(Kind::Quarter, today.year(), (today.month() - 1) / 3 + 1);

    connect(m_kind, &QComboBox::currentIndexChanged, this, [this] {
        fillParts();
        emit periodChanged(periodText());
    });
    connect(m_year, &QSpinBox::valueChanged, this, [this] { emit periodChanged(periodText()); });
    connect(m_part, &QComboBox::currentIndexChanged, this, [this] { emit periodChanged(periodText()); });
}

void ReportPeriodPicker::fillParts()
{
    const QSignalBlocker blocker(m_part);
    const auto kind = Kind(m_kind->currentData().toInt());
    m_part->clear();
    if (kind == Kind::Month) {
        for (int month = 1; month <= 12; ++month)
            m_part->addItem(QLocale().standaloneMonthName(month), month);
    } else if (kind == Kind::Quarter) {
        for (int quarter = 1; quarter <= 4; ++quarter)
            m_part->addItem(tr("Q%1").arg(quarter), quarter);
    }
    m_part->setVisible(kind != Kind::Year);
}

void ReportPeriodPicker::setPeriod(Kind kind, int year, int part)
{
    {
        const QSignalBlocker kindBlocker(m_kind);
        const QSignalBlocker yearBlocker(m_year);
        m_kind->setCurrentIndex(m_kind->findData(int(kind)));
        m_year->setValue(year);
        fillParts();
        const QSignalBlocker partBlocker(m_part);
        const int index = m_part->findData(part);
        if (index >= 0)
            m_part->setCurrentIndex(index);
    }
    emit periodChanged(periodText());
}

QString ReportPeriodPicker::periodText() const
{
    const int year = m_year->value();
    switch (Kind(m_kind->currentData().toInt())) {
    case Kind::Month:
        return QStringLiteral("%1-%2").arg(year).arg(m_part->currentData().toInt(), 2, 10, QLatin1Char('0'));
    case Kind::Quarter:
        return QStringLiteral("%1-Q%2").arg(year).arg(m_part->currentData().toInt());
    case Kind::Year:
        break;
    }
    return QString::number(year);
}

} // namespace bizdesk::ui
