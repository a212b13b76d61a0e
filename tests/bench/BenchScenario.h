#pragma once

#include <QElapsedTimer>
#include <QList>
#include <QString>

#include <algorithm>
#include <functional>
#include <vector>

namespace bizdesk::bench {

struct BenchOptions
{
    int rows = 100000;
    bool quick = false;
};

struct BenchResult
{
    double ours = 0;
    double reference = 0;
    QString unit = QStringLiteral("ms");
    QString referenceIs;
};

struct BenchScenario
{
    QString name;
    std::function<BenchResult(const BenchOptions &)> run;
};

/// Scenarios register themselves with a static BenchRegistration in their own .cpp file.
class BenchRegistry
{
public:
    static std::vector<BenchScenario> &scenarios()
    {
        static std::vector<BenchScenario> list;
        return list;
    }
};

struct BenchRegistration
{
    BenchRegistration(QString name, std::function<BenchResult(const BenchOptions &)> run)
    {
        BenchRegistry::scenarios().push_back({std::move(name), std::move(run)});
    }
};

/// Milliseconds taken by `work`.
inline double millisecondsOf(const std::function<void()> &work)
{
    QElapsedTimer timer;
    timer.start();
    work();
    return static_cast<double>(timer.nsecsElapsed()) / 1e6;
}

/// The p-th percentile (0..100) of samples.
inline double percentile(std::vector<double> samples, double p)
{
    if (samples.empty())
        return 0;
    std::sort(samples.begin(), samples.end());
    const auto index = static_cast<std::size_t>(std::min<double>(samples.size() - 1, p / 100.0 * samples.size()));
    return samples[index];
}

} // namespace bizdesk::bench
