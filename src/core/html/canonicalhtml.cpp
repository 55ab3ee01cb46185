#include <html/canonicalhtml.h>

#include <QStringView>

using namespace Qt::StringLiterals;

namespace Copydesk::CanonicalHtml {

namespace {

bool isHtmlSpace(char16_t c)
{
    return c == u' ' || c == u'\t' || c == u'\n';
}

// Characters the scan leaves to the full path: controls (the sanitizer drops most, the parser turns CR
// into LF and NUL into U+FFFD), form feeds, byte order marks (which the parser may drop), noncharacters and
// lone surrogates (which do not survive UTF-8). They are rare in articles, and taking the long way for them
// costs nothing but time.
bool needsFullPath(char16_t c)
{
    return (c < 0x20 && c != u'\t' && c != u'\n') || (c >= 0x7f && c <= 0x9f) ||
           (c >= 0xfdd0 && c <= 0xfdef) || c == 0xfeff || c == 0xfffe || c == 0xffff;
}

// One pass over the body. With text set, the plain text is collected as HtmlText::plainText() writes it:
// blocks apart by a blank line, white space folded to one space and trimmed at each block's ends. The text
// is never longer than the body, so it is written straight into a buffer of the body's size.
class Scanner
{
public:
    Scanner(QStringView html, char16_t *text)
        : m_at(html.utf16())
        , m_end(html.utf16() + html.size())
        , m_textStart(text)
        , m_out(text)
    {}

    bool scan()
    {
        while (m_at < m_end) {
            if (skip(u"<p>")) {
                if (!blockText(u"</p>\n"))
                    return false;
            } else if (skip(u"<h2>")) {
                if (!blockText(u"</h2>\n"))
                    return false;
            } else if (skip(u"<blockquote>\n")) {
                int paragraphs = 0;
                while (!skip(u"</blockquote>\n")) {
                    if (!skip(u"<p>") || !blockText(u"</p>\n"))
                        return false;
                    ++paragraphs;
                }
                if (paragraphs == 0)
                    return false;
            } else if (skip(u"<h3>")) {
                if (!blockText(u"</h3>\n"))
                    return false;
            } else if (skip(u"<h4>")) {
                if (!blockText(u"</h4>\n"))
                    return false;
            } else {
                return false;
            }
        }
        return true;
    }

    qsizetype textSize() const { return m_out - m_textStart; }

private:
    bool skip(QStringView token)
    {
        if (m_end - m_at < token.size() || QStringView(m_at, token.size()) != token)
            return false;
        m_at += token.size();
        return true;
    }

    void put(char16_t c)
    {
        if (m_out)
            *m_out++ = c;
    }

    // The text of one block up to its end tag. A block that holds only white space is not in the simple
    // form: the sanitizer drops it.
    bool blockText(QStringView endTag)
    {
        if (m_out && m_out != m_textStart) {
            put(u'\n');
            put(u'\n');
        }
        bool blank = true;
        bool pendingSpace = false;
        const auto add = [&](char16_t c) {
            if (pendingSpace && !blank)
                put(u' ');
            pendingSpace = false;
            blank = false;
            put(c);
        };
        while (m_at < m_end) {
            const char16_t c = *m_at;
            // Most of an article: printable ASCII other than the three escaped characters.
            if (c > u'>' && c < 0x7f) {
                ++m_at;
                add(c);
                continue;
            }
            if (c == u'<')
                return skip(endTag) && !blank;
            if (c == u'&') {
                if (skip(u"&amp;"))
                    add(u'&');
                else if (skip(u"&lt;"))
                    add(u'<');
                else if (skip(u"&gt;"))
                    add(u'>');
                else
                    return false;
                continue;
            }
            ++m_at;
            if (isHtmlSpace(c)) {
                pendingSpace = true;
            } else if (QChar::isHighSurrogate(c)) {
                if (m_at == m_end || !QChar::isLowSurrogate(*m_at))
                    return false;
                const char16_t low = *m_at++;
                // The last two code points of every plane are noncharacters.
                if ((QChar::surrogateToUcs4(c, low) & 0xfffe) == 0xfffe)
                    return false;
                add(c);
                put(low);
            } else if (c == u'>' || QChar::isLowSurrogate(c) || needsFullPath(c)) {
                return false;
            } else {
                add(c);
            }
        }
        return false;
    }

    const char16_t *m_at;
    const char16_t *m_end;
    char16_t *m_textStart;
    char16_t *m_out;
};

void appendBlock(QString &html, QLatin1StringView open, const QString &text, QLatin1StringView close)
{
    html += open;
    html += escaped(text);
    html += close;
}

} // namespace

std::optional<QString> plainText(const QString &html)
{
    QString text(html.size(), Qt::Uninitialized);
    Scanner scanner(html, reinterpret_cast<char16_t *>(text.data()));
    if (!scanner.scan())
        return std::nullopt;
    text.truncate(scanner.textSize());
    return text;
}

bool isCanonical(const QString &html)
{
    return Scanner(html, nullptr).scan();
}

QString escaped(const QString &text)
{
    if (!text.contains(u'&') && !text.contains(u'<') && !text.contains(u'>'))
        return text;
    QString out;
    out.reserve(text.size() + text.size() / 16);
    for (const QChar c : text) {
        switch (c.unicode()) {
        case u'&':
            out += "&amp;"_L1;
            break;
        case u'<':
            out += "&lt;"_L1;
            break;
        case u'>':
            out += "&gt;"_L1;
            break;
        default:
            out += c;
        }
    }
    return out;
}

void appendParagraph(QString &html, const QString &text)
{
    appendBlock(html, "<p>"_L1, text, "</p>\n"_L1);
}

void appendHeading(QString &html, const QString &text)
{
    appendBlock(html, "<h2>"_L1, text, "</h2>\n"_L1);
}

void appendBlockQuote(QString &html, const QString &text)
{
    appendBlock(html, "<blockquote>\n<p>"_L1, text, "</p>\n</blockquote>\n"_L1);
}

} // namespace Copydesk::CanonicalHtml
