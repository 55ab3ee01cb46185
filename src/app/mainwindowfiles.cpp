// MainWindow's ways in and out of the library: import (files, a folder, a web address, a drop) and export.

#include "mainwindow.h"

#include "articlelistpanel.h"
#include "editcontroller.h"
#include "filedialogs.h"
#include "importcontroller.h"
#include "settings.h"
#include <import/importservice.h>
#include <library/articlelistmodel.h>
#include <library/library.h>
#include <render/articleexporter.h>

#include <QClipboard>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileInfo>
#include <QGuiApplication>
#include <QInputDialog>
#include <QMessageBox>
#include <QMimeData>
#include <QStatusBar>

using namespace Qt::StringLiterals;

namespace Copydesk {

void MainWindow::chooseImportFiles()
{
    QSettings settings;
    const QStringList files = FileDialogs::openFiles(
        this, tr("Import Articles"), Settings::LastImportFolder.read(settings),
        tr("Articles (%1);;All files (*)").arg(ImportController::articleFilePatterns().join(u' ')));
    if (files.isEmpty())
        return;
    Settings::LastImportFolder.write(settings, QFileInfo(files.first()).absolutePath());
    importFiles(files);
}

void MainWindow::chooseImportFolder()
{
    QSettings settings;
    const QString folder = FileDialogs::existingFolder(this, tr("Import a Folder of Articles"),
                                                       Settings::LastImportFolder.read(settings));
    if (folder.isEmpty())
        return;
    Settings::LastImportFolder.write(settings, folder);
    importFiles({folder});
}

void MainWindow::askForUrl()
{
    QString suggestion;
    const QString clipboard = QGuiApplication::clipboard()->text().trimmed();
    if (ImportService::isWebAddress(clipboard))
        suggestion = clipboard;
    bool ok = false;
    const QString address = QInputDialog::getText(this, tr("Save from URL"), tr("Address of the article:"),
                                                  QLineEdit::Normal, suggestion, &ok)
                                .trimmed();
    if (ok && !address.isEmpty())
        importFiles({address});
}

void MainWindow::pasteUrl()
{
    // Pasting a web address anywhere but a text field saves that page.
    const QString text = QGuiApplication::clipboard()->text().trimmed();
    if (ImportService::isWebAddress(text) && !text.contains(u'\n'))
        importFiles({text});
}

void MainWindow::importFiles(const QStringList &paths)
{
    m_importController->importFiles(paths);
}

void MainWindow::importFinished(const ImportSummary &summary)
{
    m_listModel->reload();
    updateEmptyState();
    if (!summary.importedIds.isEmpty())
        m_listPanel->selectArticle(summary.importedIds.last());
    QString message = tr("Imported %n article(s)", nullptr, int(summary.importedIds.size()));
    if (summary.skipped > 0)
        message += tr(", skipped %n already in the library", nullptr, summary.skipped);
    if (!summary.errors.isEmpty())
        message += tr(", %n failed", nullptr, int(summary.errors.size()));
    if (summary.cancelled)
        message += tr(" (cancelled)");
    statusBar()->showMessage(message, 8000);
    if (!summary.errors.isEmpty()) {
        QMessageBox box(QMessageBox::Warning, tr("Import"), message, QMessageBox::Ok, this);
        // The reasons in plain sight when there are few; all of them, with the warnings, behind Details.
        constexpr int shownErrors = 3;
        QString reasons = summary.errors.mid(0, shownErrors).join(u"\n\n"_s);
        if (summary.errors.size() > shownErrors)
            reasons += u"\n\n"_s +
                       tr("…and %n more (see Details).", nullptr, int(summary.errors.size() - shownErrors));
        box.setInformativeText(reasons);
        box.setDetailedText((summary.errors + summary.warnings).join(u'\n'));
        box.exec();
    }
}

void MainWindow::exportCurrentArticle(const ArticleExporter &exporter)
{
    if (!editController()->saveNow() || !m_editController->currentArticle())
        return;
    const std::optional<Article> article = m_library->articles().load(m_editController->currentId());
    if (!article)
        return;
    QSettings settings;
    QString folder = Settings::LastExportFolder.read(settings);
    if (folder.isEmpty())
        folder = QDir::homePath();
    const QString path =
        FileDialogs::saveFile(this, tr("Export %1").arg(exporter.displayName()),
                              QDir(folder).filePath(exporter.fileNameFor(*article)),
                              u"%1 (*.%2)"_s.arg(exporter.displayName(), exporter.fileSuffix()));
    if (path.isEmpty())
        return;
    Settings::LastExportFolder.write(settings, QFileInfo(path).absolutePath());
    QString error;
    if (exporter.write(*article, path, &error))
        statusBar()->showMessage(tr("Exported to %1").arg(QDir::toNativeSeparators(path)), 5000);
    else
        QMessageBox::warning(this, tr("Export"), error);
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (event->mimeData()->hasUrls())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    QStringList files;
    const QList<QUrl> urls = event->mimeData()->urls();
    for (const QUrl &url : urls) {
        if (url.isLocalFile())
            files.append(url.toLocalFile());
        else if (url.scheme() == "http"_L1 || url.scheme() == "https"_L1)
            files.append(url.toString()); // a link dragged from a browser
    }
    importFiles(files);
    event->acceptProposedAction();
}

} // namespace Copydesk
