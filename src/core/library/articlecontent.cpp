#include <library/articlecontent.h>

#include <html/htmlsanitizer.h>
#include <html/htmltext.h>

#include <QCryptographicHash>
#include <QMutex>

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
    // markup still matches. An import looks the hash up and then stores the article, which hashes it
    // again: remembered lately. Qt's own folding and SHA-256: a hand-tuned fold with OpenSSL's SHA-256
    // made the batch import 1.22-1.25x the raw-SQLite floor against 1.27-1.31x with this (20,000-article
    // bench), within the 1.5x target either way, so the simple code stays (same digests).
    if (const std::optional<HashedText> known = recentHashes().find([&article](const HashedText &hashed) {
            return hashed.headline == article.headline && hashed.bodyText == article.bodyText;
        }))
        return known->hash;
    const QString folded = (article.headline + u'\n' + article.bodyText).toCaseFolded().simplified();
    QString hash =
        QString::fromLatin1(QCryptographicHash::hash(folded.toUtf8(), QCryptographicHash::Sha256).toHex());
    recentHashes().add(HashedText{true, article.headline, article.bodyText, hash});
    return hash;
}

} // namespace Copydesk::ArticleContent
