-- Copydesk library schema, version 3: an editor's note on an article, for the desk and never published
-- (the preview, the exports and the search leave it out).
ALTER TABLE articles ADD COLUMN editor_note TEXT NOT NULL DEFAULT '';
