-- Copydesk library schema, version 8: the list sorted by headline or by length reads its first screen from
-- an index, as it does by date, section and status, instead of sorting the whole library.
CREATE INDEX articles_headline ON articles (headline COLLATE NOCASE, id) WHERE trashed_at IS NULL;
CREATE INDEX articles_length ON articles (word_count DESC, id DESC) WHERE trashed_at IS NULL;
