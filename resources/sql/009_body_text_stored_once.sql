-- Copydesk library schema, version 9: an article's body is stored once, as its HTML. The search indexes
-- read its text through copydesk_plain_text(body_html) (HtmlText::plainText, registered by Copydesk on
-- every connection: see libraryfunctions.h), not from a stored plain-text copy, which took a third of
-- the library. Articles read their text the same way.

-- Articles whose stored text is not what their body gives now (an older Copydesk derived it otherwise):
-- taken out of both indexes with the text they were indexed with, and put back with the new text below.
-- Only those an index holds are taken out of it: deleting what an external-content index never held
-- damages it (an article written by another tool may be in neither).
CREATE TEMP TABLE stale_text AS
    SELECT id FROM articles WHERE body_text <> copydesk_plain_text(body_html);
INSERT INTO article_search (article_search, rowid, headline, standfirst, byline, body, quotes, captions)
    SELECT 'delete', id, headline, standfirst, byline, body, quotes, captions FROM article_search_text
    WHERE id IN (SELECT id FROM temp.stale_text)
      AND EXISTS (SELECT 1 FROM article_search_docsize d WHERE d.id = article_search_text.id);
INSERT INTO article_stems (article_stems, rowid, headline, standfirst, byline, body, quotes, captions)
    SELECT 'delete', id, headline, standfirst, byline, body, quotes, captions FROM article_search_text
    WHERE id IN (SELECT id FROM temp.stale_text)
      AND EXISTS (SELECT 1 FROM article_stems_docsize d WHERE d.id = article_search_text.id);

DROP VIEW article_search_text;
ALTER TABLE articles DROP COLUMN body_text;
-- As in schema 7, with the body's text derived from its HTML. Russian "ё" reads as "е".
CREATE VIEW article_search_text (id, headline, standfirst, byline, body, quotes, captions) AS
SELECT a.id,
       replace(replace(a.headline, 'ё', 'е'), 'Ё', 'Е'),
       replace(replace(a.standfirst, 'ё', 'е'), 'Ё', 'Е'),
       replace(replace(a.byline, 'ё', 'е'), 'Ё', 'Е'),
       replace(replace(copydesk_plain_text(a.body_html), 'ё', 'е'), 'Ё', 'Е'),
       (SELECT replace(replace(group_concat(q.text || char(10) || q.speaker, char(10)), 'ё', 'е'), 'Ё', 'Е')
        FROM (SELECT text, speaker FROM quotes WHERE article_id = a.id ORDER BY position) q),
       (SELECT replace(replace(group_concat(i.caption || char(10) || i.credit_line || char(10) || i.credit,
                                            char(10)), 'ё', 'е'), 'Ё', 'Е')
        FROM (SELECT caption, credit_line, credit FROM images WHERE article_id = a.id ORDER BY position) i)
FROM articles a;

INSERT INTO article_search (rowid, headline, standfirst, byline, body, quotes, captions)
    SELECT id, headline, standfirst, byline, body, quotes, captions FROM article_search_text
    WHERE id IN (SELECT id FROM temp.stale_text)
      AND NOT EXISTS (SELECT 1 FROM article_search_docsize d WHERE d.id = article_search_text.id);
INSERT INTO article_stems (rowid, headline, standfirst, byline, body, quotes, captions)
    SELECT id, headline, standfirst, byline, body, quotes, captions FROM article_search_text
    WHERE id IN (SELECT id FROM temp.stale_text)
      AND NOT EXISTS (SELECT 1 FROM article_stems_docsize d WHERE d.id = article_search_text.id);
DROP TABLE temp.stale_text;

-- The version of the derivation of a body's text (libraryfunctions.h): when a later Copydesk derives it
-- otherwise, it rebuilds both indexes once, since they forget an article by the text it derives.
CREATE TABLE library_meta (
    key           TEXT PRIMARY KEY,
    value         TEXT NOT NULL
) WITHOUT ROWID;
INSERT INTO library_meta (key, value) VALUES ('plain_text_version', '1');
