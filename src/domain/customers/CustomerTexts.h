#pragma once

#include "domain/customers/Customer.h"

#include <QString>

#include <optional>

namespace bizdesk::domain {

/// A customer event's text fields (§3.2.3).
struct EventTexts
{
    QString title;
    QString place;
    QString notes;
};

/// A target segment's text fields (§3.1.2).
struct SegmentTexts
{
    QString name;
    QString traits;
    QString strategy;
};

/// A market research record's text fields (§3.1.1).
struct ResearchTexts
{
    QString topic;
    QString findings;
    QString competitors;
};

/// A win-back record's text fields (§3.2.4).
struct WinBackTexts
{
    QString cause;
    QString measures;
};

/// The free-text rules of the customer records besides the archive itself (which
/// CustomerRules::validated checks): every field goes through TextRules, trimmed, and the
/// required ones are refused when empty with a message naming the field and the clause.
class CustomerTexts
{
public:
    /// A contact person: name required (field "contact_name"); title, phone, e-mail, WeChat, notes.
    static CustomerContact contact(CustomerContact contact);
    /// The optional first contact given with a new customer; none when the name is empty.
    static std::optional<CustomerContact> firstContact(const QString &name, const QString &phone, const QString &email);
    /// The note of a contact-log entry (required, §3.2.3).
    static QString logNote(const QString &note);
    /// Optional multi-line text such as a complaint resolution or a result note.
    static QString notes(const QString &field, const QString &text);
    /// The reason a customer was lost (§3.1.4); emptiness is the pipeline's rule.
    static QString reason(const QString &reason);
    static EventTexts event(const QString &title, const QString &place, const QString &notes);
    static SegmentTexts segment(const QString &name, const QString &traits, const QString &strategy);
    static ResearchTexts research(const QString &topic, const QString &findings, const QString &competitors);
    static WinBackTexts winBack(const QString &cause, const QString &measures);
};

} // namespace bizdesk::domain
