#pragma once

#include <QImage>
#include <QJsonObject>
#include <QMap>
#include <QString>
#include <QStringList>

#include <functional>

namespace Cloudcraft::Ui {

/// What File > Import… shows about one converted file: the blueprint document, the types it could not map, and
/// its schematic preview. Made on a worker thread, then handed to the dialog.
struct ImportedDiagram
{
    QJsonObject blueprint; ///< {"name": ..., "data": {version 4, nodes, groups, edges, ...}}
    QMap<QString, int> unmapped; ///< source type -> count
    QMap<QString, int> folded; ///< source type -> count of resources folded into what they configure (not drawn)
    QStringList warnings;
    QImage preview; ///< the local schematic of `blueprint`
    QString error; ///< one sentence naming the file and the problem; empty on success
    bool ok() const { return error.isEmpty(); }
};

/// Converts the file at `path` (keeping unmapped resources as generic blocks when `keepUnmapped`). Called on a
/// worker thread: it must not touch widgets.
using ImportConverter = std::function<ImportedDiagram(const QString &path, bool keepUnmapped)>;

/// The converter the app uses: Core::convertFile (src/convert) then the schematic renderer for the preview.
ImportConverter coreImportConverter();

/// Draws the preview of a converted blueprint (at most `limit` pixels), filling `diagram.preview` or its error.
void renderImportPreview(ImportedDiagram &diagram, const QSize &limit);

} // namespace Cloudcraft::Ui
