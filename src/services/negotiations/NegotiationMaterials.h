#pragma once

#include "domain/negotiations/Negotiation.h"
#include "services/files/StoredFiles.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace bizdesk::services {

class Session;

/// The preparation's materials (§4.1.3): market information, industry trends, competitors and laws,
/// as notes, each optionally with a file kept like a contract attachment (SHA-256, at most
/// negotiation.material_max_mb, checked whenever it is read back).
class NegotiationMaterials
{
public:
    explicit NegotiationMaterials(Session &session) : m_session(session) {}

    /// A material; the note may be empty when a file carries it (its name then stands in).
    domain::Negotiation add(qint64 negotiationId, const QString &kind, const QString &note,
                            const std::optional<AttachmentFile> &file = std::nullopt, std::optional<int> seen = std::nullopt);
    /// add() with the file at `path` (empty: a note only), read before anything is written.
    domain::Negotiation addFromPath(qint64 negotiationId, const QString &kind, const QString &note, const QString &path,
                                    std::optional<int> seen = std::nullopt);
    /// The material's file after checking it against its SHA-256 (not found for anyone who may
    /// not see the negotiation, and for a material without a file).
    QByteArray content(qint64 materialId, domain::Material *material = nullptr) const;
    /// content() written to `path` atomically; the material.
    domain::Material saveTo(qint64 materialId, const QString &path) const;
    FileCap cap() const;

private:
    Session &m_session;
};

} // namespace bizdesk::services
