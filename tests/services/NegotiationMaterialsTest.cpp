// A negotiation's materials (§4.1.3) on both backends: a note with a file is kept with its SHA-256,
// read back only by those who may see the negotiation, capped by negotiation.material_max_mb, and
// a refused file writes nothing.
#include "domain/Error.h"
#include "domain/policy/PolicyCatalog.h"
#include "services/customers/CustomerService.h"
#include "services/negotiations/NegotiationMaterials.h"
#include "services/negotiations/NegotiationService.h"
#include "services/policy/PolicyService.h"
#include "storage/SqlQuery.h"
#include "support/TestDatabase.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace bizdesk;
using namespace Qt::StringLiterals;
using bizdesk::testing::BackendTest;
using services::NegotiationMaterials;
using services::NegotiationService;

namespace {

class NegotiationMaterialsTest : public BackendTest
{
protected:
    void SetUp() override
    {
        BackendTest::SetUp();
        if (!m_database)
            return;
        services::NewCustomer customer;
        customer.name = u"华东精密制造有限公司"_s;
        customer.customerClass = u"key"_s;
        customer.ownerLogin = u"pool"_s;
        domain::NegotiationForm form;
        form.customerId = services::CustomerService(as(u"manager1"_s)).add(customer).id;
        form.title = u"2027 年度设备框架协议"_s;
        form.goal = u"三年框架"_s;
        form.plannedEnd = QDate(2026, 12, 30);
        m_id = NegotiationService(as(u"manager1"_s)).open(form).id;
    }

    QString writeFile(const QString &name, const QByteArray &content)
    {
        const QString path = m_files.filePath(name);
        QFile file(path);
        EXPECT_TRUE(file.open(QIODevice::WriteOnly));
        file.write(content);
        return path;
    }

    qint64 materials()
    {
        return storage::SqlQuery(database(), u"SELECT count(*) FROM negotiation_materials"_s).scalar().toLongLong();
    }

    QTemporaryDir m_files;
    qint64 m_id = 0;
};

} // namespace

TEST_P(NegotiationMaterialsTest, a_material_file_is_kept_with_its_hash_and_read_back_only_by_those_who_see_the_negotiation)
{
    const QByteArray report = "竞品价格调研：A 公司 98 万，B 公司 102 万。"_ba;
    NegotiationMaterials lead(as(u"manager1"_s));
    const domain::Negotiation after = lead.addFromPath(m_id, u"competitors"_s, {}, writeFile(u"竞品调研.txt"_s, report));
    const services::NegotiationDetail detail = NegotiationService(as(u"sales2"_s)).detail(m_id);
    ASSERT_EQ(detail.materials.size(), 1);
    const domain::Material material = detail.materials.first();
    EXPECT_EQ(material.note, u"竞品调研.txt"_s) << "the file's name stands in for a missing note";
    EXPECT_EQ(material.fileSize, report.size());
    EXPECT_EQ(material.sha256, QString::fromLatin1(QCryptographicHash::hash(report, QCryptographicHash::Sha256).toHex()));
    EXPECT_TRUE(domain::PreparationChecklist::evaluate(after, detail.team, detail.materials)[domain::ChecklistItem::MaterialsGathered]);

    const QJsonObject json = NegotiationService::toJson(detail);
    const QJsonObject file = json.value(u"materials"_s).toArray().first().toObject().value(u"file"_s).toObject();
    EXPECT_EQ(file.value(u"name"_s).toString(), u"竞品调研.txt"_s);
    EXPECT_EQ(file.value(u"sha256"_s).toString(), material.sha256);

    // Anyone who sees the negotiation gets the file back, byte for byte.
    const QString out = m_files.filePath(u"copy.txt"_s);
    NegotiationMaterials(as(u"sales2"_s)).saveTo(material.id, out);
    QFile copy(out);
    ASSERT_TRUE(copy.open(QIODevice::ReadOnly));
    EXPECT_EQ(copy.readAll(), report);

    // Finance does not see the negotiation: the file does not exist for it.
    EXPECT_ERROR_KIND(NegotiationService(as(u"finance"_s)).detail(m_id), NotFound);
    EXPECT_ERROR_KIND(NegotiationMaterials(as(u"finance"_s)).content(material.id), NotFound);
    // A note without a file has no file to read.
    lead.add(m_id, u"laws"_s, u"《民法典》合同编"_s);
    const qint64 noteOnly = NegotiationService(as(u"manager1"_s)).detail(m_id).materials.last().id;
    EXPECT_ERROR_KIND(lead.content(noteOnly), NotFound);

    // A stored copy changed behind BizDesk's back is refused on the way out.
    storage::SqlQuery(database(), u"UPDATE negotiation_materials SET content = :content WHERE id = :id"_s)
        .bind(":content", "tampered"_ba)
        .bind(":id", material.id)
        .exec();
    EXPECT_ERROR_KIND(lead.content(material.id), Conflict);
}

TEST_P(NegotiationMaterialsTest, a_refused_file_writes_nothing_and_names_the_limit)
{
    services::PolicyService(as(u"director"_s)).set(domain::policy::negotiationMaterialMaxMb, u"1"_s);
    NegotiationMaterials lead(as(u"manager1"_s));
    const int version = NegotiationService(as(u"manager1"_s)).detail(m_id).negotiation.version;
    try {
        lead.addFromPath(m_id, u"market"_s, u"行业报告"_s, writeFile(u"行业报告.pdf"_s, QByteArray(1024 * 1024 + 1, 'a')));
        ADD_FAILURE() << "a material over the cap was accepted";
    } catch (const domain::Error &error) {
        EXPECT_EQ(error.kind(), domain::ErrorKind::Invalid);
        EXPECT_EQ(error.field(), u"FILE"_s);
        EXPECT_TRUE(error.message().contains(u"行业报告.pdf"_s)) << error.message().toStdString();
        EXPECT_TRUE(error.message().contains(u"negotiation.material_max_mb"_s)) << error.message().toStdString();
    }
    EXPECT_ERROR_KIND(lead.addFromPath(m_id, u"market"_s, u"空文件"_s, writeFile(u"empty.pdf"_s, {})), Invalid);
    EXPECT_ERROR_KIND(lead.addFromPath(m_id, u"market"_s, u"不存在"_s, m_files.filePath(u"missing.pdf"_s)), Invalid);
    EXPECT_ERROR_KIND(lead.addFromPath(m_id, u"market"_s, {}, {}), Invalid); // neither a note nor a file
    // Someone outside the team may not add materials.
    EXPECT_ERROR_KIND(NegotiationMaterials(as(u"sales2"_s)).add(m_id, u"market"_s, u"外人的笔记"_s), Denied);
    EXPECT_EQ(materials(), 0);
    EXPECT_EQ(NegotiationService(as(u"manager1"_s)).detail(m_id).negotiation.version, version);
    // Exactly at the cap is accepted.
    lead.addFromPath(m_id, u"market"_s, u"行业报告"_s, writeFile(u"ok.pdf"_s, QByteArray(1024 * 1024, 'b')));
    EXPECT_EQ(materials(), 1);
}

BIZDESK_INSTANTIATE_BACKENDS(NegotiationMaterialsTest);
