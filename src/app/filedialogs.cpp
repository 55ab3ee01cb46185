#include "filedialogs.h"

#include <QFileDialog>
#include <QFileIconProvider>
#include <QFileInfo>
#include <QIcon>
#include <QMimeDatabase>

using namespace Qt::StringLiterals;

namespace Copydesk::FileDialogs {

namespace {

// Icons and type names from the file name only (the MIME database's glob patterns): nothing is opened,
// read or even stat()ed beyond what the file model itself does.
class NameOnlyIconProvider final : public QFileIconProvider
{
public:
    QIcon icon(IconType type) const override { return QFileIconProvider::icon(type); }

    QIcon icon(const QFileInfo &info) const override
    {
        if (info.isDir())
            return QFileIconProvider::icon(Folder);
        const QMimeType mime = mimeTypeOf(info);
        const QIcon fallback = QFileIconProvider::icon(File);
        if (!mime.isValid() || mime.isDefault())
            return fallback;
        return QIcon::fromTheme(mime.iconName(), QIcon::fromTheme(mime.genericIconName(), fallback));
    }

    QString type(const QFileInfo &info) const override
    {
        if (info.isDir())
            return QFileDialog::tr("Folder");
        const QMimeType mime = mimeTypeOf(info);
        if (!mime.isValid() || mime.isDefault())
            return info.suffix().isEmpty() ? QFileDialog::tr("File")
                                           : QFileDialog::tr("%1 File").arg(info.suffix().toUpper());
        return mime.comment().isEmpty() ? mime.name() : mime.comment();
    }

private:
    static QMimeType mimeTypeOf(const QFileInfo &info)
    {
        // mimeTypesForFileName() matches the name against glob patterns and nothing else.
        const QList<QMimeType> candidates = QMimeDatabase().mimeTypesForFileName(info.fileName());
        return candidates.isEmpty() ? QMimeType() : candidates.first();
    }
};

QAbstractFileIconProvider *nameOnlyIconProvider()
{
    static NameOnlyIconProvider provider; // outlives every dialog; it holds no state
    return &provider;
}

QString run(QFileDialog *dialog)
{
    const QStringList chosen = dialog->exec() == QDialog::Accepted ? dialog->selectedFiles() : QStringList();
    delete dialog;
    return chosen.isEmpty() ? QString() : chosen.first();
}

} // namespace

QFileDialog *create(QWidget *parent, const QString &title, const QString &folder, const QString &filter)
{
    auto *dialog = new QFileDialog(parent, title, folder, filter);
    dialog->setOption(QFileDialog::DontUseNativeDialog);
    dialog->setIconProvider(nameOnlyIconProvider());
    return dialog;
}

QStringList openFiles(QWidget *parent, const QString &title, const QString &folder, const QString &filter)
{
    QFileDialog *dialog = create(parent, title, folder, filter);
    dialog->setFileMode(QFileDialog::ExistingFiles);
    dialog->setAcceptMode(QFileDialog::AcceptOpen);
    const QStringList chosen = dialog->exec() == QDialog::Accepted ? dialog->selectedFiles() : QStringList();
    delete dialog;
    return chosen;
}

QString openFile(QWidget *parent, const QString &title, const QString &folder, const QString &filter)
{
    QFileDialog *dialog = create(parent, title, folder, filter);
    dialog->setFileMode(QFileDialog::ExistingFile);
    dialog->setAcceptMode(QFileDialog::AcceptOpen);
    return run(dialog);
}

QString existingFolder(QWidget *parent, const QString &title, const QString &folder)
{
    QFileDialog *dialog = create(parent, title, folder, QString());
    dialog->setFileMode(QFileDialog::Directory);
    dialog->setOption(QFileDialog::ShowDirsOnly);
    dialog->setAcceptMode(QFileDialog::AcceptOpen);
    return run(dialog);
}

QString saveFile(QWidget *parent, const QString &title, const QString &suggestedPath, const QString &filter)
{
    const QFileInfo suggested(suggestedPath);
    QFileDialog *dialog = create(parent, title, suggested.absolutePath(), filter);
    dialog->setFileMode(QFileDialog::AnyFile);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->selectFile(suggested.fileName());
    return run(dialog);
}

} // namespace Copydesk::FileDialogs
