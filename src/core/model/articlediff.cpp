#include <model/articlediff.h>

#include <QJsonArray>
#include <QRegularExpression>

#include <dtl/dtl.hpp>

#include <vector>

using namespace Qt::StringLiterals;

namespace Copydesk {

namespace {

// Words with the white space after each, so that joining the pieces gives the text back.
std::vector<QString> tokens(const QString &text)
{
    static const QRegularExpression word(u"\\S+\\s*"_s);
    std::vector<QString> result;
    for (const QRegularExpressionMatch &match : word.globalMatch(text))
        result.push_back(match.captured());
    return result;
}

QString quoteLine(const Quote &quote)
{
    QString line =
        u"“%1” — %2"_s.arg(quote.text, quote.speaker.isEmpty() ? u"(no speaker)"_s : quote.speaker);
    if (!quote.speakerRole.isEmpty())
        line += u", "_s + quote.speakerRole;
    return line;
}

} // namespace

ArticleDiff ArticleDiff::between(const Article &before, const Article &after)
{
    ArticleDiff diff;
    const std::vector<QString> a = tokens(before.bodyText);
    const std::vector<QString> b = tokens(after.bodyText);
    dtl::Diff<QString, std::vector<QString>> words(a, b);
    words.compose();
    for (const auto &[token, info] : words.getSes().getSequence()) {
        const Piece::Kind kind = info.type == dtl::SES_ADD      ? Piece::Kind::Added
                                 : info.type == dtl::SES_DELETE ? Piece::Kind::Removed
                                                                : Piece::Kind::Same;
        if (kind == Piece::Kind::Added)
            ++diff.wordsAdded;
        else if (kind == Piece::Kind::Removed)
            ++diff.wordsRemoved;
        if (!diff.body.isEmpty() && diff.body.last().kind == kind)
            diff.body.last().text += token;
        else
            diff.body.append({kind, token});
    }

    const std::pair<const char *, QString Article::*> texts[] = {
        {"headline", &Article::headline},   {"standfirst", &Article::standfirst},
        {"byline", &Article::byline},       {"section", &Article::section},
        {"dateline", &Article::dateline},   {"language", &Article::language},
        {"source_url", &Article::sourceUrl}};
    for (const auto &[name, member] : texts) {
        if (before.*member != after.*member)
            diff.fields.append({QString::fromLatin1(name), before.*member, after.*member});
    }
    if (before.status != after.status)
        diff.fields.append({u"status"_s, statusToString(before.status), statusToString(after.status)});
    if (before.tags != after.tags)
        diff.fields.append({u"tags"_s, before.tags.join(u", "_s), after.tags.join(u", "_s)});
    // Quotes, one change per quote that differs (by position).
    for (qsizetype i = 0; i < std::max(before.quotes.size(), after.quotes.size()); ++i) {
        const QString was = i < before.quotes.size() ? quoteLine(before.quotes.at(i)) : QString();
        const QString now = i < after.quotes.size() ? quoteLine(after.quotes.at(i)) : QString();
        if (was != now)
            diff.fields.append({u"quote %1"_s.arg(i + 1), was, now});
    }
    // Pictures: what a desk checks, their credits and words.
    for (qsizetype i = 0; i < std::max(before.images.size(), after.images.size()); ++i) {
        const ArticleImage none;
        const ArticleImage &was = i < before.images.size() ? before.images.at(i) : none;
        const ArticleImage &now = i < after.images.size() ? after.images.at(i) : none;
        const std::pair<const char *, QString ArticleImage::*> parts[] = {
            {"credit", &ArticleImage::credit},
            {"agency", &ArticleImage::agency},
            {"credit line", &ArticleImage::creditLine},
            {"caption", &ArticleImage::caption},
            {"alt text", &ArticleImage::altText}};
        for (const auto &[name, member] : parts) {
            if (was.*member != now.*member)
                diff.fields.append(
                    {u"image %1 %2"_s.arg(i + 1).arg(QLatin1String(name)), was.*member, now.*member});
        }
    }
    return diff;
}

QJsonObject ArticleDiff::toJson() const
{
    QJsonArray fieldChanges;
    for (const FieldChange &change : fields)
        fieldChanges.append(QJsonObject{
            {u"field"_s, change.field}, {u"before"_s, change.before}, {u"after"_s, change.after}});
    QJsonArray pieces;
    for (const Piece &piece : body) {
        const QString op = piece.kind == Piece::Kind::Added     ? u"+"_s
                           : piece.kind == Piece::Kind::Removed ? u"-"_s
                                                                : u"="_s;
        pieces.append(QJsonObject{{u"op"_s, op}, {u"text"_s, piece.text}});
    }
    return {{u"words_added"_s, wordsAdded},
            {u"words_removed"_s, wordsRemoved},
            {u"fields"_s, fieldChanges},
            {u"body"_s, pieces}};
}

QString ArticleDiff::bodyHtml() const
{
    QString html;
    for (const Piece &piece : body) {
        QString text = piece.text.toHtmlEscaped();
        text.replace(u'\n', u"<br>"_s);
        if (piece.kind == Piece::Kind::Added)
            html += u"<ins>"_s + text + u"</ins>"_s;
        else if (piece.kind == Piece::Kind::Removed)
            html += u"<del>"_s + text + u"</del>"_s;
        else
            html += text;
    }
    return html;
}

} // namespace Copydesk
