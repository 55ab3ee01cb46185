// The editor panel's spelling: which dictionary the body is checked with, and whose names it accepts.

#include "bodytextedit.h"
#include "editorpanel.h"
#include "lineeditspelling.h"
#include "quotespanel.h"
#include "spellhighlighter.h"
#include "spelling.h"
#include "ui_editorpanel.h"

#include <QComboBox>
#include <QMessageBox>
#include <QTextDocument>

namespace Copydesk {

void EditorPanel::setupSpelling()
{
    m_spellHighlighter = new SpellHighlighter(m_ui->bodyEdit->document());
    m_ui->bodyEdit->setSpellHighlighter(m_spellHighlighter);
    connect(m_ui->bodyEdit, &BodyTextEdit::addToDictionaryRequested, this, &EditorPanel::addToDictionary);
    m_headlineSpelling = new LineEditSpelling(m_ui->headlineEdit, m_spellHighlighter);
    m_standfirstSpelling = new LineEditSpelling(m_ui->standfirstEdit, m_spellHighlighter);
    for (LineEditSpelling *field : {m_headlineSpelling, m_standfirstSpelling})
        connect(field, &LineEditSpelling::addToDictionaryRequested, this, &EditorPanel::addToDictionary);
    connect(m_ui->bylineEdit, &QLineEdit::textChanged, this, &EditorPanel::updateSpellingNames);
}

void EditorPanel::addToDictionary(const QString &word)
{
    if (m_spelling && !m_spelling->addToPersonal(word))
        QMessageBox::warning(
            this, tr("Add to Dictionary"),
            tr("“%1” could not be added: %2").arg(word, m_spelling->personal().errorString()));
}

void EditorPanel::setSpelling(Spelling *spelling)
{
    if (m_spelling)
        disconnect(m_spelling, nullptr, this, nullptr);
    m_spelling = spelling;
    if (spelling) {
        connect(spelling, &Spelling::checkerReady, this, &EditorPanel::updateSpellChecker);
        connect(spelling, &Spelling::enabledChanged, m_spellHighlighter, &SpellHighlighter::setActive);
        connect(spelling, &Spelling::personalChanged, m_spellHighlighter, &SpellHighlighter::recheck);
        m_spellHighlighter->setActive(spelling->isEnabled());
    }
    updateSpellChecker();
}

void EditorPanel::updateSpellChecker()
{
    if (!m_spelling) {
        m_spellHighlighter->setChecker(nullptr, nullptr);
        return;
    }
    // Null while the dictionary loads: checkerReady calls again.
    // An article that does not say its language is checked in the one its text looks written in.
    const QString language =
        SpellChecker::languageFor(m_language->currentText(), m_language->currentText().trimmed().isEmpty()
                                                                 ? m_ui->bodyEdit->document()->toPlainText()
                                                                 : QString());
    m_spellHighlighter->setChecker(m_spelling->checkerFor(language), &m_spelling->personal());
}

void EditorPanel::updateSpellingNames()
{
    QStringList names{m_ui->bylineEdit->text()};
    for (const Quote &quote : m_quotes->quotes())
        names << quote.speaker;
    ArticleNames articleNames;
    articleNames.setNames(names);
    m_spellHighlighter->setNames(articleNames);
}

} // namespace Copydesk
