#pragma once

#include <import/articleimporter.h>

namespace Copydesk {

// Text copied from a news page (.txt, .md): recognises the newsroom structure in the lines (section,
// headline with its repeat dropped, byline, dateline, lead image caption and credit, subheadings,
// paragraphs, quotes with speakers, related-article blocks) and drops the page furniture (newsletter and
// subscribe lines, share buttons, "Advertisement", cookie notices). The source text is never reworded.
class PlainTextImporter final : public ArticleImporter
{
public:
    QString name() const override;
    int confidence(const ImportSource &source) const override;
    ImportResult import(const ImportSource &source) const override;

    // The parsing step alone, on already decoded text; exposed for tests.
    static Article parse(const QString &text);
};

} // namespace Copydesk
