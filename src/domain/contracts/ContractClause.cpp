#include "domain/contracts/ContractClause.h"

#include "domain/Error.h"

#include <QStringList>

#include <array>

namespace bizdesk::domain {
namespace {

constexpr std::array<NamedValue<ContractClause>, 7> clauseTable{{
    {ContractClause::Obligations, "obligations", QT_TRANSLATE_NOOP("ContractClause", "Rights and obligations")},
    {ContractClause::Specification, "specification", QT_TRANSLATE_NOOP("ContractClause", "Product or service specification")},
    {ContractClause::Price, "price", QT_TRANSLATE_NOOP("ContractClause", "Price")},
    {ContractClause::Delivery, "delivery", QT_TRANSLATE_NOOP("ContractClause", "Delivery time")},
    {ContractClause::Acceptance, "acceptance", QT_TRANSLATE_NOOP("ContractClause", "Acceptance criteria")},
    {ContractClause::Payment, "payment", QT_TRANSLATE_NOOP("ContractClause", "Payment terms")},
    {ContractClause::Breach, "breach", QT_TRANSLATE_NOOP("ContractClause", "Liability for breach")},
}};

} // namespace

const NamedValues<ContractClause> &contractClauses()
{
    static const NamedValues<ContractClause> values(clauseTable, "ContractClause");
    return values;
}

QList<ContractClause> ClauseGate::emptyClauses(const ClauseTexts &texts)
{
    QList<ContractClause> empty;
    for (const ContractClause clause : contractClauses().all()) {
        if (texts.value(clause).trimmed().isEmpty())
            empty << clause;
    }
    return empty;
}

void ClauseGate::requireComplete(const ClauseTexts &texts)
{
    const QList<ContractClause> empty = emptyClauses(texts);
    if (empty.isEmpty())
        return;
    QStringList names;
    for (const ContractClause clause : empty)
        names << QStringLiteral("%1 (%2)").arg(contractClauses().display(clause), contractClauses().name(clause));
    throw Error::invalid(QStringLiteral("clauses"),
                         QCoreApplication::translate("Contract", "clauses: a contract is submitted only with all seven "
                                                                 "required clauses (§5.1.2); still empty: %1.")
                             .arg(names.join(QCoreApplication::translate("Contract", ", "))),
                         QStringLiteral("5.1.2"));
}

ContractClause ClauseGate::parse(const QString &name)
{
    const auto clause = contractClauses().fromName(name.trimmed());
    if (!clause)
        throw Error::invalid(QStringLiteral("clause"),
                             QCoreApplication::translate("Contract", "clause: \"%1\" is not one of %2 (§5.1.2).")
                                 .arg(name, contractClauses().namesJoined()),
                             QStringLiteral("5.1.2"));
    return *clause;
}

QList<ClauseChange> ClauseDiff::between(const ClauseTexts &before, const ClauseTexts &after)
{
    QList<ClauseChange> changes;
    for (const ContractClause clause : contractClauses().all()) {
        const QString old = before.value(clause);
        const QString now = after.value(clause);
        if (old != now)
            changes << ClauseChange{clause, old, now};
    }
    return changes;
}

} // namespace bizdesk::domain
