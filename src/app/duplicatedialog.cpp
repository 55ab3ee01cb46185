#include "duplicatedialog.h"

#include "articlerepository.h"

#include <QCheckBox>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>

namespace Copydesk {

DuplicateDialog::Answer DuplicateDialog::ask(QWidget *parent, const Article &incoming,
                                             const ArticleSummary &existing)
{
    QMessageBox box(parent);
    box.setIcon(QMessageBox::Question);
    box.setWindowTitle(QObject::tr("Already in the library"));
    box.setText(QObject::tr("“%1” is already in the library.").arg(incoming.headline.toHtmlEscaped()));
    box.setInformativeText(
        QObject::tr("The stored copy was added on %1. What should the import do?")
            .arg(QLocale().toString(existing.createdAt.toLocalTime(), QLocale::LongFormat)));
    QPushButton *skip = box.addButton(QObject::tr("&Skip"), QMessageBox::RejectRole);
    QPushButton *replace = box.addButton(QObject::tr("&Replace"), QMessageBox::DestructiveRole);
    QPushButton *keep = box.addButton(QObject::tr("&Keep Both"), QMessageBox::AcceptRole);
    box.setDefaultButton(skip);
    auto *forAll = new QCheckBox(QObject::tr("Do the same for the rest of this import"), &box);
    box.setCheckBox(forAll);
    box.exec();

    Answer answer;
    answer.forAllRemaining = forAll->isChecked();
    if (box.clickedButton() == replace)
        answer.policy = DuplicatePolicy::Replace;
    else if (box.clickedButton() == keep)
        answer.policy = DuplicatePolicy::KeepBoth;
    else
        answer.policy = DuplicatePolicy::Skip;
    return answer;
}

} // namespace Copydesk
