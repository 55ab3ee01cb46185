-- Copydesk library schema, version 6: the reader's trash, saved searches, and a library that stays fast
-- at a million articles.
-- copydesk: rebuilds tables (foreign keys are off while this runs, then checked)

-- The articles table again, with what lists, filters and counts read stored before the text: SQLite keeps
-- a long body on overflow pages, and a column stored after it is read through them (the unread filter
-- read several pages per article, and counting the library read all of it). New: trashed_at, when the
-- article went to the trash (NULL: not in it); it keeps everything and leaves every list but the Trash.
CREATE TABLE articles_reordered (
    id            INTEGER PRIMARY KEY,
    status        TEXT NOT NULL DEFAULT 'draft'
                  CHECK (status IN ('draft', 'in_edit', 'ready', 'published', 'spiked', 'saved')),
    created_at    TEXT NOT NULL,              -- ISO 8601 UTC with milliseconds
    updated_at    TEXT NOT NULL,
    published_at  TEXT,
    read_at       TEXT,
    starred       INTEGER NOT NULL DEFAULT 0 CHECK (starred IN (0, 1)),
    trashed_at    TEXT,
    word_count    INTEGER NOT NULL DEFAULT 0,
    section       TEXT NOT NULL DEFAULT '',
    source_name   TEXT NOT NULL DEFAULT '',
    headline      TEXT NOT NULL DEFAULT '',
    byline        TEXT NOT NULL DEFAULT '',
    language      TEXT NOT NULL DEFAULT '',
    dateline      TEXT NOT NULL DEFAULT '',
    uuid          TEXT NOT NULL UNIQUE,
    content_hash  TEXT NOT NULL DEFAULT '',   -- of headline and body text, to recognise a second import
    source_url    TEXT NOT NULL DEFAULT '',
    standfirst    TEXT NOT NULL DEFAULT '',
    editor_note   TEXT NOT NULL DEFAULT '',
    body_html     TEXT NOT NULL DEFAULT '',   -- sanitized semantic HTML
    body_text     TEXT NOT NULL DEFAULT ''    -- derived from body_html
);
INSERT INTO articles_reordered (id, status, created_at, updated_at, published_at, read_at, starred, word_count,
                                section, source_name, headline, byline, language, dateline, uuid, content_hash,
                                source_url, standfirst, editor_note, body_html, body_text)
    SELECT id, status, created_at, updated_at, published_at, read_at, starred, word_count, section, source_name,
           headline, byline, language, dateline, uuid, content_hash, source_url, standfirst, editor_note,
           body_html, body_text
    FROM articles;
DROP TABLE articles;
ALTER TABLE articles_reordered RENAME TO articles;

-- The list and each of the sidebar's filters, in the list's order (newest first) and without the trash:
-- the first screen of any of them, and its count, come from its index alone.
CREATE INDEX articles_listed ON articles (created_at DESC, id DESC) WHERE trashed_at IS NULL;
CREATE INDEX articles_unread ON articles (created_at DESC, id DESC) WHERE read_at IS NULL AND trashed_at IS NULL;
CREATE INDEX articles_starred ON articles (created_at DESC, id DESC) WHERE starred = 1 AND trashed_at IS NULL;
CREATE INDEX articles_status ON articles (status, created_at DESC, id DESC) WHERE trashed_at IS NULL;
CREATE INDEX articles_section ON articles (section COLLATE NOCASE, created_at DESC, id DESC)
    WHERE trashed_at IS NULL;
CREATE INDEX articles_source_name ON articles (source_name COLLATE NOCASE) WHERE trashed_at IS NULL;
CREATE INDEX articles_trashed ON articles (trashed_at DESC, id DESC) WHERE trashed_at IS NOT NULL;
CREATE INDEX articles_source_url ON articles (source_url) WHERE source_url <> '';
CREATE INDEX articles_content_hash ON articles (content_hash);

-- Searches kept by name in the sidebar: the text in the search language and the sidebar filter with it
-- (a JSON object: status, section, tags, starred, unread, source).
CREATE TABLE saved_searches (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL UNIQUE COLLATE NOCASE,
    query       TEXT NOT NULL DEFAULT '',
    filter      TEXT NOT NULL DEFAULT '{}',
    position    INTEGER NOT NULL DEFAULT 0,
    created_at  TEXT NOT NULL
);
