#include "services/negotiations/NegotiationMaterials.h"

#include "domain/Error.h"
#include "domain/TextRules.h"
#include "domain/policy/PolicyCatalog.h"
#include "services/Session.h"
#include "services/negotiations/NegotiationAccess.h"
#include "services/policy/PolicyService.h"
#include "storage/Transaction.h"
#include "storage/negotiations/NegotiationRecordRepository.h"

#include <QCoreApplication>
#include <QJsonObject>

namespace bizdesk::services {

using domain::Error;
using domain::TextKind;
using domain::TextRules;

FileCap NegotiationMaterials::cap() const
{
    return {PolicyService(m_session).integer(domain::policy::negotiationMaterialMaxMb) * 1024 * 1024,
            domain::policy::negotiationMaterialMaxMb, QStringLiteral("4.1.3")};
}

domain::Negotiation NegotiationMaterials::add(qint64 negotiationId, const QString &kind, const QString &note,
                                              const std::optional<AttachmentFile> &file, std::optional<int> seen)
{
    domain::Material material;
    material.kind = domain::parseNamed(domain::materialKinds(), QStringLiteral("kind"), kind);
    if (file) {
        const StoredFileFacts facts = StoredFiles::describe(*file, cap());
        material.fileName = facts.fileName;
        material.mediaType = facts.mediaType;
        material.fileSize = facts.size;
        material.sha256 = facts.sha256;
    }
    const QString text = TextRules::clean(QStringLiteral("note"), note, TextKind::Notes);
    if (text.isEmpty() && !file)
        throw Error::invalid(QStringLiteral("note"), QCoreApplication::translate("NegotiationMaterials", "note: a material needs a note, a file or both."));
    material.note = text.isEmpty() ? material.fileName : text;
    return NegotiationAccess(m_session).change(negotiationId, seen, NegotiationAccess::Needs::Acts, QStringLiteral("material"),
                                               [&](domain::Negotiation &n, const NegotiationStanding &) {
                                                   const qint64 id = storage::NegotiationRecordRepository(m_session.database())
                                                                         .addMaterial(n.id, material, file ? file->content : QByteArray(),
                                                                                      m_session.timestamp(), m_session.userId());
                                                   QJsonObject details{{QStringLiteral("material"), id},
                                                                       {QStringLiteral("kind"), domain::materialKinds().name(material.kind)}};
                                                   if (material.hasFile()) {
                                                       details.insert(QStringLiteral("file"), material.fileName);
                                                       details.insert(QStringLiteral("size"), material.fileSize);
                                                       details.insert(QStringLiteral("sha256"), material.sha256);
                                                   }
                                                   return details;
                                               });
}

domain::Negotiation NegotiationMaterials::addFromPath(qint64 negotiationId, const QString &kind, const QString &note, const QString &path,
                                                      std::optional<int> seen)
{
    if (path.isEmpty())
        return add(negotiationId, kind, note, std::nullopt, seen);
    return add(negotiationId, kind, note, StoredFiles::read(path, cap()), seen);
}

QByteArray NegotiationMaterials::content(qint64 materialId, domain::Material *material) const
{
    storage::Transaction transaction(m_session.database(), storage::Transaction::Mode::Read);
    const auto found = storage::NegotiationRecordRepository(m_session.database()).materialFile(materialId);
    const auto notFound = [&] {
        return Error::notFound(QCoreApplication::translate("NegotiationMaterials", "There is no material file #%1.").arg(materialId));
    };
    if (!found || !found->material.hasFile())
        throw notFound();
    try {
        NegotiationAccess(m_session).requireVisible(found->negotiationId);
    } catch (const Error &) {
        throw notFound(); // the file's existence does not leak either
    }
    transaction.commit();
    StoredFiles::verify(found->material.fileName, found->content, found->material.fileSize, found->material.sha256);
    if (material)
        *material = found->material;
    return found->content;
}

domain::Material NegotiationMaterials::saveTo(qint64 materialId, const QString &path) const
{
    domain::Material material;
    StoredFiles::save(content(materialId, &material), path);
    return material;
}

} // namespace bizdesk::services
