// BodyFormat (declared in documenthtmlwriter.h): how the editor's document marks a body's quotes.

#include <html/documenthtmlwriter.h>

#include "inlineruns.h"

#include <QRegularExpression>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace Copydesk {

namespace {
// A block's -qt-user-state that marks a pull quote's paragraphs through QTextHtmlImporter.
constexpr int PullQuoteUserState = 0x50514;
} // namespace

void BodyFormat::setBody(QTextDocument &document, const QString &storedHtml)
{
    // QTextHtmlImporter keeps no classes, but it does read a block's -qt-user-state: the paragraphs of a
    // pull quote carry one through the import and are marked with the property after it. The stored
    // HTML is the sanitizer's own canonical output, so its pull quotes are written exactly this way.
    static const QRegularExpression pullQuote(uR"(<blockquote class="pull-quote">(.*?)</blockquote>)"_s,
                                              QRegularExpression::DotMatchesEverythingOption);
    QString html = storedHtml;
    if (html.contains("pull-quote"_L1)) {
        QString marked;
        qsizetype last = 0;
        for (const QRegularExpressionMatch &match : pullQuote.globalMatch(storedHtml)) {
            marked += QStringView(storedHtml).sliced(last, match.capturedStart() - last);
            QString inner = match.captured(1);
            inner.replace("<p>"_L1, u"<p style=\"-qt-user-state:%1\">"_s.arg(PullQuoteUserState));
            marked += "<blockquote>"_L1 + inner + "</blockquote>"_L1;
            last = match.capturedEnd();
        }
        marked += QStringView(storedHtml).sliced(last);
        html = marked;
    }
    document.setHtml(html);
    QTextCursor cursor(&document);
    for (QTextBlock block = document.begin(); block.isValid(); block = block.next()) {
        QTextBlockFormat format = block.blockFormat();
        bool changed = false;
        if (block.userState() == PullQuoteUserState) {
            block.setUserState(-1);
            format.setProperty(PullQuoteProperty, true);
            changed = true;
        }
        if (!block.textList() && format.leftMargin() > 0 &&
            !format.hasProperty(QTextFormat::BlockQuoteLevel)) {
            format.setProperty(QTextFormat::BlockQuoteLevel,
                               std::max(1, int(std::lround(format.leftMargin() / QuoteMargin))));
            changed = true;
        }
        if (changed) {
            cursor.setPosition(block.position());
            cursor.setBlockFormat(format);
        }
    }
}

bool BodyFormat::isCode(const QTextCharFormat &format)
{
    return InlineRuns::isMonospace(format);
}

} // namespace Copydesk
