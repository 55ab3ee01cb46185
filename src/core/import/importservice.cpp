#include <import/importservice.h>

#include <import/logging.h>
#include <import/picturecredit.h>

#include <library/articlerepository.h>
#include <library/libraryfiles.h>

#include <QCoreApplication>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QPromise>
#include <QThread>
#include <QThreadPool>

#include <algorithm>
#include <deque>
#include <memory>

using namespace Qt::StringLiterals;

namespace Copydesk {

namespace {

// Waits for a future. A thread with an event loop keeps serving events meanwhile: the page extractor may be
// waiting on this very thread to do the work the future stands for.
template<typename T> void waitServingEvents(QFuture<T> future)
{
    if (future.isFinished())
        return;
    if (!QThread::currentThread()->eventDispatcher()) {
        future.waitForFinished();
        return;
    }
    // The watcher posts an event here when the future finishes, which wakes the wait below. Events are
    // processed one wait at a time rather than in a nested QEventLoop::exec(), which an application
    // quitting meanwhile would end at once, leaving this thread blocked.
    QFutureWatcher<T> watcher;
    watcher.setFuture(future);
    while (!future.isFinished()) {
        QCoreApplication::sendPostedEvents(); // events posted before this wait began
        if (!future.isFinished())
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
    }
}

} // namespace

ImportService::ImportService(ArticleRepository &repository)
    : m_repository(repository)
{}

ImportService::~ImportService() = default;

void ImportService::addImporter(std::unique_ptr<ArticleImporter> importer)
{
    m_importers.push_back(std::move(importer));
}

std::optional<DuplicatePolicy> ImportService::duplicatePolicyFromString(const QString &text)
{
    if (text == "skip"_L1)
        return DuplicatePolicy::Skip;
    if (text == "replace"_L1)
        return DuplicatePolicy::Replace;
    if (text == "keep"_L1)
        return DuplicatePolicy::KeepBoth;
    return std::nullopt;
}

const ArticleImporter *ImportService::importerFor(const ImportSource &source) const
{
    const ArticleImporter *best = nullptr;
    int bestConfidence = 0;
    for (const auto &importer : m_importers) {
        const int confidence = importer->confidence(source);
        if (confidence > bestConfidence) {
            best = importer.get();
            bestConfidence = confidence;
        }
    }
    return best;
}

bool ImportService::isWebAddress(const QString &text)
{
    return text.startsWith("http://"_L1, Qt::CaseInsensitive) ||
           text.startsWith("https://"_L1, Qt::CaseInsensitive);
}

ImportOutcome ImportService::importUrl(const QUrl &url)
{
    return store(recogniseUrl(url));
}

ImportOutcome ImportService::importFile(const QString &pathOrUrl)
{
    return store(recogniseFile(pathOrUrl));
}

ImportOutcome ImportService::importSource(const ImportSource &source, const QString &displayName)
{
    return store(recogniseSource(source, displayName));
}

void ImportService::importFiles(const QStringList &pathsOrUrls, const OutcomeHandler &onOutcome)
{
    // Up to two files are read and recognised ahead, each on a thread of its own, while this thread stores
    // the one before them in order: saved pages are then extracted two at a time (the page extractor has a
    // renderer for each) and storing costs no time of its own. More would only share the same two cores.
    const int ahead = std::clamp(QThread::idealThreadCount(), 1, 2);
    // Declared before the futures so that it is destroyed after them, waiting for recognitions still
    // running when the batch stops.
    QThreadPool recognisers;
    recognisers.setMaxThreadCount(ahead);
    std::deque<QFuture<Recognised>> pending;
    qsizetype started = 0;
    auto startNext = [&] {
        auto promise = std::make_shared<QPromise<Recognised>>();
        pending.push_back(promise->future());
        recognisers.start([this, promise, pathOrUrl = pathsOrUrls.at(started++)] {
            promise->start();
            promise->addResult(recogniseFile(pathOrUrl));
            promise->finish();
        });
    };

    for (qsizetype i = 0; i < pathsOrUrls.size(); ++i) {
        while (started < pathsOrUrls.size() && qsizetype(pending.size()) < ahead)
            startNext();
        waitServingEvents(pending.front());
        Recognised current = pending.front().takeResult();
        pending.pop_front();
        if (started < pathsOrUrls.size())
            startNext();
        if (!onOutcome(i, store(std::move(current))))
            break;
    }
    // A stopped batch stores nothing more; the recognitions still running are waited for serving events,
    // as they may need this thread (the page extractor's).
    for (const QFuture<Recognised> &future : pending)
        waitServingEvents(future);
    pending.clear();
    recognisers.waitForDone();
}

ImportService::Recognised ImportService::recogniseUrl(const QUrl &url) const
{
    Recognised recognised;
    ImportOutcome &outcome = recognised.outcome;
    outcome.source = url.toString();
    if (!url.isValid() || (url.scheme() != "http"_L1 && url.scheme() != "https"_L1)) {
        outcome.error = u"%1: not a web address (http or https)"_s.arg(outcome.source);
        return recognised;
    }
    if (!m_download) {
        outcome.error = u"%1: downloading is not available here"_s.arg(outcome.source);
        return recognised;
    }
    QString error;
    const std::optional<ImportSource> source = m_download(url, &error);
    if (!source) {
        outcome.error = error.isEmpty() ? u"%1: the download failed"_s.arg(outcome.source) : error;
        return recognised;
    }
    return recogniseSource(*source, outcome.source);
}

ImportService::Recognised ImportService::recogniseFile(const QString &path) const
{
    if (isWebAddress(path))
        return recogniseUrl(QUrl(path, QUrl::StrictMode));
    Recognised recognised;
    ImportOutcome &outcome = recognised.outcome;
    outcome.source = path;
    const QFileInfo info(path);
    if (!info.exists()) {
        outcome.error = u"%1: no such file"_s.arg(path);
        return recognised;
    }
    if (info.isDir()) {
        outcome.error = u"%1: is a folder, not an article file"_s.arg(path);
        return recognised;
    }
    // Before anything opens it: reading a library file would drop SQLite's locks on it.
    if (const QString refused = LibraryFiles::refusal(path); !refused.isEmpty()) {
        outcome.error = refused;
        return recognised;
    }
    if (info.size() > MaximumFileSize) {
        outcome.error = u"%1: too large to be an article (%2 MiB; the limit is %3 MiB)"_s.arg(path)
                            .arg(info.size() / (1024 * 1024))
                            .arg(MaximumFileSize / (1024 * 1024));
        return recognised;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        outcome.error = u"%1: cannot read: %2"_s.arg(path, file.errorString());
        return recognised;
    }
    ImportSource source;
    source.fileName = path;
    source.bytes = file.readAll();
    if (file.error() != QFileDevice::NoError) {
        outcome.error = u"%1: cannot read: %2"_s.arg(path, file.errorString());
        return recognised;
    }
    return recogniseSource(source, path);
}

ImportService::Recognised ImportService::recogniseSource(const ImportSource &source,
                                                         const QString &displayName) const
{
    Recognised recognised;
    ImportOutcome &outcome = recognised.outcome;
    outcome.source = displayName;
    if (source.bytes.isEmpty()) {
        outcome.error = u"%1: the file is empty"_s.arg(displayName);
        return recognised;
    }
    const ArticleImporter *importer = importerFor(source);
    if (!importer) {
        outcome.error = u"%1: not a kind of file Copydesk can import"_s.arg(displayName);
        return recognised;
    }
    ImportResult result = importer->import(source);
    for (const QString &warning : std::as_const(result.warnings))
        outcome.warnings.append(u"%1: %2"_s.arg(displayName, warning));
    if (!result.ok()) {
        outcome.error =
            u"%1: %2"_s.arg(displayName, result.error.isEmpty() ? u"no article found"_s : result.error);
        return recognised;
    }
    // The stored form and the content hash, here on the recognising thread: store() finds both among the
    // repository's recent results instead of sanitizing and hashing on the storing thread.
    for (Article &article : result.articles) {
        splitImageCredits(article);
        ArticleRepository::prepareForStorage(article);
        ArticleRepository::contentHash(article);
    }
    recognised.articles = std::move(result.articles);
    recognised.sourceUrl = source.url;
    return recognised;
}

void ImportService::splitImageCredits(Article &article)
{
    for (ArticleImage &image : article.images) {
        if (!image.agency.isEmpty() || image.credit.isEmpty())
            continue;
        const CreditParts parts = PictureCredits::splitAgency(image.credit);
        if (parts.agency.isEmpty())
            continue;
        if (image.creditLine.isEmpty())
            image.creditLine = image.credit;
        image.credit = parts.person;
        image.agency = parts.agency;
    }
}

ImportOutcome ImportService::store(Recognised recognised)
{
    ImportOutcome outcome = std::move(recognised.outcome);
    if (!outcome.error.isEmpty()) {
        qCInfo(lcImport) << "refused:" << outcome.error;
        return outcome;
    }
    const QString &displayName = outcome.source;

    bool skippedAll = true;
    for (Article &article : recognised.articles) {
        if (article.sourceUrl.isEmpty() && recognised.sourceUrl.isValid())
            article.sourceUrl = recognised.sourceUrl.toString();

        // Recognise a second import of the same thing: same source URL, or the same text once stored.
        ArticleRepository::prepareForStorage(article);
        std::optional<qint64> existing = m_repository.findBySourceUrl(article.sourceUrl);
        if (!existing)
            existing = m_repository.findByContentHash(ArticleRepository::contentHash(article));

        bool stored = false;
        const DuplicatePolicy policy =
            existing && m_decideDuplicate ? m_decideDuplicate(article, *existing) : m_duplicatePolicy;
        if (existing && policy == DuplicatePolicy::Skip) {
            outcome.warnings.append(
                u"%1: already in the library as article %2; skipped"_s.arg(displayName).arg(*existing));
            qCInfo(lcImport) << "skipped:" << outcome.warnings.last();
            continue;
        }
        if (existing && policy == DuplicatePolicy::Replace) {
            // What is replaced is kept as a revision first (edits made since the last import included), and
            // the new import becomes one too. update() keeps the stored uuid and creation time.
            if (const std::optional<Article> old = m_repository.load(*existing))
                m_repository.addRevision(*old, u"Before an import replaced it"_s);
            article.id = *existing;
            stored = m_repository.update(article) && m_repository.addRevision(article, u"Imported again"_s);
        } else {
            stored = m_repository.insertWithFirstRevision(article, u"Imported"_s);
        }
        if (!stored) {
            outcome.error = u"%1: %2"_s.arg(displayName, m_repository.lastError());
            outcome.status = outcome.articleIds.isEmpty() ? ImportOutcome::Status::Failed
                                                          : ImportOutcome::Status::Imported;
            return outcome;
        }
        skippedAll = false;
        outcome.articleIds.append(article.id);
        outcome.headlines.append(article.headline);
    }
    outcome.status = skippedAll ? ImportOutcome::Status::Skipped : ImportOutcome::Status::Imported;
    return outcome;
}

} // namespace Copydesk
