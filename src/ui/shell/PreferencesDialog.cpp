#include "ui/shell/PreferencesDialog.h"

#include "ui_PreferencesDialog.h"

#include "support/Logging.h"
#include "support/SettingsKeys.h"

#include <utility>

namespace bizdesk::ui {

PreferencesDialog::PreferencesDialog(QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::PreferencesDialog>())
{
    m_ui->setupUi(this);
    m_ui->languageCombo->addItem(tr("Follow the system"), QString());
    m_ui->languageCombo->addItem(QStringLiteral("简体中文"), QStringLiteral("zh_CN"));
    m_ui->languageCombo->addItem(QStringLiteral("繁體中文"), QStringLiteral("zh_TW"));
    m_ui->languageCombo->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_ui->languageCombo->setCurrentIndex(
        std::max(0, m_ui->languageCombo->findData(support::readSetting(support::settings::language).toString())));
    // Shown in the user's language; the stored setting keeps the logger's own level names.
    const std::pair<QString, QString> levels[] = {
        {tr("Debug (everything, for troubleshooting)"), QStringLiteral("debug")},
        {tr("Information"), QStringLiteral("info")},
        {tr("Warnings"), QStringLiteral("warn")},
        {tr("Errors only"), QStringLiteral("error")},
    };
    for (const auto &[name, level] : levels)
        m_ui->logLevelCombo->addItem(name, level);
    m_ui->logLevelCombo->setCurrentIndex(
        std::max(0, m_ui->logLevelCombo->findData(support::readSetting(support::settings::logLevel).toString())));
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &PreferencesDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &PreferencesDialog::reject);
}

PreferencesDialog::~PreferencesDialog() = default;

void PreferencesDialog::accept()
{
    support::writeSetting(support::settings::language, m_ui->languageCombo->currentData());
    const QString level = m_ui->logLevelCombo->currentData().toString();
    support::writeSetting(support::settings::logLevel, level);
    support::setLogLevel(level);
    QDialog::accept();
}

} // namespace bizdesk::ui
