// The Negotiations tab (§4) offscreen: filters, the detail sections, only the allowed stage
// moves, the bottom line only for the team and their superiors, the confirmation before opening
// with an incomplete checklist, an offer typed into its dialog, the contract draft from a
// consensus, and a Chinese screenshot.
#include "services/contracts/ContractService.h"
#include "services/customers/CustomerService.h"
#include "services/negotiations/NegotiationService.h"
#include "support/TestDatabase.h"
#include "ui/common/FieldsDialog.h"
#include "ui/negotiations/NegotiationsPage.h"
#include "UiTestSupport.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QFileDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QTableView>
#include <QTemporaryDir>
#include <QTextBrowser>
#include <QUrl>

#include <gtest/gtest.h>

using namespace bizdesk;
using namespace Qt::StringLiterals;
using domain::NegotiationStage;
using Command = ui::NegotiationsPage::Command;

namespace {

class NegotiationsPageTest : public bizdesk::testing::BackendTest
{
protected:
    void SetUp() override
    {
        BackendTest::SetUp();
        if (!m_database)
            return;
        services::NewCustomer customer;
        customer.name = u"华东精密制造有限公司"_s;
        customer.ownerLogin = u"pool"_s;
        m_customer = services::CustomerService(as(u"manager1"_s)).add(customer).id;
    }
    qint64 openNegotiation(const QString &title, const QString &importance = u"medium"_s)
    {
        domain::NegotiationForm form;
        form.customerId = m_customer;
        form.title = title;
        form.bottomLine = u"950000"_s;
        form.target = u"1200000"_s;
        form.importance = importance;
        form.plannedEnd = QDate(2026, 11, 30);
        services::NegotiationService lead(as(u"manager1"_s));
        const qint64 id = lead.open(form).id;
        lead.setMember(id, u"sales1"_s, u"member"_s, u"技术答疑"_s);
        return id;
    }
    static QList<NegotiationStage> visibleMoves(const ui::NegotiationsPage &page)
    {
        QList<NegotiationStage> moves;
        for (const NegotiationStage stage : domain::negotiationStages().all()) {
            if (!page.stageButton(stage)->isHidden())
                moves << stage;
        }
        return moves;
    }
    qint64 m_customer = 0;
};

} // namespace

TEST_P(NegotiationsPageTest, filters_moves_confirmation_offer_and_the_bottom_line_only_for_the_team)
{
    const qint64 first = openNegotiation(u"年度框架协议"_s, u"high"_s);
    openNegotiation(u"备件补充协议"_s, u"low"_s);
    ui::NegotiationsPage page(as(u"manager1"_s));
    page.resize(1280, 800);
    EXPECT_EQ(page.table()->model()->rowCount(), 0) << "nothing is read before the tab is shown";
    page.refresh();
    EXPECT_EQ(page.table()->model()->rowCount(), 2);
    page.importanceFilter()->setCurrentIndex(page.importanceFilter()->findData(u"high"_s));
    ASSERT_EQ(page.table()->model()->rowCount(), 1);
    page.stageFilter()->setCurrentIndex(page.stageFilter()->findData(u"bargaining"_s));
    EXPECT_EQ(page.table()->model()->rowCount(), 0);
    page.stageFilter()->setCurrentIndex(0);
    bizdesk::testing::typeText(page.customerFilter(), QString::number(m_customer + 1000));
    QTest::keyClick(page.customerFilter(), Qt::Key_Return);
    EXPECT_EQ(page.table()->model()->rowCount(), 0);
    page.customerFilter()->clear();
    QTest::keyClick(page.customerFilter(), Qt::Key_Return);
    page.mineFilter()->setChecked(true);
    ASSERT_EQ(page.table()->model()->rowCount(), 1);

    page.table()->selectRow(0);
    ASSERT_NE(page.currentDetail(), nullptr) << page.messageLabel()->text().toStdString();
    EXPECT_EQ(page.currentDetail()->negotiation.id, first);
    EXPECT_TRUE(page.detailView()->toPlainText().contains(u"950,000.00"_s)) << "the lead sees the bottom line";
    EXPECT_EQ(visibleMoves(page), (QList<NegotiationStage>{NegotiationStage::Opening, NegotiationStage::NoDeal}));

    // Opening with an incomplete checklist asks first; "No" changes nothing.
    bizdesk::testing::whenModalShown<QMessageBox>([](QMessageBox *box) { QTest::mouseClick(box->button(QMessageBox::No), Qt::LeftButton); });
    QTest::mouseClick(page.stageButton(NegotiationStage::Opening), Qt::LeftButton);
    EXPECT_EQ(page.currentDetail()->negotiation.stage, NegotiationStage::Preparation);
    bizdesk::testing::whenModalShown<QMessageBox>([](QMessageBox *box) { QTest::mouseClick(box->button(QMessageBox::Yes), Qt::LeftButton); });
    QTest::mouseClick(page.stageButton(NegotiationStage::Opening), Qt::LeftButton);
    EXPECT_EQ(page.currentDetail()->negotiation.stage, NegotiationStage::Opening);
    EXPECT_EQ(visibleMoves(page), (QList<NegotiationStage>{NegotiationStage::Probing, NegotiationStage::NoDeal}));
    EXPECT_TRUE(page.detailView()->toPlainText().contains(domain::checklistItems().display(domain::ChecklistItem::BriefingHeld)));

    // An offer typed into its dialog.
    bizdesk::testing::whenModalShown<ui::FieldsDialog>([](ui::FieldsDialog *dialog) {
        auto *side = qobject_cast<QComboBox *>(dialog->editor(u"side"_s));
        side->setCurrentIndex(side->findData(u"ours"_s));
        bizdesk::testing::typeText(dialog->editor(u"amount"_s), u"1300000"_s);
        dialog->accept();
    });
    QTest::mouseClick(page.button(Command::Offer), Qt::LeftButton);
    ASSERT_EQ(page.currentDetail()->offers.size(), 1) << page.messageLabel()->text().toStdString();
    EXPECT_EQ(page.currentDetail()->offers[0].amount.toDecimalString(), u"1300000.00"_s);
    EXPECT_FALSE(page.chart()->pixmap().isNull());

    // Someone outside the team: the record without the bottom line, no moves, no commands.
    ui::NegotiationsPage outsider(as(u"sales2"_s));
    outsider.refresh();
    outsider.open(first);
    ASSERT_NE(outsider.currentDetail(), nullptr);
    EXPECT_FALSE(outsider.detailView()->toPlainText().contains(u"950,000.00"_s));
    EXPECT_TRUE(outsider.detailView()->toPlainText().contains(u"1,300,000.00"_s));
    EXPECT_TRUE(visibleMoves(outsider).isEmpty());
    EXPECT_TRUE(outsider.button(Command::Offer)->isHidden());
    // The lead's superior sees it.
    ui::NegotiationsPage superior(as(u"director"_s));
    superior.open(first);
    EXPECT_TRUE(superior.detailView()->toPlainText().contains(u"950,000.00"_s));
}

TEST_P(NegotiationsPageTest, a_consensus_offers_the_contract_draft_button)
{
    const qint64 id = openNegotiation(u"年度框架协议"_s);
    services::NegotiationService lead(as(u"manager1"_s));
    for (const QString &stage : {u"opening"_s, u"probing"_s, u"quoting"_s, u"bargaining"_s})
        lead.moveStage(id, stage);
    services::OfferInput offer;
    offer.side = u"theirs"_s;
    offer.amount = u"1080000"_s;
    lead.addOffer(id, offer);
    lead.setTerm(id, u"delivery"_s, u"签约后 60 天交付"_s, {}, true);
    ui::NegotiationsPage page(as(u"manager1"_s));
    page.refresh();
    page.open(id);
    EXPECT_TRUE(page.button(Command::ContractDraft)->isHidden());
    QTest::mouseClick(page.stageButton(NegotiationStage::Consensus), Qt::LeftButton);
    EXPECT_EQ(page.currentDetail()->negotiation.stage, NegotiationStage::Consensus);
    EXPECT_TRUE(visibleMoves(page).isEmpty());
    EXPECT_TRUE(page.button(Command::Offer)->isHidden());
    ASSERT_FALSE(page.button(Command::ContractDraft)->isHidden());
    qint64 drafted = 0;
    QObject::connect(&page, &ui::NegotiationsPage::contractDrafted, [&](qint64 contract) { drafted = contract; });
    QTest::mouseClick(page.button(Command::ContractDraft), Qt::LeftButton);
    ASSERT_GT(drafted, 0) << page.messageLabel()->text().toStdString();
    const services::ContractDetail contract = services::ContractService(as(u"manager1"_s)).detail(drafted);
    EXPECT_EQ(contract.contract.amount.toDecimalString(), u"1080000.00"_s);
    EXPECT_EQ(contract.contract.clauses.value(domain::ContractClause::Delivery), u"签约后 60 天交付"_s);
    EXPECT_FALSE(page.button(Command::WriteSummary)->isHidden());
}

TEST_P(NegotiationsPageTest, a_material_with_a_file_is_added_from_its_dialog_and_saved_from_its_link)
{
    const qint64 id = openNegotiation(u"年度框架协议"_s);
    QTemporaryDir files;
    const QString in = files.filePath(u"竞品报价.txt"_s);
    {
        QFile file(in);
        ASSERT_TRUE(file.open(QIODevice::WriteOnly));
        file.write("A 公司 98 万");
    }
    ui::NegotiationsPage page(as(u"manager1"_s));
    page.refresh();
    page.open(id);
    bizdesk::testing::whenModalShown<ui::FieldsDialog>([&](ui::FieldsDialog *dialog) {
        auto *kind = qobject_cast<QComboBox *>(dialog->editor(u"kind"_s));
        kind->setCurrentIndex(kind->findData(u"competitors"_s));
        bizdesk::testing::typeText(dialog->editor(u"file"_s), in);
        dialog->accept();
    });
    QTest::mouseClick(page.button(Command::Material), Qt::LeftButton);
    ASSERT_EQ(page.currentDetail()->materials.size(), 1) << page.messageLabel()->text().toStdString();
    const domain::Material material = page.currentDetail()->materials.first();
    EXPECT_TRUE(material.hasFile());
    EXPECT_TRUE(page.detailView()->toHtml().contains(u"material:%1"_s.arg(material.id))) << "the file is a link in the detail";

    const QString out = files.filePath(u"saved.txt"_s);
    bizdesk::testing::whenModalShown<QFileDialog>([&](QFileDialog *dialog) {
        dialog->selectFile(out);
        static_cast<QDialog *>(dialog)->accept(); // QFileDialog::accept checks the name, as a click on Save does
    });
    emit page.detailView()->anchorClicked(QUrl(u"material:%1"_s.arg(material.id)));
    QFile saved(out);
    ASSERT_TRUE(saved.open(QIODevice::ReadOnly)) << page.messageLabel()->text().toStdString();
    EXPECT_EQ(saved.readAll(), QByteArray("A 公司 98 万"));
}

TEST_P(NegotiationsPageTest, chinese_screenshot_of_a_negotiation_in_bargaining)
{
    if (GetParam() != bizdesk::testing::Backend::Sqlite)
        GTEST_SKIP() << "one screenshot is enough";
    const bizdesk::testing::ChineseInterface chinese;
    const qint64 id = openNegotiation(u"2027 年度设备框架协议"_s, u"high"_s);
    services::NegotiationService lead(as(u"manager1"_s));
    lead.setStrategy(id, {u"交付周期短，本地服务团队"_s, u"价格高于竞品"_s, u"采购量大"_s, u"预算审批慢"_s, u"压价并拖延"_s, u"以预付和三年框架换价格"_s});
    lead.addMaterial(id, u"competitors"_s, u"竞品报价约 98 万元"_s);
    lead.tick(id, u"briefing_held"_s, true);
    for (const QString &stage : {u"opening"_s, u"probing"_s})
        lead.moveStage(id, stage);
    lead.addEstimate(id, u"900000"_s, u"1100000"_s, u"对方采购经理透露预算"_s);
    lead.moveStage(id, u"quoting"_s);
    const QList<std::tuple<QString, QString, int, QString>> offers{
        {u"ours"_s, u"1300000"_s, 3, {}}, {u"theirs"_s, u"850000"_s, 4, {}}, {u"ours"_s, u"1200000"_s, 5, {}},
        {u"theirs"_s, u"950000"_s, 6, {}}, {u"ours"_s, u"1150000"_s, 7, u"预付 30%"_s}, {u"theirs"_s, u"1020000"_s, 8, {}}};
    for (const auto &[side, amount, day, got] : offers) {
        services::OfferInput input{side, amount, QDate(2026, 11, day), {}, got, {}};
        lead.addOffer(id, input);
    }
    lead.moveStage(id, u"bargaining"_s);
    lead.setTerm(id, u"price"_s, u"115 万元"_s, u"102 万元"_s, std::nullopt);
    lead.setTerm(id, u"delivery"_s, u"签约后 60 天"_s, u"签约后 60 天"_s, true);
    ui::NegotiationsPage page(as(u"manager1"_s));
    page.resize(1400, 900);
    page.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&page));
    page.refresh();
    page.table()->selectRow(0);
    QApplication::processEvents();
    ASSERT_NE(page.currentDetail(), nullptr);
    EXPECT_TRUE(page.detailView()->toPlainText().contains(u"协议区间"_s)) << page.detailView()->toPlainText().toStdString();
    EXPECT_TRUE(page.stageButton(NegotiationStage::Consensus)->text().contains(u"达成共识"_s));
    const QString folder = qEnvironmentVariable("BIZDESK_SCREENSHOT_DIR");
    if (!folder.isEmpty()) {
        EXPECT_TRUE(page.grab().save(folder + u"/negotiations.png"_s));
    }
}

BIZDESK_INSTANTIATE_BACKENDS(NegotiationsPageTest);
