#pragma once

#include "domain/contracts/Contract.h"

#include <QDate>
#include <QString>

#include <functional>

namespace bizdesk::services {
class Session;
}

namespace bizdesk::testing {

/// Session of a seeded user by login (BackendTest::as).
using SessionFor = std::function<services::Session &(const QString &login)>;

/// A contract with `customer` that manager1 drafts for sales1 (every clause filled), the review
/// route approves step by step (legal, finance, director, executive when above the threshold)
/// and manager1 signs on `signedOn` with the director as our signatory: it is effective.
domain::Contract effectiveContract(const SessionFor &as, qint64 customer, const QString &amount, const QDate &signedOn,
                                   const QString &title = QStringLiteral("ERP 实施服务合同"), const QString &currency = {});

} // namespace bizdesk::testing
