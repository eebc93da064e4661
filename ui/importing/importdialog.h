#pragma once

#include "importconversion.h"

#include "api/apicall.h"

#include <QDialog>
#include <QFutureWatcher>
#include <QPointer>

class QCheckBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QScrollArea;


namespace Cloudcraft::Ui {

class SessionController;

/// File > Import…: converts one Terraform state or plan, CloudFormation template or draw.io file off the UI thread,
/// shows its schematic preview and the resource types it could not map, then uploads it as a new blueprint
/// (POST /blueprint) under the name and tags the user gives. Nothing is sent before "Upload to Cloudcraft".
class ImportDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ImportDialog)

public:
    ImportDialog(SessionController &session, ImportConverter converter, QWidget *parent = nullptr);
    ~ImportDialog() override;

    /// Starts converting `path` (the name field defaults to the file's base name).
    void openFile(const QString &path);

    QString path() const { return m_path; }
    bool isConverting() const { return m_converting; }
    bool isUploading() const { return m_call != nullptr; }
    const ImportedDiagram &diagram() const { return m_diagram; }

Q_SIGNALS:
    /// The conversion finished (successfully or with the sentence shown in the dialog).
    void converted(bool ok);
    /// The blueprint was created; the dialog closes itself after this.
    void uploaded(const QString &blueprintId, const QString &name);

public Q_SLOTS:
    void upload();
    /// Cancels the upload when one runs, otherwise closes the dialog.
    void cancelOrClose();

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void buildUi();
    void convert();
    void showConversion(const ImportedDiagram &diagram);
    void onUploadFinished();
    void showStatus(const QString &text, bool isError);
    void updateButtons();
    QJsonObject documentToUpload() const;
    QStringList tags() const;
    /// Shows the whole preview, scaled down to the room there is (the full size is the tooltip's).
    void fitPreview();

    SessionController &m_session;
    ImportConverter m_converter;
    QString m_path;
    ImportedDiagram m_diagram;
    bool m_converting = false;
    quint64 m_generation = 0;
    QFutureWatcher<ImportedDiagram> *m_watcher = nullptr;
    QPointer<Core::ApiCall> m_call;

    QLabel *m_fileLabel = nullptr;
    QScrollArea *m_previewArea = nullptr;
    QLabel *m_preview = nullptr;
    QLabel *m_unmappedTitle = nullptr;
    QListWidget *m_unmapped = nullptr;
    QCheckBox *m_keepUnmapped = nullptr;
    QLineEdit *m_name = nullptr;
    QLineEdit *m_tags = nullptr;
    QLabel *m_status = nullptr;
    QPushButton *m_uploadButton = nullptr;
    QPushButton *m_cancelButton = nullptr;
};

} // namespace Cloudcraft::Ui
