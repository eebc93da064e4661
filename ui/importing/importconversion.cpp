#include "importconversion.h"

#include "render/schematic/schematicrenderer.h"

#include <QCoreApplication>

#if __has_include("convert/converter.h")
#include "convert/converter.h"
#define CLOUDCRAFT_HAVE_CONVERTER 1
#endif

namespace Cloudcraft::Ui {

void renderImportPreview(ImportedDiagram &diagram, const QSize &limit)
{
    Core::SchematicOptions options;
    options.maxSize = limit;
    options.grid = true;
    options.fitLabels = true;
    Core::SchematicResult rendered = Core::SchematicRenderer::renderImage(diagram.blueprint, options);
    if (!rendered.ok()) {
        diagram.warnings.append(rendered.error);
        return;
    }
    diagram.preview = std::move(rendered.image);
}

ImportConverter coreImportConverter()
{
    return [](const QString &path, bool keepUnmapped) {
        ImportedDiagram diagram;
#ifdef CLOUDCRAFT_HAVE_CONVERTER
        Core::ComposeOptions options;
        options.keepUnmapped = keepUnmapped;
        Core::ConversionResult converted = Core::convertFile(path, Core::SourceFormat::Auto, options);
        if (!converted.error.isEmpty()) {
            diagram.error = converted.error;
            return diagram;
        }
        diagram.blueprint = converted.blueprint;
        diagram.unmapped = converted.unmapped;
        diagram.folded = converted.folded;
        diagram.warnings = converted.warnings;
        renderImportPreview(diagram, QSize(2400, 1600));
#else
        Q_UNUSED(keepUnmapped)
        diagram.error = QCoreApplication::translate("Cloudcraft::Ui::ImportDialog",
                                                    "%1 cannot be converted: this build has no converters.")
                            .arg(path);
#endif
        return diagram;
    };
}

} // namespace Cloudcraft::Ui
