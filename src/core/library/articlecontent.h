#pragma once

#include <model/article.h>

#include <QString>

namespace Copydesk {

// An article's stored form and its fingerprint, pure functions of its content. Both run on every imported
// article, on the thread that recognised it and again on the one that stores it; the last few results
// are remembered process-wide, so the second call is a look-up.
namespace ArticleContent {

// What every article goes through before it is stored: the body sanitized (the one gate for HTML into
// the library), its text and word count derived, tags without repeats.
void prepareForStorage(Article &article);

// SHA-256 of the headline and body text folded for white space and case, in hex: the same text imported
// again, with other line breaks or markup, has the same hash.
QString hash(const Article &article);

} // namespace ArticleContent
} // namespace Copydesk
