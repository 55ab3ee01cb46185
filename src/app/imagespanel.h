#pragma once

#include <model/article.h>

#include <QWidget>

class QFormLayout;
class QLabel;
class QLineEdit;
class QListWidget;
class QMimeData;

namespace Copydesk {

// The article's pictures as thumbnails, the lead marked, with the credits and words of the one selected:
// caption, alt text, photographer, agency, the credit line as printed (built from a pattern unless typed),
// copyright, licence and source. Pictures come from a file, a drop or a paste; what the file says of itself
// (IPTC, XMP, Exif) fills the fields left empty. A picture without a credit or alt text is flagged.
class ImagesPanel final : public QWidget
{
    Q_OBJECT

public:
    explicit ImagesPanel(QWidget *parent = nullptr);

    void setImages(const QList<ArticleImage> &images);
    QList<ArticleImage> images() const { return m_images; }
    void setReadOnly(bool readOnly);

    // Adds pictures; a file that is not one is reported under the list and the others still come in.
    void addFiles(const QStringList &paths);
    bool addFromMimeData(const QMimeData *data);
    void select(int position);
    int selected() const;
    void moveSelected(int by);
    void removeSelected();
    void makeSelectedLead();
    // The file dialog of "Add Image…".
    void chooseFiles();

    QListWidget *list() const { return m_list; }
    QLineEdit *field(const QString &name) const; // "caption", "alt", "credit", "agency", "creditLine", ...
    QString problems() const;                    // the flag shown under the list; empty when none

    static bool needsCredit(const ArticleImage &image);
    static bool needsAltText(const ArticleImage &image);

signals:
    void edited();
    // Positions changed: newPositions[old] is where the image at old is now, -1 when removed.
    void reordered(const QList<int> &newPositions);
    void insertIntoBody(int position);

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void append(const ArticleImage &image);
    void refreshItem(int position);
    void refreshList();
    void showSelected();
    void fieldEdited();
    void updateProblems();

    QList<ArticleImage> m_images;
    QListWidget *m_list;
    QLabel *m_problems;
    QLabel *m_errors;
    QWidget *m_form;
    QList<std::pair<QString, QLineEdit *>> m_fields;
    QList<QAction *> m_editActions;
    bool m_showing = false;
};

} // namespace Copydesk
