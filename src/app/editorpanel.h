#pragma once

#include <model/article.h>

#include <QWidget>

#include <memory>

namespace Ui {
class EditorPanel;
}

class QComboBox;
class QUndoStack;
class QLabel;
class QStringListModel;
class QTextCharFormat;
class QLineEdit;
class QTextEdit;

namespace Copydesk {

class ImagesPanel;
class QuotesPanel;
class LineEditSpelling;
class SpellHighlighter;
class Spelling;

// The form for one article: headline, standfirst, byline, section, dateline, status and the rich-text
// body with its formatting toolbar. It knows nothing of storage: it shows an Article and reports edits.
class EditorPanel final : public QWidget
{
    Q_OBJECT

public:
    // The parts of the article this form edits.
    enum class Field
    {
        Headline = 0x01,
        Standfirst = 0x02,
        Byline = 0x04,
        Section = 0x08,
        Dateline = 0x10,
        Status = 0x20,
        Body = 0x40,
        Quotes = 0x80,
        Images = 0x100,
        Tags = 0x200,
        Language = 0x400,
        SourceUrl = 0x800,
        EditorNote = 0x1000,
    };
    Q_DECLARE_FLAGS(Fields, Field)

    explicit EditorPanel(QWidget *parent = nullptr);
    ~EditorPanel() override;

    void setArticle(const Article &article);
    // Shows a newer stored version of the open article (saved by another window or a command): only the
    // given fields are rewritten, each keeping its cursor where it can, so typing can go on.
    void updateFields(const Article &article, Fields fields);
    // The fields a person changed since the article was set or clearEditedFields() was called.
    Fields editedFields() const { return m_editedFields; }
    void clearEditedFields() { m_editedFields = {}; }
    // A library that cannot be written shows its articles without letting them be changed.
    void setReadOnly(bool readOnly);
    // Writes what the form shows into the article (the fields it edits, nothing else).
    void applyTo(Article &article) const;
    // Writes only the fields edited since the last call (or since the article was set): the body, the one
    // costly conversion, only when it was typed in. What the editor calls on a pause, not per keystroke.
    void applyEditsTo(Article &article);
    void clear();

    // What the tag field completes from: the library's tags.
    void setTagSuggestions(const QStringList &tags);
    // What the byline completes from, name by name: the people in the library's bylines.
    void setAuthorSuggestions(const QStringList &names);
    // The headline's length is shown against this many characters, in red past it.
    void setHeadlineTarget(int characters);
    int headlineTarget() const { return m_headlineTarget; }

    QLineEdit *headlineEdit() const;
    QLineEdit *standfirstEdit() const;
    QLineEdit *tagsEdit() const { return m_tags; }
    QComboBox *languageCombo() const { return m_language; }
    QLineEdit *sourceUrlEdit() const { return m_sourceUrl; }
    QLineEdit *editorNoteEdit() const { return m_editorNote; }
    QLabel *headlineLength() const { return m_headlineLength; }
    QTextEdit *bodyEdit() const;
    QuotesPanel *quotesPanel() const { return m_quotes; }
    ImagesPanel *imagesPanel() const { return m_images; }
    // Typographic quotes, apostrophes and dashes as you type, in the body, headline and standfirst.
    void setSmartTypography(bool on);
    bool smartTypography() const;
    QAction *smartTypographyAction() const { return m_smartTypographyAction; }

    // Spell checking of the body in the article's language; the byline's and speakers' names are not
    // flagged. Without it (or with no dictionary for the language) nothing is underlined.
    void setSpelling(Spelling *spelling);
    SpellHighlighter *spellHighlighter() const { return m_spellHighlighter; }
    LineEditSpelling *headlineSpelling() const { return m_headlineSpelling; }
    LineEditSpelling *standfirstSpelling() const { return m_standfirstSpelling; }

    // Undo and redo of what is not typed text: status, language, quotes and pictures (typed text undoes in
    // its own field and in the body). Ctrl+Z outside a text field, and Edit > Undo, use it.
    QUndoStack *fieldUndoStack() const { return m_fieldUndo; }
    // Edit > Undo/Redo: the focused text field or body when it can, else the field stack.
    void undo();
    void redo();

    // The quotes the shared detector (the plain-text importer's) finds in the body, less those the article
    // already has; findQuotes() offers them for the editor to accept or reject.
    QList<Quote> quotesFoundInBody() const;
    void findQuotes();
    // Puts the quote into the body at the cursor as a block quote, its speaker and role under it; or as a
    // pull quote (the words set large, the speaker under them).
    void insertQuoteInBody(const Quote &quote, bool pullQuote = false);
    // Puts the article's image at this position into the body at the cursor.
    void insertImageInBody(int position);
    // Selects the first place in the body that has this text (a quote double-clicked in its panel).
    bool selectInBody(const QString &text);

signals:
    void edited();
    // The byline or the tags field is about to be typed in: their completions should be current
    // (setAuthorSuggestions, setTagSuggestions).
    void suggestionsWanted();

private:
    void applyFieldsTo(Article &article) const; // all but the body
    void setupFormatActions();
    void mergeCharFormat(const QTextCharFormat &format);
    void setBlockHeading(int level);
    void toggleList(bool ordered);
    void toggleQuote(bool pullQuote);
    void insertHorizontalRule();
    void insertLink();
    void removeLink();
    void updateFormatActions();

    std::unique_ptr<Ui::EditorPanel> m_ui;
    bool m_loading = false;
    Fields m_editedFields;
    Fields m_unappliedFields; // edited but not yet written out by applyEditsTo()
    // The body shows the article's pictures ("copydesk-image:N") from document resources, set before its
    // HTML.
    void registerBodyImages(const QList<ArticleImage> &images);
    // Images moved or removed in their panel: the body's references follow (newPositions[old], -1: gone).
    void renumberBodyImages(const QList<int> &newPositions);

    // What the field undo stack restores.
    struct FieldState
    {
        QString status;
        QString language;
        QList<Quote> quotes;
        QList<ArticleImage> images;
        friend bool operator==(const FieldState &, const FieldState &) = default;
    };
    FieldState fieldState() const;
    void restoreFieldState(const FieldState &state);
    void recordFieldEdit(Field field);
    friend class FieldEditCommand;

    void addArticleFields();
    void updateSpellChecker();
    void updateSpellingNames();
    void setupSpelling();
    void addToDictionary(const QString &word);
    void updateHeadlineLength();
    bool eventFilter(QObject *watched, QEvent *event) override;

    QuotesPanel *m_quotes = nullptr;
    ImagesPanel *m_images = nullptr;
    QLineEdit *m_tags = nullptr;
    QStringListModel *m_tagSuggestions = nullptr;
    QStringListModel *m_authorSuggestions = nullptr;
    QComboBox *m_language = nullptr;
    QLineEdit *m_sourceUrl = nullptr;
    QLineEdit *m_editorNote = nullptr;
    QLabel *m_headlineLength = nullptr;
    int m_headlineTarget = 70;
    QUndoStack *m_fieldUndo = nullptr;
    QList<size_t> m_bodyImageKeys; // what picture each position's body resource was made from
    FieldState m_fieldState;       // as the stack last saw it
    bool m_restoring = false;
    QList<QAction *> m_formatActions;
    QAction *m_smartTypographyAction = nullptr;
    Spelling *m_spelling = nullptr;
    SpellHighlighter *m_spellHighlighter = nullptr;
    LineEditSpelling *m_headlineSpelling = nullptr;
    LineEditSpelling *m_standfirstSpelling = nullptr;
    QAction *m_bold = nullptr;
    QAction *m_italic = nullptr;
    QAction *m_strike = nullptr;
};

} // namespace Copydesk

Q_DECLARE_OPERATORS_FOR_FLAGS(Copydesk::EditorPanel::Fields)
