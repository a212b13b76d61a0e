#pragma once

#include <QDate>
#include <QString>
#include <QStringList>

namespace bizdesk::domain {

/// §3.2.3 a customer appreciation event or training session and who is invited.
struct CustomerEvent
{
    qint64 id = 0;
    QString kind; ///< appreciation | training
    QString title;
    QDate date;
    QString place;
    QString notes;
    QStringList invited; ///< the invited customers' names
};

} // namespace bizdesk::domain
