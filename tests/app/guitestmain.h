#pragma once

#include "enginepreviewpage.h"
#include "previewpanel.h"
#include "webbrowserengine.h"

#include <QApplication>
#include <QStandardPaths>
#include <QTest>

// The preview's engine parts, for tests that look inside its page.
inline Copydesk::EnginePreviewPage *enginePage(const Copydesk::PreviewPanel &preview)
{
    return static_cast<Copydesk::EnginePreviewPage *>(preview.previewPage());
}

// Like QTEST_MAIN, but with GL contexts shared before the QApplication exists, as WebEngine requires, and
// the browser engine linked in, created after it as the program's plugin is (its schemes registered
// then); settings go to a test location, not the user's.
#define COPYDESK_GUI_TEST_MAIN(TestClass)                                                                    \
    int main(int argc, char *argv[])                                                                         \
    {                                                                                                        \
        QCoreApplication::setAttribute(Qt::AA_ShareOpenGLContexts);                                          \
        QApplication app(argc, argv);                                                                        \
        static Copydesk::WebBrowserEngine engine; /* after the application, as the plugin's */               \
        Copydesk::BrowserEngine::setBuiltIn(&engine);                                                        \
        QCoreApplication::setOrganizationName(QStringLiteral("copydesk-tests"));                             \
        QCoreApplication::setApplicationName(QStringLiteral(#TestClass));                                    \
        QStandardPaths::setTestModeEnabled(true);                                                            \
        TestClass test;                                                                                      \
        return QTest::qExec(&test, argc, argv);                                                              \
    }
