#pragma once

#include <QDir>
#include <QString>
#include <QtGlobal>

// Where the shared seeds and corpora are: $COPYDESK_SHARED_DIR, else the folder named at configure time.
// Tests that need them QSKIP with this folder named when it is absent.
inline QString sharedDir()
{
    const QString fromEnvironment = qEnvironmentVariable("COPYDESK_SHARED_DIR");
    return QDir::cleanPath(fromEnvironment.isEmpty() ? QStringLiteral(COPYDESK_DEFAULT_SHARED_DIR)
                                                     : fromEnvironment);
}

inline QString fixturesDir()
{
    return QStringLiteral(COPYDESK_TEST_FIXTURES);
}
