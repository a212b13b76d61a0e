#include "services/ModuleCatalog.h"

#include "services/contracts/ContractModule.h"
#include "services/customers/CustomerModule.h"
#include "services/entertainment/EntertainmentModule.h"
#include "services/identity/TeamModule.h"
#include "services/negotiations/NegotiationModule.h"
#include "services/reports/ReportsModule.h"

#include <QCoreApplication>

#include <stdexcept>

namespace bizdesk::services {
namespace {

/// The registration: each ModuleId's descriptor. No default, so a new ModuleId without a
/// descriptor does not compile (-Wswitch).
ModuleDescriptor describe(ModuleId id)
{
    switch (id) {
    case ModuleId::Customers: return customersModule();
    case ModuleId::Negotiations: return negotiationsModule();
    case ModuleId::Contracts: return contractsModule();
    case ModuleId::Entertainment: return entertainmentModule();
    case ModuleId::Team: return teamModule();
    case ModuleId::Reports: return reportsModule();
    }
    throw std::logic_error("unknown module id");
}

} // namespace

QString moduleKey(ModuleId id)
{
    switch (id) {
    case ModuleId::Customers: return QStringLiteral("customers");
    case ModuleId::Negotiations: return QStringLiteral("negotiations");
    case ModuleId::Contracts: return QStringLiteral("contracts");
    case ModuleId::Entertainment: return QStringLiteral("entertainment");
    case ModuleId::Team: return QStringLiteral("team");
    case ModuleId::Reports: return QStringLiteral("reports");
    }
    return {};
}

std::optional<ModuleId> moduleFromKey(const QString &key)
{
    for (ModuleId id : allModuleIds) {
        if (moduleKey(id) == key)
            return id;
    }
    return std::nullopt;
}

const QList<ModuleDescriptor> &ModuleCatalog::modules()
{
    static const QList<ModuleDescriptor> list = [] {
        QList<ModuleDescriptor> descriptors;
        for (ModuleId id : allModuleIds) {
            descriptors << describe(id);
            if (descriptors.last().id != id)
                throw std::logic_error("module descriptor registered under another id");
        }
        return descriptors;
    }();
    return list;
}

const ModuleDescriptor &ModuleCatalog::module(ModuleId id)
{
    return modules().at(static_cast<int>(id));
}

void ModuleCatalog::registerAll()
{
    static bool registered = false;
    if (registered)
        return;
    registered = true;
    for (const ModuleDescriptor &descriptor : modules()) {
        for (const auto &source : descriptor.taskSources)
            TaskService::addSource(source);
        if (descriptor.demo)
            DemoData::addContributor(moduleKey(descriptor.id), descriptor.demo);
    }
}

std::optional<ModuleId> ModuleCatalog::moduleOpening(RecordKind kind)
{
    for (const ModuleDescriptor &descriptor : modules()) {
        if (descriptor.opens(kind))
            return descriptor.id;
    }
    return std::nullopt;
}

QString ModuleCatalog::title(ModuleId id)
{
    return QCoreApplication::translate("Modules", module(id).title);
}

QString ModuleCatalog::description(ModuleId id)
{
    const char *text = module(id).description;
    return text ? QCoreApplication::translate("Modules", text) : QString();
}

QString ModuleCatalog::actionLabel(const QString &action)
{
    for (const ModuleDescriptor &descriptor : modules()) {
        if (const char *label = descriptor.audit.actions.value(action))
            return QCoreApplication::translate(descriptor.audit.context, label);
    }
    return {};
}

ModuleCatalog::KnownField ModuleCatalog::auditField(const QString &key, std::optional<ModuleId> owner)
{
    const auto find = [&key](const ModuleDescriptor &descriptor) -> KnownField {
        const auto found = descriptor.audit.fields.constFind(key);
        if (found == descriptor.audit.fields.cend())
            return {};
        return {&*found, descriptor.audit.context};
    };
    if (owner) {
        if (KnownField known = find(module(*owner)); known.field)
            return known;
    }
    for (const ModuleDescriptor &descriptor : modules()) {
        if (KnownField known = find(descriptor); known.field)
            return known;
    }
    return {};
}

QString ModuleCatalog::KnownField::label() const
{
    return field ? QCoreApplication::translate(context, field->label) : QString();
}

} // namespace bizdesk::services
