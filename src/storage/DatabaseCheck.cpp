#include "storage/DatabaseCheck.h"

#include "storage/Database.h"

#include <QSqlQuery>
#include <QVariant>

namespace bizdesk::storage {

QStringList DatabaseCheck::structuralProblems(Database &database)
{
    QStringList problems;
    if (database.backend() != Backend::Sqlite)
        return problems;
    QSqlQuery query(database.connection());
    query.exec(QStringLiteral("PRAGMA integrity_check"));
    while (query.next()) {
        const QString line = query.value(0).toString();
        if (line != QLatin1String("ok"))
            problems << QStringLiteral("integrity: %1").arg(line);
    }
    query.exec(QStringLiteral("PRAGMA foreign_key_check"));
    while (query.next())
        problems << QStringLiteral("foreign key: table %1 row %2 refers to a missing row in %3")
                        .arg(query.value(0).toString(), query.value(1).toString(), query.value(2).toString());
    return problems;
}

} // namespace bizdesk::storage
