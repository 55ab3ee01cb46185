#include "imagespanel.h"

#include "filedialogs.h"
#include <import/imagemetadata.h>

#include <QAction>
#include <QBuffer>
#include <QClipboard>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileInfo>
#include <QFormLayout>
#include <QGuiApplication>
#include <QImage>
#include <QImageReader>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMimeData>
#include <QStandardPaths>
#include <QToolBar>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Copydesk {

namespace {

constexpr int ThumbnailSize = 72;

QIcon thumbnail(const ArticleImage &image)
{
    QBuffer buffer;
    buffer.setData(image.data);
    QImageReader reader(&buffer);
    // Asked for at thumbnail size, a JPEG decoder skips most of the work.
    const QSize size = reader.size();
    if (size.isValid())
        reader.setScaledSize(size.scaled(ThumbnailSize, ThumbnailSize, Qt::KeepAspectRatio));
    const QImage picture = image.hasData() ? reader.read() : QImage();
    if (picture.isNull())
        return QIcon::fromTheme(u"image-missing"_s, QIcon(u":/icons/format/insert-image.svg"_s));
    return QIcon(QPixmap::fromImage(picture));
}

} // namespace

ImagesPanel::ImagesPanel(QWidget *parent)
    : QWidget(parent)
    , m_list(new QListWidget(this))
    , m_problems(new QLabel(this))
    , m_errors(new QLabel(this))
    , m_form(new QWidget(this))
{
    setAccessibleName(tr("Images"));
    setAcceptDrops(true);
    m_list->setAccessibleName(tr("Images"));
    m_list->setIconSize(QSize(ThumbnailSize, ThumbnailSize));
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setWordWrap(true);
    m_list->setMinimumWidth(180);
    for (QLabel *label : {m_problems, m_errors}) {
        label->setWordWrap(true);
        label->hide();
    }

    auto *bar = new QToolBar(this);
    bar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    auto add = [this, bar](const QString &text, const QString &icon, auto slot) {
        QAction *action = bar->addAction(QIcon::fromTheme(icon), text, this, slot);
        m_editActions.append(action);
        return action;
    };
    add(tr("Add Image…"), u"insert-image"_s, &ImagesPanel::chooseFiles);
    add(tr("Remove"), u"list-remove"_s, &ImagesPanel::removeSelected);
    add(tr("Up"), u"go-up"_s, [this] { moveSelected(-1); });
    add(tr("Down"), u"go-down"_s, [this] { moveSelected(+1); });
    add(tr("Make Lead"), u"starred"_s, &ImagesPanel::makeSelectedLead);
    add(tr("Insert in Body"), u"insert-image"_s, [this] {
        if (selected() >= 0)
            emit insertIntoBody(selected());
    });
    // A picture on the clipboard (copied from a browser or an image editor) pastes into the list.
    auto *paste = new QAction(tr("Paste Image"), m_list);
    paste->setShortcut(QKeySequence::Paste);
    paste->setShortcutContext(Qt::WidgetShortcut);
    connect(paste, &QAction::triggered, this,
            [this] { addFromMimeData(QGuiApplication::clipboard()->mimeData()); });
    m_list->addAction(paste);
    m_editActions.append(paste);

    auto *form = new QFormLayout(m_form);
    form->setContentsMargins(0, 0, 0, 0);
    const std::tuple<QString, QString, QString> fields[] = {
        {u"caption"_s, tr("Caption"), tr("What the picture shows, as printed under it")},
        {u"alt"_s, tr("Alt text"), tr("The picture described for someone who cannot see it")},
        {u"credit"_s, tr("Photographer"), tr("Who took it")},
        {u"agency"_s, tr("Agency"), tr("Agency or source: AP, Reuters, handout…")},
        {u"creditLine"_s, tr("Credit line"), QString()},
        {u"copyright"_s, tr("Copyright"), QString()},
        {u"licence"_s, tr("Licence"), QString()},
        {u"sourceUrl"_s, tr("Source"), tr("https://…")}};
    for (const auto &[name, label, placeholder] : fields) {
        auto *edit = new QLineEdit(m_form);
        edit->setObjectName(name);
        edit->setAccessibleName(label);
        edit->setPlaceholderText(placeholder);
        form->addRow(label, edit);
        m_fields.append({name, edit});
        connect(edit, &QLineEdit::textEdited, this, &ImagesPanel::fieldEdited);
    }
    m_form->setEnabled(false);

    auto *top = new QHBoxLayout;
    top->addWidget(m_list, 1);
    top->addWidget(m_form, 2);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(bar);
    layout->addLayout(top, 1);
    layout->addWidget(m_problems);
    layout->addWidget(m_errors);

    connect(m_list, &QListWidget::currentRowChanged, this, &ImagesPanel::showSelected);
    connect(m_list, &QListWidget::itemDoubleClicked, this, [this] { emit insertIntoBody(selected()); });
}

QLineEdit *ImagesPanel::field(const QString &name) const
{
    for (const auto &[fieldName, edit] : m_fields) {
        if (fieldName == name)
            return edit;
    }
    return nullptr;
}

bool ImagesPanel::needsCredit(const ArticleImage &image)
{
    return image.credit.trimmed().isEmpty() && image.agency.trimmed().isEmpty() &&
           image.creditLine.trimmed().isEmpty();
}

bool ImagesPanel::needsAltText(const ArticleImage &image)
{
    return image.altText.trimmed().isEmpty();
}

void ImagesPanel::setImages(const QList<ArticleImage> &images)
{
    m_images = images;
    m_errors->hide();
    refreshList();
    if (!m_images.isEmpty())
        select(0);
}

void ImagesPanel::setReadOnly(bool readOnly)
{
    for (QAction *action : std::as_const(m_editActions))
        action->setEnabled(!readOnly);
    for (const auto &[name, edit] : std::as_const(m_fields))
        edit->setReadOnly(readOnly);
    setAcceptDrops(!readOnly);
}

void ImagesPanel::refreshList()
{
    const int current = selected();
    m_list->clear();
    for (int position = 0; position < m_images.size(); ++position) {
        m_list->addItem(new QListWidgetItem);
        refreshItem(position);
    }
    if (current >= 0 && current < m_images.size())
        m_list->setCurrentRow(current);
    updateProblems();
}

void ImagesPanel::refreshItem(int position)
{
    QListWidgetItem *item = m_list->item(position);
    const ArticleImage &image = m_images.at(position);
    // Decoding a picture is the costly part: done again only when the picture itself changed.
    const qulonglong picture = qHash(image.data);
    if (item->icon().isNull() || item->data(Qt::UserRole).toULongLong() != picture)
        item->setIcon(thumbnail(image));
    item->setData(Qt::UserRole, QVariant::fromValue(picture));
    QStringList lines;
    lines << (image.role == ImageRole::Lead ? tr("★ Lead") : tr("Image %1").arg(position + 1));
    const QString credit = printedCreditLine(image);
    lines << (credit.isEmpty() ? tr("⚠ no credit") : credit);
    if (needsAltText(image))
        lines << tr("⚠ no alt text");
    item->setText(lines.join(u'\n'));
    item->setToolTip(image.caption);
}

void ImagesPanel::select(int position)
{
    m_list->setCurrentRow(position);
}

int ImagesPanel::selected() const
{
    return m_list->currentRow();
}

void ImagesPanel::showSelected()
{
    const int position = selected();
    const bool any = position >= 0 && position < m_images.size();
    m_form->setEnabled(any);
    m_showing = true;
    const ArticleImage shown = any ? m_images.at(position) : ArticleImage();
    const std::pair<const char *, QString> values[] = {
        {"caption", shown.caption}, {"alt", shown.altText},           {"credit", shown.credit},
        {"agency", shown.agency},   {"creditLine", shown.creditLine}, {"copyright", shown.copyright},
        {"licence", shown.licence}, {"sourceUrl", shown.sourceUrl}};
    for (const auto &[name, value] : values) {
        QLineEdit *edit = field(QString::fromLatin1(name));
        if (edit->text() != value)
            edit->setText(value);
        edit->setCursorPosition(0);
    }
    // Untyped, the credit line is built from the pattern: shown as the placeholder, printed as such.
    const QString built =
        creditLineFromPattern(QString::fromLatin1(DefaultCreditLinePattern), shown.credit, shown.agency);
    field(u"creditLine"_s)
        ->setPlaceholderText(built.isEmpty() ? tr("Built from photographer and agency") : built);
    m_showing = false;
}

void ImagesPanel::fieldEdited()
{
    const int position = selected();
    if (m_showing || position < 0 || position >= m_images.size())
        return;
    ArticleImage &image = m_images[position];
    image.caption = field(u"caption"_s)->text();
    image.altText = field(u"alt"_s)->text();
    image.credit = field(u"credit"_s)->text();
    image.agency = field(u"agency"_s)->text();
    image.creditLine = field(u"creditLine"_s)->text();
    image.copyright = field(u"copyright"_s)->text();
    image.licence = field(u"licence"_s)->text();
    image.sourceUrl = field(u"sourceUrl"_s)->text();
    field(u"creditLine"_s)
        ->setPlaceholderText(
            creditLineFromPattern(QString::fromLatin1(DefaultCreditLinePattern), image.credit, image.agency));
    refreshItem(position);
    updateProblems();
    emit edited();
}

void ImagesPanel::updateProblems()
{
    int withoutCredit = 0;
    int withoutAlt = 0;
    for (const ArticleImage &image : std::as_const(m_images)) {
        withoutCredit += needsCredit(image) ? 1 : 0;
        withoutAlt += needsAltText(image) ? 1 : 0;
    }
    QStringList problems;
    if (withoutCredit > 0)
        problems << (withoutCredit == 1 ? tr("1 image without a credit")
                                        : tr("%1 images without a credit").arg(withoutCredit));
    if (withoutAlt > 0)
        problems << (withoutAlt == 1 ? tr("1 image without alt text")
                                     : tr("%1 images without alt text").arg(withoutAlt));
    m_problems->setText(problems.isEmpty() ? QString() : u"⚠ "_s + problems.join(u"; "_s) + u'.');
    m_problems->setVisible(!problems.isEmpty());
}

QString ImagesPanel::problems() const
{
    return m_problems->text();
}

void ImagesPanel::append(const ArticleImage &image)
{
    ArticleImage added = image;
    // The first picture of a piece without one leads it, as on a page.
    const bool hasLead = std::any_of(m_images.cbegin(), m_images.cend(),
                                     [](const ArticleImage &other) { return other.role == ImageRole::Lead; });
    added.role = hasLead ? ImageRole::Inline : ImageRole::Lead;
    added.id = 0;
    m_images.append(added);
    m_list->addItem(new QListWidgetItem);
    refreshItem(int(m_images.size()) - 1);
    select(int(m_images.size()) - 1);
    updateProblems();
}

void ImagesPanel::addFiles(const QStringList &paths)
{
    QStringList errors;
    bool added = false;
    for (const QString &path : paths) {
        QString error;
        if (const std::optional<ArticleImage> image = ImageFiles::fromFile(path, &error)) {
            append(*image);
            added = true;
        } else {
            errors << error;
        }
    }
    m_errors->setText(errors.join(u'\n'));
    m_errors->setVisible(!errors.isEmpty());
    if (added)
        emit edited();
}

bool ImagesPanel::addFromMimeData(const QMimeData *data)
{
    if (!data)
        return false;
    QStringList files;
    for (const QUrl &url : data->urls()) {
        if (url.isLocalFile())
            files << url.toLocalFile();
    }
    if (!files.isEmpty()) {
        addFiles(files);
        return true;
    }
    if (data->hasImage()) {
        // A copied picture arrives decoded: kept as PNG, which loses nothing.
        QByteArray bytes;
        QBuffer buffer(&bytes);
        buffer.open(QIODevice::WriteOnly);
        qvariant_cast<QImage>(data->imageData()).save(&buffer, "PNG");
        QString error;
        if (const std::optional<ArticleImage> image =
                ImageFiles::fromData(bytes, tr("Pasted picture"), &error)) {
            append(*image);
            emit edited();
            return true;
        }
        m_errors->setText(error);
        m_errors->show();
    }
    return false;
}

void ImagesPanel::dragEnterEvent(QDragEnterEvent *event)
{
    if (event->mimeData()->hasUrls() || event->mimeData()->hasImage())
        event->acceptProposedAction();
}

void ImagesPanel::dropEvent(QDropEvent *event)
{
    if (addFromMimeData(event->mimeData()))
        event->acceptProposedAction();
}

void ImagesPanel::chooseFiles()
{
    const QStringList paths = FileDialogs::openFiles(
        this, tr("Add Images"), QStandardPaths::writableLocation(QStandardPaths::PicturesLocation),
        tr("Pictures (*.jpg *.jpeg *.png *.gif *.webp);;All files (*)"));
    if (!paths.isEmpty())
        addFiles(paths);
}

void ImagesPanel::moveSelected(int by)
{
    const int from = selected();
    const int to = from + by;
    if (from < 0 || to < 0 || to >= m_images.size())
        return;
    m_images.move(from, to);
    QList<int> newPositions;
    for (int old = 0; old < m_images.size(); ++old)
        newPositions << (old == from ? to : old == to ? from : old);
    refreshList();
    select(to);
    emit reordered(newPositions);
    emit edited();
}

void ImagesPanel::removeSelected()
{
    const int position = selected();
    if (position < 0)
        return;
    const bool wasLead = m_images.at(position).role == ImageRole::Lead;
    m_images.removeAt(position);
    if (wasLead && !m_images.isEmpty())
        m_images.first().role = ImageRole::Lead;
    QList<int> newPositions;
    for (int old = 0; old <= m_images.size(); ++old)
        newPositions << (old < position ? old : old == position ? -1 : old - 1);
    refreshList();
    select(std::min(position, int(m_images.size()) - 1));
    emit reordered(newPositions);
    emit edited();
}

void ImagesPanel::makeSelectedLead()
{
    const int position = selected();
    if (position < 0)
        return;
    for (int i = 0; i < m_images.size(); ++i)
        m_images[i].role = i == position ? ImageRole::Lead : ImageRole::Inline;
    refreshList();
    emit edited();
}

} // namespace Copydesk
