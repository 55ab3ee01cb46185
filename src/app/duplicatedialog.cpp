#include "duplicatedialog.h"

#include <library/articlerepository.h>

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
    // Said with what the date means: an imported article's dates are the publisher's, not when it came in.
    const ShownDate shown = shownDate(existing.publishedAt, existing.updatedAt);
    const QString when = QLocale().toString(shown.time.toLocalTime(), QLocale::LongFormat);
    box.setInformativeText((shown.meaning == ShownDate::Meaning::Published
                                ? QObject::tr("The copy in the library is article %1, published %2.")
                                : QObject::tr("The copy in the library is article %1, last changed %2."))
                               .arg(existing.id)
                               .arg(when) +
                           u' ' + QObject::tr("What should the import do?"));
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
