#pragma once

#include "domain/contracts/ContractAttachment.h"

#include <QWidget>

#include <optional>

class QComboBox;
class QLabel;
class QPushButton;
class QTableWidget;

namespace bizdesk::services {
class Session;
struct ContractDetail;
} // namespace bizdesk::services

namespace bizdesk::ui {

/// The attachments section of a contract's detail: the files with kind, size and SHA-256, "Add
/// file…" (or drop files here) for the kinds ContractAttachments allows the user now, and
/// "Save as…", which checks the hash on the way out.
class ContractAttachmentsPanel : public QWidget
{
    Q_OBJECT

public:
    enum Column { KindColumn, NameColumn, SizeColumn, HashColumn, ColumnCount };

    ContractAttachmentsPanel(services::Session &session, QWidget *parent = nullptr);

    /// Shows the files of `detail` (nothing for none) and which kinds may be added.
    void showFiles(const services::ContractDetail *detail);
    /// Stores the file as the add button does; false (and the reason in the message) when refused.
    bool attach(const QString &path, domain::ContractAttachment::Kind kind);
    /// Writes the attachment to `path` as "Save as…" does.
    bool saveAs(qint64 attachmentId, const QString &path);

    QTableWidget *table() const { return m_table; }
    QComboBox *kindChoice() const { return m_kind; }
    QPushButton *addButton() const { return m_add; }
    QPushButton *saveButton() const { return m_save; }
    QLabel *messageLabel() const { return m_message; }

signals:
    /// A file was stored: the contract's detail should be read again.
    void attached();

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void chooseAndAttach();
    void chooseAndSave();
    template <typename Work>
    bool run(Work &&work);

    services::Session &m_session;
    std::optional<qint64> m_contractId;
    QTableWidget *m_table = nullptr;
    QComboBox *m_kind = nullptr;
    QPushButton *m_add = nullptr;
    QPushButton *m_save = nullptr;
    QLabel *m_message = nullptr;
};

} // namespace bizdesk::ui
