#include "services/negotiations/NegotiationService.h"

#include "domain/Error.h"
#include "domain/TextRules.h"
#include "domain/policy/PolicyCatalog.h"
#include "services/Session.h"
#include "services/audit/AuditTrail.h"
#include "services/customers/CustomerService.h"
#include "services/negotiations/NegotiationMaterials.h"
#include "services/negotiations/NegotiationSummaryDraft.h"
#include "services/policy/PolicyService.h"
#include "storage/Transaction.h"
#include "storage/identity/UserRepository.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonArray>
#include <QTime>

#include <algorithm>

namespace bizdesk::services {
namespace {

using domain::Error;
using domain::Money;
using domain::Negotiation;
using domain::NegotiationStage;
using domain::TextKind;
using domain::TextRules;
using Needs = NegotiationAccess::Needs;

using domain::parseNamed;

domain::User requireActivePerson(Session &session, const QString &login, const QString &field)
{
    const auto user = storage::UserRepository(session.database()).findByLogin(login.trimmed().toLower());
    if (!user || !user->active)
        throw Error::notFound(QCoreApplication::translate("NegotiationService", "%1: there is no active person with the login \"%2\".")
                                  .arg(field, login));
    return *user;
}

QString hhmm(const QString &field, const QString &text)
{
    if (text.trimmed().isEmpty())
        return {};
    const QTime time = QTime::fromString(text.trimmed(), QStringLiteral("HH:mm"));
    if (!time.isValid())
        throw Error::invalid(field, QCoreApplication::translate("NegotiationService", "%1: \"%2\" is not a time such as 09:30.")
                                        .arg(field, text));
    return time.toString(QStringLiteral("HH:mm"));
}

} // namespace

bool NegotiationDetail::mayAcknowledge() const
{
    if (!negotiation.isClosed())
        return false;
    return std::any_of(recipients.begin(), recipients.end(), [](const storage::SummaryRecipient &r) { return r.acknowledgedAt.isEmpty(); })
           && standing.recipient;
}

Negotiation NegotiationService::open(const domain::NegotiationForm &form, const QString &leadLogin)
{
    m_session.require(domain::Action::ManageNegotiations);
    storage::Transaction transaction(m_session.database());
    Negotiation negotiation;
    domain::NegotiationRules::applyForm(form, negotiation);
    CustomerService(m_session).requireLinkable(negotiation.customerId);
    const domain::User lead = leadLogin.trimmed().isEmpty() ? m_session.user() : requireActivePerson(m_session, leadLogin, QStringLiteral("lead"));
    negotiation.stage = NegotiationStage::Preparation;
    negotiation.createdBy = m_session.userId();
    storage::NegotiationRepository repository(m_session.database());
    negotiation.id = repository.insert(negotiation, m_session.timestamp(), m_session.userId());
    repository.setMember(negotiation.id, domain::TeamMember{lead.id, lead.login, lead.displayName, domain::TeamRole::Lead, {}, {}});
    const Negotiation saved = repository.require(negotiation.id);
    NegotiationAccess(m_session).recordStage(Negotiation{}, saved, {});
    transaction.commit();
    return saved;
}

Negotiation NegotiationService::edit(qint64 id, const domain::NegotiationForm &form, std::optional<int> seen)
{
    return NegotiationAccess(m_session).change(id, seen, Needs::Steers, QStringLiteral("edit"), [&](Negotiation &n, const NegotiationStanding &) {
        const qint64 customerBefore = n.customerId;
        domain::NegotiationRules::applyForm(form, n);
        if (n.customerId != customerBefore)
            CustomerService(m_session).requireLinkable(n.customerId);
        return QJsonObject();
    });
}

Negotiation NegotiationService::setMember(qint64 id, const QString &login, const QString &role, const QString &duties,
                                          std::optional<int> seen)
{
    const domain::TeamRole teamRole = parseNamed(domain::teamRoles(), QStringLiteral("role"), role);
    const QString text = TextRules::clean(QStringLiteral("duties"), duties, TextKind::Notes);
    return NegotiationAccess(m_session).change(id, seen, Needs::Steers, QStringLiteral("member"), [&](Negotiation &n, const NegotiationStanding &) {
        const domain::User person = requireActivePerson(m_session, login, QStringLiteral("login"));
        storage::NegotiationRepository repository(m_session.database());
        // One lead (§4.1.1): naming a new lead makes the previous one a member.
        if (teamRole == domain::TeamRole::Lead) {
            for (domain::TeamMember member : repository.team(n.id)) {
                if (member.role == domain::TeamRole::Lead && member.userId != person.id) {
                    member.role = domain::TeamRole::Member;
                    repository.setMember(n.id, member);
                }
            }
        }
        repository.setMember(n.id, domain::TeamMember{person.id, person.login, person.displayName, teamRole, text, {}});
        return QJsonObject{{QStringLiteral("member"), person.login}, {QStringLiteral("role"), domain::teamRoles().name(teamRole)}};
    });
}

Negotiation NegotiationService::removeMember(qint64 id, const QString &login, std::optional<int> seen)
{
    return NegotiationAccess(m_session).change(id, seen, Needs::Steers, QStringLiteral("member-remove"), [&](Negotiation &n, const NegotiationStanding &) {
        const domain::User person = requireActivePerson(m_session, login, QStringLiteral("login"));
        storage::NegotiationRepository repository(m_session.database());
        const QList<domain::TeamMember> team = repository.team(n.id);
        if (std::none_of(team.begin(), team.end(), [&](const domain::TeamMember &m) { return m.userId == person.id; }))
            throw Error::notFound(QCoreApplication::translate("NegotiationService", "login: %1 is not on the team.").arg(login));
        repository.removeMember(n.id, person.id);
        if (n.stage != NegotiationStage::Preparation)
            domain::NegotiationRules::requireLead(repository.team(n.id));
        return QJsonObject{{QStringLiteral("member"), person.login}};
    });
}

Negotiation NegotiationService::setStrategy(qint64 id, const domain::NegotiationStrategy &strategy, std::optional<int> seen)
{
    domain::NegotiationStrategy clean;
    clean.ourStrengths = TextRules::clean(QStringLiteral("our-strengths"), strategy.ourStrengths, TextKind::Notes);
    clean.ourWeaknesses = TextRules::clean(QStringLiteral("our-weaknesses"), strategy.ourWeaknesses, TextKind::Notes);
    clean.theirStrengths = TextRules::clean(QStringLiteral("their-strengths"), strategy.theirStrengths, TextKind::Notes);
    clean.theirWeaknesses = TextRules::clean(QStringLiteral("their-weaknesses"), strategy.theirWeaknesses, TextKind::Notes);
    clean.theirLikelyStrategy = TextRules::clean(QStringLiteral("their-strategy"), strategy.theirLikelyStrategy, TextKind::Notes);
    clean.ourResponses = TextRules::clean(QStringLiteral("our-responses"), strategy.ourResponses, TextKind::Notes);
    return NegotiationAccess(m_session).change(id, seen, Needs::Acts, QStringLiteral("strategy"), [&](Negotiation &n, const NegotiationStanding &) {
        n.strategy = clean;
        return QJsonObject();
    });
}

Negotiation NegotiationService::addMaterial(qint64 id, const QString &kind, const QString &note, std::optional<int> seen)
{
    return NegotiationMaterials(m_session).add(id, kind, note, std::nullopt, seen);
}

Negotiation NegotiationService::tick(qint64 id, const QString &item, bool done, std::optional<int> seen)
{
    const domain::ChecklistItem checklistItem = parseNamed(domain::checklistItems(), QStringLiteral("item"), item);
    if (checklistItem != domain::ChecklistItem::BriefingHeld)
        throw Error::invalid(QStringLiteral("item"), QCoreApplication::translate("NegotiationService", "item: \"%1\" follows from the "
                                                                                                    "record itself (team, goal, strategy, materials); only briefing_held is ticked.")
                                                         .arg(item));
    return NegotiationAccess(m_session).change(id, seen, Needs::Acts, QStringLiteral("checklist"), [&](Negotiation &n, const NegotiationStanding &) {
        n.briefingHeld = done;
        return QJsonObject{{QStringLiteral("item"), domain::checklistItems().name(checklistItem)}, {QStringLiteral("done"), done}};
    });
}

Negotiation NegotiationService::moveStage(qint64 id, const QString &stage, const QString &note, std::optional<int> seen)
{
    const NegotiationStage to = parseNamed(domain::negotiationStages(), QStringLiteral("stage"), stage);
    const QString text = TextRules::clean(QStringLiteral("note"), note, TextKind::Notes);
    return NegotiationAccess(m_session).change(id, seen, Needs::Steers, QStringLiteral("stage"), [&](Negotiation &n, const NegotiationStanding &) {
        domain::NegotiationFlow::requireMove(n.stage, to, n.deadlockFrom, n.isClosed());
        QString recorded = text;
        storage::NegotiationRecordRepository records(m_session.database());
        if (to == NegotiationStage::Opening) {
            const QList<domain::TeamMember> team = storage::NegotiationRepository(m_session.database()).team(n.id);
            domain::NegotiationRules::requireLead(team);
            const QList<domain::ChecklistItem> missing =
                domain::PreparationChecklist::missing(domain::PreparationChecklist::evaluate(n, team, records.materials(n.id)));
            if (!missing.isEmpty()) {
                QStringList names;
                for (const domain::ChecklistItem item : missing)
                    names << domain::checklistItems().display(item);
                const QString gap = QCoreApplication::translate("NegotiationService", "Opened with the preparation checklist incomplete: %1.").arg(names.join(QStringLiteral(", ")));
                recorded = recorded.isEmpty() ? gap : recorded + QLatin1Char('\n') + gap;
            }
        }
        if (to == NegotiationStage::Deadlock) {
            records.openDeadlock(n.id, domain::DeadlockRecord{0, n.stage, {}, std::nullopt, {}, m_session.timestamp(), {}});
            n.deadlockFrom = n.stage;
        } else if (n.stage == NegotiationStage::Deadlock) {
            if (auto open = records.openDeadlockOf(n.id)) {
                open->resolvedAt = m_session.timestamp();
                records.updateDeadlock(*open);
            }
            n.deadlockFrom.reset();
        }
        n.stage = to;
        return QJsonObject{{QStringLiteral("note"), recorded}};
    });
}

Negotiation NegotiationService::addSession(qint64 id, const SessionInput &input, std::optional<int> seen)
{
    domain::NegotiationSession session;
    session.date = input.date.isValid() ? input.date : m_session.today();
    // Every text is checked here; the input's own id is not taken.
    session.place = TextRules::clean(QStringLiteral("place"), input.place, TextKind::Line);
    session.start = hhmm(QStringLiteral("start"), input.start);
    session.end = hhmm(QStringLiteral("end"), input.end);
    if (!session.start.isEmpty() && !session.end.isEmpty() && session.minutesSpent() == 0)
        throw Error::invalid(QStringLiteral("end"), QCoreApplication::translate("NegotiationService", "end: the session ends at %1, "
                                                                                                   "not after it starts at %2.")
                                                        .arg(session.end, session.start));
    session.ourAttendees = TextRules::clean(QStringLiteral("ours"), input.ourAttendees, TextKind::Line);
    session.theirAttendees = TextRules::clean(QStringLiteral("theirs"), input.theirAttendees, TextKind::Line);
    session.agenda = TextRules::clean(QStringLiteral("agenda"), input.agenda, TextKind::Notes);
    session.minutes = TextRules::clean(QStringLiteral("minutes"), input.minutes, TextKind::Notes);
    return NegotiationAccess(m_session).change(id, seen, Needs::Acts, QStringLiteral("session"), [&](Negotiation &n, const NegotiationStanding &) {
        storage::NegotiationRecordRepository(m_session.database()).addSession(n.id, session, m_session.timestamp(), m_session.userId());
        return QJsonObject{{QStringLiteral("date"), session.date.toString(Qt::ISODate)}};
    });
}

Negotiation NegotiationService::addProbingNote(qint64 id, const QString &position, const QString &interests, const QString &presumed,
                                               std::optional<int> seen)
{
    domain::ProbingNote note{0, TextRules::clean(QStringLiteral("position"), position, TextKind::Notes),
                             TextRules::clean(QStringLiteral("interests"), interests, TextKind::Notes),
                             TextRules::clean(QStringLiteral("presumed"), presumed, TextKind::Notes), {}};
    if (note.position.isEmpty() && note.interests.isEmpty() && note.presumedBottomLine.isEmpty())
        throw Error::invalid(QStringLiteral("position"), QCoreApplication::translate("NegotiationService", "position: a probing note says their position, interests or presumed bottom line."));
    return NegotiationAccess(m_session).change(id, seen, Needs::Acts, QStringLiteral("probe"), [&](Negotiation &n, const NegotiationStanding &who) {
        if (!note.presumedBottomLine.isEmpty() && !who.seesConfidential())
            throw Error::denied(QCoreApplication::translate("NegotiationService", "Their presumed bottom line is for the team and their superiors only (§4.1.2)."), QStringLiteral("4.1.2"));
        storage::NegotiationRecordRepository(m_session.database()).addProbingNote(n.id, note, m_session.timestamp(), m_session.userId());
        return QJsonObject();
    });
}

Negotiation NegotiationService::addEstimate(qint64 id, const QString &low, const QString &high, const QString &source,
                                            std::optional<int> seen)
{
    domain::Estimate estimate;
    estimate.low = domain::NegotiationRules::parseAmount(QStringLiteral("low"), low);
    estimate.high = domain::NegotiationRules::parseAmount(QStringLiteral("high"), high);
    if (estimate.low > estimate.high)
        throw Error::invalid(QStringLiteral("low"), QCoreApplication::translate("NegotiationService", "low: the low end %1 is above the high end %2.")
                                                        .arg(estimate.low.toDecimalString(), estimate.high.toDecimalString()),
                             QStringLiteral("4.2.2"));
    estimate.source = TextRules::clean(QStringLiteral("source"), source, TextKind::Line);
    estimate.estimatedOn = m_session.today();
    return NegotiationAccess(m_session).change(id, seen, Needs::Acts, QStringLiteral("estimate"), [&](Negotiation &n, const NegotiationStanding &who) {
        NegotiationAccess(m_session).requireConfidential(n, who);
        storage::NegotiationRecordRepository(m_session.database()).addEstimate(n.id, estimate, m_session.timestamp(), m_session.userId());
        return QJsonObject(); // the figures stay out of the audit log's readable part
    });
}

Negotiation NegotiationService::addOffer(qint64 id, const OfferInput &input, std::optional<int> seen)
{
    domain::Offer offer;
    offer.side = parseNamed(domain::offerSides(), QStringLiteral("side"), input.side);
    offer.amount = domain::NegotiationRules::parseAmount(QStringLiteral("amount"), input.amount);
    offer.offeredOn = input.date.isValid() ? input.date : m_session.today();
    offer.conditions = TextRules::clean(QStringLiteral("note"), input.conditions, TextKind::Notes);
    offer.got = TextRules::clean(QStringLiteral("got"), input.got, TextKind::Notes);
    offer.reason = TextRules::clean(QStringLiteral("reason"), input.reason, TextKind::Notes);
    offer.recordedBy = m_session.userId();
    return NegotiationAccess(m_session).change(id, seen, Needs::Acts, QStringLiteral("offer"), [&](Negotiation &n, const NegotiationStanding &who) {
        if (n.stage == NegotiationStage::Preparation)
            throw Error::conflict(QCoreApplication::translate("NegotiationService", "Offers are recorded once the negotiation has opened (§4.2.3)."), QStringLiteral("4.2.3"));
        const bool past = offer.side == domain::OfferSide::Ours && n.bottomLine
                          && domain::NegotiationFigures::isPastBottomLine(n.direction, *n.bottomLine, offer.amount);
        if (past) {
            // §4.3.3 as BizDesk enforces it: only the lead's superior or a director, with a reason.
            if (!who.leadsSuperior && !who.director)
                throw Error::denied(QCoreApplication::translate("NegotiationService", "This offer goes past our bottom line: only the lead's superior or a director may "
                                              "record it, with a reason (§4.3.3)."),
                                    QStringLiteral("4.3.3"));
            if (offer.reason.isEmpty())
                throw Error::invalid(QStringLiteral("reason"), QCoreApplication::translate("NegotiationService", "reason: an offer past our bottom line needs the reason (§4.3.3)."),
                                     QStringLiteral("4.3.3"));
        }
        storage::NegotiationRecordRepository(m_session.database()).addOffer(n.id, offer, m_session.timestamp());
        return QJsonObject{{QStringLiteral("side"), domain::offerSides().name(offer.side)},
                           {QStringLiteral("amount"), offer.amount.toDecimalString()},
                           {QStringLiteral("past_bottom_line"), past}};
    });
}

Negotiation NegotiationService::setTerm(qint64 id, const QString &term, const std::optional<QString> &ours,
                                        const std::optional<QString> &theirs, std::optional<bool> agreed, std::optional<int> seen)
{
    const domain::NegotiationTerm which = parseNamed(domain::negotiationTerms(), QStringLiteral("term"), term);
    return NegotiationAccess(m_session).change(id, seen, Needs::Acts, QStringLiteral("term"), [&](Negotiation &n, const NegotiationStanding &) {
        storage::NegotiationRecordRepository records(m_session.database());
        domain::TermPosition position = records.terms(n.id).value(static_cast<int>(which));
        if (ours)
            position.ours = TextRules::clean(QStringLiteral("ours"), *ours, TextKind::Notes);
        if (theirs)
            position.theirs = TextRules::clean(QStringLiteral("theirs"), *theirs, TextKind::Notes);
        if (agreed)
            position.agreed = *agreed;
        if (position.agreed && position.ours.isEmpty() && position.theirs.isEmpty())
            throw Error::invalid(QStringLiteral("ours"), QCoreApplication::translate("NegotiationService", "ours: an agreed term says what was agreed."));
        records.setTerm(n.id, position);
        return QJsonObject{{QStringLiteral("term"), domain::negotiationTerms().name(which)},
                           {QStringLiteral("agreed"), position.agreed}};
    });
}

Negotiation NegotiationService::markDeadlock(qint64 id, const QString &cause, const QString &strategy, std::optional<int> seen)
{
    const QString text = TextRules::required(QStringLiteral("cause"), cause, TextKind::Notes);
    const domain::DeadlockStrategy chosen = parseNamed(domain::deadlockStrategies(), QStringLiteral("strategy"), strategy);
    return NegotiationAccess(m_session).change(id, seen, Needs::Steers, QStringLiteral("deadlock"), [&](Negotiation &n, const NegotiationStanding &) {
        storage::NegotiationRecordRepository records(m_session.database());
        if (n.stage == NegotiationStage::Deadlock) {
            domain::DeadlockRecord open = records.openDeadlockOf(n.id).value_or(
                domain::DeadlockRecord{0, n.deadlockFrom.value_or(NegotiationStage::Quoting), {}, std::nullopt, {}, m_session.timestamp(), {}});
            open.cause = text;
            open.strategy = chosen;
            if (open.id)
                records.updateDeadlock(open);
            else
                records.openDeadlock(n.id, open);
            return QJsonObject{{QStringLiteral("strategy"), domain::deadlockStrategies().name(chosen)}};
        }
        domain::NegotiationFlow::requireMove(n.stage, NegotiationStage::Deadlock, n.deadlockFrom, n.isClosed());
        records.openDeadlock(n.id, domain::DeadlockRecord{0, n.stage, text, chosen, {}, m_session.timestamp(), {}});
        n.deadlockFrom = n.stage;
        n.stage = NegotiationStage::Deadlock;
        return QJsonObject{{QStringLiteral("note"), text}};
    });
}

Negotiation NegotiationService::deadlockOutcome(qint64 id, const QString &outcome, std::optional<int> seen)
{
    const QString text = TextRules::required(QStringLiteral("outcome"), outcome, TextKind::Notes);
    return NegotiationAccess(m_session).change(id, seen, Needs::Steers, QStringLiteral("deadlock-outcome"), [&](Negotiation &n, const NegotiationStanding &) {
        storage::NegotiationRecordRepository records(m_session.database());
        QList<domain::DeadlockRecord> all = records.deadlocks(n.id);
        if (all.isEmpty())
            throw Error::conflict(QCoreApplication::translate("NegotiationService", "There is no deadlock to record an outcome for."), QStringLiteral("4.2.5"));
        domain::DeadlockRecord last = all.last();
        last.outcome = text;
        records.updateDeadlock(last);
        return QJsonObject();
    });
}

Negotiation NegotiationService::writeSummary(qint64 id, const QMap<domain::SummarySection, QString> &sections, std::optional<int> seen)
{
    QMap<domain::SummarySection, QString> clean;
    for (auto it = sections.cbegin(); it != sections.cend(); ++it)
        clean[it.key()] = TextRules::clean(domain::summarySections().name(it.key()), it.value(), TextKind::Notes);
    return NegotiationAccess(m_session).change(id, seen, Needs::Steers, QStringLiteral("summary"), [&](Negotiation &n, const NegotiationStanding &) {
        if (domain::NegotiationFlow::isOpen(n.stage) || n.isClosed())
            throw Error::conflict(QCoreApplication::translate("NegotiationService", "The summary is written after consensus or no deal, before it is submitted (§4.4)."),
                                  QStringLiteral("4.4"));
        for (auto it = clean.cbegin(); it != clean.cend(); ++it)
            n.summary[it.key()] = it.value();
        return QJsonObject();
    }, true);
}

Negotiation NegotiationService::submitSummary(qint64 id, const QStringList &departments, std::optional<int> seen)
{
    return NegotiationAccess(m_session).change(id, seen, Needs::Steers, QStringLiteral("summary-submit"), [&](Negotiation &n, const NegotiationStanding &) {
        if (domain::NegotiationFlow::isOpen(n.stage) || n.isClosed())
            throw Error::conflict(QCoreApplication::translate("NegotiationService", "The summary is submitted once, after consensus or no deal (§4.4.3)."), QStringLiteral("4.4.3"));
        for (const domain::SummarySection section : domain::summarySections().all()) {
            if (n.summary.value(section).trimmed().isEmpty())
                throw Error::invalid(domain::summarySections().name(section),
                                     QCoreApplication::translate("NegotiationService", "%1: the section \"%2\" of the summary is empty (§4.4.2).")
                                         .arg(domain::summarySections().name(section), domain::summarySections().display(section)),
                                     QStringLiteral("4.4.2"));
        }
        storage::NegotiationRecordRepository records(m_session.database());
        const QList<domain::TeamMember> team = storage::NegotiationRepository(m_session.database()).team(n.id);
        const auto lead = std::find_if(team.begin(), team.end(), [](const domain::TeamMember &m) { return m.role == domain::TeamRole::Lead; });
        QJsonArray to;
        if (lead != team.end() && lead->superiorId) {
            records.addRecipient(n.id, lead->superiorId, std::nullopt);
            to.append(QStringLiteral("superior"));
        }
        storage::DepartmentRepository departmentsRepository(m_session.database());
        for (const QString &name : departments) {
            if (name.trimmed().isEmpty())
                continue;
            const auto department = departmentsRepository.findByName(name.trimmed());
            if (!department)
                throw Error::notFound(QCoreApplication::translate("NegotiationService", "to: there is no department \"%1\".").arg(name));
            records.addRecipient(n.id, std::nullopt, department->id);
            to.append(department->name);
        }
        n.submittedAt = m_session.timestamp();
        return QJsonObject{{QStringLiteral("to"), to}};
    }, true);
}

void NegotiationService::acknowledge(qint64 id)
{
    storage::Transaction transaction(m_session.database());
    const Negotiation negotiation = NegotiationAccess(m_session).requireVisible(id);
    const domain::User &me = m_session.user();
    if (!storage::NegotiationRecordRepository(m_session.database()).acknowledge(id, me.id, me.departmentId, m_session.timestamp()))
        throw Error::conflict(QCoreApplication::translate("NegotiationService", "%1: there is no summary waiting for your acknowledgement.")
                                  .arg(NegotiationAccess::label(negotiation)),
                              QStringLiteral("4.4.3"));
    AuditTrail(m_session).record(QStringLiteral("negotiation.acknowledge"), negotiationEntity, id, {}, NegotiationAccess::auditJson(negotiation));
    transaction.commit();
}

NegotiationDetail NegotiationService::load(const Negotiation &negotiation)
{
    NegotiationDetail d;
    d.negotiation = negotiation;
    const qint64 id = negotiation.id;
    storage::NegotiationRepository repository(m_session.database());
    storage::NegotiationRecordRepository records(m_session.database());
    const NegotiationAccess access(m_session);
    d.team = repository.team(id);
    d.standing = access.standing(negotiation, d.team);
    d.confidential = d.standing.seesConfidential();
    for (const domain::TeamMember &member : d.team) {
        if (member.role == domain::TeamRole::Lead)
            d.leadName = member.name;
    }
    d.materials = records.materials(id);
    d.checklist = domain::PreparationChecklist::evaluate(negotiation, d.team, d.materials);
    d.suggestedTeamSize = domain::NegotiationRules::suggestedTeamSize(negotiation.importance, negotiation.complexity);
    d.sessions = records.sessions(id);
    d.probing = records.probingNotes(id);
    d.offers = records.offers(id);
    d.concessions = domain::NegotiationFigures::concessions(negotiation.direction, d.offers);
    d.terms = records.terms(id);
    d.deadlocks = records.deadlocks(id);
    d.history = storage::TransitionRepository(m_session.database()).history(negotiationEntity, id);
    d.recipients = records.recipients(id);
    if (const auto latest = domain::NegotiationFigures::latestOffer(d.offers))
        d.agreedAmount = latest->amount;
    for (const domain::NegotiationSession &session : d.sessions)
        d.minutesSpent += session.minutesSpent();
    const QDate started = negotiation.createdAt.isEmpty() ? m_session.today()
                                                          : m_session.calendar().dateOf(domain::fromStorageTimestamp(negotiation.createdAt));
    d.daysSoFar = static_cast<int>(started.daysTo(m_session.today()));
    d.daysPlanned = negotiation.plannedEnd.isValid() ? static_cast<int>(started.daysTo(negotiation.plannedEnd)) : 0;
    d.plannedEndPassed = negotiation.plannedEnd.isValid() && negotiation.plannedEnd < m_session.today()
                         && domain::NegotiationFlow::isOpen(negotiation.stage);
    if (d.standing.steers())
        d.moves = domain::NegotiationFlow::movesFrom(negotiation.stage, negotiation.deadlockFrom, negotiation.isClosed());
    if (negotiation.stage == NegotiationStage::Quoting || negotiation.stage == NegotiationStage::Bargaining) {
        domain::DeadlockHintInput hint;
        hint.offers = d.offers;
        for (const domain::NegotiationSession &session : d.sessions)
            hint.sessionDates << session.date;
        hint.today = m_session.today();
        const PolicyService policy(m_session);
        hint.sessionLimit = static_cast<int>(policy.integer(domain::policy::negotiationDeadlockSessions));
        hint.dayLimit = static_cast<int>(policy.integer(domain::policy::negotiationDeadlockDays));
        d.deadlockSuggested = domain::NegotiationFigures::suggestsDeadlock(hint);
    }
    if (d.confidential) {
        d.estimates = records.estimates(id);
        const std::optional<domain::Estimate> latest = d.estimates.isEmpty() ? std::nullopt : std::optional(d.estimates.last());
        d.zopa = domain::NegotiationFigures::zopa(negotiation.direction, negotiation.bottomLine, latest);
        const auto ours = domain::NegotiationFigures::latestOf(d.offers, domain::OfferSide::Ours);
        const auto theirs = domain::NegotiationFigures::latestOf(d.offers, domain::OfferSide::Theirs);
        const bool selling = negotiation.direction == domain::NegotiationDirection::Sell;
        if (ours && negotiation.bottomLine)
            d.gapToBottomLine = selling ? ours->amount - *negotiation.bottomLine : *negotiation.bottomLine - ours->amount;
        if (theirs && d.zopa) {
            const Money outside = selling ? d.zopa->low - theirs->amount : theirs->amount - d.zopa->high;
            d.gapToZone = outside.isNegative() ? Money() : outside;
        }
        if (latest && negotiation.bottomLine && d.agreedAmount && !domain::NegotiationFlow::isOpen(negotiation.stage)
            && negotiation.stage == NegotiationStage::Consensus) {
            d.capturePermille = domain::NegotiationFigures::capturePermille(negotiation.direction, *negotiation.bottomLine, *latest, *d.agreedAmount);
            d.estimateError = domain::NegotiationFigures::estimateError(negotiation.direction, *latest, *d.agreedAmount);
        }
    } else {
        // The record without the confidential figures (§4.1.2).
        d.negotiation.bottomLine.reset();
        d.negotiation.batna.clear();
        d.negotiation.batnaValue.reset();
        for (domain::ProbingNote &note : d.probing)
            note.presumedBottomLine.clear();
        for (domain::Offer &offer : d.offers)
            offer.reason.clear();
    }
    d.summaryDraft = NegotiationSummaryDraft::of(d);
    return d;
}

NegotiationDetail NegotiationService::detail(qint64 id)
{
    return load(NegotiationAccess(m_session).requireVisible(id));
}

NegotiationDetail NegotiationService::confidentialDetail(qint64 id)
{
    NegotiationDetail d = detail(id);
    NegotiationAccess(m_session).requireConfidential(d.negotiation, d.standing);
    return d;
}

QList<storage::NegotiationRow> NegotiationService::list(const NegotiationQuery &query)
{
    const domain::User &me = m_session.user();
    storage::NegotiationFilter filter;
    filter.stage = query.stage;
    filter.customer = query.customer;
    filter.importance = query.importance;
    if (query.mine)
        filter.member = me.id;
    filter.beforeId = query.beforeId;
    filter.limit = std::clamp(query.limit, 1, 1000);
    const bool all = me.roles.has(domain::Role::Director) || me.roles.has(domain::Role::Executive);
    if (!all) {
        if (!m_session.may(domain::Action::ManageNegotiations))
            filter.customerScope = {storage::CustomerScope::Kind::Own, -1}; // only their own teams and summaries
        else if (m_session.may(domain::Action::ReadAllCustomers))
            filter.customerScope = {storage::CustomerScope::Kind::All, 0};
        else if (m_session.may(domain::Action::ReadDepartmentCustomers) && me.departmentId)
            filter.customerScope = {storage::CustomerScope::Kind::Department, *me.departmentId};
        else
            filter.customerScope = {storage::CustomerScope::Kind::Own, me.id};
        filter.alsoFor = me.id;
        filter.alsoForDepartment = me.departmentId;
    }
    return storage::NegotiationRepository(m_session.database()).list(filter);
}

QList<CustomerNegotiation> NegotiationService::forCustomer(qint64 customerId, int limit)
{
    NegotiationQuery query;
    query.customer = customerId;
    query.limit = limit;
    QList<CustomerNegotiation> rows;
    for (const storage::NegotiationRow &row : list(query))
        rows << CustomerNegotiation{row.id, row.title, row.stage, row.leadName, row.plannedEnd, row.latestAmount, row.closed};
    return rows;
}

QList<NegotiationReminder> NegotiationService::reminders()
{
    QList<NegotiationReminder> reminders;
    if (!m_session.isLoggedIn())
        return reminders;
    const domain::User &me = m_session.user();
    storage::NegotiationRepository repository(m_session.database());
    for (const qint64 id : repository.ofTeamMember(me.id, 100)) {
        const auto negotiation = repository.find(id);
        if (!negotiation)
            continue;
        const NegotiationDetail d = load(*negotiation);
        using Kind = NegotiationReminder::Kind;
        if (d.deadlockSuggested)
            reminders << NegotiationReminder{Kind::DeadlockHint, id, negotiation->title, {}};
        if (d.standing.lead && !domain::NegotiationFlow::isOpen(negotiation->stage) && !negotiation->isClosed())
            reminders << NegotiationReminder{Kind::WriteSummary, id, negotiation->title, {}};
        if (d.standing.lead && d.plannedEndPassed)
            reminders << NegotiationReminder{Kind::PlannedEndPassed, id, negotiation->title, negotiation->plannedEnd};
    }
    for (const storage::PendingAcknowledgement &pending :
         storage::NegotiationRecordRepository(m_session.database()).pendingFor(me.id, me.departmentId))
        reminders << NegotiationReminder{NegotiationReminder::Kind::Acknowledge, pending.negotiationId, pending.title, {}};
    return reminders;
}

QList<LeadOutcome> NegotiationService::outcomesByLead(int limit)
{
    struct Sums
    {
        int count = 0;
        qint64 captureSum = 0;
        int captureCount = 0;
        qint64 errorSum = 0;
        int errorCount = 0;
    };
    QMap<QString, Sums> byLead;
    storage::NegotiationRepository repository(m_session.database());
    for (const qint64 id : repository.closedIds(limit)) {
        const auto negotiation = repository.find(id);
        if (!negotiation)
            continue;
        const NegotiationDetail d = load(*negotiation);
        if (!d.confidential)
            continue;
        Sums &sums = byLead[d.leadName];
        ++sums.count;
        if (d.capturePermille) {
            sums.captureSum += *d.capturePermille;
            ++sums.captureCount;
        }
        if (d.estimateError) {
            sums.errorSum += d.estimateError->minorUnits();
            ++sums.errorCount;
        }
    }
    QList<LeadOutcome> rows;
    for (auto it = byLead.cbegin(); it != byLead.cend(); ++it) {
        LeadOutcome row;
        row.leadName = it.key();
        row.negotiations = it->count;
        if (it->captureCount)
            row.averageCapturePermille = static_cast<int>(it->captureSum / it->captureCount);
        if (it->errorCount)
            row.averageEstimateError = Money::fromMinor(it->errorSum / it->errorCount);
        rows << row;
    }
    return rows;
}

ContractBasis NegotiationService::contractBasis(qint64 id)
{
    const Negotiation negotiation = NegotiationAccess(m_session).requireVisible(id);
    if (negotiation.stage != NegotiationStage::Consensus)
        throw Error::conflict(QCoreApplication::translate("NegotiationService", "%1 has not reached consensus; a contract draft "
                                                                                "comes from a consensus (§4.2.6).")
                                  .arg(NegotiationAccess::label(negotiation)),
                              QStringLiteral("4.2.6"));
    storage::NegotiationRecordRepository records(m_session.database());
    ContractBasis basis;
    basis.customerId = negotiation.customerId;
    basis.title = negotiation.title;
    const auto latest = domain::NegotiationFigures::latestOffer(records.offers(id));
    if (!latest || latest->amount.isZero())
        throw Error::invalid(QStringLiteral("amount"), QCoreApplication::translate("NegotiationService", "amount: the negotiation has no agreed amount (no offer recorded)."));
    basis.amount = latest->amount;
    for (const domain::TermPosition &term : records.terms(id)) {
        if (term.agreed)
            basis.agreedTerms[term.term] = term.ours.isEmpty() ? term.theirs : term.ours;
    }
    return basis;
}

QList<std::pair<QString, QString>> NegotiationService::peopleChoices()
{
    QList<std::pair<QString, QString>> choices;
    for (const domain::User &user : storage::UserRepository(m_session.database()).list()) {
        if (user.active && !user.roles.has(domain::Role::Admin))
            choices << std::pair{user.login, user.displayName};
    }
    return choices;
}

} // namespace bizdesk::services
