#pragma once

#include <QDate>
#include <QDialog>
#include <QList>
#include <QMap>
#include <QString>

#include <utility>

class QFormLayout;
class QWidget;

namespace bizdesk::ui {

/// A small form for one action (sign, record a payment, archive…): labelled fields of a few
/// kinds, OK/Cancel, and the values by key. The service validates; the dialog only collects.
class FieldsDialog : public QDialog
{
    Q_OBJECT

public:
    enum class Kind { Line, Text, Date, Choice, Number, OpenFile }; ///< OpenFile: a path with a Browse… button
    struct Field
    {
        QString key;
        QString label;
        Kind kind = Kind::Line;
        QString initial;
        QList<std::pair<QString, QString>> choices; ///< value, label (Kind::Choice)
    };

    FieldsDialog(const QString &title, const QList<Field> &fields, QWidget *parent = nullptr);

    QString value(const QString &key) const;
    QDate date(const QString &key) const;
    QWidget *editor(const QString &key) const { return m_editors.value(key); }

private:
    QList<Field> m_fields;
    QMap<QString, QWidget *> m_editors;
};

} // namespace bizdesk::ui
