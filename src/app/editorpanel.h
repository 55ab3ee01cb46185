#pragma once

#include "article.h"

#include <QWidget>

#include <memory>

namespace Ui {
class EditorPanel;
}

class QTextCharFormat;
class QLineEdit;
class QTextEdit;

namespace Copydesk {

// The form for one article: headline, standfirst, byline, section, dateline, status and the rich-text
// body with its formatting toolbar. It knows nothing of storage: it shows an Article and reports edits.
class EditorPanel final : public QWidget
{
    Q_OBJECT

public:
    explicit EditorPanel(QWidget *parent = nullptr);
    ~EditorPanel() override;

    void setArticle(const Article &article);
    // Writes what the form shows into the article (the fields it edits, nothing else).
    void applyTo(Article &article) const;
    void clear();

    QLineEdit *headlineEdit() const;
    QTextEdit *bodyEdit() const;

signals:
    void edited();

private:
    void setupFormatActions();
    void mergeCharFormat(const QTextCharFormat &format);
    void setBlockHeading(int level);
    void toggleList(bool ordered);
    void toggleBlockquote();
    void insertLink();
    void updateFormatActions();

    std::unique_ptr<Ui::EditorPanel> m_ui;
    bool m_loading = false;
    QAction *m_bold = nullptr;
    QAction *m_italic = nullptr;
    QAction *m_strike = nullptr;
};

} // namespace Copydesk
