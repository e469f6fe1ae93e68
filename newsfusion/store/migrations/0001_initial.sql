-- 0001: documents as received, the cleaned articles, full-text search, rejections.

-- Every input as received, one row per revision of a source_id. Never updated or deleted.
CREATE TABLE documents (
    id            INTEGER PRIMARY KEY,
    source_id     TEXT    NOT NULL,
    revision      INTEGER NOT NULL,
    content_hash  TEXT    NOT NULL,
    format        TEXT    NOT NULL,          -- text | html | json
    origin        TEXT    NOT NULL,          -- file path, URL or '-'
    line          INTEGER,                   -- line or record number inside origin
    url           TEXT,
    encoding      TEXT,
    received_at   TEXT    NOT NULL,
    raw           BLOB    NOT NULL,          -- zlib-compressed bytes as received
    UNIQUE (source_id, revision),
    UNIQUE (source_id, content_hash)
);

-- The current (latest) revision of each article, after cleaning.
CREATE TABLE articles (
    id            INTEGER PRIMARY KEY,
    source_id     TEXT    NOT NULL UNIQUE,
    seq           INTEGER NOT NULL UNIQUE,   -- arrival order of the first revision
    revision      INTEGER NOT NULL,
    document_id   INTEGER NOT NULL REFERENCES documents (id),
    url           TEXT,
    outlet        TEXT,
    title         TEXT,
    published     TEXT,
    language      TEXT,
    text          TEXT    NOT NULL,
    details       TEXT    NOT NULL DEFAULT '{}',  -- JSON: removed text, metadata, credits
    updated_at    TEXT    NOT NULL
);
CREATE INDEX articles_outlet ON articles (outlet);
CREATE INDEX articles_published ON articles (published);

CREATE VIRTUAL TABLE articles_fts USING fts5 (
    title, text,
    content = 'articles', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts (rowid, title, text) VALUES (new.id, new.title, new.text);
END;
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
END;
CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
    INSERT INTO articles_fts (rowid, title, text) VALUES (new.id, new.title, new.text);
END;

-- Inputs, or one stage's work on them, that could not be done. The same rejection seen again
-- (same stage, code, origin, line and source) is kept once, so a re-run changes nothing.
CREATE TABLE rejects (
    id            INTEGER PRIMARY KEY,
    stage         TEXT    NOT NULL,
    code          TEXT    NOT NULL,
    message       TEXT    NOT NULL,
    source_id     TEXT    NOT NULL DEFAULT '',
    origin        TEXT    NOT NULL DEFAULT '',
    line          INTEGER NOT NULL DEFAULT 0,
    created_at    TEXT    NOT NULL,
    UNIQUE (stage, code, origin, line, source_id)
);
