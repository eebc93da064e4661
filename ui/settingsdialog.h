#pragma once

#include <QDialog>

class QIcon;
class QLabel;
class QListWidget;
class QStackedWidget;

namespace Cloudcraft::Ui {

/// Edit > Settings…: a list of pages on the left, the selected page on the right, and a Close button.
///
/// Pages apply their settings live: a page writes each change as the user makes it (and acts on it, e.g. the theme
/// changes at once), so the dialog has no OK/Cancel/Apply and closing it never loses or reverts anything. A page is
/// any QWidget; the dialog takes ownership. Give the page an objectName and accessible names on its controls.
class SettingsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SettingsDialog)

public:
    explicit SettingsDialog(QWidget *parent = nullptr);
    ~SettingsDialog() override;

    /// Appends `page` under `title` (already translated) with `icon` in the page list; the first page is shown first.
    void addPage(const QString &title, const QIcon &icon, QWidget *page);

    int pageCount() const;
    QWidget *page(int index) const;
    QString pageTitle(int index) const;
    QWidget *currentPage() const;
    /// Shows the page with this title; returns false when there is none.
    bool showPage(const QString &title);
    void setCurrentIndex(int index);

private:
    QListWidget *m_pageList = nullptr;
    QLabel *m_heading = nullptr;
    QStackedWidget *m_pages = nullptr;
};

} // namespace Cloudcraft::Ui
