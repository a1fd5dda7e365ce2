"""Table definitions of the store, as migrations apply them (see ``warta.store.migrations``).

Every annotation row records the ``stage`` (``name@version``) that produced it, so stored runs stay
interpretable after a stage changes. Offsets are character offsets into ``articles.text``.
"""

from __future__ import annotations

# Migration 1: the initial schema. Never edit a released migration; add a new one instead.
SCHEMA_V1 = """
CREATE TABLE articles (
    id          TEXT PRIMARY KEY,          -- stable content hash (record id)
    title       TEXT,
    text        TEXT NOT NULL,
    language    TEXT,
    published   TEXT,                      -- ISO 8601, possibly partial
    url         TEXT,
    source_path TEXT,
    source_format TEXT NOT NULL,
    source_record INTEGER,                 -- position inside a multi-article input
    site_name   TEXT,
    authors     TEXT NOT NULL DEFAULT '[]',  -- JSON array
    agencies    TEXT NOT NULL DEFAULT '[]',  -- JSON array
    tone        REAL,
    record      TEXT NOT NULL,             -- the full warta.article/1 JSON record
    ingested_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE INDEX articles_published ON articles(published);

CREATE VIRTUAL TABLE articles_fts USING fts5(
    title, text, content='articles', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
END;
CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, text)
    VALUES ('delete', old.rowid, old.title, old.text);
END;
CREATE TRIGGER articles_au AFTER UPDATE ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, text)
    VALUES ('delete', old.rowid, old.title, old.text);
    INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
END;

CREATE TABLE actors (
    id          TEXT PRIMARY KEY,          -- stable across articles
    name        TEXT NOT NULL,
    type        TEXT NOT NULL,             -- PERSON | ORG | GPE | LOC
    country     TEXT,                      -- ISO-3166 alpha-3
    kb          TEXT,
    source      TEXT NOT NULL DEFAULT 'learned',  -- 'learned' | 'user' (wins) | 'stub'
    first_seen  TEXT,
    last_seen   TEXT
);
CREATE TABLE actor_aliases (
    actor_id    TEXT NOT NULL REFERENCES actors(id) ON DELETE CASCADE,
    alias       TEXT NOT NULL,
    PRIMARY KEY (actor_id, alias)
);
CREATE INDEX actor_aliases_alias ON actor_aliases(alias COLLATE NOCASE);
CREATE TABLE actor_roles (
    actor_id    TEXT NOT NULL REFERENCES actors(id) ON DELETE CASCADE,
    role        TEXT NOT NULL,
    first_seen  TEXT,
    last_seen   TEXT,
    PRIMARY KEY (actor_id, role)
);

CREATE TABLE mentions (
    article_id  TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    start       INTEGER NOT NULL,
    end         INTEGER NOT NULL,
    text        TEXT NOT NULL,
    label       TEXT NOT NULL,
    actor_id    TEXT REFERENCES actors(id),
    stage       TEXT NOT NULL,
    PRIMARY KEY (article_id, start, end, label)
);
CREATE INDEX mentions_actor ON mentions(actor_id);
CREATE INDEX actors_name ON actors(name COLLATE NOCASE);

CREATE TABLE quotes (
    article_id  TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    seq         INTEGER NOT NULL,          -- position of the quote in its article
    start       INTEGER NOT NULL,
    end         INTEGER NOT NULL,
    text        TEXT NOT NULL,
    kind        TEXT NOT NULL,             -- direct | partial | indirect
    speaker_id  TEXT REFERENCES actors(id),
    speaker_text TEXT,
    cue         TEXT,
    addressee   TEXT,
    date        TEXT,
    stage       TEXT NOT NULL,
    PRIMARY KEY (article_id, seq)
);
CREATE INDEX quotes_speaker ON quotes(speaker_id);
CREATE INDEX quotes_date ON quotes(date);

CREATE TABLE events (
    article_id  TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    seq         INTEGER NOT NULL,          -- position of the event in its article
    type        TEXT NOT NULL,             -- PLOVER type
    mode        TEXT,
    cameo       TEXT,
    source_id   TEXT REFERENCES actors(id),
    target_id   TEXT REFERENCES actors(id),
    date        TEXT,
    location    TEXT,                      -- JSON place object or NULL
    negated     INTEGER NOT NULL DEFAULT 0,
    modality    TEXT NOT NULL DEFAULT 'asserted',
    start       INTEGER NOT NULL,
    end         INTEGER NOT NULL,
    trigger     TEXT,
    evidence    TEXT NOT NULL DEFAULT '[]', -- JSON [[start, end], ...]
    goldstein   REAL,
    quad_class  INTEGER,
    stage       TEXT NOT NULL,
    PRIMARY KEY (article_id, seq)
);
CREATE INDEX events_type ON events(type);
CREATE INDEX events_date ON events(date);
CREATE INDEX events_source ON events(source_id);
CREATE INDEX events_target ON events(target_id);
"""

# Migration 2: which raw inputs were already ingested, so a re-run skips them without cleaning
# them again, and still skips them after a warta upgrade changes the cleaning (and so the ids).
SCHEMA_V2_INPUTS = """
CREATE TABLE inputs (
    key         TEXT PRIMARY KEY,          -- hash of an input article's raw title and text
    article_id  TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE
) WITHOUT ROWID;
CREATE INDEX inputs_article ON inputs(article_id);
"""

# Migration 4: an article is its text; the ids inputs gave it are references to it, kept here.
# (Before, a dataset's own id was part of the article id, so one story under two ids was stored
# twice, with its quotes and events.) A normal rowid table: references list in the order met.
SCHEMA_V4_REFS = """
CREATE TABLE article_refs (
    article_id  TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    native_id   TEXT NOT NULL,             -- the input's own id (CSV/JSONL id column)
    PRIMARY KEY (article_id, native_id)
);
CREATE INDEX article_refs_native ON article_refs(native_id);
"""

# Migration 7: links between articles, recomputed as a whole by ``warta link``
# (``warta.store.links.relink``): real-world events, each with the event mentions that report
# it (``warta.link.events``), and stories with their articles (``warta.link.stories``).
SCHEMA_V7_LINKS = """
CREATE TABLE event_clusters (
    id           TEXT PRIMARY KEY,         -- warta.link.events id (hash of its earliest mention)
    global_id    INTEGER NOT NULL,         -- GDELT GLOBALEVENTID: its earliest mention's
    type         TEXT NOT NULL,            -- PLOVER type
    source_id    TEXT,
    target_id    TEXT,
    place        TEXT,                     -- JSON place object of a mention that names one
    date         TEXT,                     -- the earliest date a report states, else NULL
    first_report TEXT,                     -- earliest publication date of its articles
    last_report  TEXT,
    num_mentions INTEGER NOT NULL,         -- event mentions (GDELT NumMentions)
    num_sources  INTEGER NOT NULL,         -- distinct outlets (GDELT NumSources)
    num_articles INTEGER NOT NULL,         -- distinct articles (GDELT NumArticles)
    method       TEXT NOT NULL             -- link.events@version
);
CREATE INDEX event_clusters_type ON event_clusters(type);
CREATE INDEX event_clusters_first ON event_clusters(first_report);
CREATE TABLE event_cluster_mentions (
    cluster_id  TEXT NOT NULL REFERENCES event_clusters(id) ON DELETE CASCADE,
    article_id  TEXT NOT NULL,
    seq         INTEGER NOT NULL,
    PRIMARY KEY (article_id, seq),
    FOREIGN KEY (article_id, seq) REFERENCES events(article_id, seq) ON DELETE CASCADE
);
CREATE INDEX event_cluster_mentions_cluster ON event_cluster_mentions(cluster_id);
CREATE TABLE stories (
    id              TEXT PRIMARY KEY,      -- warta.link.stories id (hash of its first article)
    title           TEXT,                  -- the headline of its most central article
    lead_article    TEXT,                  -- that article's id
    first_published TEXT,
    last_published  TEXT,
    actors          TEXT NOT NULL DEFAULT '[]',  -- JSON [actor id, ...], most articles first
    outlets         TEXT NOT NULL DEFAULT '[]',  -- JSON [outlet, ...], most articles first
    num_articles    INTEGER NOT NULL,
    method          TEXT NOT NULL          -- link.stories@version
);
CREATE INDEX stories_last ON stories(last_published);
CREATE TABLE story_articles (
    story_id    TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
    article_id  TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE
);
CREATE INDEX story_articles_story ON story_articles(story_id);
"""

# Migration 5: copies of a stored text (the same text, or a near copy such as a wire story
# re-published with another lead) are stored once, as versions of their canonical article: each
# keeps its own source, URL and date, but not its quotes, events and mentions (counted once).
# The dedup index (warta.link.dedup) lives beside them so copies are found across runs: each
# canonical article's exact key and MinHash signature, and its LSH band keys; ``dedup_state``
# holds the settings the index was built with (a change of them rebuilds it from the texts).
SCHEMA_V5_VERSIONS = """
CREATE TABLE article_versions (
    id          TEXT PRIMARY KEY,          -- the copy's own id (warta.record.article_id)
    article_id  TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,  -- its canonical one
    kind        TEXT NOT NULL CHECK (kind IN ('exact', 'near')),
    similarity  REAL NOT NULL,             -- estimated Jaccard of word shingles (1 for exact)
    fingerprint TEXT NOT NULL,             -- the copy's exact key (normalised words)
    title       TEXT,
    published   TEXT,
    url         TEXT,
    site_name   TEXT,
    source_path TEXT,
    source_format TEXT,
    source_record INTEGER,
    native_id   TEXT,                      -- the input's own id for the copy
    added_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE INDEX article_versions_article ON article_versions(article_id);

CREATE TABLE dedup_texts (
    article_id  TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    fingerprint TEXT NOT NULL,             -- exact key of the normalised words
    signature   BLOB                       -- MinHash values, uint32 little-endian; NULL: near off
) WITHOUT ROWID;
CREATE INDEX dedup_texts_fingerprint ON dedup_texts(fingerprint);
CREATE TABLE dedup_bands (
    key         INTEGER NOT NULL,          -- 64-bit hash of one LSH band of a signature
    article_id  TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    PRIMARY KEY (key, article_id)
) WITHOUT ROWID;
CREATE INDEX dedup_bands_article ON dedup_bands(article_id);
CREATE TABLE dedup_state (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    params      TEXT NOT NULL              -- JSON of the [dedup] settings the index holds
);
"""

# Migration 6: vectors for search by meaning (the embed stage, ``warta.nlp.embed``). A plain
# table, not a sqlite-vec virtual table: the store stays readable and writable where the
# extension cannot be loaded (only search by meaning needs it: ``vec_distance_cosine``), and
# sqlite-vec's own vec0 tables search by brute force too at this size.
SCHEMA_V6_EMBEDDINGS = """
CREATE TABLE embeddings (
    article_id  TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    seq         INTEGER NOT NULL,          -- 0: title + lead; 1, 2, …: paragraphs in text order
    start       INTEGER NOT NULL,          -- the embedded stretch of articles.text
    end         INTEGER NOT NULL,
    model       TEXT NOT NULL,             -- model@engine-version: vectors of two never mix
    vector      BLOB NOT NULL,             -- float32 little-endian, unit length (sqlite-vec's)
    stage       TEXT NOT NULL,
    PRIMARY KEY (article_id, seq)
);
CREATE INDEX embeddings_model ON embeddings(model, seq);
"""
