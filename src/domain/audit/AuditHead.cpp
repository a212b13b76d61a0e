#include "domain/audit/AuditHead.h"

#include "domain/Error.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace bizdesk::domain {

QString AuditHead::toText() const
{
    return QStringLiteral("%1:%2").arg(id).arg(hash);
}

QJsonObject AuditHead::toJson() const
{
    return QJsonObject{{QStringLiteral("id"), static_cast<double>(id)}, {QStringLiteral("hash"), hash}};
}

AuditHead AuditHead::parse(const QString &field, const QString &text)
{
    static const QRegularExpression form(QStringLiteral("^([0-9]{1,18}):([0-9a-fA-F]{64})$"));
    const QRegularExpressionMatch match = form.match(text.trimmed());
    if (!match.hasMatch())
        throw Error::invalid(field, QCoreApplication::translate("AuditHead",
                                                                "%1: \"%2\" is not an audit head; write ID:HASH, the entry "
                                                                "number, a colon and the 64 hex digits that "
                                                                "\"bizdeskctl audit head\" prints.")
                                        .arg(field, text));
    return AuditHead{match.captured(1).toLongLong(), match.captured(2).toLower()};
}

} // namespace bizdesk::domain
