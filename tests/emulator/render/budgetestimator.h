#pragma once

#include "diagramrenderer.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace Cloudcraft::Emulator {

/// One billable line of a budget export.
struct BudgetLine
{
    QString category;
    QString type;
    QString region;
    int count = 1;
    double unitPrice = 0.0; ///< per component, in the requested currency and period
    double cost = 0.0; ///< unitPrice * count
    QJsonObject node; ///< the source component, for the detail columns
};

/// Prices blueprint components from a small fixed table (USD per month, then period and currency factors).
/// Not real AWS/Azure prices: stable numbers with the right shape, so tests can assert on them.
class BudgetEstimator final
{
public:
    static QList<BudgetLine> estimate(const QJsonObject &blueprintData, const BudgetOptions &options);
    /// Header row of the real export (cloudcraft-api.md §2.5).
    static QStringList csvColumns();
    static QByteArray csv(const QJsonObject &blueprintData, const BudgetOptions &options);
};

} // namespace Cloudcraft::Emulator
