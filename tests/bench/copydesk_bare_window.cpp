// copydesk_bare_window: the floor for the main window's start, a bare Qt Widgets window of the same
// shape (a menu bar, a list beside a text editor), linked to Qt Widgets alone. Prints "shown" once its
// first frame is painted, and quits, as `copydesk` does with COPYDESK_QUIT_WHEN_SHOWN=1.

#include "quitonfirstpaint.h"

#include <QApplication>
#include <QListView>
#include <QMainWindow>
#include <QMenuBar>
#include <QSplitter>
#include <QStringListModel>
#include <QTextEdit>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QMainWindow window;
    window.menuBar()->addMenu(QStringLiteral("&File"))->addAction(QStringLiteral("&Quit"));
    auto *splitter = new QSplitter(&window);
    auto *list = new QListView(splitter);
    list->setModel(new QStringListModel(QStringList(200, QStringLiteral("A headline")), list));
    splitter->addWidget(list);
    splitter->addWidget(new QTextEdit(splitter));
    window.setCentralWidget(splitter);
    window.resize(1400, 900);
    window.installEventFilter(new Copydesk::QuitOnFirstPaint(&window));
    window.show();
    return app.exec();
}
