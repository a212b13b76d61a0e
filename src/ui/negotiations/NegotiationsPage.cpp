#include "ui/negotiations/NegotiationsPage.h"

#include "services/Session.h"
#include "services/company/CompanyService.h"
#include "services/contracts/ContractModule.h"
#include "services/contracts/ContractService.h"
#include "services/negotiations/NegotiationMaterials.h"
#include "services/negotiations/NegotiationModule.h"
#include "services/negotiations/NegotiationReport.h"
#include "ui/common/ErrorPresenter.h"
#include "ui/common/FieldsDialog.h"
#include "ui/common/PrintPreview.h"
#include "ui/common/StateBadgeDelegate.h"
#include "ui/negotiations/NegotiationDetailHtml.h"
#include "ui/negotiations/LeadOutcomesDialog.h"
#include "ui/negotiations/NegotiationListModel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPixmap>
#include <QPushButton>
#include <QRegularExpression>
#include <QSplitter>
#include <QTableView>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace bizdesk::ui {

using domain::NegotiationStage;
using Field = FieldsDialog::Field;
using Kind = FieldsDialog::Kind;
using Command = NegotiationsPage::Command;

namespace {

QList<std::pair<QString, QString>> choicesOf(const QString &names, const QList<QString> &displays)
{
    QList<std::pair<QString, QString>> choices;
    const QStringList list = names.split(QLatin1Char('|'));
    for (int i = 0; i < list.size(); ++i)
        choices << std::pair{list[i], displays.value(i, list[i])};
    return choices;
}

template <typename Value>
QList<std::pair<QString, QString>> choicesOf(const domain::NamedValues<Value> &values)
{
    QList<QString> displays;
    for (const Value value : values.all())
        displays << values.display(value);
    return choicesOf(values.namesJoined(), displays);
}

} // namespace

NegotiationsPage::NegotiationsPage(services::Session &session, QWidget *parent) : QWidget(parent), m_session(session)
{
    buildUi();
}

void NegotiationsPage::buildUi()
{
    auto *layout = new QVBoxLayout(this);
    auto *bar = new QHBoxLayout;
    auto *openButton = new QPushButton(tr("&New negotiation…"), this);
    openButton->setVisible(m_session.may(domain::Action::ManageNegotiations));
    connect(openButton, &QPushButton::clicked, this, [this] { run(Command::Open); });
    m_buttons.insert(Command::Open, openButton);
    bar->addWidget(openButton);
    m_mine = new QCheckBox(tr("My negotiations"), this);
    connect(m_mine, &QCheckBox::toggled, this, &NegotiationsPage::reloadList);
    bar->addWidget(m_mine);
    bar->addWidget(new QLabel(tr("Stage:"), this));
    m_stageFilter = new QComboBox(this);
    m_stageFilter->addItem(tr("All"), QString());
    for (const NegotiationStage stage : domain::negotiationStages().all())
        m_stageFilter->addItem(domain::negotiationStages().display(stage), domain::negotiationStages().name(stage));
    connect(m_stageFilter, &QComboBox::currentIndexChanged, this, &NegotiationsPage::reloadList);
    bar->addWidget(m_stageFilter);
    bar->addWidget(new QLabel(tr("Importance:"), this));
    m_importanceFilter = new QComboBox(this);
    m_importanceFilter->addItem(tr("All"), QString());
    for (const domain::NegotiationLevel level : domain::negotiationLevels().all())
        m_importanceFilter->addItem(domain::negotiationLevels().display(level), domain::negotiationLevels().name(level));
    connect(m_importanceFilter, &QComboBox::currentIndexChanged, this, &NegotiationsPage::reloadList);
    bar->addWidget(m_importanceFilter);
    m_customerFilter = new QLineEdit(this);
    m_customerFilter->setPlaceholderText(tr("Customer #"));
    m_customerFilter->setMaximumWidth(110);
    connect(m_customerFilter, &QLineEdit::editingFinished, this, &NegotiationsPage::reloadList);
    bar->addWidget(m_customerFilter);
    bar->addStretch(1);
    auto *outcomesButton = new QPushButton(tr("Outcomes by lead…"), this);
    outcomesButton->setObjectName(QStringLiteral("leadOutcomesButton"));
    outcomesButton->setToolTip(tr("Per lead over closed negotiations: share of the zone captured and the error of the estimate (§4.4)."));
    connect(outcomesButton, &QPushButton::clicked, this, [this] {
        // Not modal: the figures load on their own worker and may stay open beside the list.
        auto *dialog = new LeadOutcomesDialog(m_session, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->show();
    });
    bar->addWidget(outcomesButton);
    layout->addLayout(bar);

    auto *splitter = new QSplitter(this);
    m_model = new NegotiationListModel(m_session, this);
    m_table = new QTableView(splitter);
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setItemDelegateForColumn(NegotiationListModel::Stage, new StateBadgeDelegate(m_table));
    m_table->horizontalHeader()->setSectionResizeMode(NegotiationListModel::Title, QHeaderView::Stretch);
    m_table->verticalHeader()->hide();
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex &current) {
        if (const storage::NegotiationRow *row = m_model->rowAt(current.row()))
            open(row->id);
    });

    auto *detail = new QWidget(splitter);
    auto *detailLayout = new QVBoxLayout(detail);
    detailLayout->setContentsMargins(0, 0, 0, 0);
    m_chart = new QLabel(detail);
    m_chart->setAlignment(Qt::AlignCenter);
    m_chart->setMinimumHeight(160);
    detailLayout->addWidget(m_chart);
    m_detailView = new QTextBrowser(detail);
    m_detailView->setOpenLinks(false);
    // Material files are links (material:ID); following one saves the file where the user says.
    connect(m_detailView, &QTextBrowser::anchorClicked, this, &NegotiationsPage::saveMaterialFile);
    detailLayout->addWidget(m_detailView, 1);
    m_message = new QLabel(detail);
    m_message->setWordWrap(true);
    detailLayout->addWidget(m_message);
    auto *stages = new QHBoxLayout;
    for (const NegotiationStage stage : domain::negotiationStages().all()) {
        auto *button = new QPushButton(tr("→ %1").arg(domain::negotiationStages().display(stage)), detail);
        button->setVisible(false);
        connect(button, &QPushButton::clicked, this, [this, stage] { moveTo(stage); });
        stages->addWidget(button);
        m_stageButtons.insert(stage, button);
    }
    stages->addStretch(1);
    detailLayout->addLayout(stages);
    const QList<std::pair<Command, QString>> commands{
        {Command::Member, tr("Team member…")},     {Command::Strategy, tr("Strategy…")},
        {Command::Material, tr("Material…")},      {Command::Briefing, tr("Briefing held")},
        {Command::Session, tr("Session…")},        {Command::Probe, tr("Probing note…")},
        {Command::Estimate, tr("Estimate…")},      {Command::Offer, tr("Offer…")},
        {Command::Term, tr("Term…")},              {Command::Deadlock, tr("Deadlock…")},
        {Command::Outcome, tr("Deadlock outcome…")}, {Command::WriteSummary, tr("Write summary…")},
        {Command::SubmitSummary, tr("Submit summary…")}, {Command::Acknowledge, tr("Acknowledge summary")},
        {Command::ContractDraft, tr("Create contract draft")}, {Command::PreviewSummary, tr("Summary print preview…")}, {Command::PrintSummary, tr("Summary PDF…")},
    };
    QHBoxLayout *line = nullptr;
    int placed = 0;
    for (const auto &[command, text] : commands) {
        if (placed++ % 8 == 0) {
            line = new QHBoxLayout;
            detailLayout->addLayout(line);
        }
        auto *button = new QPushButton(text, detail);
        button->setVisible(false);
        connect(button, &QPushButton::clicked, this, [this, command = command] { run(command); });
        line->addWidget(button);
        m_buttons.insert(command, button);
    }
    splitter->addWidget(m_table);
    splitter->addWidget(detail);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    layout->addWidget(splitter, 1);
}

template <typename Work>
bool NegotiationsPage::attempt(Work &&work)
{
    m_message->clear();
    try {
        work();
        return true;
    } catch (const domain::Error &error) {
        m_message->setText(ErrorPresenter::describe(error));
        Style::markAsError(m_message);
        return false;
    }
}

void NegotiationsPage::refresh()
{
    reloadList();
    if (m_detail)
        open(m_detail->negotiation.id);
}

void NegotiationsPage::reloadList()
{
    services::NegotiationQuery query;
    query.mine = m_mine->isChecked();
    query.stage = domain::negotiationStages().fromName(m_stageFilter->currentData().toString());
    query.importance = domain::negotiationLevels().fromName(m_importanceFilter->currentData().toString());
    bool numeric = false;
    const qint64 customer = m_customerFilter->text().trimmed().toLongLong(&numeric);
    if (numeric && customer > 0)
        query.customer = customer;
    attempt([&] { m_model->reload(query); });
    if (m_detail) {
        const int row = m_model->rowOf(m_detail->negotiation.id);
        if (row >= 0) {
            const QSignalBlocker blocker(m_table->selectionModel());
            m_table->selectRow(row);
        }
    }
}

bool NegotiationsPage::showRecord(const services::RecordRef &record)
{
    if (record.kind != services::negotiationRecord)
        return false;
    open(record.id);
    return m_detail && m_detail->negotiation.id == record.id;
}

void NegotiationsPage::open(qint64 id)
{
    if (!attempt([&] { m_detail = services::NegotiationService(m_session).detail(id); }))
        m_detail.reset();
    showDetail();
}

void NegotiationsPage::saveMaterialFile(const QUrl &link)
{
    if (link.scheme() != QLatin1String("material"))
        return;
    const qint64 materialId = link.path().toLongLong();
    QString suggested;
    if (m_detail)
        for (const domain::Material &material : m_detail->materials)
            if (material.id == materialId)
                suggested = material.fileName;
    const QString path = QFileDialog::getSaveFileName(this, tr("Save material file"), suggested);
    if (path.isEmpty())
        return;
    if (attempt([&] { services::NegotiationMaterials(m_session).saveTo(materialId, path); }))
        m_message->setText(tr("Saved %1.").arg(QDir::toNativeSeparators(path)));
}

void NegotiationsPage::showDetail()
{
    for (QPushButton *button : m_stageButtons)
        button->setVisible(false);
    for (auto it = m_buttons.begin(); it != m_buttons.end(); ++it)
        it.value()->setVisible(it.key() == Command::Open && m_session.may(domain::Action::ManageNegotiations));
    if (!m_detail) {
        m_detailView->clear();
        m_chart->clear();
        return;
    }
    const services::NegotiationDetail &d = *m_detail;
    m_detailView->setHtml(NegotiationDetailHtml::render(d));
    m_chart->setPixmap(QPixmap::fromImage(services::NegotiationReport::offersChart(d, QSize(640, 220))));
    for (const NegotiationStage stage : d.moves)
        m_stageButtons.value(stage)->setVisible(true);
    const bool acts = d.mayAct();
    const bool open = domain::NegotiationFlow::isOpen(d.negotiation.stage) && !d.negotiation.isClosed();
    const auto show = [&](Command command, bool visible) { m_buttons.value(command)->setVisible(visible); };
    show(Command::Member, open && d.standing.steers());
    show(Command::Strategy, acts);
    show(Command::Material, acts);
    show(Command::Briefing, acts && d.negotiation.stage == NegotiationStage::Preparation && !d.negotiation.briefingHeld);
    show(Command::Session, acts);
    show(Command::Probe, acts);
    show(Command::Estimate, acts && d.confidential);
    show(Command::Offer, acts && d.negotiation.stage != NegotiationStage::Preparation);
    show(Command::Term, acts);
    const bool deadlockable = d.negotiation.stage == NegotiationStage::Quoting || d.negotiation.stage == NegotiationStage::Bargaining
                              || d.negotiation.stage == NegotiationStage::Deadlock;
    show(Command::Deadlock, open && d.standing.steers() && deadlockable);
    show(Command::Outcome, d.standing.steers() && !d.deadlocks.isEmpty() && open);
    show(Command::WriteSummary, d.mayWriteSummary());
    show(Command::SubmitSummary, d.mayWriteSummary());
    show(Command::Acknowledge, d.mayAcknowledge());
    show(Command::ContractDraft, d.negotiation.stage == NegotiationStage::Consensus && m_session.may(domain::Action::DraftContract));
    show(Command::PreviewSummary, !domain::NegotiationFlow::isOpen(d.negotiation.stage));
    show(Command::PrintSummary, !domain::NegotiationFlow::isOpen(d.negotiation.stage));
}

void NegotiationsPage::moveTo(NegotiationStage stage)
{
    if (!m_detail)
        return;
    const services::NegotiationDetail &d = *m_detail;
    if (stage == NegotiationStage::Opening) {
        const QList<domain::ChecklistItem> missing = domain::PreparationChecklist::missing(d.checklist);
        if (!missing.isEmpty()) {
            QStringList names;
            for (const domain::ChecklistItem item : missing)
                names << domain::checklistItems().display(item);
            // The CLI proceeds; here the user confirms, and the gap goes into the history either way.
            if (QMessageBox::question(this, tr("Open the negotiation"),
                                      tr("The preparation checklist is not complete: %1.\nOpen the negotiation anyway?").arg(names.join(QStringLiteral(", "))))
                != QMessageBox::Yes)
                return;
        }
    }
    const qint64 id = d.negotiation.id;
    const int version = d.negotiation.version;
    if (attempt([&] { services::NegotiationService(m_session).moveStage(id, domain::negotiationStages().name(stage), {}, version); })) {
        reloadList();
        open(id);
    }
}

void NegotiationsPage::run(Command command)
{
    services::NegotiationService service(m_session);
    const auto ask = [&](const QString &title, const QList<Field> &fields) -> std::unique_ptr<FieldsDialog> {
        auto dialog = std::make_unique<FieldsDialog>(title, fields, this);
        return dialog->exec() == QDialog::Accepted ? std::move(dialog) : nullptr;
    };
    const QString today = m_session.today().toString(Qt::ISODate);
    if (command == Command::Open) {
        QList<std::pair<QString, QString>> customers;
        attempt([&] {
            for (const auto &[id, name] : services::ContractService(m_session).customerChoices({}, 200))
                customers << std::pair{QString::number(id), name};
        });
        if (auto dialog = ask(tr("New negotiation"), {{QStringLiteral("customer"), tr("Customer"), Kind::Choice, {}, customers},
                                                      {QStringLiteral("title"), tr("Title"), Kind::Line, {}, {}},
                                                      {QStringLiteral("goal"), tr("Goal"), Kind::Text, {}, {}},
                                                      {QStringLiteral("direction"), tr("Direction"), Kind::Choice, {}, choicesOf(domain::negotiationDirections())},
                                                      {QStringLiteral("importance"), tr("Importance"), Kind::Choice, QStringLiteral("medium"), choicesOf(domain::negotiationLevels())},
                                                      {QStringLiteral("complexity"), tr("Complexity"), Kind::Choice, QStringLiteral("medium"), choicesOf(domain::negotiationLevels())},
                                                      {QStringLiteral("target"), tr("Our target"), Kind::Line, {}, {}},
                                                      {QStringLiteral("bottom"), tr("Bottom line"), Kind::Line, {}, {}},
                                                      {QStringLiteral("anchor"), tr("Opening anchor"), Kind::Line, {}, {}},
                                                      {QStringLiteral("batna"), tr("BATNA"), Kind::Line, {}, {}},
                                                      {QStringLiteral("walkaway"), tr("Walk-away conditions"), Kind::Line, {}, {}},
                                                      {QStringLiteral("end"), tr("Planned end"), Kind::Date, today, {}}})) {
            std::optional<domain::Negotiation> opened;
            if (attempt([&] {
                    domain::NegotiationForm form;
                    form.customerId = dialog->value(QStringLiteral("customer")).toLongLong();
                    form.title = dialog->value(QStringLiteral("title"));
                    form.goal = dialog->value(QStringLiteral("goal"));
                    form.direction = dialog->value(QStringLiteral("direction"));
                    form.importance = dialog->value(QStringLiteral("importance"));
                    form.complexity = dialog->value(QStringLiteral("complexity"));
                    form.target = dialog->value(QStringLiteral("target"));
                    form.bottomLine = dialog->value(QStringLiteral("bottom"));
                    form.anchor = dialog->value(QStringLiteral("anchor"));
                    form.batna = dialog->value(QStringLiteral("batna"));
                    form.walkAway = dialog->value(QStringLiteral("walkaway"));
                    form.plannedEnd = dialog->date(QStringLiteral("end"));
                    opened = service.open(form);
                })) {
                reloadList();
                open(opened->id);
            }
        }
        return;
    }
    if (!m_detail)
        return;
    const qint64 id = m_detail->negotiation.id;
    const int version = m_detail->negotiation.version;
    const QString title = m_buttons.value(command)->text().remove(QStringLiteral("…"));
    bool done = false;
    switch (command) {
    case Command::Open: break;
    case Command::Member: {
        QList<std::pair<QString, QString>> people;
        attempt([&] { people = service.peopleChoices(); });
        if (auto dialog = ask(title, {{QStringLiteral("login"), tr("Person"), Kind::Choice, {}, people},
                                      {QStringLiteral("role"), tr("Role"), Kind::Choice, QStringLiteral("member"), choicesOf(domain::teamRoles())},
                                      {QStringLiteral("duties"), tr("Duties"), Kind::Line, {}, {}}}))
            done = attempt([&] { service.setMember(id, dialog->value(QStringLiteral("login")), dialog->value(QStringLiteral("role")),
                                                   dialog->value(QStringLiteral("duties")), version); });
        break;
    }
    case Command::Strategy: {
        const domain::NegotiationStrategy &s = m_detail->negotiation.strategy;
        if (auto dialog = ask(title, {{QStringLiteral("os"), tr("Our strengths"), Kind::Text, s.ourStrengths, {}},
                                      {QStringLiteral("ow"), tr("Our weaknesses"), Kind::Text, s.ourWeaknesses, {}},
                                      {QStringLiteral("ts"), tr("Their strengths"), Kind::Text, s.theirStrengths, {}},
                                      {QStringLiteral("tw"), tr("Their weaknesses"), Kind::Text, s.theirWeaknesses, {}},
                                      {QStringLiteral("tl"), tr("Their likely strategy"), Kind::Text, s.theirLikelyStrategy, {}},
                                      {QStringLiteral("or"), tr("Our responses"), Kind::Text, s.ourResponses, {}}}))
            done = attempt([&] {
                service.setStrategy(id, {dialog->value(QStringLiteral("os")), dialog->value(QStringLiteral("ow")), dialog->value(QStringLiteral("ts")),
                                         dialog->value(QStringLiteral("tw")), dialog->value(QStringLiteral("tl")), dialog->value(QStringLiteral("or"))},
                                    version);
            });
        break;
    }
    case Command::Material:
        if (auto dialog = ask(title, {{QStringLiteral("kind"), tr("Kind"), Kind::Choice, {}, choicesOf(domain::materialKinds())},
                                      {QStringLiteral("note"), tr("Note"), Kind::Text, {}, {}},
                                      {QStringLiteral("file"), tr("File"), Kind::OpenFile, {}, {}}}))
            done = attempt([&] {
                services::NegotiationMaterials(m_session).addFromPath(id, dialog->value(QStringLiteral("kind")), dialog->value(QStringLiteral("note")),
                                                                      dialog->value(QStringLiteral("file")).trimmed(), version);
            });
        break;
    case Command::Briefing: done = attempt([&] { service.tick(id, QStringLiteral("briefing_held"), true, version); }); break;
    case Command::Session:
        if (auto dialog = ask(title, {{QStringLiteral("date"), tr("Date"), Kind::Date, today, {}},
                                      {QStringLiteral("place"), tr("Meeting place"), Kind::Line, {}, {}},
                                      {QStringLiteral("start"), tr("Start (HH:MM)"), Kind::Line, {}, {}},
                                      {QStringLiteral("end"), tr("End (HH:MM)"), Kind::Line, {}, {}},
                                      {QStringLiteral("ours"), tr("Our attendees"), Kind::Line, {}, {}},
                                      {QStringLiteral("theirs"), tr("Their attendees"), Kind::Line, {}, {}},
                                      {QStringLiteral("agenda"), tr("Agenda"), Kind::Text, {}, {}},
                                      {QStringLiteral("minutes"), tr("Minutes"), Kind::Text, {}, {}}}))
            done = attempt([&] {
                services::SessionInput input{0, dialog->date(QStringLiteral("date")), dialog->value(QStringLiteral("place")),
                                             dialog->value(QStringLiteral("start")), dialog->value(QStringLiteral("end")),
                                             dialog->value(QStringLiteral("ours")), dialog->value(QStringLiteral("theirs")),
                                             dialog->value(QStringLiteral("agenda")), dialog->value(QStringLiteral("minutes"))};
                service.addSession(id, input, version);
            });
        break;
    case Command::Probe:
        if (auto dialog = ask(title, {{QStringLiteral("position"), tr("Their position"), Kind::Text, {}, {}},
                                      {QStringLiteral("interests"), tr("Their interests"), Kind::Text, {}, {}},
                                      {QStringLiteral("presumed"), tr("Presumed bottom line"), Kind::Line, {}, {}}}))
            done = attempt([&] { service.addProbingNote(id, dialog->value(QStringLiteral("position")), dialog->value(QStringLiteral("interests")),
                                                        dialog->value(QStringLiteral("presumed")), version); });
        break;
    case Command::Estimate:
        if (auto dialog = ask(title, {{QStringLiteral("low"), tr("Low"), Kind::Line, {}, {}},
                                      {QStringLiteral("high"), tr("High"), Kind::Line, {}, {}},
                                      {QStringLiteral("source"), tr("Source"), Kind::Line, {}, {}}}))
            done = attempt([&] { service.addEstimate(id, dialog->value(QStringLiteral("low")), dialog->value(QStringLiteral("high")),
                                                     dialog->value(QStringLiteral("source")), version); });
        break;
    case Command::Offer:
        if (auto dialog = ask(title, {{QStringLiteral("side"), tr("Side"), Kind::Choice, {}, choicesOf(domain::offerSides())},
                                      {QStringLiteral("amount"), tr("Amount"), Kind::Line, {}, {}},
                                      {QStringLiteral("date"), tr("Date"), Kind::Date, today, {}},
                                      {QStringLiteral("conditions"), tr("Conditions"), Kind::Line, {}, {}},
                                      {QStringLiteral("got"), tr("Got in return"), Kind::Line, {}, {}},
                                      {QStringLiteral("reason"), tr("Reason (past our bottom line)"), Kind::Line, {}, {}}}))
            done = attempt([&] {
                services::OfferInput input{dialog->value(QStringLiteral("side")), dialog->value(QStringLiteral("amount")), dialog->date(QStringLiteral("date")),
                                           dialog->value(QStringLiteral("conditions")), dialog->value(QStringLiteral("got")), dialog->value(QStringLiteral("reason"))};
                service.addOffer(id, input, version);
            });
        break;
    case Command::Term:
        if (auto dialog = ask(title, {{QStringLiteral("term"), tr("Term under discussion"), Kind::Choice, {}, choicesOf(domain::negotiationTerms())},
                                      {QStringLiteral("ours"), tr("Our position"), Kind::Line, {}, {}},
                                      {QStringLiteral("theirs"), tr("Their position"), Kind::Line, {}, {}},
                                      {QStringLiteral("status"), tr("Status"), Kind::Choice, QStringLiteral("open"),
                                       {{QStringLiteral("open"), tr("Still open")}, {QStringLiteral("agreed"), tr("Agreed")}}}}))
            done = attempt([&] { service.setTerm(id, dialog->value(QStringLiteral("term")), dialog->value(QStringLiteral("ours")),
                                                 dialog->value(QStringLiteral("theirs")), dialog->value(QStringLiteral("status")) == QLatin1String("agreed"),
                                                 version); });
        break;
    case Command::Deadlock:
        if (auto dialog = ask(title, {{QStringLiteral("cause"), tr("Cause"), Kind::Text, {}, {}},
                                      {QStringLiteral("strategy"), tr("Strategy"), Kind::Choice, {}, choicesOf(domain::deadlockStrategies())}}))
            done = attempt([&] { service.markDeadlock(id, dialog->value(QStringLiteral("cause")), dialog->value(QStringLiteral("strategy")), version); });
        break;
    case Command::Outcome:
        if (auto dialog = ask(title, {{QStringLiteral("outcome"), tr("Outcome"), Kind::Text, {}, {}}}))
            done = attempt([&] { service.deadlockOutcome(id, dialog->value(QStringLiteral("outcome")), version); });
        break;
    case Command::WriteSummary: {
        QList<Field> fields;
        for (const domain::SummarySection section : domain::summarySections().all())
            fields << Field{domain::summarySections().name(section), domain::summarySections().display(section), Kind::Text,
                            m_detail->summaryDraft.value(section), {}};
        if (auto dialog = ask(title, fields))
            done = attempt([&] {
                QMap<domain::SummarySection, QString> sections;
                for (const domain::SummarySection section : domain::summarySections().all())
                    sections[section] = dialog->value(domain::summarySections().name(section));
                service.writeSummary(id, sections, version);
            });
        break;
    }
    case Command::SubmitSummary:
        if (auto dialog = ask(title, {{QStringLiteral("to"), tr("Departments (comma-separated)"), Kind::Line, {}, {}}}))
            done = attempt([&] {
                service.submitSummary(id, dialog->value(QStringLiteral("to")).split(QRegularExpression(QStringLiteral("[,，]")), Qt::SkipEmptyParts),
                                      version);
            });
        break;
    case Command::Acknowledge: done = attempt([&] { service.acknowledge(id); }); break;
    case Command::ContractDraft: {
        std::optional<domain::Contract> contract;
        if (attempt([&] {
                domain::ContractForm form;
                form.negotiationId = id;
                contract = services::ContractService(m_session).draft(form);
            })) {
            m_message->setText(tr("Contract draft %1 created.").arg(contract->number));
            emit contractDrafted(contract->id);
            openRecord({services::contractRecord, contract->id});
        }
        return;
    }
    case Command::PreviewSummary:
        attempt([&] { PrintPreview::show(this, services::NegotiationReport::summary(*m_detail, services::CompanyService(m_session).profile()), m_session.now()); });
        return;
    case Command::PrintSummary: {
        const QString path = QFileDialog::getSaveFileName(this, title, QStringLiteral("negotiation-%1.pdf").arg(id), tr("PDF (*.pdf)"));
        if (!path.isEmpty())
            attempt([&] {
                services::DocumentRenderer::writePdf(services::NegotiationReport::summary(*m_detail, services::CompanyService(m_session).profile()), path,
                                                     m_session.now());
            });
        return;
    }
    }
    if (done) {
        reloadList();
        open(id);
    }
}

} // namespace bizdesk::ui
