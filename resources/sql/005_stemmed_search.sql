-- Copydesk library schema, version 5: a stemmed index beside the exact one, so that "sanction" finds
-- "sanctions" and "negotiating" finds "negotiate". It keeps no copy of the text: its content is the exact
-- index's (FTS5 external content), and SearchIndex writes both in the article's transaction. Searches
-- match here and rank exact matches first through article_search. The porter stemmer changes only ASCII
-- words; Cyrillic and other words are indexed as the exact index has them.
CREATE VIRTUAL TABLE article_stems USING fts5 (
    headline, standfirst, byline, body, quotes, captions,
    content = 'article_search',
    tokenize = 'porter unicode61 remove_diacritics 2'
);
-- Filled row by row from the exact index ('rebuild' cannot read one FTS5 table while writing another).
INSERT INTO article_stems (rowid, headline, standfirst, byline, body, quotes, captions)
    SELECT rowid, headline, standfirst, byline, body, quotes, captions FROM article_search;
