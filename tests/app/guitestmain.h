#pragma once

#include "webpageextractor.h"
#include "webscheme.h"
#include "windowrendering.h"

#include <QApplication>
#include <QStandardPaths>
#include <QTest>

// Like QTEST_MAIN, but with the copydesk: scheme registered and GL contexts shared before the
// QApplication exists, as WebEngine requires; settings go to a test location, not the user's.
#define COPYDESK_GUI_TEST_MAIN(TestClass)                                                                    \
    int main(int argc, char *argv[])                                                                         \
    {                                                                                                        \
        Copydesk::registerCopydeskScheme();                                                                  \
        Copydesk::registerImportScheme();                                                                    \
        Copydesk::chooseWindowRendering();                                                                   \
        QCoreApplication::setAttribute(Qt::AA_ShareOpenGLContexts);                                          \
        QApplication app(argc, argv);                                                                        \
        QCoreApplication::setOrganizationName(QStringLiteral("copydesk-tests"));                             \
        QCoreApplication::setApplicationName(QStringLiteral(#TestClass));                                    \
        QStandardPaths::setTestModeEnabled(true);                                                            \
        TestClass test;                                                                                      \
        return QTest::qExec(&test, argc, argv);                                                              \
    }
