#pragma once

#include <spelling/personaldictionary.h>
#include <spelling/spellchecker.h>

#include <QFuture>
#include <QHash>
#include <QObject>

#include <memory>

namespace Copydesk {

// The window's spelling: one Hunspell dictionary per language, loaded off the GUI thread the first time a
// language is asked for (a large dictionary takes half a second), and the personal dictionary beside the
// library. Checkers are used on the GUI thread only.
class Spelling final : public QObject
{
    Q_OBJECT

public:
    explicit Spelling(const QString &libraryPath, QObject *parent = nullptr);
    ~Spelling() override;

    // The checker for a language (SpellChecker::languageFor() says which for an article), or null while it
    // loads (checkerReady follows) or when no dictionary is installed for it.
    SpellChecker *checkerFor(const QString &language);
    bool hasDictionaryFor(const QString &language) const;
    // Waits for the dictionary to load (tests and the command line).
    SpellChecker *waitForChecker(const QString &language);

    PersonalDictionary &personal() { return m_personal; }
    // Adds the word to the personal dictionary; false with the reason in personal().errorString().
    bool addToPersonal(const QString &word);

    bool isEnabled() const { return m_enabled; }
    void setEnabled(bool enabled);

    static QString languageKey(const QString &language);

signals:
    void checkerReady(const QString &language);
    void personalChanged();
    void enabledChanged(bool enabled);

private:
    QHash<QString, std::shared_ptr<SpellChecker>> m_checkers; // by languageKey(); null: none installed
    QHash<QString, QFuture<std::shared_ptr<SpellChecker>>> m_loading;
    PersonalDictionary m_personal;
    bool m_enabled = true;
};

} // namespace Copydesk
