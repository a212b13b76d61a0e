#pragma once

#include <QCollator>
#include <QString>

namespace bizdesk::support {

/// The one order of people's and customers' names wherever users sort by name (lists, pickers,
/// exports): the zh collation of ICU, so Chinese names sort by pinyin (阿 < 北 < 张 < 赵) and
/// Latin names alphabetically among them.
///
/// In memory, compare() uses QCollator (zh). SQL cannot collate by pinyin on SQLite, and an ICU
/// collation on PostgreSQL would not index the same way, so lists sorted in SQL order by a stored
/// key: sortKey() is ICU's binary sort key of the same collation, hex-encoded so that byte order
/// (SQLite BINARY, PostgreSQL COLLATE "C") is collation order. Keys depend on the ICU version;
/// the customers table keeps them in name_sort, rewritten whenever a name is written.
class NameCollation
{
public:
    static const QCollator &collator();
    /// < 0, 0, > 0 like QString::compare, in pinyin order.
    static int compare(const QString &a, const QString &b);
    static bool less(const QString &a, const QString &b) { return compare(a, b) < 0; }
    /// Hex text whose plain byte order equals compare()'s order.
    static QString sortKey(const QString &name);
};

} // namespace bizdesk::support
