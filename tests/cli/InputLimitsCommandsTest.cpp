// Issue 8 §5: over-long text, control and direction characters, invalid UTF-8 in arguments and
// undecodable import lines are refused with exit 2 naming the field, and nothing is written.
#include "storage/SqlQuery.h"
#include "support/CliHarness.h"
#include "support/TestDatabase.h"

#include <QFile>
#include <QJsonArray>

#include <gtest/gtest.h>

using namespace bizdesk;
using bizdesk::testing::BackendTest;
using bizdesk::testing::CliResult;

namespace {

class InputLimitsCommandsTest : public BackendTest
{
protected:
    CliResult run(const QString &login, const QList<QByteArray> &arguments)
    {
        qputenv("BIZDESK_PASSWORD", bizdesk::testing::TestOrganisation::password.toUtf8());
        return bizdesk::testing::CliHarness(m_scratch->location()).runRaw(QList<QByteArray>{"--as", login.toUtf8(), "--json"} + arguments);
    }
    CliResult run(const QString &login, const QStringList &arguments)
    {
        QList<QByteArray> raw;
        for (const QString &argument : arguments)
            raw << argument.toUtf8();
        return run(login, raw);
    }
    /// Audit entries other than logins (each CLI command logs in and audits that).
    qint64 changeAudits()
    {
        return storage::SqlQuery(database(), QStringLiteral("SELECT count(*) FROM audit_log WHERE action NOT LIKE 'auth.%'")).scalar().toLongLong();
    }
    qint64 rows(const char *table)
    {
        return storage::SqlQuery(database(), QStringLiteral("SELECT count(*) FROM %1").arg(QLatin1String(table))).scalar().toLongLong();
    }
    /// Exit 2, kind invalid, and the message names `field`.
    static void expectRefused(const CliResult &result, const QString &field)
    {
        EXPECT_EQ(result.exitCode, 2) << result.err.toStdString();
        EXPECT_EQ(result.error().value(QStringLiteral("kind")).toString(), QStringLiteral("invalid")) << result.err.toStdString();
        EXPECT_TRUE(result.error().value(QStringLiteral("message")).toString().contains(field)) << result.err.toStdString();
    }
    QString addCustomer()
    {
        const CliResult added = run(QStringLiteral("sales1"), QStringList{QStringLiteral("customer"), QStringLiteral("add"), QStringLiteral("--name"), QStringLiteral("北京华信")});
        EXPECT_EQ(added.exitCode, 0) << added.err.toStdString();
        return QString::number(added.json().value(QStringLiteral("id")).toInteger());
    }
};

const QString tenThousand(10000, QLatin1Char('x'));

} // namespace

TEST_P(InputLimitsCommandsTest, ten_thousand_characters_are_refused_in_every_text_field_and_nothing_is_written)
{
    const QString id = addCustomer();
    const qint64 audits = changeAudits();

    expectRefused(run(QStringLiteral("sales1"), {QStringLiteral("customer"), QStringLiteral("add"), QStringLiteral("--name"), QStringLiteral("上海云杉"),
                                                 QStringLiteral("--email"), QStringLiteral("a%1@example.com").arg(tenThousand)}),
                  QStringLiteral("email"));
    expectRefused(run(QStringLiteral("sales1"), {QStringLiteral("customer"), QStringLiteral("add"), QStringLiteral("--name"), tenThousand}), QStringLiteral("name"));
    EXPECT_EQ(rows("customers"), 1);

    expectRefused(run(QStringLiteral("sales1"), {QStringLiteral("customer"), QStringLiteral("person"), id, QStringLiteral("--name"), QStringLiteral("陈静"),
                                                 QStringLiteral("--title"), tenThousand}),
                  QStringLiteral("contact_title"));
    expectRefused(run(QStringLiteral("sales1"), {QStringLiteral("customer"), QStringLiteral("person"), id, QStringLiteral("--name"), tenThousand}),
                  QStringLiteral("contact_name"));
    EXPECT_EQ(rows("customer_contacts"), 0);

    expectRefused(run(QStringLiteral("sales1"), {QStringLiteral("customer"), QStringLiteral("contact"), id, QStringLiteral("--kind"), QStringLiteral("call"),
                                                 QStringLiteral("--note"), QString(4001, QLatin1Char('n'))}),
                  QStringLiteral("note"));
    EXPECT_EQ(rows("customer_contact_log"), 0);

    expectRefused(run(QStringLiteral("manager1"), {QStringLiteral("segment"), QStringLiteral("add"), tenThousand}), QStringLiteral("name"));
    EXPECT_EQ(rows("customer_segments"), 0);
    expectRefused(run(QStringLiteral("manager1"), {QStringLiteral("event"), QStringLiteral("add"), QStringLiteral("--kind"), QStringLiteral("training"),
                                                   QStringLiteral("--title"), tenThousand, QStringLiteral("--date"), QStringLiteral("2026-12-01")}),
                  QStringLiteral("title"));
    EXPECT_EQ(rows("customer_events"), 0);
    expectRefused(run(QStringLiteral("manager1"), {QStringLiteral("research"), QStringLiteral("add"), QStringLiteral("--topic"), tenThousand,
                                                   QStringLiteral("--date"), QStringLiteral("2026-11-01")}),
                  QStringLiteral("topic"));
    EXPECT_EQ(rows("market_research"), 0);

    const qint64 departments = rows("departments");
    expectRefused(run(QStringLiteral("admin"), {QStringLiteral("dept"), QStringLiteral("add"), tenThousand}), QStringLiteral("name"));
    EXPECT_EQ(rows("departments"), departments);
    EXPECT_EQ(changeAudits(), audits);
}

TEST_P(InputLimitsCommandsTest, control_direction_and_invisible_characters_are_refused_and_whitespace_is_trimmed)
{
    const auto add = [this](const QString &name) {
        return run(QStringLiteral("sales1"), {QStringLiteral("customer"), QStringLiteral("add"), QStringLiteral("--name"), name});
    };
    expectRefused(add(QStringLiteral("Acme") + QChar(0x202E) + QStringLiteral("gnp.exe")), QStringLiteral("U+202E"));
    expectRefused(add(QStringLiteral("Acme") + QChar(0x2067)), QStringLiteral("name"));
    expectRefused(add(QStringLiteral("Acme") + QChar(0x07) + QStringLiteral("Bell")), QStringLiteral("U+0007"));
    expectRefused(add(QStringLiteral("两行\n名称")), QStringLiteral("name"));
    expectRefused(add(QString(QChar(0x200B)) + QChar(0x200B) + QChar(0xFEFF)), QStringLiteral("invisible"));
    EXPECT_EQ(rows("customers"), 0);

    const CliResult added = run(QStringLiteral("sales1"), {QStringLiteral("customer"), QStringLiteral("add"), QStringLiteral("--name"), QStringLiteral("  北京华信 \t"),
                                                           QStringLiteral("--notes"), QStringLiteral("第一行\n第二行\t备注")});
    ASSERT_EQ(added.exitCode, 0) << added.err.toStdString();
    EXPECT_EQ(added.json().value(QStringLiteral("name")).toString(), QStringLiteral("北京华信"));
}

TEST_P(InputLimitsCommandsTest, an_over_long_or_invalid_as_login_is_refused_before_any_login_attempt)
{
    const qint64 audits = rows("audit_log");
    const CliResult huge = run(QString(100000, QLatin1Char('a')), QStringList{QStringLiteral("whoami")});
    expectRefused(huge, QStringLiteral("--as"));
    EXPECT_LT(huge.err.size(), 1000); // the login is not echoed back
    expectRefused(run(QStringLiteral("sales1") + QChar(0x1B) + QStringLiteral("[2J"), QStringList{QStringLiteral("whoami")}), QStringLiteral("--as"));
    EXPECT_EQ(rows("audit_log"), audits); // no failed-login entry either
    EXPECT_EQ(run(QStringLiteral("sales1"), QStringList{QStringLiteral("whoami")}).exitCode, 0);
}

TEST_P(InputLimitsCommandsTest, invalid_utf8_in_an_argument_is_refused_naming_the_option)
{
    const CliResult bad = run(QStringLiteral("sales1"), QList<QByteArray>{"customer", "add", "--name", "\xE5\x8C\x97\xFF\xE4\xBA\xAC"});
    expectRefused(bad, QStringLiteral("--name"));
    EXPECT_EQ(bad.error().value(QStringLiteral("field")).toString(), QStringLiteral("--name"));
    // Overlong encodings and encoded surrogates are not UTF-8 either.
    expectRefused(run(QStringLiteral("sales1"), QList<QByteArray>{"customer", "add", "--name", "ok", "--notes", "\xC0\xAF"}), QStringLiteral("--notes"));
    expectRefused(run(QStringLiteral("sales1"), QList<QByteArray>{"customer", "add", "--name", "\xED\xA0\x80"}), QStringLiteral("--name"));
    EXPECT_EQ(rows("customers"), 0);
}

TEST_P(InputLimitsCommandsTest, a_utf8_file_with_one_bad_byte_rejects_that_line_and_imports_the_rest_without_mojibake)
{
    const QString path = m_scratch->pathFor(QStringLiteral("one-bad-byte.csv"));
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write(QStringLiteral("客户名称,电话\n上海云杉科技,13800000001\n").toUtf8());
    file.write("\xE5\x8C\x97\xFF\xE4\xBA\xAC\xE5\x8D\x8E\xE4\xBF\xA1,13800000002\n"); // 北?京华信
    file.write(QStringLiteral("广州星河贸易,13800000003\n").toUtf8());
    file.close();

    const CliResult result = run(QStringLiteral("sales1"), {QStringLiteral("customer"), QStringLiteral("import"), path});
    ASSERT_EQ(result.exitCode, 0) << result.err.toStdString();
    EXPECT_EQ(result.json().value(QStringLiteral("imported")).toInt(), 2);
    const QJsonArray rejected = result.json().value(QStringLiteral("rejected")).toArray();
    ASSERT_EQ(rejected.size(), 1);
    EXPECT_EQ(rejected.first().toObject().value(QStringLiteral("line")).toInt(), 3);
    EXPECT_TRUE(rejected.first().toObject().value(QStringLiteral("error")).toString().contains(QStringLiteral("line 3")));
    storage::SqlQuery names(database(), QStringLiteral("SELECT name FROM customers"));
    names.exec();
    QStringList stored;
    while (names.next())
        stored << names.value(0).toString();
    stored.sort();
    QStringList expected{QStringLiteral("上海云杉科技"), QStringLiteral("广州星河贸易")};
    expected.sort();
    EXPECT_EQ(stored, expected);

    // Forcing an encoding still works; a header that does not decode in it is refused whole.
    const CliResult forced = run(QStringLiteral("sales1"), {QStringLiteral("customer"), QStringLiteral("import"),
                                                            QStringLiteral(BIZDESK_SOURCE_DIR "/tests/fixtures/customers/gbk-excel.csv"),
                                                            QStringLiteral("--encoding"), QStringLiteral("utf-8")});
    expectRefused(forced, QStringLiteral("gb18030"));
    EXPECT_EQ(rows("customers"), 2);
}

BIZDESK_INSTANTIATE_BACKENDS(InputLimitsCommandsTest);
