#include "cli/CommandContext.h"
#include "cli/CommandLine.h"
#include "domain/Error.h"
#include "services/customers/CustomerImport.h"
#include "services/customers/CustomerService.h"
#include "services/identity/IdentityService.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>

#include <limits>

namespace bizdesk::cli {
namespace {

using domain::CustomerRules;
using domain::Error;
using Needs = CommandSpec::Needs;

OptionSpec opt(const char *name, const char *valueName, const char *help, bool required = false)
{
    return {QLatin1String(name), QLatin1String(valueName), QCoreApplication::translate("CustomerCommands", help), required};
}

/// --version N on edits and state changes (§7): the version of the record the caller last saw.
OptionSpec versionOpt()
{
    return opt("version", "N", QT_TRANSLATE_NOOP("CustomerCommands", "the version you last saw; refused with exit 4 when the record changed since"));
}

std::optional<int> seenVersion(const CommandContext &context)
{
    if (!context.has(QStringLiteral("version")))
        return std::nullopt;
    return context.intOption(QStringLiteral("version"), 0, 1, std::numeric_limits<int>::max());
}

QJsonObject rowJson(const storage::CustomerRow &row)
{
    QJsonObject object = services::CustomerService::toJson(row.customer, row.ownerLogin);
    object.insert(QStringLiteral("owner"), row.ownerLogin.isEmpty() ? QJsonValue() : QJsonValue(row.ownerLogin));
    return object;
}

QJsonArray rowsJson(const QList<storage::CustomerRow> &rows)
{
    QJsonArray array;
    for (const auto &row : rows)
        array.append(rowJson(row));
    return array;
}

QString listText(const QJsonValue &value, const QString &key)
{
    QString text;
    for (const QJsonValue &item : value.toObject().value(key).toArray()) {
        const QJsonObject c = item.toObject();
        text += QStringLiteral("#%1  %2  [%3, %4]  %5\n")
                    .arg(c.value(QStringLiteral("id")).toInteger())
                    .arg(c.value(QStringLiteral("name")).toString(), c.value(QStringLiteral("class")).toString(),
                         c.value(QStringLiteral("stage")).toString(),
                         c.value(QStringLiteral("owner")).isNull() ? QCoreApplication::translate("CustomerCommands", "(pool)")
                                                                     : c.value(QStringLiteral("owner")).toString());
    }
    if (text.isEmpty())
        text = QCoreApplication::translate("CustomerCommands", "No customers.") + QLatin1Char('\n');
    return text;
}

storage::CustomerQuery queryFrom(CommandContext &context)
{
    storage::CustomerQuery query;
    if (context.has(QStringLiteral("class")))
        query.customerClass = CustomerRules::parseClass(QStringLiteral("--class"), context.option(QStringLiteral("class")));
    if (context.has(QStringLiteral("stage")))
        query.stage = CustomerRules::parseStage(QStringLiteral("--stage"), context.option(QStringLiteral("stage")));
    if (context.has(QStringLiteral("owner"))) {
        services::IdentityService identity(context.session());
        query.ownerId = identity.user(context.option(QStringLiteral("owner"))).id;
    }
    if (context.has(QStringLiteral("search")))
        query.text = context.option(QStringLiteral("search"));
    query.poolOnly = context.has(QStringLiteral("pool"));
    return query;
}

domain::ComplaintStatus parseStatus(const QString &text)
{
    if (text == QLatin1String("in_progress"))
        return domain::ComplaintStatus::InProgress;
    if (text == QLatin1String("resolved"))
        return domain::ComplaintStatus::Resolved;
    throw Error::invalid(QStringLiteral("--status"), QCoreApplication::translate("CustomerCommands", "--status: use in_progress or resolved, not \"%1\".").arg(text));
}

QJsonValue detailsJson(const services::CustomerDetails &details)
{
    QJsonObject object = services::CustomerService::toJson(details.customer, details.ownerLogin);
    object.insert(QStringLiteral("owner"), details.ownerLogin.isEmpty() ? QJsonValue() : QJsonValue(details.ownerLogin));
    object.insert(QStringLiteral("contact_interval_days"), details.intervalDays);
    object.insert(QStringLiteral("contact_overdue"), details.contactOverdue);
    object.insert(QStringLiteral("open_complaints"), details.openComplaints);
    if (!details.segmentName.isEmpty())
        object.insert(QStringLiteral("segment"), details.segmentName);
    QJsonArray contacts;
    for (const auto &contact : details.contacts)
        contacts.append(QJsonObject{{QStringLiteral("id"), contact.id}, {QStringLiteral("name"), contact.name},
                                    {QStringLiteral("title"), contact.title}, {QStringLiteral("phone"), contact.phone},
                                    {QStringLiteral("email"), contact.email}, {QStringLiteral("wechat"), contact.wechat}});
    object.insert(QStringLiteral("contacts"), contacts);
    QJsonArray log;
    for (const auto &entry : details.log)
        log.append(services::CustomerService::toJson(entry));
    object.insert(QStringLiteral("log"), log);
    QJsonArray history;
    for (const auto &step : details.stageHistory)
        history.append(QJsonObject{{QStringLiteral("from"), step.fromState}, {QStringLiteral("to"), step.toState},
                                   {QStringLiteral("by"), step.actorLogin}, {QStringLiteral("at"), step.at},
                                   {QStringLiteral("comment"), step.comment}});
    object.insert(QStringLiteral("history"), history);
    return object;
}

} // namespace

void registerCustomerCommands(CommandLine &commandLine)
{
    const QString customer = QStringLiteral("customer");

    commandLine.add({{customer, QStringLiteral("add")}, {},
                     {opt("name", "NAME", QT_TRANSLATE_NOOP("CustomerCommands", "customer name"), true), opt("class", "key|general|potential", QT_TRANSLATE_NOOP("CustomerCommands", "classification (§3.2.2)")),
                      opt("channel", "online|phone|exhibition|partner|referral", QT_TRANSLATE_NOOP("CustomerCommands", "source channel (§3.1.3)")),
                      opt("industry", "TEXT", QT_TRANSLATE_NOOP("CustomerCommands", "industry")), opt("owner", "LOGIN", QT_TRANSLATE_NOOP("CustomerCommands", "owner (default: you; \"pool\" for the shared pool)")),
                      opt("phone", "TEXT", QT_TRANSLATE_NOOP("CustomerCommands", "phone")), opt("email", "TEXT", QT_TRANSLATE_NOOP("CustomerCommands", "e-mail")), opt("address", "TEXT", QT_TRANSLATE_NOOP("CustomerCommands", "address")),
                      opt("short-name", "TEXT", QT_TRANSLATE_NOOP("CustomerCommands", "short name")), opt("contact", "NAME", QT_TRANSLATE_NOOP("CustomerCommands", "first contact person")),
                      opt("notes", "TEXT", QT_TRANSLATE_NOOP("CustomerCommands", "notes")), opt("allow-duplicate", "", QT_TRANSLATE_NOOP("CustomerCommands", "add even when name, phone or e-mail match a customer"))},
                     QCoreApplication::translate("CustomerCommands", "Add a customer to the archive (§3.2.1)."), Needs::LoggedInUser,
                     [](CommandContext &context) -> QJsonValue {
                         services::NewCustomer input;
                         input.name = context.option(QStringLiteral("name"));
                         input.customerClass = context.option(QStringLiteral("class"));
                         input.channel = context.option(QStringLiteral("channel"));
                         input.industry = context.option(QStringLiteral("industry"));
                         input.ownerLogin = context.option(QStringLiteral("owner"));
                         input.phone = context.option(QStringLiteral("phone"));
                         input.email = context.option(QStringLiteral("email"));
                         input.address = context.option(QStringLiteral("address"));
                         input.shortName = context.option(QStringLiteral("short-name"));
                         input.contactName = context.option(QStringLiteral("contact"));
                         input.notes = context.option(QStringLiteral("notes"));
                         services::CustomerService service(context.session());
                         const auto added = service.add(input, context.has(QStringLiteral("allow-duplicate")));
                         return detailsJson(service.details(added.id));
                     },
                     {}});

    commandLine.add({{customer, QStringLiteral("edit")}, {QStringLiteral("ID")},
                     {opt("name", "NAME", QT_TRANSLATE_NOOP("CustomerCommands", "customer name")),
                      opt("short-name", "TEXT", QT_TRANSLATE_NOOP("CustomerCommands", "short name")),
                      opt("class", "key|general|potential", QT_TRANSLATE_NOOP("CustomerCommands", "classification (§3.2.2)")),
                      opt("channel", "online|phone|exhibition|partner|referral", QT_TRANSLATE_NOOP("CustomerCommands", "source channel (§3.1.3)")),
                      opt("industry", "TEXT", QT_TRANSLATE_NOOP("CustomerCommands", "industry")),
                      opt("size", "TEXT", QT_TRANSLATE_NOOP("CustomerCommands", "headcount band")),
                      opt("phone", "TEXT", QT_TRANSLATE_NOOP("CustomerCommands", "phone")), opt("email", "TEXT", QT_TRANSLATE_NOOP("CustomerCommands", "e-mail")),
                      opt("address", "TEXT", QT_TRANSLATE_NOOP("CustomerCommands", "address")), opt("website", "TEXT", QT_TRANSLATE_NOOP("CustomerCommands", "website")),
                      opt("segment", "NAME", QT_TRANSLATE_NOOP("CustomerCommands", "target segment (§3.1.2); \"-\" for none")),
                      opt("tags", "TEXT", QT_TRANSLATE_NOOP("CustomerCommands", "tags")), opt("notes", "TEXT", QT_TRANSLATE_NOOP("CustomerCommands", "notes")),
                      versionOpt()},
                     QCoreApplication::translate("CustomerCommands", "Change a customer's archive fields (§3.2.1); options not given stay as they are."), Needs::LoggedInUser,
                     [](CommandContext &context) -> QJsonValue {
                         services::CustomerService service(context.session());
                         domain::Customer c = service.customer(context.positionalId(0));
                         if (const auto seen = seenVersion(context))
                             c.version = *seen;
                         auto text = [&context](const char *option, QString &field) {
                             if (context.has(QLatin1String(option)))
                                 field = context.option(QLatin1String(option));
                         };
                         text("name", c.name);
                         text("short-name", c.shortName);
                         text("industry", c.industry);
                         text("size", c.sizeBand);
                         text("phone", c.phone);
                         text("email", c.email);
                         text("address", c.address);
                         text("website", c.website);
                         text("tags", c.tags);
                         text("notes", c.notes);
                         if (context.has(QStringLiteral("class")))
                             c.customerClass = CustomerRules::parseClass(QStringLiteral("--class"), context.option(QStringLiteral("class")));
                         if (context.has(QStringLiteral("channel")))
                             c.channel = CustomerRules::parseChannel(QStringLiteral("--channel"), context.option(QStringLiteral("channel")));
                         if (context.has(QStringLiteral("segment"))) {
                             const QString segment = context.option(QStringLiteral("segment"));
                             c.segmentId = segment == QLatin1String("-") ? std::nullopt : std::optional(service.segmentId(segment));
                         }
                         service.update(c);
                         return detailsJson(service.details(c.id));
                     },
                     {}});

    commandLine.add({{customer, QStringLiteral("show")}, {QStringLiteral("ID")}, {},
                     QCoreApplication::translate("CustomerCommands", "Show a customer with contacts, contact log and stage history."), Needs::LoggedInUser,
                     [](CommandContext &context) -> QJsonValue {
                         return detailsJson(services::CustomerService(context.session()).details(context.positionalId(0)));
                     },
                     {}});

    const auto listRun = [](CommandContext &context) -> QJsonValue {
        const int limit = context.intOption(QStringLiteral("limit"), 50, 1, 100000);
        services::CustomerService service(context.session());
        const storage::CustomerQuery query = queryFrom(context);
        return QJsonObject{{QStringLiteral("customers"), rowsJson(service.list(query, limit))},
                           {QStringLiteral("total"), service.count(query)}};
    };
    commandLine.add({{customer, QStringLiteral("list")}, {},
                     {opt("class", "C", QT_TRANSLATE_NOOP("CustomerCommands", "key, general or potential")), opt("stage", "S", QT_TRANSLATE_NOOP("CustomerCommands", "pipeline stage")),
                      opt("owner", "LOGIN", QT_TRANSLATE_NOOP("CustomerCommands", "owner")), opt("pool", "", QT_TRANSLATE_NOOP("CustomerCommands", "only the shared pool")), opt("search", "TEXT", QT_TRANSLATE_NOOP("CustomerCommands", "substring search")),
                      opt("limit", "N", QT_TRANSLATE_NOOP("CustomerCommands", "at most N rows (default 50)"))},
                     QCoreApplication::translate("CustomerCommands", "List the customers you may see, sorted by name."), Needs::LoggedInUser,
                     listRun, [](const QJsonValue &value) { return listText(value, QStringLiteral("customers")); }});

    commandLine.add({{customer, QStringLiteral("search")}, {QStringLiteral("TEXT")}, {opt("limit", "N", QT_TRANSLATE_NOOP("CustomerCommands", "at most N rows (default 50)"))},
                     QCoreApplication::translate("CustomerCommands", "Substring search over names, contacts, phones, e-mail, address, industry and notes (Chinese included)."),
                     Needs::LoggedInUser,
                     [](CommandContext &context) -> QJsonValue {
                         const int limit = context.intOption(QStringLiteral("limit"), 50, 1, 10000);
                         return QJsonObject{{QStringLiteral("customers"),
                                             rowsJson(services::CustomerService(context.session()).search(context.positional(0), limit))}};
                     },
                     [](const QJsonValue &value) { return listText(value, QStringLiteral("customers")); }});

    commandLine.add({{customer, QStringLiteral("stage")}, {QStringLiteral("ID"), QStringLiteral("STAGE")},
                     {opt("reason", "TEXT", QT_TRANSLATE_NOOP("CustomerCommands", "why the customer was lost (required for lost)")), versionOpt()},
                     QCoreApplication::translate("CustomerCommands", "Move a customer one pipeline step (§3.1.4): lead, contacted, needs_analysis, demo_negotiation, won, lost."),
                     Needs::LoggedInUser,
                     [](CommandContext &context) -> QJsonValue {
                         const domain::Stage stage = CustomerRules::parseStage(QStringLiteral("STAGE"), context.positional(1));
                         services::CustomerService service(context.session());
                         service.changeStage(context.positionalId(0), stage, context.option(QStringLiteral("reason")), seenVersion(context));
                         return detailsJson(service.details(context.positionalId(0)));
                     },
                     {}});

    commandLine.add({{customer, QStringLiteral("contact")}, {QStringLiteral("ID")},
                     {opt("kind", "visit|call|email|meeting|feedback|complaint", QT_TRANSLATE_NOOP("CustomerCommands", "kind of contact"), true),
                      opt("note", "TEXT", QT_TRANSLATE_NOOP("CustomerCommands", "what was discussed (required)"), true), opt("at", "DATETIME", QT_TRANSLATE_NOOP("CustomerCommands", "when (default: now)")),
                      opt("next", "DATE", QT_TRANSLATE_NOOP("CustomerCommands", "next follow-up date (appears in My Tasks)"))},
                     QCoreApplication::translate("CustomerCommands", "Record a contact with a customer (§3.2.3)."), Needs::LoggedInUser,
                     [](CommandContext &context) -> QJsonValue {
                         const domain::ContactKind kind = CustomerRules::parseKind(QStringLiteral("--kind"), context.option(QStringLiteral("kind")));
                         const auto at = context.dateTimeOption(QStringLiteral("at"));
                         const auto next = context.dateOption(QStringLiteral("next"));
                         return services::CustomerService::toJson(services::CustomerService(context.session())
                                                                      .recordContact(context.positionalId(0), kind, context.option(QStringLiteral("note")),
                                                                                     at.value_or(QDateTime()), next.value_or(QDate())));
                     },
                     {}});

    commandLine.add({{customer, QStringLiteral("complaint")}, {QStringLiteral("LOG_ID")},
                     {opt("status", "in_progress|resolved", QT_TRANSLATE_NOOP("CustomerCommands", "new status"), true), opt("resolution", "TEXT", QT_TRANSLATE_NOOP("CustomerCommands", "how it was resolved (required for resolved)")),
                      versionOpt()},
                     QCoreApplication::translate("CustomerCommands", "Move a complaint on: open → in_progress → resolved (§3.2.3)."), Needs::LoggedInUser,
                     [](CommandContext &context) -> QJsonValue {
                         return services::CustomerService::toJson(services::CustomerService(context.session())
                                                                      .updateComplaint(context.positionalId(0), parseStatus(context.option(QStringLiteral("status"))),
                                                                                       context.option(QStringLiteral("resolution")), seenVersion(context)));
                     },
                     {}});

    commandLine.add({{customer, QStringLiteral("person")}, {QStringLiteral("ID")},
                     {opt("name", "NAME", QT_TRANSLATE_NOOP("CustomerCommands", "contact person's name"), true), opt("title", "TEXT", QT_TRANSLATE_NOOP("CustomerCommands", "job title")), opt("phone", "TEXT", QT_TRANSLATE_NOOP("CustomerCommands", "phone")),
                      opt("email", "TEXT", QT_TRANSLATE_NOOP("CustomerCommands", "e-mail")), opt("wechat", "TEXT", QT_TRANSLATE_NOOP("CustomerCommands", "WeChat id")), opt("birthday", "DATE", QT_TRANSLATE_NOOP("CustomerCommands", "birthday"))},
                     QCoreApplication::translate("CustomerCommands", "Add a contact person to a customer."), Needs::LoggedInUser,
                     [](CommandContext &context) -> QJsonValue {
                         domain::CustomerContact contact;
                         contact.customerId = context.positionalId(0);
                         contact.name = context.option(QStringLiteral("name"));
                         contact.title = context.option(QStringLiteral("title"));
                         contact.phone = context.option(QStringLiteral("phone"));
                         contact.email = context.option(QStringLiteral("email"));
                         contact.wechat = context.option(QStringLiteral("wechat"));
                         contact.birthday = context.dateOption(QStringLiteral("birthday")).value_or(QDate());
                         services::CustomerService service(context.session());
                         service.addContact(contact);
                         return detailsJson(service.details(contact.customerId));
                     },
                     {}});

    commandLine.add({{customer, QStringLiteral("import")}, {QStringLiteral("FILE")},
                     {opt("encoding", "auto|utf-8|gb18030", QT_TRANSLATE_NOOP("CustomerCommands", "CSV encoding (default: detected)")),
                      opt("dry-run", "", QT_TRANSLATE_NOOP("CustomerCommands", "report what would happen, write nothing")),
                      opt("update", "", QT_TRANSLATE_NOOP("CustomerCommands", "update customers matched by customer code (else exact name) instead of refusing them as duplicates"))},
                     QCoreApplication::translate("CustomerCommands", "Import customers from CSV (GB18030 or UTF-8) or .xlsx; one transaction. Reports imported, updated, "
                                                                       "rejected lines and ignored_columns (the columns not imported); a value that cannot be mapped rejects its line."), Needs::LoggedInUser,
                     [](CommandContext &context) -> QJsonValue {
                         const services::ImportTable table = services::CustomerImport::read(
                             context.positional(0), context.optionOr(QStringLiteral("encoding"), QStringLiteral("auto")));
                         services::ImportPlan plan;
                         plan.mapping = services::CustomerImport::guessMapping(table.headers);
                         plan.dryRun = context.has(QStringLiteral("dry-run"));
                         plan.update = context.has(QStringLiteral("update"));
                         const services::ImportReport report = services::CustomerImport(context.session()).run(table, plan);
                         QJsonArray rejected;
                         for (const auto &rejection : report.rejected)
                             rejected.append(QJsonObject{{QStringLiteral("line"), rejection.line}, {QStringLiteral("error"), rejection.error}});
                         return QJsonObject{{QStringLiteral("imported"), report.imported}, {QStringLiteral("rejected"), rejected},
                                            {QStringLiteral("total"), report.total}, {QStringLiteral("dry_run"), report.dryRun},
                                            {QStringLiteral("encoding"), table.encoding},
                                            {QStringLiteral("updated"), report.updated}, {QStringLiteral("unchanged"), report.unchanged},
                                            {QStringLiteral("ignored_columns"), QJsonArray::fromStringList(report.ignoredColumns)}};
                     },
                     {}});

    commandLine.add({{customer, QStringLiteral("export")}, {QStringLiteral("FILE")},
                     {opt("class", "C", QT_TRANSLATE_NOOP("CustomerCommands", "key, general or potential")), opt("stage", "S", QT_TRANSLATE_NOOP("CustomerCommands", "pipeline stage")), opt("owner", "LOGIN", QT_TRANSLATE_NOOP("CustomerCommands", "owner")),
                      opt("pool", "", QT_TRANSLATE_NOOP("CustomerCommands", "only the shared pool")), opt("search", "TEXT", QT_TRANSLATE_NOOP("CustomerCommands", "substring search"))},
                     QCoreApplication::translate("CustomerCommands", "Export the customers you may see to .csv (UTF-8 with BOM) or .xlsx."), Needs::LoggedInUser,
                     [](CommandContext &context) -> QJsonValue {
                         const int rows = services::CustomerService(context.session()).exportTo(queryFrom(context), context.positional(0));
                         return QJsonObject{{QStringLiteral("file"), context.positional(0)}, {QStringLiteral("rows"), rows}};
                     },
                     {}});

    commandLine.add({{customer, QStringLiteral("churn")}, {}, {opt("limit", "N", QT_TRANSLATE_NOOP("CustomerCommands", "at most N customers (default 50)"))},
                     QCoreApplication::translate("CustomerCommands", "At-risk customers ranked by churn score, each with its reasons (§3.2.4)."), Needs::LoggedInUser,
                     [](CommandContext &context) -> QJsonValue {
                         QJsonArray list;
                         for (const auto &entry : services::CustomerService(context.session()).churn(context.intOption(QStringLiteral("limit"), 50, 1, 10000))) {
                             QJsonObject object = rowJson(entry.row);
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
                     {opt("cause", "TEXT", QT_TRANSLATE_NOOP("CustomerCommands", "why the customer is at risk"), true),
                      opt("measures", "TEXT", QT_TRANSLATE_NOOP("CustomerCommands", "win-back measures (discount, service improvement, more contact)"), true)},
                     QCoreApplication::translate("CustomerCommands", "Record the cause and win-back measures for an at-risk customer (§3.2.4)."), Needs::LoggedInUser,
                     [](CommandContext &context) -> QJsonValue {
                         services::CustomerService service(context.session());
                         const qint64 id = service.recordWinBack(context.positionalId(0), context.option(QStringLiteral("cause")),
                                                                 context.option(QStringLiteral("measures")));
                         for (const QVariantMap &record : service.winBacks(context.positionalId(0))) {
                             if (record.value(QStringLiteral("id")).toLongLong() == id)
                                 return QJsonObject::fromVariantMap(record);
                         }
                         return QJsonObject{{QStringLiteral("id"), id}};
                     },
                     {}});
    commandLine.add({{customer, QStringLiteral("winback-result")}, {QStringLiteral("WINBACK_ID")},
                     {opt("result", "won_back|lost", QT_TRANSLATE_NOOP("CustomerCommands", "the outcome"), true),
                      opt("note", "TEXT", QT_TRANSLATE_NOOP("CustomerCommands", "what happened")), versionOpt()},
                     QCoreApplication::translate("CustomerCommands", "Record the result of a win-back (§3.2.4)."), Needs::LoggedInUser,
                     [](CommandContext &context) -> QJsonValue {
                         const QString result = context.option(QStringLiteral("result"));
                         if (result != QLatin1String("won_back") && result != QLatin1String("lost"))
                             throw Error::invalid(QStringLiteral("--result"), QCoreApplication::translate("CustomerCommands", "--result: use won_back or lost, not \"%1\".").arg(result));
                         return QJsonObject::fromVariantMap(services::CustomerService(context.session())
                                                                .winBackResult(context.positionalId(0), result == QLatin1String("won_back"),
                                                                               context.option(QStringLiteral("note")), seenVersion(context)));
                     },
                     {}});
    commandLine.add({{customer, QStringLiteral("winbacks")}, {}, {opt("customer", "ID", QT_TRANSLATE_NOOP("CustomerCommands", "only this customer"))},
                     QCoreApplication::translate("CustomerCommands", "List win-back records and the success rate (§3.2.4)."), Needs::LoggedInUser,
                     [](CommandContext &context) -> QJsonValue {
                         services::CustomerService service(context.session());
                         std::optional<domain::CustomerId> only;
                         if (context.has(QStringLiteral("customer")))
                             only = context.option(QStringLiteral("customer")).toLongLong();
                         QJsonArray list;
                         for (const QVariantMap &record : service.winBacks(only))
                             list.append(QJsonObject::fromVariantMap(record));
                         const double rate = service.winBackSuccessRate();
                         return QJsonObject{{QStringLiteral("winbacks"), list},
                                            {QStringLiteral("success_rate"), rate < 0 ? QJsonValue() : QJsonValue(rate)}};
                     },
                     {}});

    commandLine.add({{customer, QStringLiteral("claim")}, {QStringLiteral("ID")}, {versionOpt()},
                     QCoreApplication::translate("CustomerCommands", "Take a customer from the shared pool."), Needs::LoggedInUser,
                     [](CommandContext &context) -> QJsonValue {
                         return services::CustomerService::toJson(services::CustomerService(context.session()).claim(context.positionalId(0), seenVersion(context)),
                                                                  context.session().user().login);
                     },
                     {}});
    commandLine.add({{customer, QStringLiteral("assign")}, {QStringLiteral("ID"), QStringLiteral("LOGIN")}, {versionOpt()},
                     QCoreApplication::translate("CustomerCommands", "Give a customer to another owner (managers)."), Needs::LoggedInUser,
                     [](CommandContext &context) -> QJsonValue {
                         return services::CustomerService::toJson(services::CustomerService(context.session())
                                                                      .assign(context.positionalId(0), context.positional(1), seenVersion(context)),
                                                                  context.positional(1));
                     },
                     {}});
    commandLine.add({{customer, QStringLiteral("owners")}, {}, {},
                     QCoreApplication::translate("CustomerCommands", "Who you may make a customer's owner with add --owner or assign (§3.2.1)."), Needs::LoggedInUser,
                     [](CommandContext &context) -> QJsonValue {
                         const services::OwnerChoices choices = services::CustomerService(context.session()).eligibleOwners();
                         QJsonArray people;
                         for (const domain::User &user : choices.people)
                             people.append(QJsonObject{{QStringLiteral("login"), user.login}, {QStringLiteral("name"), user.displayName}});
                         return QJsonObject{{QStringLiteral("owners"), people}, {QStringLiteral("pool"), choices.pool}};
                     },
                     {}});
    commandLine.add({{customer, QStringLiteral("release")}, {QStringLiteral("ID")}, {versionOpt()},
                     QCoreApplication::translate("CustomerCommands", "Put a customer back into the shared pool."), Needs::LoggedInUser,
                     [](CommandContext &context) -> QJsonValue {
                         return services::CustomerService::toJson(services::CustomerService(context.session()).release(context.positionalId(0), seenVersion(context)));
                     },
                     {}});
    commandLine.add({{customer, QStringLiteral("pool")}, {}, {opt("limit", "N", QT_TRANSLATE_NOOP("CustomerCommands", "at most N rows (default 50)"))},
                     QCoreApplication::translate("CustomerCommands", "List the shared pool."), Needs::LoggedInUser,
                     [](CommandContext &context) -> QJsonValue {
                         storage::CustomerQuery query;
                         query.poolOnly = true;
                         services::CustomerService service(context.session());
                         return QJsonObject{{QStringLiteral("customers"), rowsJson(service.list(query, context.intOption(QStringLiteral("limit"), 50, 1, 100000)))},
                                            {QStringLiteral("total"), service.count(query)}};
                     },
                     [](const QJsonValue &value) { return listText(value, QStringLiteral("customers")); }});
    commandLine.add({{customer, QStringLiteral("pool-return")}, {}, {},
                     QCoreApplication::translate("CustomerCommands", "Return customers not followed for customer.pool_return_days to the shared pool."), Needs::LoggedInUser,
                     [](CommandContext &context) -> QJsonValue {
                         return QJsonObject{{QStringLiteral("returned"), services::CustomerService(context.session()).returnUnfollowedToPool()}};
                     },
                     {}});

    commandLine.add({{QStringLiteral("event"), QStringLiteral("add")}, {},
                     {opt("kind", "appreciation|training", QT_TRANSLATE_NOOP("CustomerCommands", "appreciation event or training session"), true),
                      opt("title", "TEXT", QT_TRANSLATE_NOOP("CustomerCommands", "title"), true),
                      opt("date", "DATE", QT_TRANSLATE_NOOP("CustomerCommands", "date of the event"), true),
                      opt("place", "TEXT", QT_TRANSLATE_NOOP("CustomerCommands", "place")), opt("notes", "TEXT", QT_TRANSLATE_NOOP("CustomerCommands", "notes"))},
                     QCoreApplication::translate("CustomerCommands", "Plan a customer event (§3.2.3)."), Needs::LoggedInUser,
                     [](CommandContext &context) -> QJsonValue {
                         const qint64 id = services::CustomerService(context.session())
                                               .addEvent(context.option(QStringLiteral("kind")), context.option(QStringLiteral("title")),
                                                         context.dateOption(QStringLiteral("date")).value_or(QDate()),
                                                         context.option(QStringLiteral("place")), context.option(QStringLiteral("notes")));
                         return QJsonObject{{QStringLiteral("id"), id}};
                     },
                     {}});
    commandLine.add({{QStringLiteral("event"), QStringLiteral("invite")}, {QStringLiteral("EVENT_ID"), QStringLiteral("CUSTOMER_ID")}, {},
                     QCoreApplication::translate("CustomerCommands", "Invite a customer to an event."), Needs::LoggedInUser,
                     [](CommandContext &context) -> QJsonValue {
                         services::CustomerService(context.session()).invite(context.positionalId(0), context.positionalId(1));
                         return QJsonObject{{QStringLiteral("event"), context.positionalId(0)}, {QStringLiteral("customer"), context.positionalId(1)}};
                     },
                     {}});
    commandLine.add({{QStringLiteral("event"), QStringLiteral("list")}, {}, {opt("customer", "ID", QT_TRANSLATE_NOOP("CustomerCommands", "only this customer"))},
                     QCoreApplication::translate("CustomerCommands", "List customer events with the invited customers."), Needs::LoggedInUser,
                     [](CommandContext &context) -> QJsonValue {
                         std::optional<domain::CustomerId> only;
                         if (context.has(QStringLiteral("customer")))
                             only = context.option(QStringLiteral("customer")).toLongLong();
                         QJsonArray list;
                         for (const QVariantMap &event : services::CustomerService(context.session()).events(only))
                             list.append(QJsonObject::fromVariantMap(event));
                         return QJsonObject{{QStringLiteral("events"), list}};
                     },
                     {}});

    commandLine.add({{QStringLiteral("segment"), QStringLiteral("add")}, {QStringLiteral("NAME")},
                     {opt("traits", "TEXT", QT_TRANSLATE_NOOP("CustomerCommands", "what the group has in common")), opt("strategy", "TEXT", QT_TRANSLATE_NOOP("CustomerCommands", "how we approach it"))},
                     QCoreApplication::translate("CustomerCommands", "Define a target segment (§3.1.2)."), Needs::LoggedInUser,
                     [](CommandContext &context) -> QJsonValue {
                         const qint64 id = services::CustomerService(context.session())
                                               .addSegment(context.positional(0), context.option(QStringLiteral("traits")), context.option(QStringLiteral("strategy")));
                         return QJsonObject{{QStringLiteral("id"), id}, {QStringLiteral("name"), context.positional(0).trimmed()}};
                     },
                     {}});
    commandLine.add({{QStringLiteral("segment"), QStringLiteral("list")}, {}, {},
                     QCoreApplication::translate("CustomerCommands", "List target segments."), Needs::LoggedInUser,
                     [](CommandContext &context) -> QJsonValue {
                         QJsonArray list;
                         for (const QVariantMap &segment : services::CustomerService(context.session()).segments())
                             list.append(QJsonObject::fromVariantMap(segment));
                         return QJsonObject{{QStringLiteral("segments"), list}};
                     },
                     {}});
    commandLine.add({{QStringLiteral("research"), QStringLiteral("add")}, {},
                     {opt("topic", "TEXT", QT_TRANSLATE_NOOP("CustomerCommands", "topic"), true), opt("date", "DATE", QT_TRANSLATE_NOOP("CustomerCommands", "date of the study"), true),
                      opt("findings", "TEXT", QT_TRANSLATE_NOOP("CustomerCommands", "findings")), opt("competitors", "TEXT", QT_TRANSLATE_NOOP("CustomerCommands", "competitors"))},
                     QCoreApplication::translate("CustomerCommands", "Record a market research study (§3.1.1)."), Needs::LoggedInUser,
                     [](CommandContext &context) -> QJsonValue {
                         const qint64 id = services::CustomerService(context.session())
                                               .addResearch(context.option(QStringLiteral("topic")), context.dateOption(QStringLiteral("date")).value_or(QDate()),
                                                            context.option(QStringLiteral("findings")), context.option(QStringLiteral("competitors")));
                         return QJsonObject{{QStringLiteral("id"), id}};
                     },
                     {}});
    commandLine.add({{QStringLiteral("research"), QStringLiteral("list")}, {}, {},
                     QCoreApplication::translate("CustomerCommands", "List market research records."), Needs::LoggedInUser,
                     [](CommandContext &context) -> QJsonValue {
                         QJsonArray list;
                         for (const QVariantMap &record : services::CustomerService(context.session()).research())
                             list.append(QJsonObject::fromVariantMap(record));
                         return QJsonObject{{QStringLiteral("research"), list}};
                     },
                     {}});
}

} // namespace bizdesk::cli
