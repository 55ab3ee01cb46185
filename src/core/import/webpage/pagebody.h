#pragma once

#include <import/webpage/pagemetadata.h>
#include <model/article.h>

#include <QList>
#include <QString>
#include <QStringList>

namespace Copydesk {

class ImageLoader;

struct PageBody
{
    QString html; // images as <img src="copydesk-image:N">, the lead picture and missing ones taken out
    QList<ArticleImage> images;
    QList<Quote> quotes; // only blockquotes that name their speaker in a <cite> or <figcaption>
    QStringList warnings;
};

// Turns the extracted article HTML into a body: finds every picture (with its figure's caption and credit,
// and what the page's metadata says about it), loads it through `loader`, picks the lead picture (the
// metadata's image when it is in the body or at hand, else the first one) and rewrites the markup.
PageBody buildPageBody(const QString &contentHtml, const PageMetadata &metadata, ImageLoader &loader);

} // namespace Copydesk
