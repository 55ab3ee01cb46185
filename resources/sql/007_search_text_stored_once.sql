-- Copydesk library schema, version 7: the search indexes keep no copy of the text. Both read it, when
-- they need it (to index an article, to forget one, for a snippet), from the view below over the articles
-- and their quotes and pictures (FTS5 external content), where the exact index kept a second copy of every
-- article until now. SearchIndex forgets an article before any of what the view shows of it changes, and
-- indexes it again after, in the same transaction.
-- Russian writes "ё" and "е" interchangeably: the view gives "е" for both, and so does every query.
CREATE VIEW article_search_text (id, headline, standfirst, byline, body, quotes, captions) AS
SELECT a.id,
       replace(replace(a.headline, 'ё', 'е'), 'Ё', 'Е'),
       replace(replace(a.standfirst, 'ё', 'е'), 'Ё', 'Е'),
       replace(replace(a.byline, 'ё', 'е'), 'Ё', 'Е'),
       replace(replace(a.body_text, 'ё', 'е'), 'Ё', 'Е'),
       (SELECT replace(replace(group_concat(q.text || char(10) || q.speaker, char(10)), 'ё', 'е'), 'Ё', 'Е')
        FROM (SELECT text, speaker FROM quotes WHERE article_id = a.id ORDER BY position) q),
       (SELECT replace(replace(group_concat(i.caption || char(10) || i.credit_line || char(10) || i.credit,
                                            char(10)), 'ё', 'е'), 'Ё', 'Е')
        FROM (SELECT caption, credit_line, credit FROM images WHERE article_id = a.id ORDER BY position) i)
FROM articles a;

DROP TABLE article_stems;
DROP TABLE article_search;
CREATE VIRTUAL TABLE article_search USING fts5 (
    headline, standfirst, byline, body, quotes, captions,
    content = 'article_search_text', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2'
);
CREATE VIRTUAL TABLE article_stems USING fts5 (
    headline, standfirst, byline, body, quotes, captions,
    content = 'article_search_text', content_rowid = 'id',
    tokenize = 'porter unicode61 remove_diacritics 2'
);
INSERT INTO article_search (article_search) VALUES ('rebuild');
INSERT INTO article_stems (article_stems) VALUES ('rebuild');
