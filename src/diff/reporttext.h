#pragma once

#include <QJsonValue>
#include <QList>
#include <QSize>
#include <QString>

namespace Cloudcraft::Core {

struct AttributeChange;
struct DiffReportInput;
struct InventoryCounts;
struct InventoryDiffResult;
struct PixelDiffResult;
struct ResourceDiff;

/// The sentences and numbers the HTML, Markdown and JUnit reports share, so the three say the same thing in the
/// same words (and in the vocabulary of DiffReport's JSON). Plain text: each report escapes for its own format.
namespace ReportText {

/// "12,345": grouped for reading, the same on every machine.
QString count(qint64 value);
/// "0.52 %", with enough decimals that a handful of pixels in an 8K image does not read as 0.
QString percent(double fraction);
/// Changed pixels / pixels of the canvas (0 for an empty canvas).
double mismatchRatio(const PixelDiffResult &pixels);
/// "800 × 600".
QString size(QSize size);
/// "800 × 600 → 820 × 600", or "800 × 600 (unchanged)".
QString sizeChange(const PixelDiffResult &pixels);

/// "Different" or "Same".
QString verdict(const DiffReportInput &input);
/// One line for the top of a report: what differs, e.g. "1,234 pixels differ (0.52 %) in 3 regions." and/or
/// "2 resources added, 1 removed, 4 changed, 3 moved, 10 unchanged.".
QString summary(const DiffReportInput &input);
/// What counts as different: "Limits: threshold 0.1, at most 100 pixels, at most 0.5 %." ("any changed pixel"
/// when no limit was given).
QString limits(const DiffReportInput &input);
/// "2 added, 1 removed, 4 changed, 3 moved, 10 unchanged".
QString counts(const InventoryCounts &counts);

/// An attribute value as DiffReport's "text" writes it: strings quoted, objects as compact JSON, "(none)" when
/// absent. Never longer than `maxLength` characters (cut with "…").
QString value(const QJsonValue &value, qsizetype maxLength = 200);
/// For member lists the items that joined and left ("+a, −b"); empty for other changes. With `structure`, items
/// that are component ids of resources it knows are shown by those resources' names ("+alb2-sg").
QString memberChange(const AttributeChange &change, const InventoryDiffResult *structure = nullptr);

/// Resources worth listing: added, removed, changed, then moved (each in the diff's order); never unchanged.
QList<const ResourceDiff *> listedResources(const InventoryDiffResult &structure);
/// "web-1 (ec2)": the resource's label and type for people.
QString resourceName(const ResourceDiff &resource);

} // namespace ReportText

} // namespace Cloudcraft::Core
