#pragma once

#include <QObject>
#include <QPoint>
#include <QPointer>

#include <functional>

class QImage;
class QMimeData;
class QToolButton;

namespace Cloudcraft::Ui {

class PreviewView;

/// What a copy or a drag of the previewed diagram carries: the image itself (image/png, application/x-qt-image) and
/// a PNG file (text/uri-list), so image editors, slide editors and file managers all take it.
class DiagramMimeData final
{
public:
    DiagramMimeData() = delete;

    /// Writes `image` atomically to <temp>/cloudcraft-desktop/<name>.png and returns mime data with the image and
    /// the file's URL; nullptr with `error` set when the file cannot be written.
    static QMimeData *create(const QImage &image, const QString &name, QString *error);
    /// Where the files live: the drop target copies them, so they only need to outlive the drag.
    static QString directory();
};

/// Drag the previewed diagram out of the app as a PNG: from the small "drag" handle in the preview's top-right
/// corner, or by Ctrl+dragging the image (a plain drag pans the view, and Alt+drag belongs to the window manager
/// on many Linux desktops).
class PreviewDragSource final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PreviewDragSource)

public:
    /// `currentName` gives the file name for the image shown (the blueprint's name).
    PreviewDragSource(PreviewView *view, std::function<QString()> currentName, QObject *parent = nullptr);
    ~PreviewDragSource() override;

    QToolButton *handle() const { return m_handle; }
    /// The data a drag would carry now; nullptr when there is no image (error says why).
    QMimeData *createMimeData(QString *error) const;

Q_SIGNALS:
    void failed(const QString &message);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void startDrag();
    void placeHandle();

    QPointer<PreviewView> m_view;
    std::function<QString()> m_currentName;
    QToolButton *m_handle = nullptr;
    QPoint m_pressPos;
    bool m_armed = false;
};

} // namespace Cloudcraft::Ui
