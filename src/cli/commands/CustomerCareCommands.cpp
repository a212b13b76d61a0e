#include "cli/CommandContext.h"
#include "cli/CommandLine.h"
#include "cli/commands/CustomerCommandParts.h"
#include "domain/Error.h"
#include "services/customers/CustomerCareService.h"
#include "services/customers/RetentionService.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>

namespace bizdesk::cli {
namespace {

using domain::CustomerRules;
using domain::Error;
using Needs = CommandSpec::Needs;

domain::ComplaintStatus parseStatus(const QString &text)
{
    if (text == QLatin1String("in_progress"))
        return domain::ComplaintStatus::InProgress;
    if (text == QLatin1String("resolved"))
        return domain::ComplaintStatus::Resolved;
    throw Error::invalid(QStringLiteral("--status"), QCoreApplication::translate("CustomerCommands", "--status: use in_progress or resolved, not \"%1\".").arg(text));
}

} // namespace

/// §3.2.3 contact log, complaints and customer events; §3.2.4 churn and win-back.
void registerCustomerCareCommands(CommandLine &commandLine)
{
    const QString customer = QStringLiteral("customer");

    commandLine.add({{customer, QStringLiteral("contact")}, {QStringLiteral("ID")},
                     {customerOption("kind", "visit|call|email|meeting|feedback|complaint", QT_TRANSLATE_NOOP("CustomerCommands", "kind of contact"), true),
                      customerOption("note", "TEXT", QT_TRANSLATE_NOOP("CustomerCommands", "what was discussed (required)"), true), customerOption("at", "DATETIME", QT_TRANSLATE_NOOP("CustomerCommands", "when (default: now)")),
                      customerOption("next", "DATE", QT_TRANSLATE_NOOP("CustomerCommands", "next follow-up date (appears in My Tasks)"))},
                     QCoreApplication::translate("CustomerCommands", "Record a contact with a customer (§3.2.3)."), Needs::LoggedInUser,
                     [](CommandContext &context) -> QJsonValue {
                         const domain::ContactKind kind = CustomerRules::parseKind(QStringLiteral("--kind"), context.option(QStringLiteral("kind")));
                         const auto at = context.dateTimeOption(QStringLiteral("at"));
                         const auto next = context.dateOption(QStringLiteral("next"));
                         return services::CustomerCareService::toJson(services::CustomerCareService(context.session())
                                                                      .recordContact(context.positionalId(0), kind, context.option(QStringLiteral("note")),
                                                                                     at.value_or(QDateTime()), next.value_or(QDate())));
                     },
                     {}});

    commandLine.add({{customer, QStringLiteral("complaint")}, {QStringLiteral("LOG_ID")},
                     {customerOption("status", "in_progress|resolved", QT_TRANSLATE_NOOP("CustomerCommands", "new status"), true), customerOption("resolution", "TEXT", QT_TRANSLATE_NOOP("CustomerCommands", "how it was resolved (required for resolved)")),
                      customerVersionOption()},
                     QCoreApplication::translate("CustomerCommands", "Move a complaint on: open → in_progress → resolved (§3.2.3)."), Needs::LoggedInUser,
                     [](CommandContext &context) -> QJsonValue {
                         return services::CustomerCareService::toJson(services::CustomerCareService(context.session())
                                                                      .updateComplaint(context.positionalId(0), parseStatus(context.option(QStringLiteral("status"))),
                                                                                       context.option(QStringLiteral("resolution")), context.seenVersion()));
                     },
                     {}});

    commandLine.add({{customer, QStringLiteral("churn")}, {}, {customerOption("limit", "N", QT_TRANSLATE_NOOP("CustomerCommands", "at most N customers (default 50)"))},
                     QCoreApplication::translate("CustomerCommands", "At-risk customers ranked by churn score, each with its reasons (§3.2.4)."), Needs::LoggedInUser,
                     [](CommandContext &context) -> QJsonValue {
                         QJsonArray list;
                         for (const auto &entry : services::RetentionService(context.session()).churn(context.intOption(QStringLiteral("limit"), 50, 1, 10000))) {
                             QJsonObject object = customerRowJson(entry.row);
                             object.insert(QStringLiteral("score"), entry.assessment.score);
                             object.insert(QStringLiteral("reasons"), QJsonArray::fromStringList(entry.assessment.reasons));
                             list.append(object);
                         }
                         return QJsonObject{{QStringLiteral("customers"), list}};
                     },
                     [](const QJsonValue &value) {
                         QString text;
                         for (const QJsonValue &item : value.toObject().value(QStringLiteral("customers")).toArray()) {
                             const QJsonObject c = item.toObject();
                             QStringList reasons;
                             for (const QJsonValue &reason : c.value(QStringLiteral("reasons")).toArray())
                                 reasons << reason.toString();
                             text += QStringLiteral("%1  #%2 %3: %4\n").arg(c.value(QStringLiteral("score")).toInt(), 3)
                                         .arg(c.value(QStringLiteral("id")).toInteger())
                                         .arg(c.value(QStringLiteral("name")).toString(), reasons.join(QStringLiteral("; ")));
                         }
                         return text.isEmpty() ? QCoreApplication::translate("CustomerCommands", "No customer is at risk.") + QLatin1Char('\n') : text;
                     }});

    commandLine.add({{customer, QStringLiteral("winback")}, {QStringLiteral("ID")},
                     {customerOption("cause", "TEXT", QT_TRANSLATE_NOOP("CustomerCommands", "why the customer is at risk"), true),
                      customerOption("measures", "TEXT", QT_TRANSLATE_NOOP("CustomerCommands", "win-back measures (discount, service improvement, more contact)"), true)},
                     QCoreApplication::translate("CustomerCommands", "Record the cause and win-back measures for an at-risk customer (§3.2.4)."), Needs::LoggedInUser,
                     [](CommandContext &context) -> QJsonValue {
                         services::RetentionService service(context.session());
                         const qint64 id = service.recordWinBack(context.positionalId(0), context.option(QStringLiteral("cause")),
                                                                 context.option(QStringLiteral("measures")));
                         for (const domain::WinBack &record : service.winBacks(context.positionalId(0))) {
                             if (record.id == id)
                                 return services::RetentionService::toJson(record);
                         }
                         return QJsonObject{{QStringLiteral("id"), id}};
                     },
                     {}});
    commandLine.add({{customer, QStringLiteral("winback-result")}, {QStringLiteral("WINBACK_ID")},
                     {customerOption("result", "won_back|lost", QT_TRANSLATE_NOOP("CustomerCommands", "the outcome"), true),
                      customerOption("note", "TEXT", QT_TRANSLATE_NOOP("CustomerCommands", "what happened")), customerVersionOption()},
                     QCoreApplication::translate("CustomerCommands", "Record the result of a win-back (§3.2.4)."), Needs::LoggedInUser,
                     [](CommandContext &context) -> QJsonValue {
                         const QString result = context.option(QStringLiteral("result"));
                         if (result != QLatin1String("won_back") && result != QLatin1String("lost"))
                             throw Error::invalid(QStringLiteral("--result"), QCoreApplication::translate("CustomerCommands", "--result: use won_back or lost, not \"%1\".").arg(result));
                         return services::RetentionService::toJson(services::RetentionService(context.session())
                                                                       .winBackResult(context.positionalId(0), result == QLatin1String("won_back"),
                                                                                      context.option(QStringLiteral("note")), context.seenVersion()));
                     },
                     {}});
    commandLine.add({{customer, QStringLiteral("winbacks")}, {}, {customerOption("customer", "ID", QT_TRANSLATE_NOOP("CustomerCommands", "only this customer"))},
                     QCoreApplication::translate("CustomerCommands", "List win-back records and the success rate (§3.2.4)."), Needs::LoggedInUser,
                     [](CommandContext &context) -> QJsonValue {
                         services::RetentionService service(context.session());
                         std::optional<domain::CustomerId> only;
                         if (context.has(QStringLiteral("customer")))
                             only = context.option(QStringLiteral("customer")).toLongLong();
                         QJsonArray list;
                         for (const domain::WinBack &record : service.winBacks(only))
                             list.append(services::RetentionService::toJson(record));
                         const double rate = service.winBackSuccessRate();
                         return QJsonObject{{QStringLiteral("winbacks"), list},
                                            {QStringLiteral("success_rate"), rate < 0 ? QJsonValue() : QJsonValue(rate)}};
                     },
                     {}});

    commandLine.add({{QStringLiteral("event"), QStringLiteral("add")}, {},
                     {customerOption("kind", "appreciation|training", QT_TRANSLATE_NOOP("CustomerCommands", "appreciation event or training session"), true),
                      customerOption("title", "TEXT", QT_TRANSLATE_NOOP("CustomerCommands", "title"), true),
                      customerOption("date", "DATE", QT_TRANSLATE_NOOP("CustomerCommands", "date of the event"), true),
                      customerOption("place", "TEXT", QT_TRANSLATE_NOOP("CustomerCommands", "place")), customerOption("notes", "TEXT", QT_TRANSLATE_NOOP("CustomerCommands", "notes"))},
                     QCoreApplication::translate("CustomerCommands", "Plan a customer event (§3.2.3)."), Needs::LoggedInUser,
                     [](CommandContext &context) -> QJsonValue {
                         const qint64 id = services::CustomerCareService(context.session())
                                               .addEvent(context.option(QStringLiteral("kind")), context.option(QStringLiteral("title")),
                                                         context.dateOption(QStringLiteral("date")).value_or(QDate()),
                                                         context.option(QStringLiteral("place")), context.option(QStringLiteral("notes")));
                         return QJsonObject{{QStringLiteral("id"), id}};
                     },
                     {}});
    commandLine.add({{QStringLiteral("event"), QStringLiteral("invite")}, {QStringLiteral("EVENT_ID"), QStringLiteral("CUSTOMER_ID")}, {},
                     QCoreApplication::translate("CustomerCommands", "Invite a customer to an event."), Needs::LoggedInUser,
                     [](CommandContext &context) -> QJsonValue {
                         services::CustomerCareService(context.session()).invite(context.positionalId(0), context.positionalId(1));
                         return QJsonObject{{QStringLiteral("event"), context.positionalId(0)}, {QStringLiteral("customer"), context.positionalId(1)}};
                     },
                     {}});
    commandLine.add({{QStringLiteral("event"), QStringLiteral("list")}, {}, {customerOption("customer", "ID", QT_TRANSLATE_NOOP("CustomerCommands", "only this customer"))},
                     QCoreApplication::translate("CustomerCommands", "List customer events with the invited customers."), Needs::LoggedInUser,
                     [](CommandContext &context) -> QJsonValue {
                         std::optional<domain::CustomerId> only;
                         if (context.has(QStringLiteral("customer")))
                             only = context.option(QStringLiteral("customer")).toLongLong();
                         QJsonArray list;
                         for (const domain::CustomerEvent &event : services::CustomerCareService(context.session()).events(only))
                             list.append(services::CustomerCareService::toJson(event));
                         return QJsonObject{{QStringLiteral("events"), list}};
                     },
                     {}});

}

} // namespace bizdesk::cli
