#pragma once

#include "services/modules/ModuleDescriptor.h"

class QWidget;

namespace bizdesk::services {
class Session;
}

namespace bizdesk::ui {

class MainWindow;

/// The tabs: My Tasks, then one page per module of services::ModuleCatalog, in its order.
class ModulePages
{
public:
    static void populate(MainWindow &window);
    /// The module's page (a ModulePage), or the placeholder of a planned module.
    static QWidget *create(const services::ModuleDescriptor &module, services::Session &session, QWidget *parent);
};

} // namespace bizdesk::ui
