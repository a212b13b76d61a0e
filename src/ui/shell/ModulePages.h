#pragma once

namespace bizdesk::ui {

class MainWindow;

/// The one list of module tabs. Each module replaces its PlannedModulePage here with its page.
class ModulePages
{
public:
    static void populate(MainWindow &window);
};

} // namespace bizdesk::ui
