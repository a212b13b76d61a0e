#include "services/printing/FormHtml.h"

#include "domain/Clock.h"
#include "services/printing/DocumentRenderer.h"

#include <QCoreApplication>
#include <QStringList>

namespace bizdesk::services {

QString FormHtml::pairRow(const QString &label1, const QString &value1, const QString &label2, const QString &value2)
{
    return QStringLiteral("<tr><td class=\"label\">%1</td><td>%2</td><td class=\"label\">%3</td><td>%4</td></tr>")
        .arg(DocumentRenderer::escape(label1), value1, DocumentRenderer::escape(label2), value2);
}

QString FormHtml::wideRow(const QString &label, const QString &value)
{
    return QStringLiteral("<tr><td class=\"label\">%1</td><td colspan=\"3\">%2</td></tr>").arg(DocumentRenderer::escape(label), value);
}

QString FormHtml::approvalTableStart()
{
    static const char *const headers[] = {QT_TRANSLATE_NOOP("ExpensePrinting", "Step"),    QT_TRANSLATE_NOOP("ExpensePrinting", "Approver"),
                                          QT_TRANSLATE_NOOP("ExpensePrinting", "Decision"), QT_TRANSLATE_NOOP("ExpensePrinting", "Comment"),
                                          QT_TRANSLATE_NOOP("ExpensePrinting", "Date"),     QT_TRANSLATE_NOOP("ExpensePrinting", "Signature")};
    QStringList cells;
    for (const char *header : headers)
        cells << DocumentRenderer::escape(QCoreApplication::translate("ExpensePrinting", header));
    return QStringLiteral("<table class=\"form\" width=\"100%\" cellspacing=\"0\" cellpadding=\"5\"><tr><th width=\"23%\">%1</th>"
                          "<th width=\"12%\">%2</th><th width=\"12%\">%3</th><th>%4</th><th width=\"14%\">%5</th><th width=\"14%\">%6</th></tr>")
        .arg(cells[0], cells[1], cells[2], cells[3], cells[4], cells[5]);
}

QString FormHtml::approvalTableRest(const QString &stepRows, const QString &role, const QString &name)
{
    const auto e = [](const QString &text) { return DocumentRenderer::escape(text); };
    QString rows = stepRows;
    if (rows.isEmpty())
        rows = QStringLiteral("<tr><td colspan=\"6\">%1</td></tr>").arg(e(QCoreApplication::translate("ExpensePrinting", "Not submitted yet.")));
    // The signature cells stay empty: they are signed by hand on paper.
    rows += QStringLiteral("<tr><td>%1</td><td colspan=\"2\">%2</td><td class=\"label\" colspan=\"2\">%3</td><td class=\"sign\"></td></tr>")
                .arg(e(role), e(name), e(QCoreApplication::translate("ExpensePrinting", "Signature and date")));
    return rows + QStringLiteral("</table>");
}

QString FormHtml::decisionText(const QString &decision)
{
    // The context stays the one of the first form that printed decisions: its translations hold.
    if (decision == QLatin1String("approved"))
        return QCoreApplication::translate("ExpensePrinting", "Approved");
    if (decision == QLatin1String("returned"))
        return QCoreApplication::translate("ExpensePrinting", "Returned");
    if (decision == QLatin1String("rejected"))
        return QCoreApplication::translate("ExpensePrinting", "Rejected");
    return QString();
}

QString FormHtml::localTime(const QString &storageTimestamp)
{
    const QDateTime at = domain::fromStorageTimestamp(storageTimestamp);
    return at.isValid() ? at.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")) : QString();
}

} // namespace bizdesk::services
