#pragma once

#include "services/modules/ModuleDescriptor.h"

#include <QList>

#include <optional>

namespace bizdesk::services {

/// The one registration of modules: one descriptor per ModuleId (ModuleCatalog.cpp), in tab
/// order. The shell, My Tasks, the CLI, the demo and the history panes read it; nothing else
/// lists modules.
class ModuleCatalog
{
public:
    /// Registers every module's task sources and demo generator. Idempotent.
    static void registerAll();

    /// Every module, in ModuleId order.
    static const QList<ModuleDescriptor> &modules();
    static const ModuleDescriptor &module(ModuleId id);
    /// The module whose page opens records of `kind`; empty when none does.
    static std::optional<ModuleId> moduleOpening(RecordKind kind);

    static QString title(ModuleId id);
    static QString description(ModuleId id);

    /// Translated name of an audit action ("expense.approve" → "Approved"); empty when no module knows it.
    static QString actionLabel(const QString &action);
    /// A recorded field as `owner` (when given) or else any module records it.
    struct KnownField
    {
        const AuditField *field = nullptr; ///< nullptr: no module knows the key
        const char *context = nullptr;
        QString label() const;
    };
    static KnownField auditField(const QString &key, std::optional<ModuleId> owner = std::nullopt);
};

} // namespace bizdesk::services
