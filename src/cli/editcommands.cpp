// The commands that change an article: `set`, `quote` and `image`. Each writes through the repository, so the
// library's rules hold (read-only and damaged libraries refuse, bodies stay sanitized), and a window open
// on the same library shows the change within a second.

#include "commandline.h"

#include "commandsupport.h"
#include <import/imagemetadata.h>
#include <library/librarydatabase.h>
#include <library/libraryfiles.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace Copydesk {

using namespace Cli;

namespace {

QJsonObject quoteJson(const Quote &quote)
{
    return QJsonObject{{u"text"_s, quote.text},
                       {u"speaker"_s, quote.speaker},
                       {u"role"_s, quote.speakerRole},
                       {u"context"_s, quote.context},
                       {u"on_record"_s, quote.onRecord}};
}

// Sets one field from its command-line name; false when there is no such field or the value is not one
// it takes (error says which).
bool setField(Article &article, const QString &field, const QString &value, QString *error)
{
    const std::pair<const char *, QString Article::*> texts[] = {
        {"headline", &Article::headline},    {"standfirst", &Article::standfirst},
        {"byline", &Article::byline},        {"section", &Article::section},
        {"dateline", &Article::dateline},    {"language", &Article::language},
        {"source_url", &Article::sourceUrl}, {"editor_note", &Article::editorNote}};
    for (const auto &[name, member] : texts) {
        if (field == QLatin1StringView(name)) {
            article.*member = value.trimmed();
            return true;
        }
    }
    if (field == "status"_L1) {
        const std::optional<ArticleStatus> status = statusFromString(value.trimmed());
        if (!status) {
            QStringList names;
            for (const ArticleStatus known : allStatuses())
                names.append(statusToString(known));
            *error = u"status takes %1"_s.arg(names.join(u", "_s));
            return false;
        }
        article.status = *status;
        return true;
    }
    if (field == "tags"_L1) {
        article.tags.clear();
        for (const QString &tag : value.split(u',')) {
            if (!tag.trimmed().isEmpty())
                article.tags.append(tag.trimmed());
        }
        return true;
    }
    *error = u"no field \"%1\"; set takes headline, standfirst, byline, section, dateline, status, language, "
             "source_url, editor_note or tags"_s.arg(field);
    return false;
}

} // namespace

int CommandLine::runSet(const QCommandLineParser &parser, const QStringList &arguments)
{
    const std::optional<QList<qint64>> id = parseIds(arguments.mid(0, 1));
    if (arguments.size() != 3 || !id)
        return usageError(u"set needs an article ID, a FIELD and a VALUE"_s);
    Article probe;
    QString error;
    if (!setField(probe, arguments.at(1), arguments.at(2), &error))
        return usageError(error);
    std::optional<OpenArticle> opened = openArticle(parser, id->first(), m_err);
    if (!opened)
        return 1;
    Article *article = &opened->article;
    ArticleRepository &repository = *opened->library.repository;
    setField(*article, arguments.at(1), arguments.at(2), &error);
    const ArticleRepository::Parts parts = arguments.at(1) == "tags"_L1
                                               ? ArticleRepository::Parts(ArticleRepository::Part::Tags)
                                               : ArticleRepository::FieldsOnly;
    if (!repository.update(*article, parts)) {
        m_err << repository.lastError() << Qt::endl;
        return 1;
    }
    m_out << article->id << Qt::endl;
    return 0;
}

int CommandLine::runQuote(const QCommandLineParser &parser, const QStringList &arguments)
{
    const QString action = arguments.value(0);
    const std::optional<QList<qint64>> id = parseIds(arguments.mid(1, 1));
    if (action == "add"_L1) {
        if (arguments.size() != 3 || !id || arguments.at(2).trimmed().isEmpty())
            return usageError(u"quote add needs an article ID and the quote's TEXT"_s);
        if (!parser.isSet(speakerOption) || parser.value(speakerOption).trimmed().isEmpty())
            return usageError(u"quote add needs --speaker NAME: a quote nobody said cannot be checked"_s);
    } else if (action == "list"_L1) {
        if (arguments.size() != 2 || !id)
            return usageError(u"quote list needs an article ID"_s);
    } else {
        return usageError(u"quote takes add or list"_s);
    }
    std::optional<OpenArticle> opened = openArticle(parser, id->first(), m_err);
    if (!opened)
        return 1;
    Article *article = &opened->article;
    ArticleRepository &repository = *opened->library.repository;
    if (action == "list"_L1) {
        if (parser.isSet(jsonOption)) {
            QJsonArray quotes;
            for (const Quote &quote : std::as_const(article->quotes))
                quotes.append(quoteJson(quote));
            m_out << QJsonDocument(quotes).toJson(QJsonDocument::Indented);
        } else {
            for (qsizetype i = 0; i < article->quotes.size(); ++i) {
                const Quote &quote = article->quotes.at(i);
                m_out << i + 1 << '\t' << oneLine(quote.text) << '\t' << oneLine(quote.speaker) << '\t'
                      << oneLine(quote.speakerRole) << '\n';
            }
        }
        m_out.flush();
        return 0;
    }
    Quote quote;
    quote.text = arguments.at(2).trimmed();
    quote.speaker = parser.value(speakerOption).trimmed();
    quote.speakerRole = parser.value(roleOption).trimmed();
    quote.context = parser.value(contextOption).trimmed();
    article->quotes.append(quote);
    if (!repository.update(*article, ArticleRepository::Part::Quotes)) {
        m_err << repository.lastError() << Qt::endl;
        return 1;
    }
    m_out << article->id << Qt::endl;
    return 0;
}

int CommandLine::runImage(const QCommandLineParser &parser, const QStringList &arguments)
{
    const QString action = arguments.value(0);
    const std::optional<QList<qint64>> id = parseIds(arguments.mid(1, 1));
    if (action == "add"_L1) {
        if (arguments.size() != 3 || !id)
            return usageError(u"image add needs an article ID and a picture FILE"_s);
    } else if (action == "list"_L1) {
        if (arguments.size() != 2 || !id)
            return usageError(u"image list needs an article ID"_s);
    } else {
        return usageError(u"image takes add or list"_s);
    }
    // The picture is read before the library is opened: a bad file changes nothing.
    std::optional<ArticleImage> image;
    if (action == "add"_L1) {
        // The library is not open yet, so LibraryFiles does not know it: ask about it by name.
        const QString libraryPath = LibraryDatabase::resolvePath(parser.value(libraryOption));
        if (LibraryFiles::belongsToLibrary(arguments.at(2), libraryPath)) {
            m_err << u"%1: this is the library itself, not a picture"_s.arg(arguments.at(2)) << Qt::endl;
            return 1;
        }
        QString error;
        image = ImageFiles::fromFile(arguments.at(2), &error);
        if (!image) {
            m_err << error << Qt::endl;
            return 1;
        }
        // What is given on the command line wins over what the file says.
        const std::pair<const QCommandLineOption &, QString ArticleImage::*> given[] = {
            {captionOption, &ArticleImage::caption},
            {altOption, &ArticleImage::altText},
            {creditOption, &ArticleImage::credit},
            {agencyOption, &ArticleImage::agency}};
        for (const auto &[option, member] : given) {
            if (parser.isSet(option))
                (*image).*member = parser.value(option).trimmed();
        }
    }
    std::optional<OpenArticle> opened = openArticle(parser, id->first(), m_err);
    if (!opened)
        return 1;
    Article *article = &opened->article;
    if (action == "list"_L1) {
        if (parser.isSet(jsonOption)) {
            QJsonArray images;
            for (const ArticleImage &shown : std::as_const(article->images))
                images.append(QJsonObject{{u"role"_s, imageRoleToString(shown.role)},
                                          {u"caption"_s, shown.caption},
                                          {u"alt"_s, shown.altText},
                                          {u"credit"_s, shown.credit},
                                          {u"agency"_s, shown.agency},
                                          {u"credit_line"_s, printedCreditLine(shown)},
                                          {u"mime"_s, shown.mimeType},
                                          {u"width"_s, shown.width},
                                          {u"height"_s, shown.height}});
            m_out << QJsonDocument(images).toJson(QJsonDocument::Indented);
        } else {
            for (qsizetype i = 0; i < article->images.size(); ++i) {
                const ArticleImage &shown = article->images.at(i);
                m_out << i + 1 << '\t' << imageRoleToString(shown.role) << '\t' << oneLine(shown.caption)
                      << '\t' << oneLine(printedCreditLine(shown)) << '\n';
            }
        }
        m_out.flush();
        return 0;
    }
    const bool lead = parser.isSet(leadOption);
    if (lead) {
        for (ArticleImage &other : article->images)
            other.role = ImageRole::Inline;
    }
    image->role = lead ? ImageRole::Lead : ImageRole::Inline;
    article->images.append(*image);
    ArticleRepository &repository = *opened->library.repository;
    if (!repository.update(*article, ArticleRepository::Part::Images)) {
        m_err << repository.lastError() << Qt::endl;
        return 1;
    }
    m_out << article->id << Qt::endl;
    return 0;
}

} // namespace Copydesk
