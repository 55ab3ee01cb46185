-- Copydesk library schema, version 2: whether a quote is on the record, and an image's agency or source
-- (the credit stays the photographer's name).
ALTER TABLE quotes ADD COLUMN on_record INTEGER NOT NULL DEFAULT 1 CHECK (on_record IN (0, 1));
ALTER TABLE images ADD COLUMN agency TEXT NOT NULL DEFAULT '';
