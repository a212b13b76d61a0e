#include "cli/CommandContext.h"
#include "cli/CommandLine.h"
#include "domain/Error.h"
#include "services/contracts/ClauseTemplateService.h"
#include "services/contracts/ContractAttachments.h"
#include "services/contracts/ContractExecutionService.h"
#include "services/contracts/ContractService.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>

#include <functional>
#include <limits>

namespace bizdesk::cli {
namespace {

using domain::Error;
using Needs = CommandSpec::Needs;
using services::ContractExecutionService;
using services::ContractService;

OptionSpec option(const char *name, const char *value, const QString &help, bool required = false)
{
    return {QString::fromLatin1(name), value ? QString::fromLatin1(value) : QString(), help, required};
}

OptionSpec versionOption()
{
    return option("version", "N", QCoreApplication::translate("ContractCommands", "the version you saw (contract show); if the contract changed since: exit 4, nothing written"));
}

QJsonValue show(CommandContext &context, qint64 id)
{
    ContractService service(context.session());
    return ContractService::toJson(service.detail(id));
}

QDate requiredDate(CommandContext &context, const char *name)
{
    return context.dateOption(QString::fromLatin1(name)).value_or(QDate());
}

/// A command on one contract (`contract WORD ID [options]`) that answers with `contract show`.
void addContractCommand(CommandLine &commandLine, const char *word, QList<OptionSpec> options, const QString &summary,
                        std::function<void(CommandContext &, qint64)> act)
{
    commandLine.add({{QStringLiteral("contract"), QString::fromLatin1(word)}, {QStringLiteral("ID")}, std::move(options), summary,
                     Needs::LoggedInUser,
                     [act = std::move(act)](CommandContext &context) -> QJsonValue {
                         const qint64 id = context.positionalId(0);
                         act(context, id);
                         return show(context, id);
                     },
                     {}});
}

/// The clause text after NAME (one argument or several, joined by spaces); with --template none.
QString clauseText(CommandContext &context)
{
    QStringList words;
    for (int i = 2; i < context.positionalCount(); ++i)
        words << context.positional(i);
    const bool fromTemplate = context.has(QStringLiteral("template"));
    if (fromTemplate == !words.isEmpty())
        throw Error::invalid(QStringLiteral("TEXT"), QCoreApplication::translate("ContractCommands", "TEXT: give either the clause's text "
                                                                                                     "or --template TID, not both or neither."));
    return words.join(QLatin1Char(' '));
}

domain::ContractForm formFrom(CommandContext &context)
{
    domain::ContractForm form;
    form.customerId = context.has(QStringLiteral("customer")) ? context.intOption(QStringLiteral("customer"), 0, 1, std::numeric_limits<int>::max()) : 0;
    form.title = context.option(QStringLiteral("title"));
    form.amount = context.option(QStringLiteral("amount"));
    form.currency = context.option(QStringLiteral("currency"));
    form.ownerLogin = context.option(QStringLiteral("owner"));
    form.startDate = context.dateOption(QStringLiteral("start")).value_or(QDate());
    form.endDate = context.dateOption(QStringLiteral("end")).value_or(QDate());
    if (context.has(QStringLiteral("negotiation")))
        form.negotiationId = context.intOption(QStringLiteral("negotiation"), 0, 1, std::numeric_limits<int>::max());
    return form;
}

void registerDrafting(CommandLine &commandLine)
{
    commandLine.add({{QStringLiteral("contract"), QStringLiteral("draft")}, {},
                     {option("customer", "ID", QCoreApplication::translate("ContractCommands", "the customer the contract is made with (with --negotiation: its customer)")),
                      option("title", "TEXT", QCoreApplication::translate("ContractCommands", "what the contract is about (with --negotiation: its title)")),
                      option("amount", "AMOUNT", QCoreApplication::translate("ContractCommands", "contract amount, at most two decimals (with --negotiation: the agreed amount)")),
                      option("currency", "CODE", QCoreApplication::translate("ContractCommands", "ISO currency code (default CNY; others need a rate kept by finance)")),
                      option("owner", "LOGIN", QCoreApplication::translate("ContractCommands", "the salesperson credited in performance figures (default: you)")),
                      option("start", "DATE", QCoreApplication::translate("ContractCommands", "start date, yyyy-MM-dd")),
                      option("end", "DATE", QCoreApplication::translate("ContractCommands", "end date, yyyy-MM-dd, not before the start")),
                      option("negotiation", "ID", QCoreApplication::translate("ContractCommands", "the consensus negotiation it comes from (§4.2.6): customer, title, amount and agreed terms are taken from it"))},
                     QCoreApplication::translate("ContractCommands", "Draft a contract (§5.1); it is numbered HT-YYYY-NNNN."), Needs::LoggedInUser,
                     [](CommandContext &context) -> QJsonValue {
                         const domain::Contract contract = ContractService(context.session()).draft(formFrom(context));
                         return QJsonObject{{QStringLiteral("id"), contract.id},
                                            {QStringLiteral("number"), contract.number},
                                            {QStringLiteral("state"), domain::contractStates().name(contract.state)},
                                            {QStringLiteral("version"), contract.version}};
                     },
                     {}});

    commandLine.add({{QStringLiteral("contract"), QStringLiteral("clause")}, {QStringLiteral("ID"), QStringLiteral("NAME"), QStringLiteral("TEXT...")},
                     {option("template", "TID", QCoreApplication::translate("ContractCommands", "write the text of legal's clause template TID instead of TEXT (§5.1.3)")),
                      versionOption()},
                     QCoreApplication::translate("ContractCommands", "Write one of the seven required clauses (§5.1.2): obligations|specification|price|delivery|acceptance|payment|breach."),
                     Needs::LoggedInUser,
                     [](CommandContext &context) -> QJsonValue {
                         const qint64 id = context.positionalId(0);
                         const domain::ContractClause clause = domain::ClauseGate::parse(context.positional(1));
                         const QString text = clauseText(context);
                         if (context.has(QStringLiteral("template")))
                             services::ClauseTemplateService(context.session())
                                 .insertInto(id, clause, context.intOption(QStringLiteral("template"), 0, 1, std::numeric_limits<int>::max()),
                                             context.seenVersion());
                         else
                             ContractService(context.session()).setClause(id, clause, text, context.seenVersion());
                         return show(context, id);
                     },
                     {}});

    addContractCommand(commandLine, "submit", {versionOption()}, QCoreApplication::translate("ContractCommands", "Submit a draft for legal, finance and leadership review (§5.2)."),
                       [](CommandContext &context, qint64 id) { ContractService(context.session()).submit(id, context.seenVersion()); });
    addContractCommand(commandLine, "approve",
                       {option("comment", "TEXT", QCoreApplication::translate("ContractCommands", "your comment")), option("clause", "NAME", QCoreApplication::translate("ContractCommands", "the clause the comment is about")),
                        versionOption()},
                       QCoreApplication::translate("ContractCommands", "Approve the current review or approval step."), [](CommandContext &context, qint64 id) {
                           ContractService(context.session())
                               .approve(id, context.option(QStringLiteral("comment")), context.option(QStringLiteral("clause")),
                                        context.seenVersion());
                       });
    addContractCommand(commandLine, "return",
                       {option("comment", "TEXT", QCoreApplication::translate("ContractCommands", "what the drafter must change (§5.2.2)"), true),
                        option("clause", "NAME", QCoreApplication::translate("ContractCommands", "the clause the comment is about")), versionOption()},
                       QCoreApplication::translate("ContractCommands", "Return the contract to its drafter with a comment."), [](CommandContext &context, qint64 id) {
                           ContractService(context.session())
                               .returnToDrafter(id, context.option(QStringLiteral("comment")), context.option(QStringLiteral("clause")),
                                                context.seenVersion());
                       });
    addContractCommand(commandLine, "withdraw", {versionOption()}, QCoreApplication::translate("ContractCommands", "Withdraw a draft."),
                       [](CommandContext &context, qint64 id) { ContractService(context.session()).withdraw(id, context.seenVersion()); });

    commandLine.add({{QStringLiteral("contract"), QStringLiteral("show")}, {QStringLiteral("ID")}, {},
                     QCoreApplication::translate("ContractCommands", "A contract with its clauses, route, milestones, receivables, payments, versions and history."),
                     Needs::LoggedInUser, [](CommandContext &context) -> QJsonValue { return show(context, context.positionalId(0)); }, {}});

    commandLine.add({{QStringLiteral("contract"), QStringLiteral("list")}, {},
                     {option("state", "S", QCoreApplication::translate("ContractCommands", "only contracts in this state")), option("customer", "ID", QCoreApplication::translate("ContractCommands", "only this customer's contracts")),
                      option("owner", "LOGIN", QCoreApplication::translate("ContractCommands", "only contracts this salesperson owns")),
                      option("expiring", nullptr, QCoreApplication::translate("ContractCommands", "only effective contracts ending within contract.renewal_notice_days")),
                      option("overdue", nullptr, QCoreApplication::translate("ContractCommands", "only effective contracts with overdue receivables")),
                      option("retention-expired", nullptr, QCoreApplication::translate("ContractCommands", "only archived contracts past their retention period (§5.6.3), to destroy")),
                      option("limit", "N", QCoreApplication::translate("ContractCommands", "at most N rows (default 200)"))},
                     QCoreApplication::translate("ContractCommands", "Contracts you may see, newest first."), Needs::LoggedInUser,
                     [](CommandContext &context) -> QJsonValue {
                         services::ContractQuery query;
                         if (context.has(QStringLiteral("state"))) {
                             query.state = domain::contractStates().fromName(context.option(QStringLiteral("state")));
                             if (!query.state)
                                 throw Error::invalid(QStringLiteral("--state"),
                                                      QCoreApplication::translate("ContractCommands", "--state: \"%1\" is not one of %2.")
                                                          .arg(context.option(QStringLiteral("state")), domain::contractStates().namesJoined()));
                         }
                         if (context.has(QStringLiteral("customer")))
                             query.customer = context.intOption(QStringLiteral("customer"), 0, 1, std::numeric_limits<int>::max());
                         if (context.has(QStringLiteral("owner")))
                             query.ownerLogin = context.option(QStringLiteral("owner"));
                         query.expiring = context.has(QStringLiteral("expiring"));
                         query.overdue = context.has(QStringLiteral("overdue"));
                         query.retentionExpired = context.has(QStringLiteral("retention-expired"));
                         query.limit = context.intOption(QStringLiteral("limit"), 200, 1, 1000);
                         QJsonArray rows;
                         for (const domain::ContractListRow &row : ContractService(context.session()).list(query))
                             rows.append(ContractService::toJson(row));
                         return rows;
                     },
                     {}});

    commandLine.add({{QStringLiteral("contract"), QStringLiteral("rate")}, {QStringLiteral("CURRENCY"), QStringLiteral("RATE")}, {},
                     QCoreApplication::translate("ContractCommands", "Set how many CNY one unit of a currency is worth (finance)."), Needs::LoggedInUser,
                     [](CommandContext &context) -> QJsonValue {
                         ContractService(context.session()).setExchangeRate(context.positional(0), context.positional(1));
                         return QJsonObject{{QStringLiteral("currency"), context.positional(0).toUpper()},
                                            {QStringLiteral("rate"), context.positional(1)}};
                     },
                     {}});
}

void registerExecution(CommandLine &commandLine)
{
    addContractCommand(commandLine, "sign",
                       {option("date", "DATE", QCoreApplication::translate("ContractCommands", "signing date"), true),
                        option("our-signatory", "LOGIN", QCoreApplication::translate("ContractCommands", "our authorised signatory (§5.3.1)"), true),
                        option("their-signatory", "NAME", QCoreApplication::translate("ContractCommands", "the customer's signatory"), true),
                        option("no-seal", nullptr, QCoreApplication::translate("ContractCommands", "the seal was not applied")),
                        option("delivery-department", "ID", QCoreApplication::translate("ContractCommands", "the department that delivers (default: the owner's)")),
                        option("scan", "FILE", QCoreApplication::translate("ContractCommands", "the signed scan, attached in the same step")), versionOption()},
                       QCoreApplication::translate("ContractCommands", "Record the signing: the contract becomes effective and copies go to legal, finance and delivery (§5.3)."),
                       [](CommandContext &context, qint64 id) {
                           services::SigningInput input;
                           input.date = requiredDate(context, "date");
                           input.ourSignatoryLogin = context.option(QStringLiteral("our-signatory"));
                           input.theirSignatory = context.option(QStringLiteral("their-signatory"));
                           input.sealApplied = !context.has(QStringLiteral("no-seal"));
                           if (context.has(QStringLiteral("delivery-department")))
                               input.deliveryDepartment = context.intOption(QStringLiteral("delivery-department"), 0, 1, std::numeric_limits<int>::max());
                           if (context.has(QStringLiteral("scan")))
                               services::ContractAttachments(context.session())
                                   .signWithScan(id, input, context.option(QStringLiteral("scan")), context.seenVersion());
                           else
                               ContractExecutionService(context.session()).sign(id, input, context.seenVersion());
                       });
    addContractCommand(commandLine, "acknowledge", {}, QCoreApplication::translate("ContractCommands", "Acknowledge receipt of your copy (§5.3.3)."),
                       [](CommandContext &context, qint64 id) { ContractExecutionService(context.session()).acknowledge(id); });
    addContractCommand(commandLine, "milestone",
                       {option("kind", "delivery|acceptance|payment", QCoreApplication::translate("ContractCommands", "what the milestone is (§5.4.1)"), true),
                        option("due", "DATE", QCoreApplication::translate("ContractCommands", "due date"), true), option("amount", "AMOUNT", QCoreApplication::translate("ContractCommands", "amount tied to it"))},
                       QCoreApplication::translate("ContractCommands", "Add a milestone."), [](CommandContext &context, qint64 id) {
                           ContractExecutionService(context.session())
                               .addMilestone(id, context.option(QStringLiteral("kind")), requiredDate(context, "due"),
                                             context.option(QStringLiteral("amount")));
                       });
    commandLine.add({{QStringLiteral("contract"), QStringLiteral("milestone-done")}, {QStringLiteral("MID")},
                     {option("date", "DATE", QCoreApplication::translate("ContractCommands", "when it was done (default today)"))}, QCoreApplication::translate("ContractCommands", "Mark a milestone done."), Needs::LoggedInUser,
                     [](CommandContext &context) -> QJsonValue {
                         const domain::Contract contract = ContractExecutionService(context.session())
                                                               .completeMilestone(context.positionalId(0), requiredDate(context, "date"));
                         return show(context, contract.id);
                     },
                     {}});
    addContractCommand(commandLine, "receivable",
                       {option("due", "DATE", QCoreApplication::translate("ContractCommands", "when the installment is due"), true),
                        option("amount", "AMOUNT", QCoreApplication::translate("ContractCommands", "installment amount; the plan may not exceed the contract amount"), true)},
                       QCoreApplication::translate("ContractCommands", "Add an installment to the receivable plan (回款计划, §5.4)."), [](CommandContext &context, qint64 id) {
                           ContractExecutionService(context.session())
                               .addReceivable(id, requiredDate(context, "due"), context.option(QStringLiteral("amount")));
                       });
    addContractCommand(commandLine, "payment",
                       {option("date", "DATE", QCoreApplication::translate("ContractCommands", "when the money arrived"), true), option("amount", "AMOUNT", QCoreApplication::translate("ContractCommands", "amount received"), true),
                        option("receivable", "RID", QCoreApplication::translate("ContractCommands", "the installment it pays")), option("method", "TEXT", QCoreApplication::translate("ContractCommands", "bank transfer, cheque, …"))},
                       QCoreApplication::translate("ContractCommands", "Record a payment received (回款记录, finance only)."), [](CommandContext &context, qint64 id) {
                           std::optional<qint64> receivable;
                           if (context.has(QStringLiteral("receivable")))
                               receivable = context.intOption(QStringLiteral("receivable"), 0, 1, std::numeric_limits<int>::max());
                           ContractExecutionService(context.session())
                               .recordPayment(id, requiredDate(context, "date"), context.option(QStringLiteral("amount")), receivable,
                                              context.option(QStringLiteral("method")));
                       });
    addContractCommand(commandLine, "issue",
                       {option("kind", "changed_needs|delay|quality_dispute", QCoreApplication::translate("ContractCommands", "what kind of issue (§5.4.2)"), true),
                        option("description", "TEXT", QCoreApplication::translate("ContractCommands", "what happened"), true)},
                       QCoreApplication::translate("ContractCommands", "Record an issue during execution."), [](CommandContext &context, qint64 id) {
                           ContractExecutionService(context.session())
                               .recordIssue(id, context.option(QStringLiteral("kind")), context.option(QStringLiteral("description")));
                       });
    addContractCommand(commandLine, "satisfaction",
                       {option("score", "1..5", QCoreApplication::translate("ContractCommands", "the customer's satisfaction"), true), option("comment", "TEXT", QCoreApplication::translate("ContractCommands", "what they said"))},
                       QCoreApplication::translate("ContractCommands", "Record customer satisfaction after acceptance (§5.4.3)."), [](CommandContext &context, qint64 id) {
                           ContractExecutionService(context.session())
                               .recordSatisfaction(id, context.intOption(QStringLiteral("score"), 0, -1000, 1000),
                                                   context.option(QStringLiteral("comment")));
                       });
}

void registerLifecycle(CommandLine &commandLine)
{
    addContractCommand(commandLine, "change",
                       {option("content", "TEXT", QCoreApplication::translate("ContractCommands", "what the change agreement says (§5.5.2)"), true),
                        option("reason", "TEXT", QCoreApplication::translate("ContractCommands", "why"), true), option("effective", "DATE", QCoreApplication::translate("ContractCommands", "when it takes effect"), true),
                        option("amount", "AMOUNT", QCoreApplication::translate("ContractCommands", "the new contract amount")),
                        option("clause", "NAME", QCoreApplication::translate("ContractCommands", "a clause the agreement rewrites")), option("text", "TEXT", QCoreApplication::translate("ContractCommands", "the clause's new text")),
                        option("scan", "FILE", QCoreApplication::translate("ContractCommands", "the signed change agreement, attached in the same step")), versionOption()},
                       QCoreApplication::translate("ContractCommands", "Record a change agreement: a new version of the contract (§5.5)."), [](CommandContext &context, qint64 id) {
                           services::ChangeInput input;
                           input.content = context.option(QStringLiteral("content"));
                           input.reason = context.option(QStringLiteral("reason"));
                           input.effective = requiredDate(context, "effective");
                           input.newAmount = context.option(QStringLiteral("amount"));
                           if (context.has(QStringLiteral("clause")))
                               input.clauses[domain::ClauseGate::parse(context.option(QStringLiteral("clause")))] =
                                   context.option(QStringLiteral("text"));
                           if (context.has(QStringLiteral("scan")))
                               services::ContractAttachments(context.session())
                                   .changeWithScan(id, input, context.option(QStringLiteral("scan")), context.seenVersion());
                           else
                               ContractExecutionService(context.session()).change(id, input, context.seenVersion());
                       });
    addContractCommand(commandLine, "terminate",
                       {option("reason", "TEXT", QCoreApplication::translate("ContractCommands", "why the contract ends early (§5.5.3)"), true),
                        option("notice-date", "DATE", QCoreApplication::translate("ContractCommands", "when notice was given"), true),
                        option("legal-basis", "TEXT", QCoreApplication::translate("ContractCommands", "the contract clause or law relied on")),
                        option("settlement", "TEXT", QCoreApplication::translate("ContractCommands", "property returned, compensation (§5.5.4)")), versionOption()},
                       QCoreApplication::translate("ContractCommands", "Terminate an effective contract."), [](CommandContext &context, qint64 id) {
                           domain::Termination termination{context.option(QStringLiteral("reason")), requiredDate(context, "notice-date"),
                                                           context.option(QStringLiteral("legal-basis")),
                                                           context.option(QStringLiteral("settlement"))};
                           ContractExecutionService(context.session()).terminate(id, termination, context.seenVersion());
                       });
    addContractCommand(commandLine, "complete",
                       {option("reason", "TEXT", QCoreApplication::translate("ContractCommands", "needed when a director completes it before everything is done and settled")),
                        versionOption()},
                       QCoreApplication::translate("ContractCommands", "Complete a contract whose milestones are done and receivables settled."), [](CommandContext &context, qint64 id) {
                           ContractExecutionService(context.session()).complete(id, context.option(QStringLiteral("reason")), context.seenVersion());
                       });
    addContractCommand(commandLine, "archive",
                       {option("number", "TEXT", QCoreApplication::translate("ContractCommands", "archive number (§5.6.2)"), true),
                        option("location", "TEXT", QCoreApplication::translate("ContractCommands", "where the originals are kept"), true),
                        option("date", "DATE", QCoreApplication::translate("ContractCommands", "archiving date (default today)")), versionOption()},
                       QCoreApplication::translate("ContractCommands", "Archive a completed or terminated contract; starts the retention period (§5.6)."),
                       [](CommandContext &context, qint64 id) {
                           domain::ArchiveRecord record{context.option(QStringLiteral("number")), context.option(QStringLiteral("location")),
                                                        requiredDate(context, "date"), {}};
                           ContractExecutionService(context.session()).archive(id, record, context.seenVersion());
                       });
    addContractCommand(commandLine, "destroy", {versionOption()},
                       QCoreApplication::translate("ContractCommands", "Destroy an archived contract after its retention period (director): metadata and history stay (§5.6.3)."),
                       [](CommandContext &context, qint64 id) { ContractExecutionService(context.session()).destroy(id, context.seenVersion()); });
}

} // namespace

void registerContractDocumentCommands(CommandLine &commandLine);
void registerContractFileCommands(CommandLine &commandLine); // ContractFileCommands.cpp

void registerContractCommands(CommandLine &commandLine)
{
    registerDrafting(commandLine);
    registerExecution(commandLine);
    registerLifecycle(commandLine);
    registerContractDocumentCommands(commandLine);
    registerContractFileCommands(commandLine);
}

} // namespace bizdesk::cli
