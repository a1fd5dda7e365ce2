"""The embedded SQLite store: articles with full-text search, actors, mentions, quotes, events."""
