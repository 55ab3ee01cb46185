-- Copydesk library schema, version 10: each article's tags in their order, from an index. Every row of the
-- list shows its tags in order; without it SQLite sorted them for each row (a sixth of reading a page).
CREATE INDEX IF NOT EXISTS article_tags_position ON article_tags (article_id, position);
