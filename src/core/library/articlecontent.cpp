#include <library/articlecontent.h>

#include <html/htmlsanitizer.h>
#include <html/htmltext.h>

#include <QMutex>

#include <openssl/sha.h>

#include <array>
#include <optional>

using namespace Qt::StringLiterals;

namespace Copydesk::ArticleContent {

namespace {

// The last few results of a pure function, shared by all threads. An import prepares and hashes each
// article on the thread that recognised it; the thread that then checks for a duplicate and stores it finds
// the results here instead of parsing and hashing again. A few entries cover the files a batch import has
// in flight (ImportService::importFiles()).
template<typename Entry> class RecentResults
{
public:
    template<typename Matches> std::optional<Entry> find(Matches matches) const
    {
        std::array<Entry, Size> entries;
        {
            const QMutexLocker locker(&m_mutex);
            entries = m_entries; // shallow copies; compared outside the lock
        }
        for (const Entry &entry : entries) {
            if (entry.valid && matches(entry))
                return entry;
        }
        return std::nullopt;
    }

    void add(Entry entry)
    {
        entry.valid = true;
        const QMutexLocker locker(&m_mutex);
        m_entries[m_next] = std::move(entry);
        m_next = (m_next + 1) % Size;
    }

private:
    static constexpr size_t Size = 4;
    mutable QMutex m_mutex;
    std::array<Entry, Size> m_entries;
    size_t m_next = 0;
};

struct PreparedBody
{
    bool valid = false;
    QString clean; // the sanitizer's output
    QString text;
    int wordCount = 0;
};

struct HashedText
{
    bool valid = false;
    QString headline;
    QString bodyText;
    QString hash;
};

RecentResults<PreparedBody> &recentBodies()
{
    static RecentResults<PreparedBody> recent;
    return recent;
}

RecentResults<HashedText> &recentHashes()
{
    static RecentResults<HashedText> recent;
    return recent;
}

} // namespace

void prepareForStorage(Article &article)
{
    // The sanitizer is idempotent, so a body equal to one it produced lately is clean already: an import
    // that checks for duplicates and then stores parses each body once, not twice.
    std::optional<PreparedBody> prepared;
    if (!article.bodyHtml.isNull()) {
        prepared = recentBodies().find(
            [&article](const PreparedBody &body) { return body.clean == article.bodyHtml; });
    }
    if (!prepared) {
        HtmlSanitizer::Sanitized clean = HtmlSanitizer::sanitizeWithText(article.bodyHtml);
        prepared = PreparedBody{true, std::move(clean.html), std::move(clean.text), 0};
        prepared->wordCount = HtmlText::wordCount(prepared->text);
        recentBodies().add(*prepared);
    }
    article.bodyHtml = prepared->clean;
    article.bodyText = prepared->text;
    article.wordCount = prepared->wordCount;
    article.tags.removeDuplicates();
}

QString hash(const Article &article)
{
    // Headline and body text folded for white space and case, so a re-import with other line breaks or
    // markup still matches.
    // An import looks the hash up and then stores the article, which hashes it again: remembered lately.
    if (const std::optional<HashedText> known = recentHashes().find([&article](const HashedText &hashed) {
            return hashed.headline == article.headline && hashed.bodyText == article.bodyText;
        }))
        return known->hash;
    // Folded code point by code point (QChar::toCaseFolded() is the same simple folding as
    // QString::toCaseFolded()) and written straight as the UTF-8 that is hashed, through a pointer, ASCII
    // first: this runs over every imported article. The digest is that of the folded text's toUtf8().
    QByteArray utf8(4 * (article.headline.size() + 1 + article.bodyText.size()), Qt::Uninitialized);
    char *const start = utf8.data();
    char *out = start;
    bool pendingSpace = false;
    const auto add = [&](QStringView piece) {
        const char16_t *data = piece.utf16();
        const qsizetype size = piece.size();
        for (qsizetype i = 0; i < size; ++i) {
            char32_t c = data[i];
            if (c < 0x80) {
                if (c == U' ' || (c >= U'\t' && c <= U'\r')) { // QChar::isSpace() of ASCII
                    pendingSpace = out != start;
                    continue;
                }
                if (pendingSpace)
                    *out++ = ' ';
                pendingSpace = false;
                *out++ = char(c >= U'A' && c <= U'Z' ? c | 0x20 : c);
                continue;
            }
            const bool pair = QChar::isHighSurrogate(c) && i + 1 < size && QChar::isLowSurrogate(data[i + 1]);
            if (pair) {
                c = QChar::surrogateToUcs4(char16_t(c), data[++i]);
            } else if (QChar::isSpace(c)) {
                pendingSpace = out != start;
                continue;
            }
            if (pendingSpace)
                *out++ = ' ';
            pendingSpace = false;
            c = QChar::toCaseFolded(c);
            if (QChar::isSurrogate(c)) {
                *out++ = '?'; // a lone surrogate, written as QString::toUtf8() writes it
            } else if (c < 0x80) {
                *out++ = char(c); // folded into ASCII: "ſ" into "s", the Kelvin sign into "k"
            } else if (c < 0x800) {
                *out++ = char(0xC0 | (c >> 6));
                *out++ = char(0x80 | (c & 0x3F));
            } else if (c < 0x10000) {
                *out++ = char(0xE0 | (c >> 12));
                *out++ = char(0x80 | ((c >> 6) & 0x3F));
                *out++ = char(0x80 | (c & 0x3F));
            } else {
                *out++ = char(0xF0 | (c >> 18));
                *out++ = char(0x80 | ((c >> 12) & 0x3F));
                *out++ = char(0x80 | ((c >> 6) & 0x3F));
                *out++ = char(0x80 | (c & 0x3F));
            }
        }
    };
    add(article.headline);
    add(u"\n");
    add(article.bodyText);
    // OpenSSL's SHA-256 uses the CPU's SHA instructions where there are some: the same digest as
    // QCryptographicHash, at a small part of the cost on every imported article.
    unsigned char digest[SHA256_DIGEST_LENGTH];
    SHA256(reinterpret_cast<const unsigned char *>(start), size_t(out - start), digest);
    QString hash = QString::fromLatin1(
        QByteArray::fromRawData(reinterpret_cast<const char *>(digest), SHA256_DIGEST_LENGTH).toHex());
    recentHashes().add(HashedText{true, article.headline, article.bodyText, hash});
    return hash;
}

} // namespace Copydesk::ArticleContent
