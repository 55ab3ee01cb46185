#pragma once

#include <model/article.h>

#include <QList>
#include <QString>

#include <optional>

namespace Copydesk::PlainTextStructure {

// Recognisers for single trimmed lines of text copied from a news page. They only classify and split:
// every string they return is a piece of the line as printed.

int wordCount(const QString &text);
QStringList splitWords(const QString &text); // at white space
bool hasLetter(const QString &text);
// The line ends in . ! ? : ; , or … (closing quote marks and brackets looked through).
bool hasFinalPunctuation(const QString &line);
// The line ends a sentence: . ! ? or … (closing quote marks and brackets looked through).
bool endsSentence(const QString &line);
bool startsWithQuoteMark(const QString &line);

bool isKickerLike(const QString &line);     // "Eastern Europe": 1-4 words, no punctuation
bool isTitleLike(const QString &line);      // could be a headline
bool isSubheadingLike(const QString &line); // short, no final punctuation, not a quote
bool isNameLike(const QString &line);       // "L Todd Wood", "Tsarizm Staff"
bool isDateLine(const QString &line);       // "Published 3 March 2024", "March 3, 2024 10:32 GMT"
bool isBoilerplate(const QString &line);    // newsletter, share buttons, cookie notices, footers
bool isRelatedHeader(const QString &line);  // "Related articles", "Read more", "More from Europe"

bool isReporterRole(const QString &line); // "Moscow correspondent", "Senior political editor"

// "By A, B and C" or "A and B, Staff Writers" -> "A, B and C" / "A and B".
std::optional<QString> bylineNames(const QString &line);

// One line of Markdown with its markers read and removed: "# " headings, "> " quotes, "- " bullets,
// **bold**, _emphasis_, `code`, [links](url) and a line that is only an ![image](url).
struct MarkdownLine
{
    QString text;       // the alt text for an image line
    QString inlineHtml; // the line's links and emphasis as HTML; empty when it has none
    int headingLevel = 0;
    bool blockQuote = false;
    bool emphasised = false; // the whole line was in * or _
    bool image = false;
    QString imageUrl;
};
MarkdownLine readMarkdownLine(QString line);

struct Dateline
{
    QString dateline; // "MINSK, Dec 9 (Reuters)"
    QString text;     // the paragraph without it
};
std::optional<Dateline> splitDateline(const QString &paragraph);

// The quotes of one paragraph with their speakers. lastSpeaker carries the last named speaker from
// paragraph to paragraph, for "he said". A quote's text ends where the speaker's words do: the comma before
// "said X" is left out.
QList<Quote> findQuotes(const QString &paragraph, QString &lastSpeaker);
// The quotes of a whole text, paragraph by paragraph, exactly as the plain-text importer finds them: the
// editor's Find Quotes runs this on the body, so the two never disagree.
QList<Quote> findQuotesInParagraphs(const QStringList &paragraphs);

} // namespace Copydesk::PlainTextStructure
