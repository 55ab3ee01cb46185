#include "spelling.h"

#include <QFutureWatcher>
#include <QLocale>
#include <QtConcurrent>

using namespace Qt::StringLiterals;

namespace Copydesk {

Spelling::Spelling(const QString &libraryPath, QObject *parent)
    : QObject(parent)
    , m_personal(PersonalDictionary::pathBeside(libraryPath))
{}

Spelling::~Spelling()
{
    // A dictionary still loading finishes first: its thread must not outlive what it reports to.
    for (QFuture<std::shared_ptr<SpellChecker>> &future : m_loading)
        future.waitForFinished();
}

QString Spelling::languageKey(const QString &language)
{
    QString key = SpellChecker::languageFor(language, QString());
    return key.replace(u'-', u'_');
}

bool Spelling::hasDictionaryFor(const QString &language) const
{
    return !SpellChecker::dictionaryFor(languageKey(language)).isEmpty();
}

SpellChecker *Spelling::checkerFor(const QString &language)
{
    const QString key = languageKey(language);
    const auto loaded = m_checkers.constFind(key);
    if (loaded != m_checkers.cend())
        return loaded->get();
    if (m_loading.contains(key))
        return nullptr;
    if (SpellChecker::dictionaryFor(key).isEmpty()) {
        m_checkers.insert(key, nullptr);
        return nullptr;
    }
    QFuture<std::shared_ptr<SpellChecker>> future =
        QtConcurrent::run([key] { return std::shared_ptr<SpellChecker>(SpellChecker::load(key)); });
    m_loading.insert(key, future);
    auto *watcher = new QFutureWatcher<std::shared_ptr<SpellChecker>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, key] {
        watcher->deleteLater();
        m_checkers.insert(key, watcher->result());
        m_loading.remove(key);
        emit checkerReady(key);
    });
    watcher->setFuture(future);
    return nullptr;
}

SpellChecker *Spelling::waitForChecker(const QString &language)
{
    const QString key = languageKey(language);
    if (SpellChecker *checker = checkerFor(key))
        return checker;
    const auto loading = m_loading.constFind(key);
    if (loading == m_loading.cend())
        return nullptr;
    std::shared_ptr<SpellChecker> checker = loading->result();
    m_checkers.insert(key, checker);
    m_loading.remove(key);
    return checker.get();
}

bool Spelling::addToPersonal(const QString &word)
{
    if (!m_personal.add(word))
        return false;
    emit personalChanged();
    return true;
}

void Spelling::setEnabled(bool enabled)
{
    if (m_enabled == enabled)
        return;
    m_enabled = enabled;
    emit enabledChanged(enabled);
}

} // namespace Copydesk
