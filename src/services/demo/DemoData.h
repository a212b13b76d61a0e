#pragma once

#include "domain/identity/User.h"

#include <QJsonObject>
#include <QList>

#include <functional>
#include <random>

namespace bizdesk::storage {
class Database;
}

namespace bizdesk::services {

class Session;

struct DemoOptions
{
    int customers = 200;
    quint32 seed = 1;
    QString password = QStringLiteral("demo-password");
    /// The language of the demo's free text (comments, notes, decisions): "zh_CN", "zh_TW" or
    /// "en", whatever language the program itself speaks. The organisation is Chinese, so
    /// Simplified Chinese unless chosen otherwise.
    QString language = QStringLiteral("zh_CN");
};

/// What module demo generators get: a director's session, the organisation and a seeded random
/// source, so the same seed gives the same data.
struct DemoContext
{
    Session &session;
    const DemoOptions &options;
    std::mt19937 &random;
    QList<domain::User> people;
    QJsonObject &summary;

    /// A person holding `role`, picked deterministically.
    const domain::User &someone(domain::Role role);
    int between(int low, int high);
};

/// Builds a realistic, deterministic demo organisation (Chinese names, departments, reporting
/// lines) and lets every module add its records.
class DemoData
{
public:
    using Contributor = std::function<void(DemoContext &)>;

    /// The languages a demo can be written in.
    static QStringList languages();
    /// The database must be new or empty; an unknown language is refused (invalid, field
    /// "language") before anything is written. Returns a summary ({"users":N, "customers":N, ...}).
    static QJsonObject generate(storage::Database &database, const DemoOptions &options);
    /// Modules register their generators (called from services/ModuleCatalog.cpp).
    static void addContributor(const QString &name, Contributor contributor);

    /// Deterministic Chinese personal name / company name from the random source.
    static QString personName(std::mt19937 &random);
    static QString companyName(std::mt19937 &random);
};

} // namespace bizdesk::services
