#include "cli/CommandContext.h"
#include "cli/CommandLine.h"
#include "domain/Error.h"
#include "services/company/CompanyService.h"
#include "services/negotiations/NegotiationMaterials.h"
#include "services/negotiations/NegotiationReport.h"
#include "services/negotiations/NegotiationService.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>

#include <functional>
#include <limits>

namespace bizdesk::cli {
namespace {

using domain::Error;
using Needs = CommandSpec::Needs;
using services::NegotiationMaterials;
using services::NegotiationService;

OptionSpec option(const char *name, const char *value, const QString &help, bool required = false)
{
    return {QString::fromLatin1(name), value ? QString::fromLatin1(value) : QString(), help, required};
}

OptionSpec versionOption()
{
    return option("version", "N", QCoreApplication::translate("NegotiationCommands", "the version you saw (negotiation show); if it changed since: exit 4, nothing written"));
}

QJsonValue show(CommandContext &context, qint64 id)
{
    return NegotiationService::toJson(NegotiationService(context.session()).detail(id));
}

std::optional<QString> optionalText(CommandContext &context, const char *name)
{
    const QString key = QString::fromLatin1(name);
    return context.has(key) ? std::optional<QString>(context.option(key)) : std::nullopt;
}

/// `field` = the option's text when it was given.
void overrideText(CommandContext &context, const char *name, QString &field)
{
    if (const auto value = optionalText(context, name))
        field = *value;
}

/// A command on one negotiation (`negotiation WORD ID [options]`) that answers with `negotiation show`.
void addNegotiationCommand(CommandLine &commandLine, const char *word, QStringList positionals, QList<OptionSpec> options,
                           const QString &summary, std::function<void(CommandContext &, qint64)> act)
{
    positionals.prepend(QStringLiteral("ID"));
    options << versionOption();
    commandLine.add({{QStringLiteral("negotiation"), QString::fromLatin1(word)}, positionals, std::move(options), summary,
                     Needs::LoggedInUser,
                     [act = std::move(act)](CommandContext &context) -> QJsonValue {
                         const qint64 id = context.positionalId(0);
                         act(context, id);
                         return show(context, id);
                     },
                     {}});
}

QList<OptionSpec> headerOptions(bool opening)
{
    return {option("customer", "ID", QCoreApplication::translate("NegotiationCommands", "the customer the negotiation is with"), opening),
            option("title", "TEXT", QCoreApplication::translate("NegotiationCommands", "what is negotiated"), opening),
            option("goal", "TEXT", QCoreApplication::translate("NegotiationCommands", "the goal (§4.1.2)")),
            option("direction", "sell|buy", QCoreApplication::translate("NegotiationCommands", "whether we sell or buy (default sell)")),
            option("target", "AMOUNT", QCoreApplication::translate("NegotiationCommands", "our target")),
            option("bottom-line", "AMOUNT", QCoreApplication::translate("NegotiationCommands", "our bottom line, seen only by the team and their superiors")),
            option("anchor", "AMOUNT", QCoreApplication::translate("NegotiationCommands", "our opening anchor")),
            option("batna", "TEXT", QCoreApplication::translate("NegotiationCommands", "our best alternative if there is no deal")),
            option("batna-value", "AMOUNT", QCoreApplication::translate("NegotiationCommands", "what that alternative is worth")),
            option("walk-away", "TEXT", QCoreApplication::translate("NegotiationCommands", "conditions under which we walk away")),
            option("planned-end", "DATE", QCoreApplication::translate("NegotiationCommands", "planned end date, yyyy-MM-dd")),
            option("importance", "low|medium|high", QCoreApplication::translate("NegotiationCommands", "importance (default medium)")),
            option("complexity", "low|medium|high", QCoreApplication::translate("NegotiationCommands", "complexity (default medium)")),
            option("research", "ID", QCoreApplication::translate("NegotiationCommands", "the market research record it draws on"))};
}

/// The header typed on the command line over `form` (the stored one when editing).
void applyHeaderOptions(CommandContext &context, domain::NegotiationForm &form)
{
    if (context.has(QStringLiteral("customer")))
        form.customerId = context.intOption(QStringLiteral("customer"), 0, 1, std::numeric_limits<int>::max());
    if (context.has(QStringLiteral("research")))
        form.researchId = context.intOption(QStringLiteral("research"), 0, 1, std::numeric_limits<int>::max());
    const auto text = [&](const char *name, QString &field) { overrideText(context, name, field); };
    text("title", form.title);
    text("goal", form.goal);
    text("direction", form.direction);
    text("target", form.target);
    text("bottom-line", form.bottomLine);
    text("anchor", form.anchor);
    text("batna", form.batna);
    text("batna-value", form.batnaValue);
    text("walk-away", form.walkAway);
    text("importance", form.importance);
    text("complexity", form.complexity);
    if (context.has(QStringLiteral("planned-end")))
        form.plannedEnd = context.dateOption(QStringLiteral("planned-end")).value_or(QDate());
}

QString amountText(const std::optional<domain::Money> &amount)
{
    return amount ? amount->toDecimalString() : QString();
}

domain::NegotiationForm formOf(const domain::Negotiation &n)
{
    domain::NegotiationForm form;
    form.customerId = n.customerId;
    form.researchId = n.researchId;
    form.title = n.title;
    form.goal = n.goal;
    form.direction = domain::negotiationDirections().name(n.direction);
    form.importance = domain::negotiationLevels().name(n.importance);
    form.complexity = domain::negotiationLevels().name(n.complexity);
    form.target = amountText(n.target);
    form.bottomLine = amountText(n.bottomLine);
    form.anchor = amountText(n.anchor);
    form.batna = n.batna;
    form.batnaValue = amountText(n.batnaValue);
    form.walkAway = n.walkAway;
    form.plannedEnd = n.plannedEnd;
    return form;
}

template <typename Value>
std::optional<Value> namedOption(CommandContext &context, const char *name, const domain::NamedValues<Value> &values)
{
    const QString key = QString::fromLatin1(name);
    if (!context.has(key))
        return std::nullopt;
    if (const auto value = values.fromName(context.option(key)))
        return value;
    throw Error::invalid(QStringLiteral("--") + key, QCoreApplication::translate("NegotiationCommands", "--%1: \"%2\" is not one of %3.")
                                                         .arg(key, context.option(key), values.namesJoined()));
}

void registerPreparation(CommandLine &commandLine)
{
    QList<OptionSpec> openOptions = headerOptions(true);
    openOptions << option("lead", "LOGIN", QCoreApplication::translate("NegotiationCommands", "the lead (default: you)"));
    commandLine.add({{QStringLiteral("negotiation"), QStringLiteral("open")}, {}, openOptions,
                     QCoreApplication::translate("NegotiationCommands", "Open a negotiation in preparation (§4.1); you lead it unless --lead names another."),
                     Needs::LoggedInUser,
                     [](CommandContext &context) -> QJsonValue {
                         domain::NegotiationForm form;
                         applyHeaderOptions(context, form);
                         const domain::Negotiation n = NegotiationService(context.session()).open(form, context.option(QStringLiteral("lead")));
                         return QJsonObject{{QStringLiteral("id"), n.id},
                                            {QStringLiteral("stage"), domain::negotiationStages().name(n.stage)},
                                            {QStringLiteral("version"), n.version}};
                     },
                     {}});
    addNegotiationCommand(commandLine, "edit", {}, headerOptions(false),
                          QCoreApplication::translate("NegotiationCommands", "Change the preparation: only the options given change."),
                          [](CommandContext &context, qint64 id) {
                              NegotiationService service(context.session());
                              domain::NegotiationForm form = formOf(service.confidentialDetail(id).negotiation);
                              applyHeaderOptions(context, form);
                              service.edit(id, form, context.seenVersion());
                          });
    addNegotiationCommand(commandLine, "member", {QStringLiteral("LOGIN")},
                          {option("role", "lead|member|support", QCoreApplication::translate("NegotiationCommands", "the member's role (§4.1.1)")),
                           option("duties", "TEXT", QCoreApplication::translate("NegotiationCommands", "what the member does (§4.1.4)")),
                           option("remove", nullptr, QCoreApplication::translate("NegotiationCommands", "take the person off the team"))},
                          QCoreApplication::translate("NegotiationCommands", "Put a person on the team with a role and duties, or take them off."),
                          [](CommandContext &context, qint64 id) {
                              NegotiationService service(context.session());
                              if (context.has(QStringLiteral("remove")))
                                  service.removeMember(id, context.positional(1), context.seenVersion());
                              else
                                  service.setMember(id, context.positional(1), context.optionOr(QStringLiteral("role"), QStringLiteral("member")),
                                                    context.option(QStringLiteral("duties")), context.seenVersion());
                          });
    addNegotiationCommand(commandLine, "strategy", {},
                          {option("our-strengths", "TEXT", QCoreApplication::translate("NegotiationCommands", "our strengths")),
                           option("our-weaknesses", "TEXT", QCoreApplication::translate("NegotiationCommands", "our weaknesses")),
                           option("their-strengths", "TEXT", QCoreApplication::translate("NegotiationCommands", "their strengths")),
                           option("their-weaknesses", "TEXT", QCoreApplication::translate("NegotiationCommands", "their weaknesses")),
                           option("their-strategy", "TEXT", QCoreApplication::translate("NegotiationCommands", "their likely strategy")),
                           option("our-responses", "TEXT", QCoreApplication::translate("NegotiationCommands", "our responses"))},
                          QCoreApplication::translate("NegotiationCommands", "Write the strategy (§4.1.2): only the fields given change."),
                          [](CommandContext &context, qint64 id) {
                              NegotiationService service(context.session());
                              domain::NegotiationStrategy strategy = service.detail(id).negotiation.strategy;
                              const auto text = [&](const char *name, QString &field) { overrideText(context, name, field); };
                              text("our-strengths", strategy.ourStrengths);
                              text("our-weaknesses", strategy.ourWeaknesses);
                              text("their-strengths", strategy.theirStrengths);
                              text("their-weaknesses", strategy.theirWeaknesses);
                              text("their-strategy", strategy.theirLikelyStrategy);
                              text("our-responses", strategy.ourResponses);
                              service.setStrategy(id, strategy, context.seenVersion());
                          });
    addNegotiationCommand(commandLine, "material", {},
                          {option("kind", "market|industry|competitors|laws", QCoreApplication::translate("NegotiationCommands", "what the material is about"), true),
                           option("note", "TEXT", QCoreApplication::translate("NegotiationCommands", "the material (may be left out when a file is given)")),
                           option("file", "PATH", QCoreApplication::translate("NegotiationCommands", "a file kept with the note, stored with its SHA-256 (at most negotiation.material_max_mb)"))},
                          QCoreApplication::translate("NegotiationCommands", "Add a material (§4.1.3): a note, a file or both."), [](CommandContext &context, qint64 id) {
                              NegotiationMaterials(context.session())
                                  .addFromPath(id, context.option(QStringLiteral("kind")), context.optionOr(QStringLiteral("note"), {}),
                                               context.optionOr(QStringLiteral("file"), {}), context.seenVersion());
                          });
    commandLine.add({{QStringLiteral("negotiation"), QStringLiteral("material-file")}, {QStringLiteral("MID")},
                     {option("out", "FILE", QCoreApplication::translate("NegotiationCommands", "where to write the file"), true)},
                     QCoreApplication::translate("NegotiationCommands", "Write a material's file (its id is in negotiation show) after checking it against its SHA-256."),
                     Needs::LoggedInUser,
                     [](CommandContext &context) -> QJsonValue {
                         const QString out = context.option(QStringLiteral("out"));
                         const domain::Material material = NegotiationMaterials(context.session()).saveTo(context.positionalId(0), out);
                         return QJsonObject{{QStringLiteral("material"), material.id},
                                            {QStringLiteral("file"), material.fileName},
                                            {QStringLiteral("size"), material.fileSize},
                                            {QStringLiteral("sha256"), material.sha256},
                                            {QStringLiteral("out"), QFileInfo(out).absoluteFilePath()}};
                     },
                     {}});
    addNegotiationCommand(commandLine, "checklist", {QStringLiteral("ITEM")},
                          {option("undone", nullptr, QCoreApplication::translate("NegotiationCommands", "untick the item"))},
                          QCoreApplication::translate("NegotiationCommands", "Tick a preparation checklist item that the record does not show itself: briefing_held."),
                          [](CommandContext &context, qint64 id) {
                              NegotiationService(context.session())
                                  .tick(id, context.positional(1), !context.has(QStringLiteral("undone")), context.seenVersion());
                          });
}

void registerProcess(CommandLine &commandLine)
{
    addNegotiationCommand(commandLine, "stage", {QStringLiteral("STAGE")},
                          {option("note", "TEXT", QCoreApplication::translate("NegotiationCommands", "a note for the history"))},
                          QCoreApplication::translate("NegotiationCommands", "Move to the next stage (§4.2): %1; a skipped stage is exit 4.")
                              .arg(domain::negotiationStages().namesJoined()),
                          [](CommandContext &context, qint64 id) {
                              NegotiationService(context.session())
                                  .moveStage(id, context.positional(1), context.option(QStringLiteral("note")), context.seenVersion());
                          });
    addNegotiationCommand(commandLine, "session", {},
                          {option("date", "DATE", QCoreApplication::translate("NegotiationCommands", "the day of the session (default today)")),
                           option("place", "TEXT", QCoreApplication::translate("NegotiationCommands", "where")),
                           option("start", "HH:MM", QCoreApplication::translate("NegotiationCommands", "start time")),
                           option("end", "HH:MM", QCoreApplication::translate("NegotiationCommands", "end time")),
                           option("ours", "TEXT", QCoreApplication::translate("NegotiationCommands", "our attendees")),
                           option("theirs", "TEXT", QCoreApplication::translate("NegotiationCommands", "their attendees")),
                           option("agenda", "TEXT", QCoreApplication::translate("NegotiationCommands", "the agenda")),
                           option("minutes", "TEXT", QCoreApplication::translate("NegotiationCommands", "the minutes"))},
                          QCoreApplication::translate("NegotiationCommands", "Record a session (§4.2.1)."), [](CommandContext &context, qint64 id) {
                              services::SessionInput input;
                              input.date = context.dateOption(QStringLiteral("date")).value_or(QDate());
                              input.place = context.option(QStringLiteral("place"));
                              input.start = context.option(QStringLiteral("start"));
                              input.end = context.option(QStringLiteral("end"));
                              input.ourAttendees = context.option(QStringLiteral("ours"));
                              input.theirAttendees = context.option(QStringLiteral("theirs"));
                              input.agenda = context.option(QStringLiteral("agenda"));
                              input.minutes = context.option(QStringLiteral("minutes"));
                              NegotiationService(context.session()).addSession(id, input, context.seenVersion());
                          });
    addNegotiationCommand(commandLine, "probe", {},
                          {option("position", "TEXT", QCoreApplication::translate("NegotiationCommands", "their position")),
                           option("interests", "TEXT", QCoreApplication::translate("NegotiationCommands", "their interests")),
                           option("presumed", "TEXT", QCoreApplication::translate("NegotiationCommands", "their presumed bottom line, in words"))},
                          QCoreApplication::translate("NegotiationCommands", "Record a probing note (§4.2.2)."), [](CommandContext &context, qint64 id) {
                              NegotiationService(context.session())
                                  .addProbingNote(id, context.option(QStringLiteral("position")), context.option(QStringLiteral("interests")),
                                                  context.option(QStringLiteral("presumed")), context.seenVersion());
                          });
    addNegotiationCommand(commandLine, "estimate", {},
                          {option("low", "AMOUNT", QCoreApplication::translate("NegotiationCommands", "low end of their bottom line"), true),
                           option("high", "AMOUNT", QCoreApplication::translate("NegotiationCommands", "high end of their bottom line"), true),
                           option("source", "TEXT", QCoreApplication::translate("NegotiationCommands", "where the estimate comes from"))},
                          QCoreApplication::translate("NegotiationCommands", "Estimate their bottom line as a range (§4.2.2); each estimate is kept."),
                          [](CommandContext &context, qint64 id) {
                              NegotiationService(context.session())
                                  .addEstimate(id, context.option(QStringLiteral("low")), context.option(QStringLiteral("high")),
                                               context.option(QStringLiteral("source")), context.seenVersion());
                          });
    addNegotiationCommand(commandLine, "offer", {},
                          {option("side", "ours|theirs", QCoreApplication::translate("NegotiationCommands", "whose offer"), true),
                           option("amount", "AMOUNT", QCoreApplication::translate("NegotiationCommands", "the amount, at most two decimals"), true),
                           option("date", "DATE", QCoreApplication::translate("NegotiationCommands", "when it was made (default today)")),
                           option("note", "TEXT", QCoreApplication::translate("NegotiationCommands", "its conditions")),
                           option("got", "TEXT", QCoreApplication::translate("NegotiationCommands", "what we got in return for a concession")),
                           option("reason", "TEXT", QCoreApplication::translate("NegotiationCommands", "why an offer of ours goes past our bottom line"))},
                          QCoreApplication::translate("NegotiationCommands", "Record an offer (§4.2.3, §4.3.3)."), [](CommandContext &context, qint64 id) {
                              services::OfferInput input;
                              input.side = context.option(QStringLiteral("side"));
                              input.amount = context.option(QStringLiteral("amount"));
                              input.date = context.dateOption(QStringLiteral("date")).value_or(QDate());
                              input.conditions = context.option(QStringLiteral("note"));
                              input.got = context.option(QStringLiteral("got"));
                              input.reason = context.option(QStringLiteral("reason"));
                              NegotiationService(context.session()).addOffer(id, input, context.seenVersion());
                          });
    addNegotiationCommand(commandLine, "term", {QStringLiteral("NAME")},
                          {option("ours", "TEXT", QCoreApplication::translate("NegotiationCommands", "our position")),
                           option("theirs", "TEXT", QCoreApplication::translate("NegotiationCommands", "their position")),
                           option("status", "open|agreed", QCoreApplication::translate("NegotiationCommands", "whether it is agreed"))},
                          QCoreApplication::translate("NegotiationCommands", "Record a term under discussion (§4.2.4): %1.").arg(domain::negotiationTerms().namesJoined()),
                          [](CommandContext &context, qint64 id) {
                              std::optional<bool> agreed;
                              if (context.has(QStringLiteral("status"))) {
                                  const QString status = context.option(QStringLiteral("status"));
                                  if (status != QLatin1String("open") && status != QLatin1String("agreed"))
                                      throw Error::invalid(QStringLiteral("--status"), QCoreApplication::translate("NegotiationCommands", "--status: \"%1\" is not one of open|agreed.").arg(status));
                                  agreed = status == QLatin1String("agreed");
                              }
                              NegotiationService(context.session())
                                  .setTerm(id, context.positional(1), optionalText(context, "ours"), optionalText(context, "theirs"), agreed,
                                           context.seenVersion());
                          });
    addNegotiationCommand(commandLine, "deadlock", {},
                          {option("cause", "TEXT", QCoreApplication::translate("NegotiationCommands", "what the deadlock is about"), true),
                           option("strategy", "change_strategy|mediation|park", QCoreApplication::translate("NegotiationCommands", "how the team handles it"), true)},
                          QCoreApplication::translate("NegotiationCommands", "Mark a deadlock from quoting or bargaining (§4.2.5), or complete the open one."),
                          [](CommandContext &context, qint64 id) {
                              NegotiationService(context.session())
                                  .markDeadlock(id, context.option(QStringLiteral("cause")), context.option(QStringLiteral("strategy")), context.seenVersion());
                          });
    addNegotiationCommand(commandLine, "deadlock-outcome", {},
                          {option("outcome", "TEXT", QCoreApplication::translate("NegotiationCommands", "how the deadlock ended"), true)},
                          QCoreApplication::translate("NegotiationCommands", "Record the outcome of the latest deadlock."), [](CommandContext &context, qint64 id) {
                              NegotiationService(context.session()).deadlockOutcome(id, context.option(QStringLiteral("outcome")), context.seenVersion());
                          });
}

void registerSummary(CommandLine &commandLine)
{
    QList<OptionSpec> sections;
    for (const domain::SummarySection section : domain::summarySections().all())
        sections << OptionSpec{domain::summarySections().name(section).replace(QLatin1Char('_'), QLatin1Char('-')), QStringLiteral("TEXT"),
                               domain::summarySections().display(section), false};
    addNegotiationCommand(commandLine, "summary-edit", {}, sections,
                          QCoreApplication::translate("NegotiationCommands", "Write sections of the summary after consensus or no_deal (§4.4.2)."),
                          [](CommandContext &context, qint64 id) {
                              QMap<domain::SummarySection, QString> texts;
                              for (const domain::SummarySection section : domain::summarySections().all()) {
                                  const QString key = domain::summarySections().name(section).replace(QLatin1Char('_'), QLatin1Char('-'));
                                  if (context.has(key))
                                      texts[section] = context.option(key);
                              }
                              NegotiationService(context.session()).writeSummary(id, texts, context.seenVersion());
                          });
    addNegotiationCommand(commandLine, "summary-submit", {},
                          {option("to", "DEPT[,DEPT]", QCoreApplication::translate("NegotiationCommands", "departments that receive it besides the lead's superior"))},
                          QCoreApplication::translate("NegotiationCommands", "Submit the summary (§4.4.3); this closes the negotiation."),
                          [](CommandContext &context, qint64 id) {
                              NegotiationService(context.session())
                                  .submitSummary(id, context.option(QStringLiteral("to")).split(QLatin1Char(','), Qt::SkipEmptyParts), context.seenVersion());
                          });
    commandLine.add({{QStringLiteral("negotiation"), QStringLiteral("acknowledge")}, {QStringLiteral("ID")}, {},
                     QCoreApplication::translate("NegotiationCommands", "Acknowledge a summary sent to you or your department."), Needs::LoggedInUser,
                     [](CommandContext &context) -> QJsonValue {
                         const qint64 id = context.positionalId(0);
                         NegotiationService(context.session()).acknowledge(id);
                         return show(context, id);
                     },
                     {}});
    commandLine.add({{QStringLiteral("negotiation"), QStringLiteral("summary")}, {QStringLiteral("ID")},
                     {option("out", "FILE.pdf", QCoreApplication::translate("NegotiationCommands", "where to write the PDF"), true)},
                     QCoreApplication::translate("NegotiationCommands", "Write the §4.4.2 summary report as it stands (after consensus or no_deal)."),
                     Needs::LoggedInUser,
                     [](CommandContext &context) -> QJsonValue {
                         const qint64 id = context.positionalId(0);
                         services::Session &session = context.session();
                         const services::NegotiationDetail detail = NegotiationService(session).detail(id);
                         if (domain::NegotiationFlow::isOpen(detail.negotiation.stage))
                             throw Error::conflict(QCoreApplication::translate("NegotiationCommands", "The summary is printed after consensus or no deal (§4.4)."),
                                                   QStringLiteral("4.4"));
                         const QString out = context.option(QStringLiteral("out"));
                         services::DocumentRenderer::writePdf(services::NegotiationReport::summary(detail, services::CompanyService(session).profile()), out,
                                                              session.now());
                         return QJsonObject{{QStringLiteral("id"), id}, {QStringLiteral("out"), out},
                                            {QStringLiteral("confidential"), detail.confidential}};
                     },
                     {}});
}

void registerMemorandum(CommandLine &commandLine)
{
    commandLine.add({{QStringLiteral("negotiation"), QStringLiteral("memorandum")}, {QStringLiteral("ID")},
                     {option("out", "FILE.pdf", QCoreApplication::translate("NegotiationCommands", "where to write the PDF"), true)},
                     QCoreApplication::translate("NegotiationCommands", "Write the memorandum (letter of intent) of a consensus with the agreed terms (§4.2.6)."),
                     Needs::LoggedInUser,
                     [](CommandContext &context) -> QJsonValue {
                         const qint64 id = context.positionalId(0);
                         services::Session &session = context.session();
                         const services::NegotiationDetail detail = NegotiationService(session).detail(id);
                         if (detail.negotiation.stage != domain::NegotiationStage::Consensus)
                             throw Error::conflict(QCoreApplication::translate("NegotiationCommands", "A memorandum is written for a consensus (§4.2.6)."),
                                                   QStringLiteral("4.2.6"));
                         const QString out = context.option(QStringLiteral("out"));
                         services::DocumentRenderer::writePdf(services::NegotiationReport::memorandum(detail, services::CompanyService(session).profile()),
                                                              out, session.now());
                         return QJsonObject{{QStringLiteral("id"), id}, {QStringLiteral("out"), out}};
                     },
                     {}});
}

void registerQueries(CommandLine &commandLine)
{
    commandLine.add({{QStringLiteral("negotiation"), QStringLiteral("show")}, {QStringLiteral("ID")}, {},
                     QCoreApplication::translate("NegotiationCommands", "A negotiation with team, offers, concessions, terms, deadlocks, sessions and history; the bottom line, BATNA, estimates and zone only for the team and their superiors."),
                     Needs::LoggedInUser, [](CommandContext &context) -> QJsonValue { return show(context, context.positionalId(0)); }, {}});
    commandLine.add({{QStringLiteral("negotiation"), QStringLiteral("figures")}, {QStringLiteral("ID")}, {},
                     QCoreApplication::translate("NegotiationCommands", "Only the confidential figures: bottom line, BATNA, estimates, zone and gaps (exit 3 outside the team and their superiors)."),
                     Needs::LoggedInUser,
                     [](CommandContext &context) -> QJsonValue {
                         const QJsonObject all = NegotiationService::toJson(NegotiationService(context.session()).confidentialDetail(context.positionalId(0)));
                         QJsonObject figures;
                         for (const char *key : {"id", "bottom_line", "batna", "batna_value", "estimates", "zopa", "gap_to_bottom_line", "gap_to_zone",
                                                 "concessions", "capture", "estimate_error"})
                             figures.insert(QString::fromLatin1(key), all.value(QString::fromLatin1(key)));
                         return figures;
                     },
                     {}});
    commandLine.add({{QStringLiteral("negotiation"), QStringLiteral("list")}, {},
                     {option("mine", nullptr, QCoreApplication::translate("NegotiationCommands", "only negotiations with you on the team")),
                      option("stage", "S", QCoreApplication::translate("NegotiationCommands", "only negotiations in this stage")),
                      option("customer", "ID", QCoreApplication::translate("NegotiationCommands", "only this customer's negotiations")),
                      option("importance", "low|medium|high", QCoreApplication::translate("NegotiationCommands", "only of this importance")),
                      option("before", "ID", QCoreApplication::translate("NegotiationCommands", "the next window: ids below this one")),
                      option("limit", "N", QCoreApplication::translate("NegotiationCommands", "at most N rows (default 200)"))},
                     QCoreApplication::translate("NegotiationCommands", "Negotiations you may see, newest first."), Needs::LoggedInUser,
                     [](CommandContext &context) -> QJsonValue {
                         services::NegotiationQuery query;
                         query.mine = context.has(QStringLiteral("mine"));
                         query.stage = namedOption(context, "stage", domain::negotiationStages());
                         query.importance = namedOption(context, "importance", domain::negotiationLevels());
                         if (context.has(QStringLiteral("customer")))
                             query.customer = context.intOption(QStringLiteral("customer"), 0, 1, std::numeric_limits<int>::max());
                         if (context.has(QStringLiteral("before")))
                             query.beforeId = context.intOption(QStringLiteral("before"), 0, 1, std::numeric_limits<int>::max());
                         query.limit = context.intOption(QStringLiteral("limit"), 200, 1, 1000);
                         QJsonArray rows;
                         for (const storage::NegotiationRow &row : NegotiationService(context.session()).list(query))
                             rows.append(NegotiationService::toJson(row));
                         return rows;
                     },
                     {}});
    commandLine.add({{QStringLiteral("negotiation"), QStringLiteral("outcomes")}, {}, {},
                     QCoreApplication::translate("NegotiationCommands", "Per lead over closed negotiations: share of the zone captured and the error of the estimate (§4.4)."),
                     Needs::LoggedInUser,
                     [](CommandContext &context) -> QJsonValue {
                         QJsonArray rows;
                         for (const services::LeadOutcome &row : NegotiationService(context.session()).outcomesByLead())
                             rows.append(QJsonObject{{QStringLiteral("lead"), row.leadName},
                                                     {QStringLiteral("negotiations"), row.negotiations},
                                                     {QStringLiteral("capture"), row.averageCapturePermille ? QJsonValue(domain::NegotiationFigures::percentText(*row.averageCapturePermille)) : QJsonValue()},
                                                     {QStringLiteral("estimate_error"), row.averageEstimateError ? QJsonValue(row.averageEstimateError->toDecimalString()) : QJsonValue()}});
                         return rows;
                     },
                     {}});
}

} // namespace

void registerNegotiationCommands(CommandLine &commandLine)
{
    registerPreparation(commandLine);
    registerProcess(commandLine);
    registerSummary(commandLine);
    registerMemorandum(commandLine);
    registerQueries(commandLine);
}

} // namespace bizdesk::cli
