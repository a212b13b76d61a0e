#pragma once

#include "services/modules/RecordRef.h"

#include <QList>

#include <functional>

class QAction;

namespace bizdesk::ui {

/// A page in a module tab. Pages refresh on F5 and when the tab is shown.
class ModulePage
{
public:
    /// Shows a record in whichever module's tab opens its kind (set by MainWindow for every page).
    using RecordOpener = std::function<bool(const services::RecordRef &)>;

    virtual ~ModulePage() = default;
    virtual void refresh() {}
    /// Number shown on the tab title (e.g. tasks waiting); -1 for none.
    virtual int badgeCount() const { return -1; }
    /// True while the page's data is being read in the background (My Tasks' worker); the
    /// shell shows a loading note for a page that has no count yet.
    virtual bool isLoading() const { return false; }
    /// Actions the page adds to the File menu (e.g. Import customers…); the page owns them,
    /// decides their visibility and what they do.
    virtual QList<QAction *> fileActions() const { return {}; }
    /// Brings the record into view (selects it, opens its detail pane), e.g. when a task in My
    /// Tasks is opened. Called only with the kinds the module's descriptor lists (`records`).
    /// Returns false when the page does not find the record.
    virtual bool showRecord(const services::RecordRef &record)
    {
        Q_UNUSED(record);
        return false;
    }

    void setRecordOpener(RecordOpener opener) { m_opener = std::move(opener); }

protected:
    /// Asks the shell to show `record` in its module's tab (a link to another module's record).
    bool openRecord(const services::RecordRef &record) const { return m_opener && m_opener(record); }

private:
    RecordOpener m_opener;
};

} // namespace bizdesk::ui
