#include "domain/Error.h"
#include "domain/TextRules.h"
#include "domain/customers/Customer.h"
#include "domain/customers/CustomerTexts.h"
#include "domain/entertainment/Expense.h"
#include "domain/identity/User.h"

#include <gtest/gtest.h>

using namespace bizdesk::domain;

namespace {

/// The message of the invalid error `statement` throws, naming `field`; fails otherwise.
template<typename F>
QString refusal(F &&statement, const QString &field)
{
    try {
        statement();
    } catch (const Error &error) {
        EXPECT_EQ(error.kind(), ErrorKind::Invalid) << error.message().toStdString();
        EXPECT_EQ(error.field(), field) << error.message().toStdString();
        EXPECT_TRUE(error.message().contains(field)) << error.message().toStdString();
        return error.message();
    }
    ADD_FAILURE() << "expected an invalid error naming " << field.toStdString();
    return {};
}

} // namespace

TEST(TextRules, each_kind_has_its_limit_counted_in_characters)
{
    EXPECT_EQ(TextRules::limit(TextKind::Name).maxLength, 200);
    EXPECT_EQ(TextRules::limit(TextKind::Notes).maxLength, 4000);
    EXPECT_EQ(TextRules::limit(TextKind::Email).maxLength, 254);
    EXPECT_EQ(TextRules::limit(TextKind::Login).maxLength, 64);
    EXPECT_EQ(TextRules::clean(QStringLiteral("name"), QString(200, QChar(0x534E)), TextKind::Name).size(), 200);
    const QString message = refusal([] { TextRules::clean(QStringLiteral("name"), QString(201, QLatin1Char('a')), TextKind::Name); }, QStringLiteral("name"));
    EXPECT_TRUE(message.contains(QStringLiteral("200"))) << message.toStdString();
    // 200 characters outside the BMP are 400 UTF-16 units and still fit.
    QString wide;
    for (int i = 0; i < 200; ++i)
        wide += QString::fromUcs4(U"\U00020BB7", 1);
    EXPECT_EQ(TextRules::characterCount(wide), 200);
    EXPECT_NO_THROW(TextRules::clean(QStringLiteral("name"), wide, TextKind::Name));
}

TEST(TextRules, trims_and_allows_line_breaks_only_in_notes)
{
    EXPECT_EQ(TextRules::clean(QStringLiteral("name"), QStringLiteral(" \t北京华信\n "), TextKind::Name), QStringLiteral("北京华信"));
    EXPECT_EQ(TextRules::clean(QStringLiteral("notes"), QStringLiteral("一\r\n二\t三\r四"), TextKind::Notes), QStringLiteral("一\n二\t三\n四"));
    refusal([] { TextRules::clean(QStringLiteral("title"), QStringLiteral("一\n二"), TextKind::Title); }, QStringLiteral("title"));
    refusal([] { TextRules::clean(QStringLiteral("address"), QStringLiteral("一\t二"), TextKind::Line); }, QStringLiteral("address"));
    EXPECT_EQ(TextRules::clean(QStringLiteral("notes"), QString(), TextKind::Notes), QString());
    refusal([] { TextRules::required(QStringLiteral("topic"), QStringLiteral("   "), TextKind::Title); }, QStringLiteral("topic"));
}

TEST(TextRules, refuses_control_direction_invisible_and_broken_characters)
{
    for (const char16_t c : {u'\0', u'\x07', u'\x1B', u'\x7F', u'\x85'})
        refusal([c] { TextRules::clean(QStringLiteral("notes"), QStringLiteral("a") + QChar(c) + QStringLiteral("b"), TextKind::Notes); }, QStringLiteral("notes"));
    for (const char16_t c : {u'\x202A', u'\x202B', u'\x202C', u'\x202D', u'\x202E', u'\x2066', u'\x2067', u'\x2068', u'\x2069'})
        refusal([c] { TextRules::clean(QStringLiteral("name"), QStringLiteral("invoice") + QChar(c) + QStringLiteral("fdp.exe"), TextKind::Name); }, QStringLiteral("name"));
    const QString invisible = refusal([] { TextRules::clean(QStringLiteral("name"), QString(QChar(0x200B)) + QChar(0x200D) + QChar(0x2060) + QChar(0xFEFF), TextKind::Name); },
                                      QStringLiteral("name"));
    EXPECT_TRUE(invisible.contains(QStringLiteral("invisible")));
    refusal([] { TextRules::clean(QStringLiteral("name"), QStringLiteral("a") + QChar(0xD800) + QStringLiteral("b"), TextKind::Name); }, QStringLiteral("name"));
    // A zero-width joiner inside visible text (emoji sequences, Indic scripts) is fine.
    EXPECT_NO_THROW(TextRules::clean(QStringLiteral("name"), QStringLiteral("a") + QChar(0x200D) + QStringLiteral("b"), TextKind::Name));
}

TEST(TextRules, every_domain_validator_applies_them)
{
    Customer customer;
    customer.name = QStringLiteral("北京华信");
    customer.notes = QString(4001, QLatin1Char('n'));
    refusal([&] { CustomerRules::validated(customer); }, QStringLiteral("notes"));
    customer.notes.clear();
    customer.email = QString(250, QLatin1Char('a')) + QStringLiteral("@x.cn");
    refusal([&] { CustomerRules::validated(customer); }, QStringLiteral("email"));

    CustomerContact contact;
    contact.name = QStringLiteral("陈静");
    contact.wechat = QString(10000, QLatin1Char('w'));
    refusal([&] { CustomerTexts::contact(contact); }, QStringLiteral("contact_wechat"));
    refusal([] { CustomerTexts::segment(QString(10000, QLatin1Char('s')), {}, {}); }, QStringLiteral("name"));
    refusal([] { CustomerTexts::event(QString(201, QLatin1Char('t')), {}, {}); }, QStringLiteral("title"));
    refusal([] { CustomerTexts::research(QStringLiteral("topic"), QString(4001, QLatin1Char('f')), {}); }, QStringLiteral("findings"));
    refusal([] { CustomerTexts::winBack(QStringLiteral("price") + QChar(0x202E), QStringLiteral("discount")); }, QStringLiteral("cause"));

    refusal([] { UserRules::requireDepartmentName(QString(10000, QLatin1Char('d'))); }, QStringLiteral("name"));
    refusal([] { UserRules::requireLoginText(QString(100000, QLatin1Char('a'))); }, QStringLiteral("login"));
    refusal([] { UserRules::requireDisplayName(QStringLiteral("王") + QChar(0x0007)); }, QStringLiteral("name"));
    refusal([] { UserRules::normalisePhone(QStringLiteral("phone"), QString(100, QLatin1Char('1'))); }, QStringLiteral("phone"));

    ExpenseWorkflow::requireComment(ExpenseAction::Approve, QStringLiteral("ok"));
    refusal([] { ExpenseWorkflow::requireComment(ExpenseAction::Approve, QString(4001, QLatin1Char('c'))); }, QStringLiteral("comment"));
}
