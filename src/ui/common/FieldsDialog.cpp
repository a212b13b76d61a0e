#include "ui/common/FieldsDialog.h"

#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace bizdesk::ui {

FieldsDialog::FieldsDialog(const QString &title, const QList<Field> &fields, QWidget *parent) : QDialog(parent), m_fields(fields)
{
    setWindowTitle(title);
    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    layout->addLayout(form);
    for (const Field &field : fields) {
        QWidget *editor = nullptr;
        switch (field.kind) {
        case Kind::Line: {
            auto *line = new QLineEdit(field.initial, this);
            editor = line;
            break;
        }
        case Kind::Text: {
            auto *text = new QPlainTextEdit(field.initial, this);
            text->setTabChangesFocus(true);
            text->setMinimumHeight(80);
            editor = text;
            break;
        }
        case Kind::Date: {
            auto *date = new QDateEdit(field.initial.isEmpty() ? QDate::currentDate() : QDate::fromString(field.initial, Qt::ISODate), this);
            date->setCalendarPopup(true);
            date->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
            editor = date;
            break;
        }
        case Kind::Choice: {
            auto *combo = new QComboBox(this);
            for (const auto &[value, label] : field.choices)
                combo->addItem(label, value);
            combo->setCurrentIndex(std::max(0, combo->findData(field.initial)));
            editor = combo;
            break;
        }
        case Kind::Number: {
            auto *spin = new QSpinBox(this);
            spin->setRange(0, 1000000);
            spin->setValue(field.initial.toInt());
            editor = spin;
            break;
        }
        case Kind::OpenFile: {
            auto *row = new QWidget(this);
            auto *rowLayout = new QHBoxLayout(row);
            rowLayout->setContentsMargins(0, 0, 0, 0);
            auto *path = new QLineEdit(field.initial, row);
            path->setObjectName(field.key);
            path->setPlaceholderText(tr("Optional"));
            auto *browse = new QPushButton(tr("Browse…"), row);
            connect(browse, &QPushButton::clicked, this, [this, path] {
                const QString chosen = QFileDialog::getOpenFileName(this, tr("Choose a file"), path->text());
                if (!chosen.isEmpty())
                    path->setText(chosen);
            });
            rowLayout->addWidget(path, 1);
            rowLayout->addWidget(browse);
            form->addRow(field.label, row);
            m_editors.insert(field.key, path);
            continue;
        }
        }
        editor->setObjectName(field.key);
        form->addRow(field.label, editor);
        m_editors.insert(field.key, editor);
    }
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    setMinimumWidth(460);
}

QString FieldsDialog::value(const QString &key) const
{
    QWidget *editor = m_editors.value(key);
    if (auto *line = qobject_cast<QLineEdit *>(editor))
        return line->text();
    if (auto *text = qobject_cast<QPlainTextEdit *>(editor))
        return text->toPlainText();
    if (auto *date = qobject_cast<QDateEdit *>(editor))
        return date->date().toString(Qt::ISODate);
    if (auto *combo = qobject_cast<QComboBox *>(editor))
        return combo->currentData().toString();
    if (auto *spin = qobject_cast<QSpinBox *>(editor))
        return QString::number(spin->value());
    return {};
}

QDate FieldsDialog::date(const QString &key) const
{
    return QDate::fromString(value(key), Qt::ISODate);
}

} // namespace bizdesk::ui
