#pragma once

#include <QString>

class QLabel;
class QWidget;

namespace bizdesk::domain {
class Error;
}

namespace bizdesk::ui {

/// Shows refused actions the same way everywhere: the service's message with its clause.
class ErrorPresenter
{
public:
    /// "需要公司高層審批（§6.3.3：…）" style text: message plus clause when there is one.
    static QString describe(const domain::Error &error);
    static void show(QWidget *parent, const domain::Error &error);
    /// Runs `work`; shows any Error and returns false instead of letting it escape into Qt.
    template<typename Work>
    static bool attempt(QWidget *parent, Work &&work)
    {
        try {
            work();
            return true;
        } catch (const domain::Error &error) {
            show(parent, error);
            return false;
        }
    }
    /// The same for a pane with a message line: `label` is cleared, then shows any Error in the
    /// refusal colour, without a modal box.
    template<typename Work>
    static bool attemptShowingIn(QLabel *label, Work &&work)
    {
        showIn(label, nullptr);
        try {
            work();
            return true;
        } catch (const domain::Error &error) {
            showIn(label, &error);
            return false;
        }
    }
    /// Shows `error` in `label` (nullptr clears it).
    static void showIn(QLabel *label, const domain::Error *error);
};

} // namespace bizdesk::ui

#include "domain/Error.h"
