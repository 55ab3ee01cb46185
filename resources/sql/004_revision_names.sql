-- Copydesk library schema, version 4: a revision's name ("Sent to the desk", "Imported", "Restored from 3")
-- and its word count, so the history lists without reading every snapshot.
ALTER TABLE revisions ADD COLUMN name TEXT NOT NULL DEFAULT '';
ALTER TABLE revisions ADD COLUMN word_count INTEGER NOT NULL DEFAULT 0;
