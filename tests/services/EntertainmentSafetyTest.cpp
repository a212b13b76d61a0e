#include "domain/Error.h"
#include "services/customers/CustomerCareService.h"
#include "services/customers/CustomerService.h"
#include "services/customers/MarketResearchService.h"
#include "services/customers/RetentionService.h"
#include "services/entertainment/EntertainmentService.h"
#include "services/policy/PolicyService.h"
#include "storage/SqlQuery.h"
#include "support/ExpenseSamples.h"
#include "support/TestDatabase.h"

#include <QTimeZone>

#include <gtest/gtest.h>

using namespace bizdesk;
using namespace Qt::StringLiterals;
using bizdesk::testing::BackendTest;
using domain::ExpenseState;

namespace {

/// Issue 8 for entertainment: linked customers' visibility (§4), plausible dates (§5) and
/// stale versions (§7).
class EntertainmentSafetyTest : public BackendTest
{
protected:
    services::EntertainmentService service(const QString &login) { return services::EntertainmentService(as(login)); }
    qint64 customerOf(const QString &login, const QString &name)
    {
        services::NewCustomer input;
        input.name = name;
        input.customerClass = u"key"_s;
        return services::CustomerService(as(login)).add(input).id;
    }
    int rows(const QString &table) { return storage::SqlQuery(database(), u"SELECT count(*) FROM "_s + table).scalar().toInt(); }
    /// The domain::Error `statement` throws (a test failure when it throws none).
    template<typename F>
    domain::Error errorOf(F statement)
    {
        try {
            statement();
        } catch (const domain::Error &error) {
            return error;
        }
        ADD_FAILURE() << "expected an error";
        return domain::Error::internal({});
    }
};

} // namespace

TEST_P(EntertainmentSafetyTest, another_departments_customer_is_not_found_and_does_not_leak)
{
    const qint64 foreign = customerOf(u"sales3"_s, u"华南机密客户有限公司"_s); // 商务二部
    const qint64 own = customerOf(u"sales1"_s, u"北京自己的客户"_s);
    const int drafts = rows(u"entertainment_requests"_s);

    domain::ExpenseForm form = bizdesk::testing::sampleExpenseForm();
    form.customerId = foreign;
    const domain::Error refused = errorOf([&] { service(u"sales1"_s).apply(form); });
    EXPECT_EQ(refused.kind(), domain::ErrorKind::NotFound);
    EXPECT_FALSE(refused.message().contains(u"华南"_s)) << refused.message().toStdString();
    // Worded exactly as for an id that does not exist: its existence does not leak either.
    form.customerId = foreign + 1000;
    EXPECT_EQ(errorOf([&] { service(u"sales1"_s).apply(form); }).message(), QString(refused.message()).replace(QString::number(foreign), QString::number(foreign + 1000)));
    EXPECT_EQ(rows(u"entertainment_requests"_s), drafts);
    // Nor through the §6.3.3 note, which would tell a key customer from another.
    form.customerId = foreign;
    EXPECT_TRUE(service(u"sales1"_s).executiveNote(form).isEmpty());

    // Editing a draft to link it is refused the same way, and the draft keeps its customer.
    form.customerId = own;
    const domain::ExpenseRequest draft = service(u"sales1"_s).apply(form);
    EXPECT_FALSE(service(u"sales1"_s).executiveNote(form).isEmpty()); // own key customer: executive step
    form.customerId = foreign;
    EXPECT_ERROR_KIND(service(u"sales1"_s).editDraft(draft.id, draft.version, form), NotFound);
    const auto shown = services::EntertainmentService::toJson(service(u"sales1"_s).detail(draft.id));
    EXPECT_EQ(shown[u"customer"_s].toInteger(), own);
    EXPECT_EQ(shown[u"customer_name"_s].toString(), u"北京自己的客户"_s);

    // Who may see the customer may link it: the other department's own specialist and the director.
    form.customerId = foreign;
    EXPECT_NO_THROW(service(u"sales3"_s).apply(form));
    EXPECT_NO_THROW(service(u"director"_s).apply(form));
}

TEST_P(EntertainmentSafetyTest, event_dates_far_from_today_are_refused_by_the_policy_window)
{
    domain::ExpenseForm form = bizdesk::testing::sampleExpenseForm();
    const int before = rows(u"entertainment_requests"_s);
    for (const QDate date : {QDate(1, 1, 1), QDate(9999, 12, 31), QDate(2029, 1, 1), QDate(2024, 10, 1)}) {
        form.eventAt = QDateTime(date, QTime(18, 0), QTimeZone::utc());
        const domain::Error error = errorOf([&] { service(u"sales1"_s).apply(form); });
        EXPECT_EQ(error.kind(), domain::ErrorKind::Invalid) << date.toString(Qt::ISODate).toStdString();
        EXPECT_EQ(error.field(), u"at"_s);
        EXPECT_TRUE(error.message().contains(u"general.event_window_days"_s)) << error.message().toStdString();
    }
    EXPECT_EQ(rows(u"entertainment_requests"_s), before);

    // Within the default 730 days both ways: accepted (the clock is 2026-11-02).
    for (const QDate date : {QDate(2028, 10, 30), QDate(2024, 11, 4)}) {
        form.eventAt = QDateTime(date, QTime(18, 0), QTimeZone::utc());
        EXPECT_NO_THROW(service(u"sales1"_s).apply(form)) << date.toString(Qt::ISODate).toStdString();
    }
    // The director narrows the window: the same far date is now refused, also when editing.
    services::PolicyService(as(u"director"_s)).set(u"general.event_window_days"_s, u"60"_s);
    const domain::ExpenseRequest draft = service(u"sales1"_s).apply(bizdesk::testing::sampleExpenseForm());
    form.eventAt = QDateTime(QDate(2027, 3, 1), QTime(18, 0), QTimeZone::utc());
    EXPECT_ERROR_KIND(service(u"sales1"_s).editDraft(draft.id, draft.version, form), Invalid);
    EXPECT_EQ(service(u"sales1"_s).detail(draft.id).request().eventAt.date(), QDate(2026, 11, 20));
}

TEST_P(EntertainmentSafetyTest, customer_event_dates_use_the_same_window)
{
    services::CustomerService customers(as(u"sales1"_s));
    for (const QDate date : {QDate(1, 1, 1), QDate(9999, 1, 1)}) {
        const domain::Error error = errorOf([&] { services::CustomerCareService(as(u"sales1"_s)).addEvent(u"appreciation"_s, u"答谢会"_s, date, u"北京"_s, {}); });
        EXPECT_EQ(error.kind(), domain::ErrorKind::Invalid);
        EXPECT_EQ(error.field(), u"date"_s);
    }
    EXPECT_TRUE(services::CustomerCareService(as(u"sales1"_s)).events().isEmpty());
    EXPECT_GT(services::CustomerCareService(as(u"sales1"_s)).addEvent(u"training"_s, u"产品培训"_s, QDate(2026, 12, 10), u"北京"_s, {}), 0);
}

TEST_P(EntertainmentSafetyTest, a_transition_on_a_version_the_caller_did_not_see_is_a_conflict)
{
    const domain::ExpenseRequest draft = service(u"sales1"_s).apply(bizdesk::testing::sampleExpenseForm());
    const int audit = rows(u"audit_log"_s);
    EXPECT_ERROR_KIND(service(u"sales1"_s).submit(draft.id, draft.version + 1), Conflict);
    EXPECT_EQ(service(u"sales1"_s).detail(draft.id).request().state, ExpenseState::Draft);
    EXPECT_EQ(rows(u"audit_log"_s), audit);

    const domain::ExpenseRequest submitted = service(u"sales1"_s).submit(draft.id, draft.version);
    EXPECT_EQ(submitted.state, ExpenseState::PendingDeptReview);
    // A second window of the head still shows the first submission; meanwhile it was returned
    // and submitted again (same state, new route): deciding on what that window shows is refused.
    service(u"manager1"_s).returnRequest(draft.id, u"请补充客户名单"_s, submitted.version);
    const int resubmittedVersion = service(u"sales1"_s).submit(draft.id).version;
    EXPECT_ERROR_KIND(service(u"manager1"_s).approve(draft.id, {}, submitted.version), Conflict);
    EXPECT_ERROR_KIND(service(u"manager1"_s).returnRequest(draft.id, u"请补充"_s, submitted.version), Conflict);
    EXPECT_ERROR_KIND(service(u"manager1"_s).reject(draft.id, u"不同意"_s, submitted.version), Conflict);
    EXPECT_EQ(service(u"sales1"_s).detail(draft.id).request().state, ExpenseState::PendingDeptReview);
    EXPECT_EQ(service(u"manager1"_s).approve(draft.id, {}, resubmittedVersion).state, ExpenseState::PendingSuperiorApproval);
    // No version given: as before (the caller takes what is there).
    EXPECT_EQ(service(u"director"_s).approve(draft.id).state, ExpenseState::Approved);
    const int approvedVersion = service(u"sales1"_s).detail(draft.id).request().version;
    EXPECT_ERROR_KIND(service(u"sales1"_s).cancel(draft.id, approvedVersion - 1), Conflict);
    m_clock.set(QDateTime(QDate(2026, 11, 21), QTime(9, 0), QTimeZone::utc()));
    EXPECT_ERROR_KIND(service(u"sales1"_s).claim(draft.id, {u"700"_s, 1, {}}, approvedVersion - 1), Conflict);
    EXPECT_EQ(service(u"sales1"_s).detail(draft.id).request().state, ExpenseState::Approved);
    EXPECT_EQ(service(u"sales1"_s).claim(draft.id, {u"700"_s, 1, {}}, approvedVersion).state, ExpenseState::PendingFinanceReview);
}

BIZDESK_INSTANTIATE_BACKENDS(EntertainmentSafetyTest);
