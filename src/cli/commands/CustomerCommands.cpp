#include "cli/CommandContext.h"
#include "cli/CommandLine.h"
#include "domain/Error.h"
#include "services/customers/CustomerImport.h"
#include "cli/commands/CustomerCommandParts.h"
#include "services/customers/CustomerCareService.h"
#include "services/customers/CustomerService.h"
#include "services/customers/MarketResearchService.h"
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

QJsonArray rowsJson(const QList<domain::CustomerRow> &rows)
{
    QJsonArray array;
    for (const auto &row : rows)
        array.append(customerRowJson(row));
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

domain::CustomerQuery queryFrom(CommandContext &context)
{
    domain::CustomerQuery query;
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
        log.append(services::CustomerCareService::toJson(entry));
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

OptionSpec customerOption(const char *name, const char *valueName, const char *help, bool required)
{
    return {QLatin1String(name), QLatin1String(valueName), QCoreApplication::translate("CustomerCommands", help), required};
}

/// --version N on edits and state changes (§7): the version of the record the caller last saw.
OptionSpec customerVersionOption()
{
    return customerOption("version", "N", QT_TRANSLATE_NOOP("CustomerCommands", "the version you last saw; refused with exit 4 when the record changed since"));
}


QJsonObject customerRowJson(const domain::CustomerRow &row)
{
    QJsonObject object = services::CustomerService::toJson(row.customer, row.ownerLogin);
    object.insert(QStringLiteral("owner"), row.ownerLogin.isEmpty() ? QJsonValue() : QJsonValue(row.ownerLogin));
    return object;
}

void registerCustomerCommands(CommandLine &commandLine)
{
    const QString customer = QStringLiteral("customer");
    registerCustomerCareCommands(commandLine);
    registerMarketResearchCommands(commandLine);

    commandLine.add({{customer, QStringLiteral("add")}, {},
                     {customerOption("name", "NAME", QT_TRANSLATE_NOOP("CustomerCommands", "customer name"), true), customerOption("class", "key|general|potential", QT_TRANSLATE_NOOP("CustomerCommands", "classification (§3.2.2)")),
                      customerOption("channel", "online|phone|exhibition|partner|referral", QT_TRANSLATE_NOOP("CustomerCommands", "source channel (§3.1.3)")),
                      customerOption("industry", "TEXT", QT_TRANSLATE_NOOP("CustomerCommands", "industry")), customerOption("owner", "LOGIN", QT_TRANSLATE_NOOP("CustomerCommands", "owner (default: you; \"pool\" for the shared pool)")),
                      customerOption("phone", "TEXT", QT_TRANSLATE_NOOP("CustomerCommands", "phone")), customerOption("email", "TEXT", QT_TRANSLATE_NOOP("CustomerCommands", "e-mail")), customerOption("address", "TEXT", QT_TRANSLATE_NOOP("CustomerCommands", "address")),
                      customerOption("short-name", "TEXT", QT_TRANSLATE_NOOP("CustomerCommands", "short name")), customerOption("contact", "NAME", QT_TRANSLATE_NOOP("CustomerCommands", "first contact person")),
                      customerOption("notes", "TEXT", QT_TRANSLATE_NOOP("CustomerCommands", "notes")), customerOption("allow-duplicate", "", QT_TRANSLATE_NOOP("CustomerCommands", "add even when name, phone or e-mail match a customer"))},
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
                     {customerOption("name", "NAME", QT_TRANSLATE_NOOP("CustomerCommands", "customer name")),
                      customerOption("short-name", "TEXT", QT_TRANSLATE_NOOP("CustomerCommands", "short name")),
                      customerOption("class", "key|general|potential", QT_TRANSLATE_NOOP("CustomerCommands", "classification (§3.2.2)")),
                      customerOption("channel", "online|phone|exhibition|partner|referral", QT_TRANSLATE_NOOP("CustomerCommands", "source channel (§3.1.3)")),
                      customerOption("industry", "TEXT", QT_TRANSLATE_NOOP("CustomerCommands", "industry")),
                      customerOption("size", "TEXT", QT_TRANSLATE_NOOP("CustomerCommands", "headcount band")),
                      customerOption("phone", "TEXT", QT_TRANSLATE_NOOP("CustomerCommands", "phone")), customerOption("email", "TEXT", QT_TRANSLATE_NOOP("CustomerCommands", "e-mail")),
                      customerOption("address", "TEXT", QT_TRANSLATE_NOOP("CustomerCommands", "address")), customerOption("website", "TEXT", QT_TRANSLATE_NOOP("CustomerCommands", "website")),
                      customerOption("segment", "NAME", QT_TRANSLATE_NOOP("CustomerCommands", "target segment (§3.1.2); \"-\" for none")),
                      customerOption("tags", "TEXT", QT_TRANSLATE_NOOP("CustomerCommands", "tags")), customerOption("notes", "TEXT", QT_TRANSLATE_NOOP("CustomerCommands", "notes")),
                      customerVersionOption()},
                     QCoreApplication::translate("CustomerCommands", "Change a customer's archive fields (§3.2.1); options not given stay as they are."), Needs::LoggedInUser,
                     [](CommandContext &context) -> QJsonValue {
                         services::CustomerService service(context.session());
                         domain::Customer c = service.customer(context.positionalId(0));
                         if (const auto seen = context.seenVersion())
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
                             c.segmentId = segment == QLatin1String("-") ? std::nullopt : std::optional(services::MarketResearchService(context.session()).segmentId(segment));
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
        const domain::CustomerQuery query = queryFrom(context);
        return QJsonObject{{QStringLiteral("customers"), rowsJson(service.list(query, limit))},
                           {QStringLiteral("total"), service.count(query)}};
    };
    commandLine.add({{customer, QStringLiteral("list")}, {},
                     {customerOption("class", "C", QT_TRANSLATE_NOOP("CustomerCommands", "key, general or potential")), customerOption("stage", "S", QT_TRANSLATE_NOOP("CustomerCommands", "pipeline stage")),
                      customerOption("owner", "LOGIN", QT_TRANSLATE_NOOP("CustomerCommands", "owner")), customerOption("pool", "", QT_TRANSLATE_NOOP("CustomerCommands", "only the shared pool")), customerOption("search", "TEXT", QT_TRANSLATE_NOOP("CustomerCommands", "substring search")),
                      customerOption("limit", "N", QT_TRANSLATE_NOOP("CustomerCommands", "at most N rows (default 50)"))},
                     QCoreApplication::translate("CustomerCommands", "List the customers you may see, sorted by name."), Needs::LoggedInUser,
                     listRun, [](const QJsonValue &value) { return listText(value, QStringLiteral("customers")); }});

    commandLine.add({{customer, QStringLiteral("search")}, {QStringLiteral("TEXT")}, {customerOption("limit", "N", QT_TRANSLATE_NOOP("CustomerCommands", "at most N rows (default 50)"))},
                     QCoreApplication::translate("CustomerCommands", "Substring search over names, contacts, phones, e-mail, address, industry and notes (Chinese included)."),
                     Needs::LoggedInUser,
                     [](CommandContext &context) -> QJsonValue {
                         const int limit = context.intOption(QStringLiteral("limit"), 50, 1, 10000);
                         return QJsonObject{{QStringLiteral("customers"),
                                             rowsJson(services::CustomerService(context.session()).search(context.positional(0), limit))}};
                     },
                     [](const QJsonValue &value) { return listText(value, QStringLiteral("customers")); }});

    commandLine.add({{customer, QStringLiteral("stage")}, {QStringLiteral("ID"), QStringLiteral("STAGE")},
                     {customerOption("reason", "TEXT", QT_TRANSLATE_NOOP("CustomerCommands", "why the customer was lost (required for lost)")), customerVersionOption()},
                     QCoreApplication::translate("CustomerCommands", "Move a customer one pipeline step (§3.1.4): lead, contacted, needs_analysis, demo_negotiation, won, lost."),
                     Needs::LoggedInUser,
                     [](CommandContext &context) -> QJsonValue {
                         const domain::Stage stage = CustomerRules::parseStage(QStringLiteral("STAGE"), context.positional(1));
                         services::CustomerService service(context.session());
                         service.changeStage(context.positionalId(0), stage, context.option(QStringLiteral("reason")), context.seenVersion());
                         return detailsJson(service.details(context.positionalId(0)));
                     },
                     {}});

    commandLine.add({{customer, QStringLiteral("person")}, {QStringLiteral("ID")},
                     {customerOption("name", "NAME", QT_TRANSLATE_NOOP("CustomerCommands", "contact person's name"), true), customerOption("title", "TEXT", QT_TRANSLATE_NOOP("CustomerCommands", "job title")), customerOption("phone", "TEXT", QT_TRANSLATE_NOOP("CustomerCommands", "phone")),
                      customerOption("email", "TEXT", QT_TRANSLATE_NOOP("CustomerCommands", "e-mail")), customerOption("wechat", "TEXT", QT_TRANSLATE_NOOP("CustomerCommands", "WeChat id")), customerOption("birthday", "DATE", QT_TRANSLATE_NOOP("CustomerCommands", "birthday"))},
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
                     {customerOption("encoding", "auto|utf-8|gb18030", QT_TRANSLATE_NOOP("CustomerCommands", "CSV encoding (default: detected)")),
                      customerOption("dry-run", "", QT_TRANSLATE_NOOP("CustomerCommands", "report what would happen, write nothing")),
                      customerOption("update", "", QT_TRANSLATE_NOOP("CustomerCommands", "update customers matched by customer code (else exact name) instead of refusing them as duplicates"))},
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
                     {customerOption("class", "C", QT_TRANSLATE_NOOP("CustomerCommands", "key, general or potential")), customerOption("stage", "S", QT_TRANSLATE_NOOP("CustomerCommands", "pipeline stage")), customerOption("owner", "LOGIN", QT_TRANSLATE_NOOP("CustomerCommands", "owner")),
                      customerOption("pool", "", QT_TRANSLATE_NOOP("CustomerCommands", "only the shared pool")), customerOption("search", "TEXT", QT_TRANSLATE_NOOP("CustomerCommands", "substring search"))},
                     QCoreApplication::translate("CustomerCommands", "Export the customers you may see to .csv (UTF-8 with BOM) or .xlsx."), Needs::LoggedInUser,
                     [](CommandContext &context) -> QJsonValue {
                         const int rows = services::CustomerService(context.session()).exportTo(queryFrom(context), context.positional(0));
                         return QJsonObject{{QStringLiteral("file"), context.positional(0)}, {QStringLiteral("rows"), rows}};
                     },
                     {}});

    commandLine.add({{customer, QStringLiteral("claim")}, {QStringLiteral("ID")}, {customerVersionOption()},
                     QCoreApplication::translate("CustomerCommands", "Take a customer from the shared pool."), Needs::LoggedInUser,
                     [](CommandContext &context) -> QJsonValue {
                         return services::CustomerService::toJson(services::CustomerService(context.session()).claim(context.positionalId(0), context.seenVersion()),
                                                                  context.session().user().login);
                     },
                     {}});
    commandLine.add({{customer, QStringLiteral("assign")}, {QStringLiteral("ID"), QStringLiteral("LOGIN")}, {customerVersionOption()},
                     QCoreApplication::translate("CustomerCommands", "Give a customer to another owner (managers)."), Needs::LoggedInUser,
                     [](CommandContext &context) -> QJsonValue {
                         return services::CustomerService::toJson(services::CustomerService(context.session())
                                                                      .assign(context.positionalId(0), context.positional(1), context.seenVersion()),
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
    commandLine.add({{customer, QStringLiteral("release")}, {QStringLiteral("ID")}, {customerVersionOption()},
                     QCoreApplication::translate("CustomerCommands", "Put a customer back into the shared pool."), Needs::LoggedInUser,
                     [](CommandContext &context) -> QJsonValue {
                         return services::CustomerService::toJson(services::CustomerService(context.session()).release(context.positionalId(0), context.seenVersion()));
                     },
                     {}});
    commandLine.add({{customer, QStringLiteral("pool")}, {}, {customerOption("limit", "N", QT_TRANSLATE_NOOP("CustomerCommands", "at most N rows (default 50)"))},
                     QCoreApplication::translate("CustomerCommands", "List the shared pool."), Needs::LoggedInUser,
                     [](CommandContext &context) -> QJsonValue {
                         domain::CustomerQuery query;
                         query.poolOnly = true;
                         services::CustomerService service(context.session());
                         return QJsonObject{{QStringLiteral("customers"), rowsJson(service.list(query, context.intOption(QStringLiteral("limit"), 50, 1, 100000)))},
                                            {QStringLiteral("total"), service.count(query)}};
                     },
                     [](const QJsonValue &value) { return listText(value, QStringLiteral("customers")); }});
    commandLine.add({{customer, QStringLiteral("pool-return")}, {}, {},
                     QCoreApplication::translate("CustomerCommands", "Return customers not followed for customer.pool_return_days to the shared pool."), Needs::LoggedInUser,
                     [](CommandContext &context) -> QJsonValue {
                         const services::PoolReturnResult result = services::CustomerService(context.session()).returnUnfollowedToPool();
                         return QJsonObject{{QStringLiteral("returned"), result.returned},
                                            {QStringLiteral("batches"), result.batches},
                                            {QStringLiteral("running_elsewhere"), result.runningElsewhere}};
                     },
                     {}});

}

} // namespace bizdesk::cli
