#!/usr/bin/env python3
"""Copies the articles of a Copydesk library into RSS Guard's database, for the reader bench's comparison.

    fill_rssguard.py COPYDESK_LIBRARY RSSGUARD_DATABASE

RSS Guard (Debian's rssguard 4) must have started once with the same HOME, so that its database exists.
Each source of the library becomes a feed of one standard account; each article a message of its feed,
with its headline, address, byline, date, body and read and starred marks. Only Python's own sqlite3.
"""
import sqlite3
import sys
from datetime import datetime


def main(library_path, rssguard_path):
    library = sqlite3.connect(f"file:{library_path}?mode=ro", uri=True)
    rss = sqlite3.connect(rssguard_path)
    rss.execute("DELETE FROM Messages")
    rss.execute("DELETE FROM Feeds")
    rss.execute("DELETE FROM Accounts")
    rss.execute("INSERT INTO Accounts (id, type) VALUES (1, 'std-rss')")
    sources = [row[0] for row in library.execute(
        "SELECT DISTINCT source_name FROM articles WHERE trashed_at IS NULL ORDER BY 1")]
    feed_of = {}
    for number, source in enumerate(sources, start=1):
        rss.execute(
            "INSERT INTO Feeds (id, title, category, source, update_type, update_interval, account_id, custom_id) "
            "VALUES (?, ?, -1, ?, 0, 15, 1, ?)",
            (number, source or "Copydesk", f"https://news.example/{number}/feed.xml", str(number)))
        feed_of[source] = str(number)
    rows = library.execute(
        "SELECT source_name, headline, source_url, byline, created_at, body_html, read_at IS NOT NULL, starred "
        "FROM articles WHERE trashed_at IS NULL ORDER BY id")
    batch = []
    for source, headline, url, byline, created, body, read, starred in rows:
        when = int(datetime.fromisoformat(created.replace("Z", "+00:00")).timestamp() * 1000)
        batch.append((read, starred, feed_of[source], headline or "Untitled", url, byline, when, body))
        if len(batch) == 5000:
            insert(rss, batch)
            batch = []
    insert(rss, batch)
    rss.commit()
    print(rss.execute("SELECT count(*) FROM Messages").fetchone()[0], "messages in", len(sources), "feeds")


def insert(rss, batch):
    rss.executemany(
        "INSERT INTO Messages (is_read, is_important, feed, title, url, author, date_created, contents, "
        "account_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1)", batch)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
