#pragma once

#include <QWidget>

namespace bizdesk::ui {

/// Stands in a tab whose module is not built yet: says what will be here and which clauses it
/// serves, instead of a blank page.
class PlannedModulePage : public QWidget
{
    Q_OBJECT

public:
    PlannedModulePage(const QString &title, const QString &description, const QString &clauses,
                      QWidget *parent = nullptr);
};

} // namespace bizdesk::ui
