// EditorPanel, part two: what the toolbar and the quotes and images panels do to the body (character and
// block formats, quotes and rules, links, pictures and quotes put into the text). editorpanel.cpp holds the
// form itself: its fields, loading and reading an article, undo of the fields, typing.

#include "editorpanel.h"

#include "findquotesdialog.h"
#include "imagespanel.h"
#include "quotespanel.h"
#include "ui_editorpanel.h"
#include <html/documenthtmlwriter.h>
#include <html/htmlsanitizer.h>
#include <import/plaintext/plaintextstructure.h>

#include <QAction>
#include <QBuffer>
#include <QImageReader>
#include <QInputDialog>
#include <QRegularExpression>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextList>

using namespace Qt::StringLiterals;

namespace Copydesk {

void EditorPanel::mergeCharFormat(const QTextCharFormat &format)
{
    QTextCursor cursor = m_ui->bodyEdit->textCursor();
    // Without a selection, a word processor formats the word the cursor stands *inside*; at a word's
    // edge (just after typing it, say) the format is for what is typed next and the word stays as it is.
    if (!cursor.hasSelection()) {
        QTextCursor word = cursor;
        word.select(QTextCursor::WordUnderCursor);
        if (word.hasSelection() && word.selectionStart() < cursor.position() &&
            cursor.position() < word.selectionEnd())
            word.mergeCharFormat(format);
    } else {
        cursor.mergeCharFormat(format);
    }
    m_ui->bodyEdit->mergeCurrentCharFormat(format);
}

void EditorPanel::setBlockHeading(int level)
{
    QTextCursor cursor = m_ui->bodyEdit->textCursor();
    cursor.beginEditBlock();
    QTextBlockFormat block = cursor.blockFormat();
    block.setHeadingLevel(level);
    cursor.setBlockFormat(block);
    // Headings take their size from the level, as QTextDocument does when it reads <h2>.
    QTextCharFormat chars;
    chars.setFontWeight(level > 0 ? QFont::Bold : QFont::Normal);
    chars.setProperty(QTextFormat::FontSizeAdjustment, level == 2 ? 2 : level == 3 ? 1 : 0);
    // The text already there, the block's own format (what an empty block shows and passes on) and what
    // is typed next: all three, or a subheading looks like one only once the article is reopened.
    QTextCursor text = cursor;
    text.movePosition(QTextCursor::StartOfBlock);
    text.movePosition(QTextCursor::EndOfBlock, QTextCursor::KeepAnchor);
    text.mergeCharFormat(chars);
    cursor.mergeBlockCharFormat(chars);
    cursor.endEditBlock();
    m_ui->bodyEdit->mergeCurrentCharFormat(chars);
}

void EditorPanel::toggleList(bool ordered)
{
    QTextCursor cursor = m_ui->bodyEdit->textCursor();
    cursor.beginEditBlock();
    if (QTextList *list = cursor.currentList()) {
        list->remove(cursor.block());
        QTextBlockFormat block = cursor.blockFormat();
        block.setIndent(0);
        cursor.setBlockFormat(block);
    } else {
        cursor.createList(ordered ? QTextListFormat::ListDecimal : QTextListFormat::ListDisc);
    }
    cursor.endEditBlock();
}

void EditorPanel::toggleQuote(bool pullQuote)
{
    QTextCursor cursor = m_ui->bodyEdit->textCursor();
    QTextBlockFormat block = cursor.blockFormat();
    const bool isPull = block.boolProperty(BodyFormat::PullQuoteProperty);
    const bool isQuote = block.intProperty(QTextFormat::BlockQuoteLevel) > 0 || isPull;
    // The same button again takes the quote off; the other kind turns one into the other.
    const bool off = isQuote && isPull == pullQuote;
    block.setProperty(QTextFormat::BlockQuoteLevel, off ? 0 : 1);
    block.setProperty(BodyFormat::PullQuoteProperty, !off && pullQuote);
    // The margins only show the quote; the properties say what it is.
    block.setLeftMargin(off ? 0 : BodyFormat::QuoteMargin);
    block.setRightMargin(off ? 0 : BodyFormat::QuoteMargin);
    cursor.setBlockFormat(block);
}

void EditorPanel::insertHorizontalRule()
{
    QTextCursor cursor = m_ui->bodyEdit->textCursor();
    cursor.beginEditBlock();
    if (!cursor.block().text().isEmpty())
        cursor.insertBlock(QTextBlockFormat(), QTextCharFormat());
    QTextBlockFormat rule;
    rule.setProperty(QTextFormat::BlockTrailingHorizontalRulerWidth,
                     QTextLength(QTextLength::PercentageLength, 100));
    cursor.setBlockFormat(rule);
    cursor.insertBlock(QTextBlockFormat(), QTextCharFormat());
    cursor.endEditBlock();
    m_ui->bodyEdit->setTextCursor(cursor);
}

void EditorPanel::removeLink()
{
    QTextCursor cursor = m_ui->bodyEdit->textCursor();
    // Without a selection, the whole link the cursor stands in.
    if (!cursor.hasSelection()) {
        const QString href = cursor.charFormat().anchorHref();
        if (href.isEmpty())
            return;
        const QTextBlock block = cursor.block();
        for (auto fragment = block.begin(); !fragment.atEnd(); ++fragment) {
            const QTextFragment piece = fragment.fragment();
            if (piece.charFormat().anchorHref() == href && piece.position() <= cursor.position() &&
                cursor.position() <= piece.position() + piece.length()) {
                cursor.setPosition(piece.position());
                cursor.setPosition(piece.position() + piece.length(), QTextCursor::KeepAnchor);
                break;
            }
        }
    }
    QTextCharFormat plain;
    plain.setAnchor(false);
    plain.setAnchorHref(QString());
    plain.setFontUnderline(false);
    plain.setForeground(palette().text());
    cursor.mergeCharFormat(plain);
}

void EditorPanel::insertLink()
{
    QTextCursor cursor = m_ui->bodyEdit->textCursor();
    bool ok = false;
    const QString address = QInputDialog::getText(this, tr("Link"), tr("Address (https://…):"),
                                                  QLineEdit::Normal, cursor.charFormat().anchorHref(), &ok)
                                .trimmed();
    if (!ok)
        return;
    if (address.isEmpty()) { // an emptied address takes the link off
        removeLink();
        return;
    }
    QTextCharFormat format;
    format.setAnchor(!address.isEmpty());
    format.setAnchorHref(address);
    format.setFontUnderline(!address.isEmpty());
    format.setForeground(address.isEmpty() ? palette().text() : palette().link());
    if (!cursor.hasSelection())
        cursor.select(QTextCursor::WordUnderCursor);
    cursor.mergeCharFormat(format);
}

void EditorPanel::updateFormatActions()
{
    const QTextCharFormat format = m_ui->bodyEdit->currentCharFormat();
    m_bold->setChecked(format.fontWeight() >= QFont::DemiBold);
    m_italic->setChecked(format.fontItalic());
    m_strike->setChecked(format.fontStrikeOut());
}

QList<Quote> EditorPanel::quotesFoundInBody() const
{
    QStringList paragraphs;
    for (QTextBlock block = m_ui->bodyEdit->document()->begin(); block.isValid(); block = block.next())
        paragraphs.append(block.text());
    const QList<Quote> known = m_quotes->quotes();
    QList<Quote> found;
    for (const Quote &quote : PlainTextStructure::findQuotesInParagraphs(paragraphs)) {
        const bool already = std::any_of(known.cbegin(), known.cend(), [&quote](const Quote &other) {
            return other.text.trimmed().compare(quote.text.trimmed(), Qt::CaseInsensitive) == 0;
        });
        if (!already)
            found.append(quote);
    }
    return found;
}

void EditorPanel::findQuotes()
{
    FindQuotesDialog dialog(quotesFoundInBody(), this);
    if (dialog.exec() == QDialog::Accepted)
        m_quotes->appendQuotes(dialog.accepted());
}

void EditorPanel::insertQuoteInBody(const Quote &quote, bool pullQuote)
{
    if (m_ui->bodyEdit->isReadOnly() || quote.text.trimmed().isEmpty())
        return;
    QTextCursor cursor = m_ui->bodyEdit->textCursor();
    cursor.beginEditBlock();
    if (!cursor.block().text().isEmpty())
        cursor.insertBlock(QTextBlockFormat(), QTextCharFormat());
    QTextBlockFormat quoted;
    quoted.setProperty(QTextFormat::BlockQuoteLevel, 1);
    if (pullQuote)
        quoted.setProperty(BodyFormat::PullQuoteProperty, true);
    quoted.setLeftMargin(BodyFormat::QuoteMargin);
    quoted.setRightMargin(BodyFormat::QuoteMargin);
    cursor.setBlockFormat(quoted);
    const bool russian = quote.text.contains(QRegularExpression(u"\\p{Cyrillic}"_s));
    cursor.insertText((russian ? u"«%1»"_s : u"“%1”"_s).arg(quote.text.trimmed()));
    if (!quote.speaker.isEmpty()) {
        cursor.insertBlock(quoted, QTextCharFormat());
        QTextCharFormat cite;
        cite.setFontItalic(true);
        cursor.insertText(u"— "_s);
        cursor.insertText(quote.speaker, cite);
        if (!quote.speakerRole.isEmpty())
            cursor.insertText(u", "_s + quote.speakerRole, QTextCharFormat());
    }
    cursor.insertBlock(QTextBlockFormat(), QTextCharFormat());
    cursor.endEditBlock();
    m_ui->bodyEdit->setTextCursor(cursor);
}

void EditorPanel::registerBodyImages(const QList<ArticleImage> &images)
{
    QTextDocument *document = m_ui->bodyEdit->document();
    m_bodyImageKeys.resize(images.size());
    for (int position = 0; position < images.size(); ++position) {
        // Decoding is the costly part (a 1200x800 JPEG takes milliseconds): done again only for a
        // position whose picture changed, so typing a caption decodes nothing.
        const size_t key = qHash(images.at(position).data);
        if (m_bodyImageKeys.at(position) == key)
            continue;
        m_bodyImageKeys[position] = key;
        QBuffer buffer;
        buffer.setData(images.at(position).data);
        QImageReader reader(&buffer);
        // The body column is narrow: a picture is shown at most this wide, and never wider than it is;
        // asked for at that size, a JPEG decoder skips most of the work.
        constexpr int shownWidth = 480;
        const QSize size = reader.size();
        if (size.width() > shownWidth)
            reader.setScaledSize(size.scaled(shownWidth, size.height(), Qt::KeepAspectRatio));
        const QImage picture = reader.read();
        if (picture.isNull())
            continue;
        document->addResource(QTextDocument::ImageResource,
                              QUrl(u"%1:%2"_s.arg(QLatin1String(HtmlSanitizer::ImageScheme)).arg(position)),
                              picture);
    }
}

void EditorPanel::insertImageInBody(int position)
{
    const QList<ArticleImage> images = m_images->images();
    if (position < 0 || position >= images.size() || m_ui->bodyEdit->isReadOnly())
        return;
    registerBodyImages(images);
    QTextCursor cursor = m_ui->bodyEdit->textCursor();
    cursor.beginEditBlock();
    // A picture stands in a paragraph of its own.
    if (!cursor.block().text().isEmpty())
        cursor.insertBlock(QTextBlockFormat(), QTextCharFormat());
    QTextImageFormat image;
    image.setName(u"%1:%2"_s.arg(QLatin1String(HtmlSanitizer::ImageScheme)).arg(position));
    image.setProperty(QTextFormat::ImageAltText, images.at(position).altText);
    cursor.insertImage(image);
    cursor.insertBlock(QTextBlockFormat(), QTextCharFormat());
    cursor.endEditBlock();
    m_ui->bodyEdit->setTextCursor(cursor);
}

void EditorPanel::renumberBodyImages(const QList<int> &newPositions)
{
    const QString prefix = QLatin1String(HtmlSanitizer::ImageScheme) + u':';
    QTextDocument *document = m_ui->bodyEdit->document();
    // Collected first, changed after: changing a fragment's format may merge it with its neighbours.
    struct Reference
    {
        int position;
        int length;
        QTextImageFormat format;
        int target;
    };
    QList<Reference> references;
    for (QTextBlock block = document->begin(); block.isValid(); block = block.next()) {
        for (auto fragment = block.begin(); !fragment.atEnd(); ++fragment) {
            const QTextCharFormat format = fragment.fragment().charFormat();
            if (!format.isImageFormat())
                continue;
            const QTextImageFormat image = format.toImageFormat();
            if (!image.name().startsWith(prefix))
                continue;
            bool ok = false;
            const int old = image.name().mid(prefix.size()).toInt(&ok);
            const int target = ok && old >= 0 && old < newPositions.size() ? newPositions.at(old) : -1;
            if (target != old)
                references.append(
                    {fragment.fragment().position(), fragment.fragment().length(), image, target});
        }
    }
    if (references.isEmpty()) {
        registerBodyImages(m_images->images());
        return;
    }
    registerBodyImages(m_images->images());
    QTextCursor cursor(document);
    cursor.beginEditBlock();
    for (auto reference = references.crbegin(); reference != references.crend(); ++reference) {
        cursor.setPosition(reference->position);
        cursor.setPosition(reference->position + reference->length, QTextCursor::KeepAnchor);
        if (reference->target < 0) {
            cursor.removeSelectedText();
            continue;
        }
        QTextImageFormat renamed = reference->format;
        renamed.setName(prefix + QString::number(reference->target));
        cursor.setCharFormat(renamed);
    }
    cursor.endEditBlock();
}

bool EditorPanel::selectInBody(const QString &text)
{
    // The body's text may wrap the quote in quotation marks or add a word: its first sentence-sized piece
    // is what is looked for.
    const QString wanted = text.left(80).trimmed();
    if (wanted.isEmpty())
        return false;
    const QTextCursor found = m_ui->bodyEdit->document()->find(wanted);
    if (found.isNull())
        return false;
    m_ui->bodyEdit->setTextCursor(found);
    m_ui->bodyEdit->ensureCursorVisible();
    m_ui->bodyEdit->setFocus();
    return true;
}

} // namespace Copydesk
