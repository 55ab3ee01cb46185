#pragma once

#include <import/articleimporter.h>

namespace Copydesk {

class PageExtractor;

// Saved web pages: .html/.htm, "web page, complete" (the page plus its "<name>_files" folder), single-file
// MHTML (.mht/.mhtml), and pages downloaded from a URL. The main text comes from the PageExtractor
// (Readability); the newsroom metadata from JSON-LD NewsArticle, OpenGraph and <meta> tags; images from
// what is at hand locally (the _files folder, MHTML parts, data: URIs) or, for a download, from
// ImportSource::fetchResource. Remote images of a file import are listed as missing, never fetched.
class HtmlPageImporter final : public ArticleImporter
{
public:
    explicit HtmlPageImporter(PageExtractor &extractor);

    QString name() const override;
    int confidence(const ImportSource &source) const override;
    ImportResult import(const ImportSource &source) const override;

private:
    PageExtractor &m_extractor;
};

} // namespace Copydesk
