#pragma once

class QTableView;

namespace bizdesk::ui {

/// The customer list's columns: they fit the view's width without sideways scrolling (the name
/// takes what the others leave, each other column is as wide as its longest value), they may be
/// resized and reordered, and that layout and the sort column are remembered (QSettings, the
/// header's saveState) across sessions and every re-creation of the page.
class CustomerListHeader
{
public:
    /// Call after the model is set; restores the remembered layout, if any.
    static void install(QTableView *view);
    /// The QSettings key the layout is kept under.
    static const char *settingsKey();
};

} // namespace bizdesk::ui
