// The Contracts tab's filter bar (customer, owner, ending soon, overdue receivables), legal's clause
// templates (management dialog, "Insert template" in the editor), the attachments section and
// per-clause review comments with the clause-by-clause diff after a resubmission.
#include "services/contracts/ContractExecutionService.h"
#include "services/contracts/ContractService.h"
#include "services/customers/CustomerService.h"
#include "support/TestDatabase.h"
#include "services/contracts/ClauseTemplateService.h"
#include "ui/contracts/ClauseTemplatesDialog.h"
#include "ui/contracts/ContractAttachmentsPanel.h"
#include "ui/contracts/ContractEditorDialog.h"
#include "ui/contracts/ContractFilterBar.h"
#include "ui/contracts/ContractsPage.h"
#include "UiTestSupport.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTextBrowser>
#include <QUrl>

#include <gtest/gtest.h>

using namespace bizdesk;
using namespace Qt::StringLiterals;

namespace {

class ContractFilesUiTest : public bizdesk::testing::BackendTest
{
protected:
    qint64 customer(const QString &name)
    {
        services::NewCustomer customer;
        customer.name = name;
        return services::CustomerService(as(u"manager1"_s)).add(customer).id;
    }
    domain::Contract draft(qint64 customerId, const QString &owner, const QDate &end)
    {
        domain::ContractForm form;
        form.customerId = customerId;
        form.title = u"年度服务合同"_s;
        form.amount = u"30000"_s;
        form.ownerLogin = owner;
        form.endDate = end;
        return services::ContractService(as(u"manager1"_s)).draft(form);
    }
    domain::Contract submitted(qint64 customerId, const QString &owner, const QDate &end)
    {
        const domain::Contract contract = draft(customerId, owner, end);
        services::ContractService drafter(as(u"manager1"_s));
        for (const domain::ContractClause clause : domain::contractClauses().all())
            drafter.setClause(contract.id, clause, u"按约定："_s + domain::contractClauses().name(clause));
        return drafter.submit(contract.id);
    }
    domain::Contract signedContract(qint64 customerId, const QString &owner, const QDate &end)
    {
        const domain::Contract contract = submitted(customerId, owner, end);
        for (const char *reviewer : {"legal", "finance", "director"})
            services::ContractService(as(QString::fromLatin1(reviewer))).approve(contract.id);
        return services::ContractExecutionService(as(u"manager1"_s))
            .sign(contract.id, services::SigningInput{QDate(2026, 11, 2), u"director"_s, u"孙总"_s, true, std::nullopt});
    }
};

QStringList numbers(const ui::ContractsPage &page)
{
    QStringList shown;
    const QAbstractItemModel *model = page.table()->model();
    for (int row = 0; row < model->rowCount(); ++row)
        shown << model->index(row, 0).data().toString();
    return shown;
}

} // namespace

TEST_P(ContractFilesUiTest, typing_and_picking_filters_changes_the_rows)
{
    const qint64 huadong = customer(u"华东精密制造有限公司"_s);
    const qint64 yunfan = customer(u"杭州云帆科技有限公司"_s);
    const domain::Contract endingSoon = signedContract(huadong, u"sales1"_s, QDate(2026, 12, 15));
    const domain::Contract overdue = signedContract(huadong, u"manager1"_s, QDate(2027, 9, 30));
    services::ContractExecutionService(as(u"manager1"_s)).addReceivable(overdue.id, QDate(2026, 10, 20), u"8000"_s);
    const domain::Contract other = draft(yunfan, u"manager1"_s, QDate(2027, 1, 31));

    ui::ContractsPage page(as(u"director"_s));
    page.resize(1400, 800);
    page.refresh();
    ui::ContractFilterBar *filters = page.filters();
    ASSERT_NE(filters, nullptr);
    EXPECT_EQ(numbers(page), (QStringList{other.number, overdue.number, endingSoon.number}));

    QTest::mouseClick(filters->expiringFilter(), Qt::LeftButton);
    EXPECT_EQ(numbers(page), QStringList{endingSoon.number});
    QTest::mouseClick(filters->expiringFilter(), Qt::LeftButton);
    QTest::mouseClick(filters->overdueFilter(), Qt::LeftButton);
    EXPECT_EQ(numbers(page), QStringList{overdue.number});
    QTest::mouseClick(filters->overdueFilter(), Qt::LeftButton);
    EXPECT_EQ(numbers(page).size(), 3);

    QComboBox *owner = filters->ownerFilter();
    owner->setCurrentIndex(owner->findText(u"王小明"_s)); // sales1
    EXPECT_EQ(numbers(page), QStringList{endingSoon.number});
    owner->setCurrentIndex(0);

    // Part of the name and Enter: the one customer that matches is picked.
    QLineEdit *customerEdit = filters->customerFilter()->lineEdit();
    customerEdit->clear();
    bizdesk::testing::typeText(customerEdit, u"云帆"_s);
    QTest::keyClick(customerEdit, Qt::Key_Return);
    EXPECT_EQ(filters->customerFilter()->currentData().toLongLong(), yunfan);
    EXPECT_EQ(numbers(page), QStringList{other.number});
    // Filters combine: that customer has nothing overdue.
    QTest::mouseClick(filters->overdueFilter(), Qt::LeftButton);
    EXPECT_TRUE(numbers(page).isEmpty());
    QTest::mouseClick(filters->overdueFilter(), Qt::LeftButton);
    filters->customerFilter()->setCurrentIndex(0); // "All customers"
    EXPECT_EQ(numbers(page).size(), 3);
}

TEST_P(ContractFilesUiTest, legal_keeps_templates_in_a_dialog_and_the_editor_inserts_them)
{
    ui::ContractsPage legalPage(as(u"legal"_s));
    EXPECT_FALSE(legalPage.templatesButton()->isHidden());
    ui::ContractsPage drafterPage(as(u"manager1"_s));
    EXPECT_TRUE(drafterPage.templatesButton()->isHidden()) << "only legal keeps the templates";

    ui::ClauseTemplatesDialog dialog(as(u"legal"_s));
    const QString body = u"合同签订后七日内支付 30%，验收合格后十日内支付 70%。"_s;
    ASSERT_TRUE(dialog.addTemplate(domain::ContractClause::Payment, u"分期付款（标准）"_s, body)) << dialog.messageLabel()->text().toStdString();
    EXPECT_EQ(dialog.table()->rowCount(), 1);
    EXPECT_EQ(dialog.table()->item(0, ui::ClauseTemplatesDialog::NameColumn)->text(), u"分期付款（标准）"_s);
    EXPECT_FALSE(dialog.addTemplate(domain::ContractClause::Payment, u"分期付款（标准）"_s, u"重复"_s));
    EXPECT_TRUE(dialog.messageLabel()->text().contains(u"分期付款（标准）"_s)) << dialog.messageLabel()->text().toStdString();
    EXPECT_EQ(dialog.table()->rowCount(), 1);
    ui::ClauseTemplatesDialog notLegal(as(u"manager1"_s));
    EXPECT_FALSE(notLegal.addTemplate(domain::ContractClause::Price, u"固定总价"_s, u"固定总价，不随市场调整。"_s));
    EXPECT_FALSE(notLegal.messageLabel()->text().isEmpty());

    // The drafter's editor offers the payment template on the payment tab and inserts it.
    ui::ContractEditorDialog editor(as(u"manager1"_s), nullptr);
    editor.clauseTabs()->setCurrentIndex(static_cast<int>(domain::contractClauses().all().indexOf(domain::ContractClause::Payment)));
    QMenu *menu = editor.templateButton()->menu();
    ASSERT_NE(menu, nullptr);
    emit menu->aboutToShow();
    ASSERT_EQ(menu->actions().size(), 1);
    EXPECT_EQ(menu->actions().first()->text(), u"分期付款（标准）"_s);
    menu->actions().first()->trigger();
    EXPECT_EQ(editor.clauseEdit(domain::ContractClause::Payment)->toPlainText(), body);
    editor.clauseTabs()->setCurrentIndex(static_cast<int>(domain::contractClauses().all().indexOf(domain::ContractClause::Price)));
    emit menu->aboutToShow();
    ASSERT_EQ(menu->actions().size(), 1);
    EXPECT_FALSE(menu->actions().first()->isEnabled()) << "no price templates: a disabled hint";

    dialog.table()->selectRow(0);
    EXPECT_TRUE(dialog.removeSelected());
    EXPECT_EQ(dialog.table()->rowCount(), 0);
}

TEST_P(ContractFilesUiTest, the_attachments_section_adds_drops_and_saves_files)
{
    const domain::Contract contract = draft(customer(u"华东精密制造有限公司"_s), {}, {});
    QTemporaryDir folder;
    const auto write = [&](const QString &name, const QByteArray &content) {
        QFile file(folder.filePath(name));
        EXPECT_TRUE(file.open(QIODevice::WriteOnly));
        file.write(content);
        return file.fileName();
    };
    ui::ContractsPage page(as(u"manager1"_s));
    page.refresh();
    page.open(contract.id);
    ui::ContractAttachmentsPanel *panel = page.attachments();
    ASSERT_FALSE(panel->isHidden());
    EXPECT_EQ(panel->kindChoice()->count(), 2) << "a draft takes its document and annexes, no scans yet";

    const QByteArray document = "%PDF-1.7 合同正文";
    ASSERT_TRUE(panel->attach(write(u"合同正文.pdf"_s, document), domain::ContractAttachment::Kind::Document))
        << panel->messageLabel()->text().toStdString();
    ASSERT_EQ(panel->table()->rowCount(), 1);
    EXPECT_EQ(panel->table()->item(0, ui::ContractAttachmentsPanel::NameColumn)->text(), u"合同正文.pdf"_s);
    EXPECT_EQ(page.currentDetail()->attachments.size(), 1);

    // Dropping a file attaches it as the chosen kind.
    panel->kindChoice()->setCurrentIndex(panel->kindChoice()->findText(u"Annex"_s));
    QMimeData dropped;
    dropped.setUrls({QUrl::fromLocalFile(write(u"附件一.txt"_s, "设备清单"))});
    QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &dropped, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(panel, &enter);
    EXPECT_TRUE(enter.isAccepted()) << "files may be dropped on a draft's attachments";
    QDropEvent drop(QPointF(10, 10), Qt::CopyAction, &dropped, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(panel, &drop);
    ASSERT_EQ(page.attachments()->table()->rowCount(), 2) << panel->messageLabel()->text().toStdString();
    EXPECT_EQ(page.currentDetail()->attachments.last().kind, domain::ContractAttachment::Kind::Annex);

    EXPECT_FALSE(panel->attach(folder.filePath(u"不存在.pdf"_s), domain::ContractAttachment::Kind::Annex));
    EXPECT_TRUE(panel->messageLabel()->text().contains(u"不存在.pdf"_s)) << panel->messageLabel()->text().toStdString();
    EXPECT_EQ(page.currentDetail()->attachments.size(), 2);

    const QString out = folder.filePath(u"saved.pdf"_s);
    ASSERT_TRUE(panel->saveAs(page.currentDetail()->attachments.first().id, out)) << panel->messageLabel()->text().toStdString();
    QFile saved(out);
    ASSERT_TRUE(saved.open(QIODevice::ReadOnly));
    EXPECT_EQ(saved.readAll(), document);

    // Finance sees the files but does not keep the contract's papers.
    ui::ContractsPage financePage(as(u"finance"_s));
    financePage.open(contract.id);
    EXPECT_EQ(financePage.attachments()->table()->rowCount(), 2);
    EXPECT_TRUE(financePage.attachments()->addButton()->isHidden());
}

TEST_P(ContractFilesUiTest, reviewers_comment_per_clause_and_see_the_clause_diff_after_resubmission)
{
    const domain::Contract contract = submitted(customer(u"华东精密制造有限公司"_s), {}, {});
    ui::ContractsPage legalPage(as(u"legal"_s));
    legalPage.refresh();
    legalPage.open(contract.id);
    QComboBox *clause = legalPage.commentClause();
    ASSERT_FALSE(clause->isHidden());
    clause->setCurrentIndex(clause->findData(u"payment"_s));
    bizdesk::testing::typeText(legalPage.commentEdit(), u"付款节点需写明日期"_s);
    QTest::mouseClick(legalPage.button(domain::ContractAction::Return), Qt::LeftButton);
    ASSERT_EQ(legalPage.currentDetail()->contract.state, domain::ContractState::Draft) << legalPage.messageLabel()->text().toStdString();
    ASSERT_EQ(legalPage.currentDetail()->comments.size(), 1);
    EXPECT_EQ(legalPage.currentDetail()->comments.first().clause, u"payment"_s);

    // The drafter sees the comment under the payment clause, not under another one.
    ui::ContractsPage drafterPage(as(u"manager1"_s));
    drafterPage.open(contract.id);
    const QString text = drafterPage.detailView()->toPlainText();
    const qsizetype payment = text.indexOf(domain::contractClauses().display(domain::ContractClause::Payment));
    const qsizetype breach = text.indexOf(domain::contractClauses().display(domain::ContractClause::Breach));
    const qsizetype comment = text.indexOf(u"付款节点需写明日期"_s);
    ASSERT_GE(payment, 0);
    EXPECT_GT(comment, payment);
    EXPECT_LT(comment, breach);

    services::ContractService drafter(as(u"manager1"_s));
    drafter.setClause(contract.id, domain::ContractClause::Payment, u"2026 年 12 月 1 日前支付 50%，验收后 10 日内支付 50%。"_s);
    drafter.submit(contract.id);

    // Back with legal: the payment clause shows what it said in the returned revision.
    legalPage.open(contract.id);
    const QString review = legalPage.detailView()->toPlainText();
    const qsizetype paymentAgain = review.indexOf(domain::contractClauses().display(domain::ContractClause::Payment));
    const qsizetype before = review.indexOf(u"按约定：payment"_s);
    const qsizetype after = review.indexOf(u"2026 年 12 月 1 日前支付 50%"_s);
    EXPECT_GT(before, paymentAgain) << review.toStdString();
    EXPECT_GT(after, paymentAgain);
    EXPECT_LT(before, review.indexOf(domain::contractClauses().display(domain::ContractClause::Breach)));
    EXPECT_EQ(review.count(u"Changed since the returned revision:"_s), 1) << "only the payment clause changed";
}

BIZDESK_INSTANTIATE_BACKENDS(ContractFilesUiTest);
