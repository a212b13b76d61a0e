// bizdesk-bench: each scenario measures our code and a reference in the same run, and prints
// {"scenarios": {NAME: {"ours", "reference", "unit", "ratio", "reference_is"}}} on stdout, where
// ratio = reference cost / our cost (above 1: we are faster), and a readable table on stderr.
#include "bench/BenchScenario.h"

#include "support/Paths.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>

#include <cstdio>

int main(int argc, char *argv[])
{
    qputenv("QT_QPA_PLATFORM", qgetenv("QT_QPA_PLATFORM").isEmpty() ? QByteArray("offscreen") : qgetenv("QT_QPA_PLATFORM"));
    QApplication application(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    bizdesk::support::Paths::applyApplicationIdentity();

    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption rowsOption(QStringLiteral("rows"), QStringLiteral("rows per scenario (default 100000); customer_search, customer_list_first_page, tasks_for, pool_sweep and "
                                                                       "cold_start_* build 10 × N customers"),
                                        QStringLiteral("N"), QStringLiteral("100000"));
    const QCommandLineOption quickOption(QStringLiteral("quick"), QStringLiteral("few repetitions (smoke test)"));
    const QCommandLineOption onlyOption(QStringLiteral("only"), QStringLiteral("run only this scenario"), QStringLiteral("NAME"));
    parser.addOptions({rowsOption, quickOption, onlyOption});
    parser.process(application);

    bizdesk::bench::BenchOptions options;
    options.rows = parser.value(rowsOption).toInt();
    options.quick = parser.isSet(quickOption);

    QJsonObject scenarios;
    std::fprintf(stderr, "%-28s %12s %12s %8s  %s\n", "scenario", "ours", "reference", "ratio", "reference is");
    for (const auto &scenario : bizdesk::bench::BenchRegistry::scenarios()) {
        if (parser.isSet(onlyOption) && scenario.name != parser.value(onlyOption))
            continue;
        const bizdesk::bench::BenchResult result = scenario.run(options);
        const double ratio = result.ours > 0 ? result.reference / result.ours : 0.0;
        scenarios.insert(scenario.name, QJsonObject{{QStringLiteral("ours"), result.ours},
                                                    {QStringLiteral("reference"), result.reference},
                                                    {QStringLiteral("unit"), result.unit},
                                                    {QStringLiteral("ratio"), ratio},
                                                    {QStringLiteral("reference_is"), result.referenceIs}});
        std::fprintf(stderr, "%-28s %10.3f%-2s %10.3f%-2s %8.2f  %s\n", qPrintable(scenario.name), result.ours,
                     qPrintable(result.unit), result.reference, qPrintable(result.unit), ratio,
                     qPrintable(result.referenceIs));
    }
    const QByteArray json = QJsonDocument(QJsonObject{{QStringLiteral("scenarios"), scenarios}}).toJson(QJsonDocument::Compact);
    std::fwrite(json.constData(), 1, static_cast<std::size_t>(json.size()), stdout);
    std::fputc('\n', stdout);
    return 0;
}
