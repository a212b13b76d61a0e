#include "reliability/BizdeskctlProcess.h"

#include <QDir>
#include <QJsonDocument>

#include <sys/resource.h>

namespace bizdesk::testing {

QJsonObject BizdeskctlProcess::Result::json() const
{
    return QJsonDocument::fromJson(out).object();
}

std::string BizdeskctlProcess::Result::describe() const
{
    return "exit " + std::to_string(exitCode) + "\nstdout: " + out.toStdString() + "\nstderr: " + err.toStdString();
}

BizdeskctlProcess::BizdeskctlProcess(QString databasePath, QString homeFolder)
    : m_databasePath(std::move(databasePath))
    , m_homeFolder(std::move(homeFolder))
{
    QDir().mkpath(m_homeFolder);
}

QProcessEnvironment BizdeskctlProcess::environment() const
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(QStringLiteral("BIZDESK_DB"));
    environment.insert(QStringLiteral("HOME"), m_homeFolder);
    environment.insert(QStringLiteral("XDG_DATA_HOME"), QDir(m_homeFolder).filePath(QStringLiteral(".local/share")));
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), QDir(m_homeFolder).filePath(QStringLiteral(".config")));
    environment.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
    environment.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    environment.insert(QStringLiteral("BIZDESK_PASSWORD"), password);
    environment.insert(QStringLiteral("BIZDESK_NEW_PASSWORD"), password);
    return environment;
}

QStringList BizdeskctlProcess::fullArguments(const QStringList &arguments) const
{
    return QStringList{QStringLiteral("--db"), m_databasePath} + arguments;
}

void BizdeskctlProcess::prepare(QProcess &process) const
{
    process.setProcessEnvironment(environment());
    process.setStandardInputFile(QProcess::nullDevice());
    if (const qint64 limit = m_addressSpaceLimit; limit > 0) {
        // In the child only, between fork and exec: the test process itself keeps its room.
        process.setChildProcessModifier([limit] {
            const rlimit addressSpace{static_cast<rlim_t>(limit), static_cast<rlim_t>(limit)};
            setrlimit(RLIMIT_AS, &addressSpace);
        });
    }
}

BizdeskctlProcess::Result BizdeskctlProcess::run(const QStringList &arguments) const
{
    QProcess process;
    prepare(process);
    process.start(QStringLiteral(BIZDESKCTL_PATH), fullArguments(arguments));
    Result result;
    if (!process.waitForFinished(120'000)) {
        process.kill();
        process.waitForFinished();
        result.err = "bizdeskctl did not finish within two minutes";
        return result;
    }
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    return result;
}

BizdeskctlProcess::Result BizdeskctlProcess::runAs(const QString &login, const QStringList &arguments) const
{
    return run(QStringList{QStringLiteral("--json"), QStringLiteral("--as"), login} + arguments);
}

BizdeskctlProcess::Result BizdeskctlProcess::init() const
{
    return run({QStringLiteral("--json"), QStringLiteral("init"), QStringLiteral("--admin"), QStringLiteral("boss"),
                QStringLiteral("--name"), QStringLiteral("老板")});
}

std::unique_ptr<QProcess> BizdeskctlProcess::startAs(const QString &login, const QStringList &arguments) const
{
    auto process = std::make_unique<QProcess>();
    prepare(*process);
    process->start(QStringLiteral(BIZDESKCTL_PATH),
                   fullArguments(QStringList{QStringLiteral("--json"), QStringLiteral("--as"), login} + arguments));
    process->waitForStarted();
    return process;
}

qint64 InitialisedFileTest::customerTotal() const
{
    const auto list = m_ctl.runAs(QStringLiteral("boss"), {QStringLiteral("customer"), QStringLiteral("list"), QStringLiteral("--limit"), QStringLiteral("1")});
    EXPECT_EQ(list.exitCode, 0) << list.describe();
    return list.json().value(QStringLiteral("total")).toInteger(-1);
}

} // namespace bizdesk::testing
