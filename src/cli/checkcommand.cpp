// `copydesk check ID [--json]`: the copy check's findings; exit code 0 when clean, 1 when there are some.

#include "commandline.h"

#include "commandsupport.h"
#include <copycheck/copycheck.h>

#include <QJsonArray>
#include <QJsonDocument>

namespace Copydesk {

using namespace Cli;

int CommandLine::runCheck(const QCommandLineParser &parser, const QStringList &arguments)
{
    const std::optional<QList<qint64>> id = parseIds(arguments);
    if (arguments.size() != 1 || !id)
        return usageError(u"check needs an article ID"_s);
    std::optional<OpenArticle> opened = openArticle(parser, id->first(), m_err);
    if (!opened)
        return 1;
    const QList<CopyFinding> findings = CopyCheck::check(opened->article);
    if (parser.isSet(jsonOption)) {
        QJsonArray rows;
        for (const CopyFinding &finding : findings)
            rows.append(finding.toJson());
        m_out << QJsonDocument(rows).toJson(QJsonDocument::Indented);
    } else {
        for (const CopyFinding &finding : findings) {
            m_out << finding.field << '\t' << finding.offset << '\t' << finding.kind << '\t'
                  << oneLine(finding.excerpt) << '\t' << finding.message << '\n';
        }
    }
    m_out.flush();
    return findings.isEmpty() ? 0 : 1;
}

} // namespace Copydesk
