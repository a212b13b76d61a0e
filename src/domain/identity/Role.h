#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace bizdesk::domain {

/// The positions of §2.1 plus the departments the regulation names (finance, legal, executives)
/// and the system administrator.
enum class Role : unsigned {
    Director = 1u << 0,   ///< 商務總監
    Manager = 1u << 1,    ///< 商務經理
    Specialist = 1u << 2, ///< 商務專員
    Finance = 1u << 3,    ///< 財務
    Legal = 1u << 4,      ///< 法務
    Executive = 1u << 5,  ///< 公司高層
    Admin = 1u << 6,      ///< 系統管理員
};

const QList<Role> &allRoles();
/// Stable lower-case name used in the CLI, JSON and the database ("director").
QString roleName(Role role);
std::optional<Role> roleFromName(const QString &name);
/// Translated name for the UI ("商务总监").
QString roleDisplayName(Role role);

/// A set of roles held by one person.
class RoleSet
{
public:
    RoleSet() = default;
    RoleSet(std::initializer_list<Role> roles);
    /// Parses "director,admin"; throws Error::invalid("--role") naming an unknown role.
    static RoleSet parse(const QString &commaSeparated);

    bool has(Role role) const { return (m_bits & static_cast<unsigned>(role)) != 0; }
    bool hasAny(RoleSet other) const { return (m_bits & other.m_bits) != 0; }
    bool isEmpty() const { return m_bits == 0; }
    void add(Role role) { m_bits |= static_cast<unsigned>(role); }
    QList<Role> roles() const;
    QStringList names() const;
    /// "director,admin" — the stored form.
    QString toString() const;
    QString displayNames() const;
    bool operator==(const RoleSet &) const = default;

private:
    unsigned m_bits = 0;
};

} // namespace bizdesk::domain
