// The JSON of `negotiation show` and `list` (cli.md: amounts as two-decimal strings).
#include "services/negotiations/NegotiationService.h"

#include <QJsonArray>

namespace bizdesk::services {
namespace {

QJsonValue money(const std::optional<domain::Money> &amount)
{
    return amount ? QJsonValue(amount->toDecimalString()) : QJsonValue();
}

QString isoDate(const QDate &date)
{
    return date.isValid() ? date.toString(Qt::ISODate) : QString();
}

} // namespace

QJsonObject NegotiationService::toJson(const storage::NegotiationRow &row)
{
    return QJsonObject{
        {QStringLiteral("id"), row.id},
        {QStringLiteral("title"), row.title},
        {QStringLiteral("customer_id"), row.customerId},
        {QStringLiteral("customer"), row.customerName},
        {QStringLiteral("stage"), domain::negotiationStages().name(row.stage)},
        {QStringLiteral("importance"), domain::negotiationLevels().name(row.importance)},
        {QStringLiteral("lead"), row.leadName},
        {QStringLiteral("planned_end"), isoDate(row.plannedEnd)},
        {QStringLiteral("latest_amount"), money(row.latestAmount)},
        {QStringLiteral("closed"), row.closed},
        {QStringLiteral("version"), row.version},
    };
}

QJsonObject NegotiationService::toJson(const NegotiationDetail &d)
{
    const domain::Negotiation &n = d.negotiation;
    QJsonObject json{
        {QStringLiteral("id"), n.id},
        {QStringLiteral("title"), n.title},
        {QStringLiteral("customer_id"), n.customerId},
        {QStringLiteral("customer"), n.customerName},
        {QStringLiteral("research_id"), n.researchId ? QJsonValue(*n.researchId) : QJsonValue()},
        {QStringLiteral("goal"), n.goal},
        {QStringLiteral("direction"), domain::negotiationDirections().name(n.direction)},
        {QStringLiteral("importance"), domain::negotiationLevels().name(n.importance)},
        {QStringLiteral("complexity"), domain::negotiationLevels().name(n.complexity)},
        {QStringLiteral("suggested_team_size"), d.suggestedTeamSize},
        {QStringLiteral("target"), money(n.target)},
        {QStringLiteral("anchor"), money(n.anchor)},
        {QStringLiteral("walk_away"), n.walkAway},
        {QStringLiteral("planned_end"), isoDate(n.plannedEnd)},
        {QStringLiteral("planned_end_passed"), d.plannedEndPassed},
        {QStringLiteral("stage"), domain::negotiationStages().name(n.stage)},
        {QStringLiteral("deadlock_from"), n.deadlockFrom ? QJsonValue(domain::negotiationStages().name(*n.deadlockFrom)) : QJsonValue()},
        {QStringLiteral("closed"), n.isClosed()},
        {QStringLiteral("lead"), d.leadName},
        {QStringLiteral("agreed_amount"), money(d.agreedAmount)},
        {QStringLiteral("minutes_spent"), d.minutesSpent},
        {QStringLiteral("days_so_far"), d.daysSoFar},
        {QStringLiteral("days_planned"), d.daysPlanned},
        {QStringLiteral("deadlock_suggested"), d.deadlockSuggested},
        {QStringLiteral("confidential"), d.confidential},
        {QStringLiteral("version"), n.version},
    };
    if (d.confidential) {
        json.insert(QStringLiteral("bottom_line"), money(n.bottomLine));
        json.insert(QStringLiteral("batna"), n.batna);
        json.insert(QStringLiteral("batna_value"), money(n.batnaValue));
        json.insert(QStringLiteral("zopa"), d.zopa ? QJsonValue(QJsonObject{{QStringLiteral("low"), d.zopa->low.toDecimalString()},
                                                                            {QStringLiteral("high"), d.zopa->high.toDecimalString()}})
                                                   : QJsonValue());
        json.insert(QStringLiteral("gap_to_bottom_line"), money(d.gapToBottomLine));
        json.insert(QStringLiteral("gap_to_zone"), money(d.gapToZone));
        QJsonArray estimates;
        for (const domain::Estimate &e : d.estimates)
            estimates.append(QJsonObject{{QStringLiteral("low"), e.low.toDecimalString()},
                                         {QStringLiteral("high"), e.high.toDecimalString()},
                                         {QStringLiteral("source"), e.source},
                                         {QStringLiteral("date"), isoDate(e.estimatedOn)}});
        json.insert(QStringLiteral("estimates"), estimates);
        json.insert(QStringLiteral("capture"), d.capturePermille ? QJsonValue(domain::NegotiationFigures::percentText(*d.capturePermille)) : QJsonValue());
        json.insert(QStringLiteral("estimate_error"), money(d.estimateError));
    }
    QJsonArray team;
    for (const domain::TeamMember &m : d.team)
        team.append(QJsonObject{{QStringLiteral("login"), m.login},
                                {QStringLiteral("name"), m.name},
                                {QStringLiteral("role"), domain::teamRoles().name(m.role)},
                                {QStringLiteral("duties"), m.duties}});
    json.insert(QStringLiteral("team"), team);
    QJsonObject checklist;
    for (auto it = d.checklist.cbegin(); it != d.checklist.cend(); ++it)
        checklist.insert(domain::checklistItems().name(it.key()), it.value());
    json.insert(QStringLiteral("checklist"), checklist);
    json.insert(QStringLiteral("checklist_done"), domain::PreparationChecklist::done(d.checklist));
    json.insert(QStringLiteral("strategy"), QJsonObject{{QStringLiteral("our_strengths"), n.strategy.ourStrengths},
                                                        {QStringLiteral("our_weaknesses"), n.strategy.ourWeaknesses},
                                                        {QStringLiteral("their_strengths"), n.strategy.theirStrengths},
                                                        {QStringLiteral("their_weaknesses"), n.strategy.theirWeaknesses},
                                                        {QStringLiteral("their_strategy"), n.strategy.theirLikelyStrategy},
                                                        {QStringLiteral("our_responses"), n.strategy.ourResponses}});
    QJsonArray materials;
    for (const domain::Material &m : d.materials) {
        QJsonObject material{{QStringLiteral("id"), m.id}, {QStringLiteral("kind"), domain::materialKinds().name(m.kind)}, {QStringLiteral("note"), m.note}};
        if (m.hasFile())
            material.insert(QStringLiteral("file"), QJsonObject{{QStringLiteral("name"), m.fileName},
                                                                {QStringLiteral("media_type"), m.mediaType},
                                                                {QStringLiteral("size"), m.fileSize},
                                                                {QStringLiteral("sha256"), m.sha256}});
        materials.append(material);
    }
    json.insert(QStringLiteral("materials"), materials);
    QJsonArray sessions;
    for (const domain::NegotiationSession &s : d.sessions)
        sessions.append(QJsonObject{{QStringLiteral("id"), s.id},
                                    {QStringLiteral("date"), isoDate(s.date)},
                                    {QStringLiteral("place"), s.place},
                                    {QStringLiteral("start"), s.start},
                                    {QStringLiteral("end"), s.end},
                                    {QStringLiteral("ours"), s.ourAttendees},
                                    {QStringLiteral("theirs"), s.theirAttendees},
                                    {QStringLiteral("agenda"), s.agenda},
                                    {QStringLiteral("minutes"), s.minutes}});
    json.insert(QStringLiteral("sessions"), sessions);
    QJsonArray probing;
    for (const domain::ProbingNote &p : d.probing) {
        QJsonObject note{{QStringLiteral("position"), p.position}, {QStringLiteral("interests"), p.interests}};
        if (d.confidential)
            note.insert(QStringLiteral("presumed_bottom_line"), p.presumedBottomLine);
        probing.append(note);
    }
    json.insert(QStringLiteral("probing"), probing);
    QJsonArray offers;
    for (const domain::Offer &o : d.offers) {
        QJsonObject offer{{QStringLiteral("id"), o.id},
                          {QStringLiteral("side"), domain::offerSides().name(o.side)},
                          {QStringLiteral("amount"), o.amount.toDecimalString()},
                          {QStringLiteral("date"), isoDate(o.offeredOn)},
                          {QStringLiteral("conditions"), o.conditions},
                          {QStringLiteral("got"), o.got}};
        if (d.confidential) {
            offer.insert(QStringLiteral("reason"), o.reason);
            offer.insert(QStringLiteral("past_bottom_line"), o.side == domain::OfferSide::Ours && n.bottomLine
                                                                 && domain::NegotiationFigures::isPastBottomLine(n.direction, *n.bottomLine, o.amount));
        }
        offers.append(offer);
    }
    json.insert(QStringLiteral("offers"), offers);
    QJsonArray concessions;
    for (const domain::Concession &c : d.concessions)
        concessions.append(QJsonObject{{QStringLiteral("offer_id"), c.offerId},
                                       {QStringLiteral("amount"), c.amount.toDecimalString()},
                                       {QStringLiteral("got"), c.got},
                                       {QStringLiteral("flags"), QJsonArray::fromStringList(c.flags())}});
    json.insert(QStringLiteral("concessions"), concessions);
    QJsonArray terms;
    for (const domain::TermPosition &t : d.terms)
        terms.append(QJsonObject{{QStringLiteral("term"), domain::negotiationTerms().name(t.term)},
                                 {QStringLiteral("ours"), t.ours},
                                 {QStringLiteral("theirs"), t.theirs},
                                 {QStringLiteral("status"), t.agreed ? QStringLiteral("agreed") : QStringLiteral("open")}});
    json.insert(QStringLiteral("terms"), terms);
    QJsonArray deadlocks;
    for (const domain::DeadlockRecord &k : d.deadlocks)
        deadlocks.append(QJsonObject{{QStringLiteral("from"), domain::negotiationStages().name(k.fromStage)},
                                     {QStringLiteral("cause"), k.cause},
                                     {QStringLiteral("strategy"), k.strategy ? QJsonValue(domain::deadlockStrategies().name(*k.strategy)) : QJsonValue()},
                                     {QStringLiteral("outcome"), k.outcome},
                                     {QStringLiteral("opened_at"), k.openedAt},
                                     {QStringLiteral("resolved_at"), k.resolvedAt}});
    json.insert(QStringLiteral("deadlocks"), deadlocks);
    QJsonArray history;
    for (const storage::TransitionRecord &r : d.history)
        history.append(QJsonObject{{QStringLiteral("from"), r.fromState},
                                   {QStringLiteral("to"), r.toState},
                                   {QStringLiteral("by"), r.actorLogin},
                                   {QStringLiteral("at"), r.at},
                                   {QStringLiteral("note"), r.comment}});
    json.insert(QStringLiteral("history"), history);
    QJsonObject summary;
    for (auto it = d.summaryDraft.cbegin(); it != d.summaryDraft.cend(); ++it)
        summary.insert(domain::summarySections().name(it.key()), it.value());
    json.insert(QStringLiteral("summary"), summary);
    QJsonArray recipients;
    for (const storage::SummaryRecipient &r : d.recipients)
        recipients.append(QJsonObject{{QStringLiteral("name"), r.name},
                                      {QStringLiteral("kind"), r.userId ? QStringLiteral("person") : QStringLiteral("department")},
                                      {QStringLiteral("acknowledged_at"), r.acknowledgedAt},
                                      {QStringLiteral("acknowledged_by"), r.acknowledgedByName}});
    json.insert(QStringLiteral("recipients"), recipients);
    QJsonArray moves;
    for (const domain::NegotiationStage stage : d.moves)
        moves.append(domain::negotiationStages().name(stage));
    json.insert(QStringLiteral("moves"), moves);
    return json;
}

} // namespace bizdesk::services
