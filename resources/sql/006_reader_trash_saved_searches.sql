-- Copydesk library schema, version 6: the reader's trash, saved searches, and indexes that keep the
-- sidebar's filters fast on a large library.

-- An article moved to the trash keeps everything it had; it leaves every list but the Trash until it is
-- restored or the trash is emptied. NULL: not in the trash.
ALTER TABLE articles ADD COLUMN trashed_at TEXT;
CREATE INDEX articles_trashed ON articles (trashed_at DESC, id DESC) WHERE trashed_at IS NOT NULL;

-- The filters of the sidebar, each in the order of the list (newest first), so that the first screen of a
-- filtered list is read from the index without a scan of the library.
CREATE INDEX articles_status_newest ON articles (status, created_at DESC, id DESC);
CREATE INDEX articles_section_newest ON articles (section COLLATE NOCASE, created_at DESC, id DESC);
CREATE INDEX articles_unread_newest ON articles (created_at DESC, id DESC) WHERE read_at IS NULL;
CREATE INDEX articles_starred_newest ON articles (created_at DESC, id DESC) WHERE starred = 1;

-- Searches kept by name in the sidebar: the text in the search language and the sidebar filter with it
-- (a JSON object: status, section, tag, starred, unread, source).
CREATE TABLE saved_searches (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL UNIQUE COLLATE NOCASE,
    query       TEXT NOT NULL DEFAULT '',
    filter      TEXT NOT NULL DEFAULT '{}',
    position    INTEGER NOT NULL DEFAULT 0,
    created_at  TEXT NOT NULL
);
