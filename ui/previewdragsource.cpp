#include "previewdragsource.h"

#include "previewview.h"

#include "exporting/filenametemplate.h"
#include "render/pngencoder.h"

#include <QApplication>
#include <QDir>
#include <QDrag>
#include <QIcon>
#include <QMimeData>
#include <QMouseEvent>
#include <QStandardPaths>
#include <QToolButton>
#include <QUrl>

namespace Cloudcraft::Ui {

QString DiagramMimeData::directory()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::TempLocation))
        .filePath(QStringLiteral("cloudcraft-desktop"));
}

QMimeData *DiagramMimeData::create(const QImage &image, const QString &name, QString *error)
{
    if (image.isNull()) {
        if (error)
            *error = QCoreApplication::translate("DiagramMimeData", "There is no diagram image to copy yet.");
        return nullptr;
    }
    const QString dir = directory();
    QDir().mkpath(dir);
    QString base = Core::FileNameTemplate::sanitize(name);
    if (base.isEmpty())
        base = QStringLiteral("diagram");
    const QString path = QDir(dir).filePath(base + QStringLiteral(".png"));
    if (const QString problem = Core::PngEncoder::writeFile(image, path); !problem.isEmpty()) {
        if (error)
            *error = problem;
        return nullptr;
    }
    auto *mime = new QMimeData;
    mime->setImageData(image);
    mime->setUrls({QUrl::fromLocalFile(path)});
    return mime;
}

PreviewDragSource::PreviewDragSource(PreviewView *view, std::function<QString()> currentName, QObject *parent)
    : QObject(parent)
    , m_view(view)
    , m_currentName(std::move(currentName))
{
    m_handle = new QToolButton(view);
    m_handle->setObjectName(QStringLiteral("previewDragHandle"));
    m_handle->setAccessibleName(tr("Drag the diagram out"));
    m_handle->setToolTip(tr("Drag this into a file manager or a slide to drop the diagram as a PNG file "
                            "(or Ctrl+drag the image)."));
    m_handle->setIcon(QIcon::fromTheme(QStringLiteral("image-x-generic"),
                                       QIcon::fromTheme(QStringLiteral("document-send"))));
    m_handle->setText(tr("Drag"));
    m_handle->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_handle->setAutoRaise(true);
    m_handle->setCursor(Qt::OpenHandCursor);
    m_handle->installEventFilter(this);
    view->viewport()->installEventFilter(this);
    view->installEventFilter(this);
    placeHandle();
}

PreviewDragSource::~PreviewDragSource() = default;

QMimeData *PreviewDragSource::createMimeData(QString *error) const
{
    if (!m_view)
        return nullptr;
    return DiagramMimeData::create(m_view->image(), m_currentName ? m_currentName() : QString(), error);
}

void PreviewDragSource::placeHandle()
{
    if (!m_view)
        return;
    m_handle->adjustSize();
    const QRect area = m_view->viewport()->geometry();
    m_handle->move(area.right() - m_handle->width() - 8, area.top() + 8);
    m_handle->setVisible(!m_view->image().isNull());
    m_handle->raise();
}

bool PreviewDragSource::eventFilter(QObject *watched, QEvent *event)
{
    if (!m_view)
        return false;
    if ((watched == m_view && event->type() == QEvent::Resize)
        || (watched == m_view->viewport() && event->type() == QEvent::Paint))
        placeHandle(); // a paint may mean the image arrived or went
    const bool onHandle = watched == m_handle;
    const bool onImage = m_view && watched == m_view->viewport();
    if (!onHandle && !onImage)
        return false;
    switch (event->type()) {
    case QEvent::MouseButtonPress: {
        auto *mouse = static_cast<QMouseEvent *>(event);
        if (mouse->button() == Qt::LeftButton && (onHandle || mouse->modifiers().testFlag(Qt::ControlModifier))) {
            m_armed = true;
            m_pressPos = mouse->globalPosition().toPoint();
            return onImage; // the view must not start panning
        }
        break;
    }
    case QEvent::MouseMove: {
        auto *mouse = static_cast<QMouseEvent *>(event);
        if (m_armed && (mouse->globalPosition().toPoint() - m_pressPos).manhattanLength()
                           >= QApplication::startDragDistance()) {
            m_armed = false;
            startDrag();
            return true;
        }
        return m_armed && onImage;
    }
    case QEvent::MouseButtonRelease:
        if (m_armed) {
            m_armed = false;
            return onImage;
        }
        break;
    default: break;
    }
    return false;
}

void PreviewDragSource::startDrag()
{
    QString error;
    QMimeData *mime = createMimeData(&error);
    if (!mime) {
        Q_EMIT failed(error);
        return;
    }
    auto *drag = new QDrag(m_handle);
    drag->setMimeData(mime);
    const QImage image = m_view->image();
    drag->setPixmap(QPixmap::fromImage(image.scaled(160, 160, Qt::KeepAspectRatio, Qt::SmoothTransformation)));
    drag->exec(Qt::CopyAction, Qt::CopyAction);
}

} // namespace Cloudcraft::Ui
