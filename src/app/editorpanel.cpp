#include "editorpanel.h"

#include "bodytextedit.h"
#include "imagespanel.h"
#include "quotespanel.h"
#include "spellhighlighter.h"
#include "ui_editorpanel.h"
#include <html/documenthtmlwriter.h>
#include <html/htmlsanitizer.h>
#include <model/typography.h>

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QCompleter>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QScrollBar>
#include <QSplitter>
#include <QStringListModel>
#include <QTextBlock>
#include <QTextCursor>
#include <QToolButton>
#include <QUndoStack>

using namespace Qt::StringLiterals;

namespace Copydesk {

namespace {

// Completes the tag (or the author) being typed after the last comma, keeping the ones before it.
class TagCompleter final : public QCompleter
{
public:
    using QCompleter::QCompleter;

    QStringList splitPath(const QString &path) const override { return {path.section(u',', -1).trimmed()}; }
    QString pathFromIndex(const QModelIndex &index) const override
    {
        const QString typed = qobject_cast<QLineEdit *>(widget())->text();
        const qsizetype comma = typed.lastIndexOf(u',');
        const QString before = comma < 0 ? QString() : typed.left(comma + 1) + u' ';
        return before + index.data().toString() + u", "_s;
    }
};

QStringList tagsFrom(const QString &text)
{
    QStringList tags;
    for (const QString &tag : text.split(u',')) {
        const QString trimmed = tag.trimmed();
        if (!trimmed.isEmpty() && !tags.contains(trimmed, Qt::CaseInsensitive))
            tags.append(trimmed);
    }
    return tags;
}

// The desktop theme's icon, else Copydesk's own (resources/icons/format), so the toolbar reads the same
// on a desktop without an icon theme.
QIcon formatIcon(const QString &name)
{
    return QIcon::fromTheme(name, QIcon(u":/icons/format/%1.svg"_s.arg(name)));
}

} // namespace

EditorPanel::EditorPanel(QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::EditorPanel>())
{
    m_ui->setupUi(this);
    setupSpelling();
    for (const ArticleStatus status : allStatuses())
        m_ui->statusCombo->addItem(statusDisplayName(status), statusToString(status));
    m_ui->bodyEdit->setAcceptRichText(true);
    addArticleFields();
    setupFormatActions();
    // The body and the article's quotes share the height, the body first.
    m_quotes = new QuotesPanel(this);
    m_images = new ImagesPanel(this);
    auto *split = new QSplitter(Qt::Vertical, this);
    split->setObjectName(u"editorSplitter"_s);
    const int bodyAt = m_ui->mainLayout->indexOf(m_ui->bodyEdit);
    m_ui->mainLayout->removeWidget(m_ui->bodyEdit);
    split->addWidget(m_ui->bodyEdit);
    split->addWidget(m_quotes);
    split->addWidget(m_images);
    split->setStretchFactor(0, 4);
    split->setStretchFactor(1, 1);
    split->setStretchFactor(2, 1);
    split->setChildrenCollapsible(false);
    m_ui->mainLayout->insertWidget(bodyAt, split, 1);
    connect(m_quotes, &QuotesPanel::quoteActivated, this, &EditorPanel::selectInBody);
    connect(m_quotes, &QuotesPanel::findRequested, this, &EditorPanel::findQuotes);
    connect(m_quotes, &QuotesPanel::insertRequested, this,
            [this](const Quote &quote, bool pullQuote) { insertQuoteInBody(quote, pullQuote); });
    setEnabled(false);

    m_fieldUndo = new QUndoStack(this);
    // Ctrl+Z and Ctrl+Shift+Z in the quotes and images panels and on the status undo those fields (their
    // text boxes keep their own undo of typing).
    for (QWidget *panel : std::initializer_list<QWidget *>{m_quotes, m_images, m_ui->statusCombo}) {
        auto *undoAction = new QAction(tr("Undo"), panel);
        undoAction->setShortcut(QKeySequence::Undo);
        undoAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        connect(undoAction, &QAction::triggered, m_fieldUndo, &QUndoStack::undo);
        auto *redoAction = new QAction(tr("Redo"), panel);
        redoAction->setShortcut(QKeySequence::Redo);
        redoAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        connect(redoAction, &QAction::triggered, m_fieldUndo, &QUndoStack::redo);
        panel->addActions({undoAction, redoAction});
    }
    auto reportEdit = [this](Field field) {
        return [this, field] {
            if (m_loading)
                return;
            m_editedFields |= field;
            m_unappliedFields |= field;
            recordFieldEdit(field);
            emit edited();
        };
    };
    const std::pair<QLineEdit *, Field> lines[] = {{m_ui->headlineEdit, Field::Headline},
                                                   {m_ui->standfirstEdit, Field::Standfirst},
                                                   {m_ui->bylineEdit, Field::Byline},
                                                   {m_ui->sectionEdit, Field::Section},
                                                   {m_ui->datelineEdit, Field::Dateline}};
    for (const auto &[edit, field] : lines)
        connect(edit, &QLineEdit::textEdited, this, reportEdit(field));
    connect(m_ui->statusCombo, &QComboBox::currentIndexChanged, this, reportEdit(Field::Status));
    connect(m_tags, &QLineEdit::textEdited, this, reportEdit(Field::Tags));
    connect(m_sourceUrl, &QLineEdit::textEdited, this, reportEdit(Field::SourceUrl));
    connect(m_editorNote, &QLineEdit::textEdited, this, reportEdit(Field::EditorNote));
    connect(m_language, &QComboBox::currentTextChanged, this, reportEdit(Field::Language));
    connect(m_language, &QComboBox::currentTextChanged, m_ui->bodyEdit, &BodyTextEdit::setLanguage);
    connect(m_ui->headlineEdit, &QLineEdit::textChanged, this, &EditorPanel::updateHeadlineLength);
    connect(m_ui->bodyEdit, &QTextEdit::textChanged, this, [this, reportBody = reportEdit(Field::Body)] {
        if (!m_spellHighlighter->isRehighlighting()) // underlining is not an edit
            reportBody();
    });
    connect(m_quotes, &QuotesPanel::edited, this, reportEdit(Field::Quotes));
    connect(m_images, &ImagesPanel::edited, this, [this, reportImages = reportEdit(Field::Images)] {
        registerBodyImages(m_images->images());
        reportImages();
    });
    connect(m_images, &ImagesPanel::reordered, this, &EditorPanel::renumberBodyImages);
    connect(m_images, &ImagesPanel::insertIntoBody, this, &EditorPanel::insertImageInBody);
    connect(m_ui->bodyEdit, &QTextEdit::currentCharFormatChanged, this, &EditorPanel::updateFormatActions);
    connect(m_language, &QComboBox::currentTextChanged, this, &EditorPanel::updateSpellChecker);
    connect(m_quotes, &QuotesPanel::edited, this, &EditorPanel::updateSpellingNames);
}

EditorPanel::~EditorPanel() = default;

QLineEdit *EditorPanel::standfirstEdit() const
{
    return m_ui->standfirstEdit;
}

QLineEdit *EditorPanel::headlineEdit() const
{
    return m_ui->headlineEdit;
}

QTextEdit *EditorPanel::bodyEdit() const
{
    return m_ui->bodyEdit;
}

void EditorPanel::addArticleFields()
{
    // The headline's length against its target, beside it.
    m_headlineLength = new QLabel(this);
    m_headlineLength->setObjectName(u"headlineLength"_s);
    m_headlineLength->setAccessibleName(tr("Headline length"));
    auto *headlineRow = new QHBoxLayout;
    const int headlineRowIndex = [this] {
        int row = 0;
        QFormLayout::ItemRole role{};
        m_ui->fieldsLayout->getWidgetPosition(m_ui->headlineEdit, &row, &role);
        return row;
    }();
    m_ui->fieldsLayout->removeWidget(m_ui->headlineEdit);
    headlineRow->addWidget(m_ui->headlineEdit, 1);
    headlineRow->addWidget(m_headlineLength);
    m_ui->fieldsLayout->setLayout(headlineRowIndex, QFormLayout::FieldRole, headlineRow);

    m_tags = new QLineEdit(this);
    m_tags->setObjectName(u"tagsEdit"_s);
    m_tags->setAccessibleName(tr("Tags"));
    m_tags->setPlaceholderText(tr("Comma separated: belarus, diplomacy"));
    m_tagSuggestions = new QStringListModel(this);
    auto *completer = new TagCompleter(m_tagSuggestions, this);
    completer->setCaseSensitivity(Qt::CaseInsensitive);
    m_tags->setCompleter(completer);

    m_language = new QComboBox(this);
    m_language->setObjectName(u"languageCombo"_s);
    m_language->setAccessibleName(tr("Language"));
    m_language->setEditable(true);
    m_language->setToolTip(tr("The article's language (a BCP 47 code): it sets the typographic quotes"));
    m_language->addItems({QString(), u"en"_s, u"ru"_s, u"uk"_s, u"be"_s, u"pl"_s, u"de"_s, u"fr"_s, u"es"_s});

    m_sourceUrl = new QLineEdit(this);
    m_sourceUrl->setObjectName(u"sourceUrlEdit"_s);
    m_sourceUrl->setAccessibleName(tr("Source address"));
    m_sourceUrl->setPlaceholderText(tr("https://…"));

    auto *tagsRow = new QHBoxLayout;
    tagsRow->addWidget(m_tags, 1);
    auto *languageLabel = new QLabel(tr("&Language"), this);
    languageLabel->setBuddy(m_language);
    tagsRow->addWidget(languageLabel);
    tagsRow->addWidget(m_language);
    auto *tagsLabel = new QLabel(tr("Ta&gs"), this);
    tagsLabel->setBuddy(m_tags);
    m_ui->fieldsLayout->addRow(tagsLabel, tagsRow);
    auto *sourceLabel = new QLabel(tr("Sou&rce"), this);
    sourceLabel->setBuddy(m_sourceUrl);
    m_ui->fieldsLayout->addRow(sourceLabel, m_sourceUrl);
    m_editorNote = new QLineEdit(this);
    m_editorNote->setObjectName(u"editorNoteEdit"_s);
    m_editorNote->setAccessibleName(tr("Editor's note"));
    m_editorNote->setPlaceholderText(tr("For the desk only: never in the preview or an export"));
    auto *noteLabel = new QLabel(tr("&Note"), this);
    noteLabel->setBuddy(m_editorNote);
    m_ui->fieldsLayout->addRow(noteLabel, m_editorNote);
    m_ui->bylineEdit->setPlaceholderText(tr("Author names: Anna Berg, Ola Lind and Sam Roe"));
    // Several authors, comma separated, each completed from the library's bylines.
    m_authorSuggestions = new QStringListModel(this);
    auto *authors = new TagCompleter(m_authorSuggestions, this);
    authors->setCaseSensitivity(Qt::CaseInsensitive);
    m_ui->bylineEdit->setCompleter(authors);
    updateHeadlineLength();
}

void EditorPanel::setTagSuggestions(const QStringList &tags)
{
    m_tagSuggestions->setStringList(tags);
}

void EditorPanel::setAuthorSuggestions(const QStringList &names)
{
    m_authorSuggestions->setStringList(names);
}

void EditorPanel::setHeadlineTarget(int characters)
{
    m_headlineTarget = characters;
    updateHeadlineLength();
}

void EditorPanel::updateHeadlineLength()
{
    const int length = int(m_ui->headlineEdit->text().trimmed().size());
    m_headlineLength->setText(u"%1/%2"_s.arg(length).arg(m_headlineTarget));
    const bool over = length > m_headlineTarget;
    m_headlineLength->setStyleSheet(over ? u"color: #b00020; font-weight: bold"_s : QString());
    m_headlineLength->setToolTip(over ? tr("%1 characters past the headline target of %2")
                                            .arg(length - m_headlineTarget)
                                            .arg(m_headlineTarget)
                                      : tr("Headline length against its target"));
}

void EditorPanel::setupFormatActions()
{
    QToolBar *bar = m_ui->formatBar;
    auto add = [this, bar](const QString &text, const QString &icon, const QKeySequence &shortcut,
                           auto slot) {
        QAction *action = bar->addAction(formatIcon(icon), text);
        action->setShortcut(shortcut);
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        action->setToolTip(
            shortcut.isEmpty() ? text : u"%1 (%2)"_s.arg(text, shortcut.toString(QKeySequence::NativeText)));
        connect(action, &QAction::triggered, this, slot);
        addAction(action);
        m_formatActions.append(action);
        return action;
    };
    m_bold = add(tr("Bold"), u"format-text-bold"_s, QKeySequence::Bold, [this](bool on) {
        QTextCharFormat format;
        format.setFontWeight(on ? QFont::Bold : QFont::Normal);
        mergeCharFormat(format);
    });
    m_italic = add(tr("Italic"), u"format-text-italic"_s, QKeySequence::Italic, [this](bool on) {
        QTextCharFormat format;
        format.setFontItalic(on);
        mergeCharFormat(format);
    });
    m_strike = add(tr("Strikethrough"), u"format-text-strikethrough"_s, QKeySequence(u"Ctrl+Shift+X"_s),
                   [this](bool on) {
                       QTextCharFormat format;
                       format.setFontStrikeOut(on);
                       mergeCharFormat(format);
                   });
    for (QAction *action : {m_bold, m_italic, m_strike})
        action->setCheckable(true);
    bar->addSeparator();
    add(tr("Paragraph"), u"format-justify-left"_s, QKeySequence(u"Ctrl+0"_s), [this] { setBlockHeading(0); });
    add(tr("Subheading"), u"format-text-heading"_s, QKeySequence(u"Ctrl+2"_s),
        [this] { setBlockHeading(2); });
    add(tr("Minor subheading"), u"format-text-heading-3"_s, QKeySequence(u"Ctrl+3"_s),
        [this] { setBlockHeading(3); });
    bar->addSeparator();
    add(tr("Bulleted list"), u"format-list-unordered"_s, QKeySequence(u"Ctrl+Shift+8"_s),
        [this] { toggleList(false); });
    add(tr("Numbered list"), u"format-list-ordered"_s, QKeySequence(u"Ctrl+Shift+7"_s),
        [this] { toggleList(true); });
    add(tr("Block quote"), u"format-text-blockquote"_s, QKeySequence(u"Ctrl+Shift+9"_s),
        [this] { toggleQuote(false); });
    add(tr("Pull quote"), u"format-pull-quote"_s, QKeySequence(u"Ctrl+Shift+0"_s),
        [this] { toggleQuote(true); });
    add(tr("Horizontal rule"), u"insert-horizontal-rule"_s, QKeySequence(u"Ctrl+Shift+H"_s),
        [this] { insertHorizontalRule(); });
    bar->addSeparator();
    add(tr("Link…"), u"insert-link"_s, QKeySequence(u"Ctrl+K"_s), [this] { insertLink(); });
    add(tr("Remove link"), u"remove-link"_s, QKeySequence(u"Ctrl+Shift+K"_s), [this] { removeLink(); });
    add(tr("Insert image"), u"insert-image"_s, QKeySequence(u"Ctrl+Shift+G"_s), [this] {
        // The picture selected in the images panel; with none, the panel's file dialog first.
        if (m_images->selected() < 0 || m_images->images().isEmpty())
            m_images->chooseFiles();
        insertImageInBody(m_images->selected());
    });
    add(tr("Insert quote"), u"insert-quote"_s, QKeySequence(u"Ctrl+Shift+Q"_s), [this] {
        const int row = m_quotes->currentRow();
        if (row >= 0)
            insertQuoteInBody(m_quotes->quotes().at(row));
    });
    bar->addSeparator();
    m_smartTypographyAction = bar->addAction(tr("Smart Quotes"));
    m_smartTypographyAction->setCheckable(true);
    m_smartTypographyAction->setChecked(true);
    m_smartTypographyAction->setToolTip(
        tr("Typographic quotes, apostrophes and dashes as you type, in the article's language"));
    connect(m_smartTypographyAction, &QAction::toggled, this, &EditorPanel::setSmartTypography);
    bar->setToolButtonStyle(Qt::ToolButtonIconOnly);
    // Its state is its text: shown as words, not an icon.
    if (auto *button = bar->widgetForAction(m_smartTypographyAction))
        qobject_cast<QToolButton *>(button)->setToolButtonStyle(Qt::ToolButtonTextOnly);
    for (QLineEdit *edit : {m_ui->headlineEdit, m_ui->standfirstEdit})
        edit->installEventFilter(this);
    // The byline's and the tags' completions are asked for when a person goes to those fields.
    for (QLineEdit *edit : {m_ui->bylineEdit, m_tags})
        edit->installEventFilter(this);
}

void EditorPanel::setSmartTypography(bool on)
{
    m_ui->bodyEdit->setSmartTypography(on);
    if (m_smartTypographyAction->isChecked() != on)
        m_smartTypographyAction->setChecked(on);
}

bool EditorPanel::smartTypography() const
{
    return m_ui->bodyEdit->smartTypography();
}

bool EditorPanel::eventFilter(QObject *watched, QEvent *event)
{
    // Before the field takes the key, so that the completer has them for its first letter.
    if ((watched == m_ui->bylineEdit || watched == m_tags) &&
        (event->type() == QEvent::FocusIn || event->type() == QEvent::KeyPress))
        emit suggestionsWanted();
    auto *line = qobject_cast<QLineEdit *>(watched);
    if (!line || event->type() != QEvent::KeyPress || !smartTypography() || line->isReadOnly())
        return QWidget::eventFilter(watched, event);
    const auto *key = static_cast<QKeyEvent *>(event);
    const QString typed = key->text();
    if (typed.size() != 1 || line->hasSelectedText() ||
        (key->modifiers() & (Qt::ControlModifier | Qt::AltModifier | Qt::MetaModifier)))
        return QWidget::eventFilter(watched, event);
    const Typography::Replacement replacement = Typography::forTyped(
        typed.front(), line->text().left(line->cursorPosition()), m_language->currentText());
    if (replacement.text.isEmpty())
        return QWidget::eventFilter(watched, event);
    line->cursorBackward(true, replacement.removeBefore);
    line->insert(replacement.text); // emits textEdited, as typing does
    return true;
}

void EditorPanel::setArticle(const Article &article)
{
    m_loading = true;
    setEnabled(true);
    // The new body is checked once, when everything it depends on is set, not field by field.
    m_spellHighlighter->suspend();
    m_ui->headlineEdit->setText(article.headline);
    m_ui->standfirstEdit->setText(article.standfirst);
    m_ui->bylineEdit->setText(article.byline);
    m_ui->sectionEdit->setText(article.section);
    m_ui->datelineEdit->setText(article.dateline);
    m_tags->setText(article.tags.join(u", "_s));
    m_language->setCurrentText(article.language);
    m_sourceUrl->setText(article.sourceUrl);
    m_editorNote->setText(article.editorNote);
    // Long fields read from their start, not from where setText() leaves the cursor.
    for (QLineEdit *edit : {m_ui->headlineEdit, m_ui->standfirstEdit, m_ui->bylineEdit, m_tags, m_sourceUrl})
        edit->setCursorPosition(0);
    m_ui->statusCombo->setCurrentIndex(m_ui->statusCombo->findData(statusToString(article.status)));
    registerBodyImages(article.images);
    BodyFormat::setBody(*m_ui->bodyEdit->document(), article.bodyHtml);
    m_quotes->setQuotes(article.quotes);
    m_images->setImages(article.images);
    m_ui->bodyEdit->document()->clearUndoRedoStacks();
    m_ui->bodyEdit->document()->setModified(false);
    m_editedFields = {};
    m_unappliedFields = {};
    m_loading = false;
    m_fieldUndo->clear();
    m_fieldState = fieldState();
    updateSpellingNames();
    updateSpellChecker();
    m_spellHighlighter->resume();
}

void EditorPanel::updateFields(const Article &article, Fields fields)
{
    m_loading = true;
    const std::tuple<QLineEdit *, Field, QString> lines[] = {
        {m_ui->headlineEdit, Field::Headline, article.headline},
        {m_ui->standfirstEdit, Field::Standfirst, article.standfirst},
        {m_ui->bylineEdit, Field::Byline, article.byline},
        {m_ui->sectionEdit, Field::Section, article.section},
        {m_ui->datelineEdit, Field::Dateline, article.dateline}};
    for (const auto &[edit, field, text] : lines) {
        if (!fields.testFlag(field) || edit->text() == text)
            continue;
        const int position = edit->cursorPosition();
        edit->setText(text);
        edit->setCursorPosition(std::min(position, int(text.size())));
    }
    if (fields.testFlag(Field::Status))
        m_ui->statusCombo->setCurrentIndex(m_ui->statusCombo->findData(statusToString(article.status)));
    if (fields.testFlag(Field::Tags))
        m_tags->setText(article.tags.join(u", "_s));
    if (fields.testFlag(Field::Language))
        m_language->setCurrentText(article.language);
    if (fields.testFlag(Field::SourceUrl))
        m_sourceUrl->setText(article.sourceUrl);
    if (fields.testFlag(Field::EditorNote))
        m_editorNote->setText(article.editorNote);
    if (fields.testFlag(Field::Quotes))
        m_quotes->setQuotes(article.quotes);
    if (fields.testFlag(Field::Images)) {
        m_images->setImages(article.images);
        registerBodyImages(article.images);
    }
    if (fields.testFlag(Field::Body)) {
        QTextEdit *body = m_ui->bodyEdit;
        const int position = body->textCursor().position();
        const int scroll = body->verticalScrollBar()->value();
        BodyFormat::setBody(*body->document(), article.bodyHtml);
        QTextCursor cursor = body->textCursor();
        cursor.setPosition(std::min(position, body->document()->characterCount() - 1));
        body->setTextCursor(cursor);
        body->verticalScrollBar()->setValue(scroll);
        body->document()->setModified(false);
    }
    m_loading = false;
    // Another program's version is the new base: undo does not reach back past it.
    m_fieldUndo->clear();
    m_fieldState = fieldState();
}

void EditorPanel::setReadOnly(bool readOnly)
{
    for (QLineEdit *edit :
         {m_ui->headlineEdit, m_ui->standfirstEdit, m_ui->bylineEdit, m_ui->sectionEdit, m_ui->datelineEdit})
        edit->setReadOnly(readOnly);
    m_ui->statusCombo->setEnabled(!readOnly);
    m_language->setEnabled(!readOnly);
    m_tags->setReadOnly(readOnly);
    m_sourceUrl->setReadOnly(readOnly);
    m_editorNote->setReadOnly(readOnly);
    m_ui->bodyEdit->setReadOnly(readOnly);
    m_ui->formatBar->setEnabled(!readOnly);
    for (QAction *action : std::as_const(m_formatActions))
        action->setEnabled(!readOnly);
    m_quotes->setReadOnly(readOnly);
    m_images->setReadOnly(readOnly);
}

void EditorPanel::clear()
{
    m_loading = true;
    for (QLineEdit *edit :
         {m_ui->headlineEdit, m_ui->standfirstEdit, m_ui->bylineEdit, m_ui->sectionEdit, m_ui->datelineEdit})
        edit->clear();
    m_ui->bodyEdit->clear();
    m_tags->clear();
    m_language->setCurrentText(QString());
    m_sourceUrl->clear();
    m_editorNote->clear();
    m_quotes->setQuotes({});
    m_images->setImages({});
    m_fieldUndo->clear();
    m_editedFields = {};
    m_unappliedFields = {};
    setEnabled(false);
    m_loading = false;
}

void EditorPanel::applyTo(Article &article) const
{
    applyFieldsTo(article);
    article.bodyHtml = DocumentHtmlWriter::toSemanticHtml(*m_ui->bodyEdit->document());
}

void EditorPanel::applyFieldsTo(Article &article) const
{
    article.headline = m_ui->headlineEdit->text().trimmed();
    article.standfirst = m_ui->standfirstEdit->text().trimmed();
    article.byline = m_ui->bylineEdit->text().trimmed();
    article.section = m_ui->sectionEdit->text().trimmed();
    article.dateline = m_ui->datelineEdit->text().trimmed();
    article.status = statusFromString(m_ui->statusCombo->currentData().toString()).value_or(article.status);
    article.quotes = m_quotes->quotes();
    article.images = m_images->images();
    article.tags = tagsFrom(m_tags->text());
    article.language = m_language->currentText().trimmed();
    article.sourceUrl = m_sourceUrl->text().trimmed();
    article.editorNote = m_editorNote->text().trimmed();
}

void EditorPanel::applyEditsTo(Article &article)
{
    const Fields fields = std::exchange(m_unappliedFields, {});
    // The line fields cost nothing to read; the body is converted only when it changed.
    if (fields & ~Fields(Field::Body))
        applyFieldsTo(article);
    if (fields.testFlag(Field::Body))
        article.bodyHtml = DocumentHtmlWriter::toSemanticHtml(*m_ui->bodyEdit->document());
}

} // namespace Copydesk
