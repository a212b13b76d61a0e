#pragma once

#include "services/entertainment/ExpenseViews.h"

#include <QWidget>

class QComboBox;

namespace bizdesk::services {
class Session;
}

namespace bizdesk::ui {

/// The list filters of the Entertainment tab (view, state, month, department) as one
/// services::ExpenseQuery.
class ExpenseFilterBar : public QWidget
{
    Q_OBJECT

public:
    explicit ExpenseFilterBar(services::Session &session, QWidget *parent = nullptr);

    services::ExpenseQuery query() const;
    /// Back to "everything I may see", without emitting changed().
    void reset();
    QComboBox *viewCombo() const { return m_view; }

signals:
    void changed();

private:
    QComboBox *m_view = nullptr;
    QComboBox *m_state = nullptr;
    QComboBox *m_month = nullptr;
    QComboBox *m_department = nullptr;
};

} // namespace bizdesk::ui
