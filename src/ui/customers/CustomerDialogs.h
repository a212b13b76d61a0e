#pragma once

#include "domain/customers/Customer.h"
#include "services/customers/CustomerImport.h"

#include <QDialog>

#include <memory>

namespace Ui {
class CustomerDialog;
class ContactLogDialog;
class CustomerImportDialog;
class MarketResearchDialog;
class TargetSegmentDialog;
}

namespace bizdesk::services {
class Session;
}

namespace bizdesk::ui {

/// New customer (§3.2.1), or editing one (`editId`): validates as the user types, warns about
/// possible duplicates and asks before adding one anyway.
class CustomerDialog : public QDialog
{
    Q_OBJECT

public:
    explicit CustomerDialog(services::Session &session, QWidget *parent = nullptr, domain::CustomerId editId = 0);
    ~CustomerDialog() override;
    domain::CustomerId createdId() const { return m_createdId; }
    void setName(const QString &name);
    QString duplicateWarning() const;

protected:
    void accept() override;

private:
    void validate();
    services::Session &m_session;
    std::unique_ptr<Ui::CustomerDialog> m_ui;
    domain::CustomerId m_createdId = 0;
    domain::CustomerId m_editId = 0;
    domain::Customer m_editing;
};

/// Records one contact (§3.2.3): kind, time, note (required), next follow-up.
class ContactLogDialog : public QDialog
{
    Q_OBJECT

public:
    ContactLogDialog(services::Session &session, domain::CustomerId customer, QWidget *parent = nullptr);
    ~ContactLogDialog() override;

protected:
    void accept() override;

private:
    services::Session &m_session;
    domain::CustomerId m_customer;
    std::unique_ptr<Ui::ContactLogDialog> m_ui;
};

/// Records market research (§3.1.1): topic, date, findings, competitors.
class MarketResearchDialog : public QDialog
{
    Q_OBJECT

public:
    MarketResearchDialog(services::Session &session, QWidget *parent = nullptr);
    ~MarketResearchDialog() override;
    qint64 createdId() const { return m_createdId; }

protected:
    void accept() override;

private:
    services::Session &m_session;
    std::unique_ptr<Ui::MarketResearchDialog> m_ui;
    qint64 m_createdId = 0;
};

/// Defines a target segment (§3.1.2): name, traits, strategy.
class TargetSegmentDialog : public QDialog
{
    Q_OBJECT

public:
    TargetSegmentDialog(services::Session &session, QWidget *parent = nullptr);
    ~TargetSegmentDialog() override;
    qint64 createdId() const { return m_createdId; }

protected:
    void accept() override;

private:
    services::Session &m_session;
    std::unique_ptr<Ui::TargetSegmentDialog> m_ui;
    qint64 m_createdId = 0;
};

/// File → Import: preview with an editable column mapping, dry run, then the import in one
/// transaction with a cancellable progress dialog (cancel = nothing written).
class CustomerImportDialog : public QDialog
{
    Q_OBJECT

public:
    CustomerImportDialog(services::Session &session, QWidget *parent = nullptr);
    ~CustomerImportDialog() override;
    /// Loads a file into the preview (the Choose file button calls it).
    bool load(const QString &path);
    QStringList mapping() const;
    /// The column mapping, the values mapped in the preview and the update choice.
    services::ImportPlan plan(bool dryRun) const;
    int imported() const { return m_imported; }
    /// What the dialog tells (row counts, results): plain text, never red.
    QString summary() const;
    /// Why something failed (red), empty when nothing did.
    QString error() const;

private:
    void chooseFile();
    void run(bool dryRun);
    void showPreview();
    /// Lists the columns not imported and the unknown values to map, for the current mapping.
    void refreshChecks();

    services::Session &m_session;
    std::unique_ptr<Ui::CustomerImportDialog> m_ui;
    services::ImportTable m_table;
    QString m_path;
    int m_imported = 0;
};

} // namespace bizdesk::ui
