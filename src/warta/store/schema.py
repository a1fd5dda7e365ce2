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
