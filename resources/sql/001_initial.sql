-- Copydesk library schema, version 1.
-- Migrations are applied in file order, each inside one transaction, and PRAGMA user_version records the
-- last one applied. Statements are separated by a semicolon at the end of a line.

CREATE TABLE articles (
    id            INTEGER PRIMARY KEY,
    uuid          TEXT NOT NULL UNIQUE,
    status        TEXT NOT NULL DEFAULT 'draft'
                  CHECK (status IN ('draft', 'in_edit', 'ready', 'published', 'spiked', 'saved')),
    section       TEXT NOT NULL DEFAULT '',
    headline      TEXT NOT NULL DEFAULT '',
    standfirst    TEXT NOT NULL DEFAULT '',
    byline        TEXT NOT NULL DEFAULT '',
    dateline      TEXT NOT NULL DEFAULT '',
    language      TEXT NOT NULL DEFAULT '',
    body_html     TEXT NOT NULL DEFAULT '',   -- sanitized semantic HTML
    body_text     TEXT NOT NULL DEFAULT '',   -- derived from body_html
    source_url    TEXT NOT NULL DEFAULT '',
    source_name   TEXT NOT NULL DEFAULT '',
    content_hash  TEXT NOT NULL DEFAULT '',   -- of headline and body text, to recognise a second import
    created_at    TEXT NOT NULL,              -- ISO 8601 UTC with milliseconds
    updated_at    TEXT NOT NULL,
    published_at  TEXT,
    read_at       TEXT,
    starred       INTEGER NOT NULL DEFAULT 0 CHECK (starred IN (0, 1)),
    word_count    INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX articles_newest ON articles (created_at DESC, id DESC);
CREATE INDEX articles_source_url ON articles (source_url) WHERE source_url <> '';
CREATE INDEX articles_content_hash ON articles (content_hash);

CREATE TABLE quotes (
    id            INTEGER PRIMARY KEY,
    article_id    INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    position      INTEGER NOT NULL,
    text          TEXT NOT NULL,
    speaker       TEXT NOT NULL DEFAULT '',
    speaker_role  TEXT NOT NULL DEFAULT '',
    context       TEXT NOT NULL DEFAULT '',
    UNIQUE (article_id, position)
);

CREATE TABLE images (
    id            INTEGER PRIMARY KEY,
    article_id    INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    position      INTEGER NOT NULL,
    role          TEXT NOT NULL DEFAULT 'inline' CHECK (role IN ('lead', 'inline')),
    data          BLOB,                       -- NULL when the image is known but was not available
    mime_type     TEXT NOT NULL DEFAULT '',
    width         INTEGER NOT NULL DEFAULT 0,
    height        INTEGER NOT NULL DEFAULT 0,
    caption       TEXT NOT NULL DEFAULT '',
    alt_text      TEXT NOT NULL DEFAULT '',
    credit        TEXT NOT NULL DEFAULT '',
    credit_line   TEXT NOT NULL DEFAULT '',   -- the credit as printed: "Photo: Jane Roe/Agency"
    copyright     TEXT NOT NULL DEFAULT '',
    licence       TEXT NOT NULL DEFAULT '',
    source_url    TEXT NOT NULL DEFAULT '',
    UNIQUE (article_id, position)
);

CREATE TABLE tags (
    id            INTEGER PRIMARY KEY,
    name          TEXT NOT NULL UNIQUE COLLATE NOCASE
);

CREATE TABLE article_tags (
    article_id    INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    tag_id        INTEGER NOT NULL REFERENCES tags (id) ON DELETE CASCADE,
    position      INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (article_id, tag_id)
) WITHOUT ROWID;
CREATE INDEX article_tags_tag ON article_tags (tag_id);

CREATE TABLE related_links (
    id            INTEGER PRIMARY KEY,
    article_id    INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    position      INTEGER NOT NULL,
    title         TEXT NOT NULL DEFAULT '',
    author        TEXT NOT NULL DEFAULT '',
    url           TEXT NOT NULL DEFAULT '',
    UNIQUE (article_id, position)
);

CREATE TABLE revisions (
    id            INTEGER PRIMARY KEY,
    article_id    INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    number        INTEGER NOT NULL,
    created_at    TEXT NOT NULL,
    snapshot      TEXT NOT NULL,              -- the article as `copydesk show --json` prints it
    UNIQUE (article_id, number)
);

-- Full-text index, one row per article (rowid = articles.id), written by the repository in the same
-- transaction as the article. remove_diacritics 2 lets "cafe" find "café"; the repository folds Cyrillic
-- "ё" to "е" in both the indexed text and the query, since unicode61 leaves Cyrillic letters as they are.
CREATE VIRTUAL TABLE article_search USING fts5 (
    headline, standfirst, byline, body, quotes, captions,
    tokenize = 'unicode61 remove_diacritics 2'
);
