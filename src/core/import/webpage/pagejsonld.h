#pragma once

#include <import/webpage/pagemetadata.h>

#include <gumbo.h>

#include <QList>
#include <QString>
#include <QStringList>

namespace Copydesk {

// The article a page describes in its JSON-LD (schema.org), from the first object of an article type
// (Article, NewsArticle, ReportageNewsArticle, BlogPosting, ...) found in the page's
// <script type="application/ld+json"> blocks, @graph lists and nested values. "@id" references within the
// page are followed, as Yoast and similar plugins keep authors and images in separate graph nodes.
struct JsonLdArticle
{
    bool found = false;
    QString headline;
    QString name;
    QString description;
    QStringList persons;       // author names that are persons (or untyped)
    QStringList organisations; // author names that are organisations
    QString datePublished;
    QString section;
    QString language;
    QString publisher;
    QString dateline;
    QList<MetadataImage> images;
};

JsonLdArticle readJsonLd(const GumboNode *root);

} // namespace Copydesk
