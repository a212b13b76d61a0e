#include "ui/customers/CustomerDetailHtml.h"

#include "domain/Clock.h"
#include "ui/common/Formats.h"

#include <QCoreApplication>

namespace bizdesk::ui {

using domain::CustomerRules;

namespace {

QString esc(const QString &text)
{
    return text.toHtmlEscaped();
}

} // namespace

QString CustomerDetailHtml::render(const services::CustomerDetails &d)
{
    const domain::Customer &c = d.customer;
    QString html = QStringLiteral("<h2>%1</h2>").arg(esc(c.name));
    html += QStringLiteral("<p><b>%1</b> · <b>%2</b> · %3</p>")
                .arg(esc(CustomerRules::label(c.customerClass)), esc(CustomerRules::label(c.stage)),
                     d.ownerName.isEmpty() ? QCoreApplication::translate("CustomerDetailHtml", "shared pool") : esc(d.ownerName));
    if (d.contactOverdue)
        html += QStringLiteral("<p style='color:#c0392b'>%1</p>")
                    .arg(QCoreApplication::translate("CustomerDetailHtml", "Contact overdue: the contact plan for this class is every %n day(s) (§3.2.2).", nullptr, d.intervalDays));
    if (d.openComplaints > 0)
        html += QStringLiteral("<p style='color:#c0392b'>%1</p>").arg(QCoreApplication::translate("CustomerDetailHtml", "%n open complaint(s)", nullptr, d.openComplaints));
    html += QStringLiteral("<table cellpadding='3'>");
    auto row = [&html](const QString &label, const QString &value) {
        if (!value.isEmpty())
            html += QStringLiteral("<tr><td style='color:#555;padding-right:12px'>%1</td><td>%2</td></tr>").arg(esc(label), esc(value).replace(QLatin1Char('\n'), QStringLiteral("<br>")));
    };
    row(QCoreApplication::translate("CustomerDetailHtml", "Short name"), c.shortName);
    row(QCoreApplication::translate("CustomerDetailHtml", "Customer code"), c.externalCode);
    row(QCoreApplication::translate("CustomerDetailHtml", "Industry"), c.industry);
    row(QCoreApplication::translate("CustomerDetailHtml", "Size"), c.sizeBand);
    row(QCoreApplication::translate("CustomerDetailHtml", "Channel"), c.channel ? CustomerRules::label(*c.channel) : QString());
    row(QCoreApplication::translate("CustomerDetailHtml", "Phone"), c.phone);
    row(QCoreApplication::translate("CustomerDetailHtml", "E-mail"), c.email);
    row(QCoreApplication::translate("CustomerDetailHtml", "Address"), c.address);
    row(QCoreApplication::translate("CustomerDetailHtml", "Website"), c.website);
    row(QCoreApplication::translate("CustomerDetailHtml", "Segment"), d.segmentName);
    row(QCoreApplication::translate("CustomerDetailHtml", "Tags"), c.tags);
    row(QCoreApplication::translate("CustomerDetailHtml", "Notes"), c.notes);
    row(QCoreApplication::translate("CustomerDetailHtml", "Lost reason"), c.lostReason);
    row(QCoreApplication::translate("CustomerDetailHtml", "Last contact"), c.lastContactAt.isValid() ? c.lastContactAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")) : QCoreApplication::translate("CustomerDetailHtml", "never"));
    html += QStringLiteral("</table>");
    html += QStringLiteral("<h3>%1</h3>").arg(QCoreApplication::translate("CustomerDetailHtml", "Contacts"));
    if (d.contacts.isEmpty())
        html += QStringLiteral("<p>%1</p>").arg(QCoreApplication::translate("CustomerDetailHtml", "No contact persons yet."));
    for (const auto &person : d.contacts)
        html += QStringLiteral("<p>%1 %2 %3 %4</p>").arg(esc(person.name), esc(person.title), esc(person.phone), esc(person.email));
    html += QStringLiteral("<h3>%1</h3>").arg(QCoreApplication::translate("CustomerDetailHtml", "Contact log"));
    if (d.log.isEmpty())
        html += QStringLiteral("<p>%1</p>").arg(QCoreApplication::translate("CustomerDetailHtml", "No contact recorded yet."));
    for (const auto &entry : d.log) {
        QString status;
        if (entry.complaintStatus != domain::ComplaintStatus::None)
            status = QStringLiteral(" [%1]").arg(CustomerRules::label(entry.complaintStatus));
        html += QStringLiteral("<p><b>%1</b> %2 · %3%4<br>%5").arg(entry.at.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")),
                                                                  esc(CustomerRules::label(entry.kind)), esc(entry.byName), esc(status),
                                                                  esc(entry.note).replace(QLatin1Char('\n'), QStringLiteral("<br>")));
        if (entry.nextFollowUp.isValid())
            html += QStringLiteral("<br>%1").arg(QCoreApplication::translate("CustomerDetailHtml", "Next follow-up: %1").arg(entry.nextFollowUp.toString(QStringLiteral("yyyy-MM-dd"))));
        html += QStringLiteral("</p>");
    }
    if (!d.events.isEmpty()) {
        html += QStringLiteral("<h3>%1</h3>").arg(QCoreApplication::translate("CustomerDetailHtml", "Customer events"));
        for (const domain::CustomerEvent &event : d.events)
            html += QStringLiteral("<p>%1 · %2 · %3</p>")
                        .arg(esc(Formats::date(event.date)),
                             event.kind == QLatin1String("training") ? QCoreApplication::translate("CustomerDetailHtml", "Training session") : QCoreApplication::translate("CustomerDetailHtml", "Appreciation event"),
                             esc(event.title));
    }
    html += QStringLiteral("<h3>%1</h3>").arg(QCoreApplication::translate("CustomerDetailHtml", "Stage history"));
    for (const auto &step : d.stageHistory) {
        html += QStringLiteral("<p>%1 · %2 · %3 → %4 %5</p>")
                    .arg(domain::fromStorageTimestamp(step.at).toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")), esc(step.actorName),
                         esc(CustomerRules::label(CustomerRules::parseStage(QStringLiteral("from"), step.fromState))),
                         esc(CustomerRules::label(CustomerRules::parseStage(QStringLiteral("to"), step.toState))), esc(step.comment));
    }
    return html;
}

} // namespace bizdesk::ui
