#pragma once

#include <QString>
#include <QStringList>

class QFileDialog;
class QWidget;

namespace Copydesk {

// Every file dialog of the window comes from here. They are Qt's own dialogs with an icon and type
// provider that judges files by their names alone: the stock provider (and a desktop's in-process native
// dialog) opens each listed file to sniff its type and icon, and opening and closing the library's files
// drops SQLite's locks on them for the whole process (see LibraryFiles). Dialogs that run in another
// process (a desktop portal) would be safe, but which kind a platform gives cannot be known here.
namespace FileDialogs {

// A dialog set up as every Copydesk file dialog is, not yet shown: for callers that show it themselves.
QFileDialog *create(QWidget *parent, const QString &title, const QString &folder, const QString &filter);

QStringList openFiles(QWidget *parent, const QString &title, const QString &folder, const QString &filter);
QString openFile(QWidget *parent, const QString &title, const QString &folder, const QString &filter);
QString existingFolder(QWidget *parent, const QString &title, const QString &folder);
QString saveFile(QWidget *parent, const QString &title, const QString &suggestedPath, const QString &filter);

} // namespace FileDialogs

} // namespace Copydesk
