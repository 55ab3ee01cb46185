#include "browserengine.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QLibrary>
#include <QThread>

using namespace Qt::StringLiterals;

namespace Copydesk {

namespace {

BrowserEngine *builtInEngine = nullptr;

struct LoadedEngine
{
    BrowserEngine *engine = nullptr;
    QString error;
};

LoadedEngine loadPlugin()
{
    QStringList problems;
    for (const QString &path : BrowserEngine::pluginCandidates()) {
        if (!QFileInfo::exists(path)) {
            problems.append(u"%1: no such file"_s.arg(QDir::toNativeSeparators(path)));
            continue;
        }
        // Never unloaded: the engine's threads live as long as the program.
        auto *library = new QLibrary(path);
        library->setLoadHints(QLibrary::PreventUnloadHint);
        const auto entry = reinterpret_cast<CopydeskEngineEntry>(library->resolve(COPYDESK_ENGINE_ENTRY));
        if (!entry) {
            problems.append(library->errorString());
            delete library;
            continue;
        }
        if (BrowserEngine *engine = entry(BrowserEngine::InterfaceRevision, COPYDESK_VERSION))
            return {engine, {}};
        problems.append(u"%1: built for another version of Copydesk (this is %2)"_s.arg(
            QDir::toNativeSeparators(path), QStringLiteral(COPYDESK_VERSION)));
    }
    return {nullptr, QCoreApplication::translate("Copydesk::BrowserEngine",
                                                 "Copydesk's browser engine could not be loaded: %1")
                         .arg(problems.join(u"; "_s))};
}

} // namespace

QStringList BrowserEngine::pluginCandidates()
{
    const QString fileName = u"copydesk-engine.so"_s;
    QStringList candidates;
    if (const QString chosen = qEnvironmentVariable("COPYDESK_ENGINE_PLUGIN"); !chosen.isEmpty())
        candidates.append(chosen);
    const QDir programFolder(QCoreApplication::applicationDirPath());
    candidates.append(programFolder.filePath(fileName));
    candidates.append(QDir::cleanPath(
        programFolder.filePath(QStringLiteral(COPYDESK_ENGINE_INSTALL_DIR_FROM_PROGRAM) + u'/' + fileName)));
    candidates.removeDuplicates();
    return candidates;
}

void BrowserEngine::setBuiltIn(BrowserEngine *engine)
{
    builtInEngine = engine;
}

BrowserEngine *BrowserEngine::instance(QString *error)
{
    Q_ASSERT(!QCoreApplication::instance() ||
             QThread::currentThread() == QCoreApplication::instance()->thread());
    if (builtInEngine)
        return builtInEngine;
    static const LoadedEngine loaded = loadPlugin();
    if (!loaded.engine && error)
        *error = loaded.error;
    return loaded.engine;
}

} // namespace Copydesk
