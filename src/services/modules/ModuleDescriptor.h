#pragma once

#include "services/demo/DemoData.h"
#include "services/modules/AuditLabels.h"
#include "services/modules/ModuleId.h"
#include "services/modules/RecordRef.h"
#include "services/tasks/TaskSource.h"

#include <QList>
#include <QStringList>

#include <memory>

namespace bizdesk::services {

/// Everything the shell, My Tasks, the CLI, the demo and the history panes need to know about
/// one module, declared once by the module (src/services/<module>/<Module>Module.cpp) and read
/// from ModuleCatalog. The layers above hang their parts off `id`: the tab page
/// (ui/shell/ModulePages.cpp) and the command group (cli/CommandCatalog.cpp).
struct ModuleDescriptor
{
    ModuleId id = ModuleId::Customers;
    const char *title = nullptr;       ///< untranslated, context "Modules"; see ModuleCatalog::title()
    const char *description = nullptr; ///< untranslated, context "Modules": what the tab is for
    QString clauses;                   ///< the regulation it serves: "§3"
    bool planned = false;              ///< not built yet: the tab says what will be there
    QList<RecordKind> records;         ///< kinds its page opens (My Tasks, links between modules)
    QList<std::shared_ptr<TaskSource>> taskSources;
    DemoData::Contributor demo;        ///< empty: no demo data
    QStringList commandGroups;         ///< first words of its bizdeskctl commands: {"customer", "event"}
    QStringList policyKeys;            ///< domain::policy keys it reads
    AuditLabels audit;

    bool opens(RecordKind kind) const { return records.contains(kind); }
};

} // namespace bizdesk::services
