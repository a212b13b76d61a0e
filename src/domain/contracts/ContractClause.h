#pragma once

#include "domain/NamedValues.h"

#include <QMap>
#include <QString>

namespace bizdesk::domain {

/// The seven clauses every contract must contain (§5.1.2), each a separate text.
enum class ContractClause {
    Obligations,   ///< rights and obligations of both parties
    Specification, ///< product or service specification
    Price,
    Delivery,      ///< delivery time
    Acceptance,    ///< acceptance criteria
    Payment,       ///< payment terms
    Breach,        ///< liability for breach
};
const NamedValues<ContractClause> &contractClauses();

/// A contract's clause texts by clause.
using ClauseTexts = QMap<ContractClause, QString>;

class ClauseGate
{
public:
    /// The clauses whose text is empty (after trimming), in the §5.1.2 order.
    static QList<ContractClause> emptyClauses(const ClauseTexts &texts);
    /// Refuses submission while any clause is empty: invalid("clauses") citing §5.1.2 and
    /// naming every empty clause in the user's language.
    static void requireComplete(const ClauseTexts &texts);
    /// The clause named `name` (obligations|specification|…) or invalid("clause").
    static ContractClause parse(const QString &name);
};

/// One clause changed between two revisions, for the reviewers' clause-by-clause diff (§5.2.2).
struct ClauseChange
{
    ContractClause clause;
    QString before;
    QString after;
};

class ClauseDiff
{
public:
    /// The clauses whose text differs between `before` and `after`, in the §5.1.2 order.
    static QList<ClauseChange> between(const ClauseTexts &before, const ClauseTexts &after);
};

} // namespace bizdesk::domain
