#include "cli/CommandContext.h"
#include "cli/CommandLine.h"
#include "domain/Error.h"
#include "services/entertainment/EntertainmentService.h"
#include "services/entertainment/ExpensePrinting.h"
#include "services/entertainment/ExpenseReport.h"
#include "services/identity/IdentityService.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>

#include <limits>

namespace bizdesk::cli {
namespace {

using domain::Error;
using Needs = CommandSpec::Needs;
using services::EntertainmentService;

QString word(const char *text)
{
    return QString::fromLatin1(text);
}

OptionSpec option(const char *name, const char *value, const QString &help, bool required = false)
{
    return {QString::fromLatin1(name), value ? QString::fromLatin1(value) : QString(), help, required};
}

QJsonValue showRequest(CommandContext &context, qint64 id)
{
    EntertainmentService service(context.session());
    return EntertainmentService::toJson(service.detail(id));
}

/// --staff LOGIN[,LOGIN]: active people by login; an unknown login is invalid naming --staff.
QList<domain::UserId> staffOption(CommandContext &context)
{
    QList<domain::UserId> staff;
    if (!context.has(QStringLiteral("staff")))
        return staff;
    const services::IdentityService identity(context.session());
    const QStringList logins = context.option(QStringLiteral("staff")).split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (const QString &item : logins) {
        const QString login = item.trimmed();
        if (login.isEmpty())
            continue;
        std::optional<domain::User> user;
        try {
            user = identity.user(login);
        } catch (const Error &) {
            user.reset(); // unknown login: named below as bad input
        }
        if (!user || !user->active)
            throw Error::invalid(QStringLiteral("--staff"),
                                 QCoreApplication::translate("EntertainmentCommands",
                                                             "--staff: \"%1\" is not the login of an active member of staff (§6.3.1).")
                                     .arg(login),
                                 QStringLiteral("6.3.1"));
        staff << user->id;
    }
    return staff;
}

OptionSpec versionOption()
{
    return option("version", "N",
                  QCoreApplication::translate("EntertainmentCommands",
                                              "the version you saw (expense show); if the request changed since: exit 4, "
                                              "nothing written"));
}

/// --version N: the version of the request the caller last saw (optimistic locking).
std::optional<int> seenVersion(const CommandContext &context)
{
    if (!context.has(QStringLiteral("version")))
        return std::nullopt;
    return context.intOption(QStringLiteral("version"), 0, 1, std::numeric_limits<int>::max());
}

using TransitionAction = std::function<void(EntertainmentService &, qint64, const QString &, std::optional<int>)>;

/// The commands that act on one request by id and return it as `expense show` does.
void addTransition(CommandLine &commandLine, const char *name, const QString &summary, bool commentRequired,
                   bool commentAllowed, TransitionAction act)
{
    QList<OptionSpec> options;
    if (commentAllowed)
        options << option("comment", "T", QCoreApplication::translate("EntertainmentCommands", "comment recorded with the decision"),
                          commentRequired);
    options << versionOption();
    commandLine.add({{word("expense"), word(name)}, {QStringLiteral("ID")}, options, summary, Needs::LoggedInUser,
                     [act](CommandContext &context) -> QJsonValue {
                         const qint64 id = context.positionalId(0);
                         const std::optional<int> seen = seenVersion(context);
                         EntertainmentService service(context.session());
                         act(service, id, context.option(QStringLiteral("comment")), seen);
                         return showRequest(context, id);
                     },
                     {}});
}

} // namespace

void registerEntertainmentCommands(CommandLine &commandLine)
{
    commandLine.add(
        {{word("expense"), word("apply")},
         {},
         {option("category", "reception|banquet|event|other", QCoreApplication::translate("EntertainmentCommands", "kind of event (§6.2)"), true),
          option("reason", "TEXT", QCoreApplication::translate("EntertainmentCommands", "why the entertainment is needed"), true),
          option("at", "DATETIME", QCoreApplication::translate("EntertainmentCommands", "local date and time, e.g. 2026-12-01T18:30"), true),
          option("place", "TEXT", QCoreApplication::translate("EntertainmentCommands", "where it takes place"), true),
          option("participants", "TEXT", QCoreApplication::translate("EntertainmentCommands", "external guests (and other participants) as text"), true),
          option("staff", "LOGIN[,LOGIN]", QCoreApplication::translate("EntertainmentCommands", "company staff taking part, by login (§6.3.1)")),
          option("headcount", "N", QCoreApplication::translate("EntertainmentCommands", "number of people, at least 1"), true),
          option("estimate", "AMOUNT", QCoreApplication::translate("EntertainmentCommands", "estimated cost in yuan"), true),
          option("customer", "ID", QCoreApplication::translate("EntertainmentCommands", "the customer entertained")),
          option("over-budget-explanation", "TEXT",
                 QCoreApplication::translate("EntertainmentCommands", "why the monthly budget may be exceeded (§6.1)")),
          option("submit", nullptr,
                 QCoreApplication::translate("EntertainmentCommands", "submit at once; when the submit is refused, no draft is kept"))},
         QCoreApplication::translate("EntertainmentCommands", "Fill in a 商務應酬申請表 as a draft (§6.3.1)."),
         Needs::LoggedInUser,
         [](CommandContext &context) -> QJsonValue {
             domain::ExpenseForm form;
             form.category = context.option(QStringLiteral("category"));
             form.reason = context.option(QStringLiteral("reason"));
             form.eventAt = context.dateTimeOption(QStringLiteral("at")).value_or(QDateTime());
             form.place = context.option(QStringLiteral("place"));
             form.participants = context.option(QStringLiteral("participants"));
             form.staff = staffOption(context);
             form.headcount = context.intOption(QStringLiteral("headcount"), 0, 1, 10000);
             form.estimate = context.option(QStringLiteral("estimate"));
             if (context.has(QStringLiteral("customer"))) {
                 bool ok = false;
                 const qint64 customer = context.option(QStringLiteral("customer")).toLongLong(&ok);
                 if (!ok || customer <= 0)
                     throw Error::invalid(QStringLiteral("--customer"),
                                          QCoreApplication::translate("EntertainmentCommands", "--customer: \"%1\" is not a customer id.")
                                              .arg(context.option(QStringLiteral("customer"))));
                 form.customerId = customer;
             }
             form.overBudgetExplanation = context.option(QStringLiteral("over-budget-explanation"));
             EntertainmentService service(context.session());
             const auto request = context.has(QStringLiteral("submit")) ? service.applyAndSubmit(form) : service.apply(form);
             return showRequest(context, request.id);
         },
         {}});

    addTransition(commandLine, "submit", QCoreApplication::translate("EntertainmentCommands", "Submit a draft for approval (§6.3.2)."),
                  false, false, [](EntertainmentService &service, qint64 id, const QString &, std::optional<int> seen) { service.submit(id, seen); });
    addTransition(commandLine, "approve",
                  QCoreApplication::translate("EntertainmentCommands", "Approve the current step; in pending_finance_review: "
                                                                       "reimburse the claim (finance)."),
                  false, true, [](EntertainmentService &service, qint64 id, const QString &comment, std::optional<int> seen) {
                      service.approve(id, comment, seen);
                  });
    addTransition(commandLine, "return",
                  QCoreApplication::translate("EntertainmentCommands", "Return to the applicant (application → draft; claim → "
                                                                       "approved, to be filed again)."),
                  true, true, [](EntertainmentService &service, qint64 id, const QString &comment, std::optional<int> seen) {
                      service.returnRequest(id, comment, seen);
                  });
    addTransition(commandLine, "reject",
                  QCoreApplication::translate("EntertainmentCommands", "Reject (application → rejected; claim → claim_refused)."),
                  true, true, [](EntertainmentService &service, qint64 id, const QString &comment, std::optional<int> seen) {
                      service.reject(id, comment, seen);
                  });
    addTransition(commandLine, "withdraw", QCoreApplication::translate("EntertainmentCommands", "Withdraw your request before it is approved."),
                  false, false, [](EntertainmentService &service, qint64 id, const QString &, std::optional<int> seen) { service.withdraw(id, seen); });
    addTransition(commandLine, "cancel", QCoreApplication::translate("EntertainmentCommands", "Cancel your approved event."), false, false,
                  [](EntertainmentService &service, qint64 id, const QString &, std::optional<int> seen) { service.cancel(id, seen); });

    commandLine.add({{word("expense"), word("claim")},
                     {QStringLiteral("ID")},
                     {option("actual", "AMOUNT", QCoreApplication::translate("EntertainmentCommands", "actual cost in yuan"), true),
                      option("receipts", "N", QCoreApplication::translate("EntertainmentCommands", "number of receipts"), true),
                      option("explanation", "TEXT",
                             QCoreApplication::translate("EntertainmentCommands", "needed when the actual cost exceeds the estimate (§6.4.3)")),
                      versionOption()},
                     QCoreApplication::translate("EntertainmentCommands", "File the claim after the event (§6.4)."),
                     Needs::LoggedInUser,
                     [](CommandContext &context) -> QJsonValue {
                         const qint64 id = context.positionalId(0);
                         services::ExpenseClaimInput input;
                         input.actual = context.option(QStringLiteral("actual"));
                         input.receipts = context.intOption(QStringLiteral("receipts"), 0, 0, 1000);
                         input.explanation = context.option(QStringLiteral("explanation"));
                         EntertainmentService(context.session()).claim(id, input, seenVersion(context));
                         return showRequest(context, id);
                     },
                     {}});

    commandLine.add({{word("expense"), word("attach")},
                     {QStringLiteral("ID"), QStringLiteral("FILE")},
                     {},
                     QCoreApplication::translate("EntertainmentCommands", "Attach a scanned receipt (PDF, JPEG or PNG) to the claim (§6.4.1)."),
                     Needs::LoggedInUser,
                     [](CommandContext &context) -> QJsonValue {
                         const qint64 id = context.positionalId(0);
                         const QString path = context.positional(1);
                         const auto attachment = EntertainmentService(context.session()).attachReceiptFile(id, path);
                         return QJsonObject{{QStringLiteral("id"), attachment.id},
                                            {QStringLiteral("request"), id},
                                            {QStringLiteral("file"), attachment.fileName},
                                            {QStringLiteral("type"), attachment.mediaType},
                                            {QStringLiteral("size"), attachment.size},
                                            {QStringLiteral("sha256"), attachment.sha256}};
                     },
                     {}});

    commandLine.add({{word("expense"), word("form")},
                     {QStringLiteral("ID")},
                     {option("out", "FILE.pdf", QCoreApplication::translate("EntertainmentCommands", "where to write the PDF"), true)},
                     QCoreApplication::translate("EntertainmentCommands", "The printable 商務應酬申請表 with the approvals so far."),
                     Needs::LoggedInUser,
                     [](CommandContext &context) -> QJsonValue {
                         const qint64 id = context.positionalId(0);
                         const QString out = context.option(QStringLiteral("out"));
                         if (!out.endsWith(QLatin1String(".pdf"), Qt::CaseInsensitive))
                             throw Error::invalid(QStringLiteral("out"), QCoreApplication::translate("EntertainmentCommands", "out: the form is written as a .pdf file."));
                         services::Session &session = context.session();
                         const auto detail = EntertainmentService(session).detail(id);
                         services::DocumentRenderer::writePdf(services::ExpensePrinting::applicationForm(detail, services::CompanyService(session).profile()), out,
                                                              session.now());
                         return QJsonObject{{QStringLiteral("id"), id}, {QStringLiteral("out"), QFileInfo(out).absoluteFilePath()}};
                     },
                     {}});

    commandLine.add({{word("expense"), word("show")},
                     {QStringLiteral("ID")},
                     {},
                     QCoreApplication::translate("EntertainmentCommands", "A request with its flags, route and history."),
                     Needs::LoggedInUser,
                     [](CommandContext &context) -> QJsonValue { return showRequest(context, context.positionalId(0)); },
                     {}});

    commandLine.add(
        {{word("expense"), word("list")},
         {},
         {option("state", "S", QCoreApplication::translate("EntertainmentCommands", "only requests in this state")),
          option("pending-for-me", nullptr, QCoreApplication::translate("EntertainmentCommands", "only what you (or whoever delegated to you) can decide now")),
          option("mine", nullptr, QCoreApplication::translate("EntertainmentCommands", "only your own requests")),
          option("month", "YYYY-MM", QCoreApplication::translate("EntertainmentCommands", "only events in this month")),
          option("dept", "DEPT", QCoreApplication::translate("EntertainmentCommands", "only this department"))},
         QCoreApplication::translate("EntertainmentCommands", "Entertainment requests you may see."),
         Needs::LoggedInUser,
         [](CommandContext &context) -> QJsonValue {
             services::Session &session = context.session();
             services::ExpenseQuery query;
             if (context.has(QStringLiteral("state"))) {
                 query.state = domain::expenseStateFromName(context.option(QStringLiteral("state")).trimmed());
                 if (!query.state)
                     throw Error::invalid(QStringLiteral("--state"), QCoreApplication::translate("EntertainmentCommands", "--state: \"%1\" is not a state of an entertainment request.")
                                                                         .arg(context.option(QStringLiteral("state"))));
             }
             query.pendingForMe = context.has(QStringLiteral("pending-for-me"));
             query.mineOnly = context.has(QStringLiteral("mine"));
             query.month = context.option(QStringLiteral("month"));
             if (context.has(QStringLiteral("dept")))
                 query.departmentName = context.option(QStringLiteral("dept"));
             QJsonArray requests;
             for (const auto &row : EntertainmentService(session).list(query))
                 requests.append(EntertainmentService::toJson(row));
             return QJsonObject{{QStringLiteral("requests"), requests}};
         },
         {}});
}

/// `report expenses`: registered by the Reports module's command group (cli/commands/ReportCommands.cpp).
void registerExpenseReportCommand(CommandLine &commandLine)
{
    commandLine.add({{word("report"), word("expenses")},
                     {},
                     {option("period", "P", QCoreApplication::translate("EntertainmentCommands", "2026, 2026-Q4 or 2026-11"), true),
                      option("dept", "D", QCoreApplication::translate("EntertainmentCommands", "only this department")),
                      option("out", "FILE", QCoreApplication::translate("EntertainmentCommands", ".pdf, .xlsx, .html or .csv"), true)},
                     QCoreApplication::translate("EntertainmentCommands", "Entertainment expenses by department and person (§6.1, §6.4)."),
                     Needs::LoggedInUser,
                     [](CommandContext &context) -> QJsonValue {
                         services::ExpenseReport report(context.session());
                         const auto data = report.build(context.option(QStringLiteral("period")), context.option(QStringLiteral("dept")));
                         const QString out = context.option(QStringLiteral("out"));
                         report.write(data, out);
                         // The totals stay at the top level as before; budget columns and the
                         // lines by department and person are added (docs: cli.md).
                         QJsonObject result = services::ExpenseReport::toJson(data);
                         result.insert(QStringLiteral("out"), QFileInfo(out).absoluteFilePath());
                         return result;
                     },
                     {}});
}

} // namespace bizdesk::cli
