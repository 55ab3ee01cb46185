// ReaderController's filing of articles: the trash (with undo, restore and emptying), tags given to a
// selection, tags renamed and merged from the sidebar, and saved searches.

#include "readercontroller.h"

#include "articlelistpanel.h"
#include "librarysidebar.h"

#include <library/articlelistmodel.h>
#include <library/library.h>

#include <QAction>
#include <QInputDialog>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QMessageBox>

using namespace Qt::StringLiterals;

namespace Copydesk {

namespace {

QString countedText(const QString &one, const QString &several, qsizetype count)
{
    return count == 1 ? one : several.arg(count);
}

} // namespace

void ReaderController::addFilingActions(QMenu *menu, QWidget *dialogParent)
{
    m_dialogParent = dialogParent;
    m_tag = menu->addAction(tr("&Tag…"), QKeySequence(u"Ctrl+T"_s), this, [this] { tagSelection(); });
    m_tag->setShortcutContext(Qt::WindowShortcut);
    menu->addSeparator();
    // Delete belongs to the list: in the editor it deletes text.
    m_trash = menu->addAction(tr("Move to T&rash"), this, [this] { trashSelection(true); });
    m_trash->setShortcut(QKeySequence::Delete);
    m_trash->setShortcutContext(Qt::WidgetShortcut);
    m_list->listView()->addAction(m_trash);
    m_restore = menu->addAction(tr("Restore &from Trash"), QKeySequence(u"Ctrl+Shift+R"_s), this,
                                [this] { trashSelection(false); });
    m_restore->setShortcutContext(Qt::WindowShortcut);
    menu->addAction(tr("&Empty Trash…"), this, [this] { emptyTrash(); });
    menu->addSeparator();
    menu->addAction(tr("Save Search…"), this, [this] { saveSearch(); });

    connect(m_sidebar, &LibrarySidebar::renameTagRequested, this,
            [this](const QString &tag) { renameTag(tag); });
    connect(m_sidebar, &LibrarySidebar::emptyTrashRequested, this, &ReaderController::emptyTrash);
    connect(m_sidebar, &LibrarySidebar::removeSavedSearchRequested, this, [this](const QString &name) {
        if (!m_library.removeSavedSearch(name))
            QMessageBox::warning(m_dialogParent, tr("Copydesk"), m_library.lastError());
    });
    connect(m_sidebar, &LibrarySidebar::savedSearchChosen, this,
            [this](const QString &, const QString &text, const QString &filter) {
                ArticleQuery query = filterFromJson(filter);
                query.text = text;
                query.order = m_model->query().order;
                m_sidebar->choose(query);
                m_list->searchField()->setText(text); // its own search follows, the same query
                m_model->setQuery(query);
            });
    updateActions();
}

void ReaderController::trashSelection(bool toTrash)
{
    const QList<qint64> ids = m_list->selectedArticles();
    if (ids.isEmpty())
        return;
    const QString text = toTrash
                             ? countedText(tr("Move to Trash"), tr("Move %1 Articles to Trash"), ids.size())
                             : countedText(tr("Restore from Trash"), tr("Restore %1 Articles"), ids.size());
    push(
        text, [this, ids, toTrash] { m_library.setTrashed(ids, toTrash); },
        [this, ids, toTrash] { m_library.setTrashed(ids, !toTrash); });
}

void ReaderController::emptyTrash()
{
    const int count = int(m_library.articles().trashedIds().size());
    if (count == 0)
        return;
    const auto answer = QMessageBox::warning(
        m_dialogParent, tr("Empty Trash"),
        countedText(tr("Delete the article in the trash for good? This cannot be undone."),
                    tr("Delete the %1 articles in the trash for good? This cannot be undone."), count),
        QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Cancel);
    if (answer != QMessageBox::Discard)
        return;
    if (m_library.emptyTrash() < 0)
        QMessageBox::warning(m_dialogParent, tr("Copydesk"), m_library.lastError());
}

QStringList ReaderController::applyTagEdit(QStringList tags, const QString &edit)
{
    // "a, b" adds; "-c" takes c away. Tags compare without case, as the library keeps them.
    for (const QString &entry : edit.split(u',', Qt::SkipEmptyParts)) {
        QString tag = entry.trimmed();
        const bool remove = tag.startsWith(u'-');
        if (remove)
            tag = tag.mid(1).trimmed();
        if (tag.isEmpty())
            continue;
        const auto same = [&tag](const QString &other) {
            return other.compare(tag, Qt::CaseInsensitive) == 0;
        };
        if (remove)
            tags.removeIf(same);
        else if (std::none_of(tags.cbegin(), tags.cend(), same))
            tags.append(tag);
    }
    return tags;
}

void ReaderController::tagSelection(const QString &givenEdit)
{
    const QModelIndexList rows = m_list->selectedRows();
    if (rows.isEmpty())
        return;
    QString edit = givenEdit;
    if (edit.isNull()) {
        bool ok = false;
        edit = QInputDialog::getText(
            m_dialogParent, tr("Tag"),
            countedText(
                tr("Tags to add to the article, separated by commas; a minus takes one away (-draft):"),
                tr("Tags to add to the %1 articles, separated by commas; a minus takes one away "
                   "(-draft):"),
                rows.size()),
            QLineEdit::Normal, QString(), &ok);
        if (!ok || edit.trimmed().isEmpty())
            return;
    }
    QHash<qint64, QStringList> before;
    QHash<qint64, QStringList> after;
    for (const QModelIndex &row : rows) {
        const qint64 id = row.data(ArticleListModel::IdRole).toLongLong();
        const QStringList tags = row.data(ArticleListModel::TagsRole).toStringList();
        const QStringList changed = applyTagEdit(tags, edit);
        if (changed != tags) {
            before.insert(id, tags);
            after.insert(id, changed);
        }
    }
    if (after.isEmpty())
        return;
    push(
        countedText(tr("Tag"), tr("Tag %1 Articles"), after.size()),
        [this, after] { m_library.setTags(after); }, [this, before] { m_library.setTags(before); });
}

void ReaderController::renameTag(const QString &tag, const QString &givenName)
{
    QString name = givenName;
    if (name.isNull()) {
        bool ok = false;
        name = QInputDialog::getText(
                   m_dialogParent, tr("Rename Tag"),
                   tr("A new name for \"%1\" (the name of another tag merges the two):").arg(tag),
                   QLineEdit::Normal, tag, &ok)
                   .trimmed();
        if (!ok || name.isEmpty() || name == tag)
            return;
    }
    // Undone by giving each article its tags back as they were, those in the trash too: not renamed at
    // all when they cannot be read.
    const std::optional<QHash<qint64, QStringList>> read = m_library.articles().tagListsWith(tag);
    if (!read) {
        QMessageBox::warning(m_dialogParent, tr("Copydesk"), m_library.articles().lastError());
        return;
    }
    const QHash<qint64, QStringList> before = *read;
    const bool merge = m_library.articles().tagNames().contains(name, Qt::CaseInsensitive) &&
                       name.compare(tag, Qt::CaseInsensitive) != 0;
    push(
        merge ? tr("Merge Tag \"%1\" into \"%2\"").arg(tag, name) : tr("Rename Tag \"%1\"").arg(tag),
        [this, tag, name] {
            if (!m_library.renameTag(tag, name))
                QMessageBox::warning(m_dialogParent, tr("Copydesk"), m_library.lastError());
        },
        [this, before] { m_library.setTags(before); });
}

ArticleQuery ReaderController::filterFromJson(const QString &json)
{
    const QJsonObject object = QJsonDocument::fromJson(json.toUtf8()).object();
    ArticleQuery filter;
    filter.status = statusFromString(object.value("status"_L1).toString());
    filter.section = object.value("section"_L1).toString();
    for (const QJsonValue &tag : object.value("tags"_L1).toArray())
        filter.tags.append(tag.toString());
    filter.starredOnly = object.value("starred"_L1).toBool();
    filter.unreadOnly = object.value("unread"_L1).toBool();
    filter.source = object.value("source"_L1).toString();
    return filter;
}

QString ReaderController::filterToJson(const ArticleQuery &filter)
{
    QJsonObject object;
    if (filter.status)
        object.insert("status"_L1, statusToString(*filter.status));
    if (!filter.section.isEmpty())
        object.insert("section"_L1, filter.section);
    if (!filter.tags.isEmpty())
        object.insert("tags"_L1, QJsonArray::fromStringList(filter.tags));
    if (filter.starredOnly)
        object.insert("starred"_L1, true);
    if (filter.unreadOnly)
        object.insert("unread"_L1, true);
    if (!filter.source.isEmpty())
        object.insert("source"_L1, filter.source);
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

void ReaderController::saveSearch(const QString &givenName)
{
    const ArticleQuery query = m_model->query();
    ArticleQuery wholeLibrary;
    wholeLibrary.order = query.order;
    if (!query.hasText() && query == wholeLibrary)
        return; // the whole library needs no saving
    QString name = givenName;
    if (name.isNull()) {
        bool ok = false;
        name = QInputDialog::getText(m_dialogParent, tr("Save Search"),
                                     tr("A name for this search, to find it in the sidebar:"),
                                     QLineEdit::Normal, query.text.trimmed(), &ok)
                   .trimmed();
        if (!ok || name.isEmpty())
            return;
    }
    if (!m_library.saveSearch({name, query.text.trimmed(), filterToJson(query)}))
        QMessageBox::warning(m_dialogParent, tr("Copydesk"), m_library.lastError());
}

} // namespace Copydesk
