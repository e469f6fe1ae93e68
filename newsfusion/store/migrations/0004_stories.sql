-- 0004: stories (events) and the threads (long-running topics) that link them.

CREATE TABLE threads (
    id            INTEGER PRIMARY KEY,
    title         TEXT,
    stories       INTEGER NOT NULL DEFAULT 0,
    vector        TEXT    NOT NULL,            -- JSON: summed story vectors, pruned
    first_seq     INTEGER NOT NULL,
    last_seq      INTEGER NOT NULL
);

CREATE TABLE stories (
    id            INTEGER PRIMARY KEY,
    thread_id     INTEGER REFERENCES threads (id),
    merged_into   INTEGER REFERENCES stories (id),   -- set when a later decision folded this story into another
    title         TEXT,
    title_vector  TEXT    NOT NULL DEFAULT '{}', -- JSON: the titled member's top features, to compare newcomers
    articles      INTEGER NOT NULL DEFAULT 0,
    vector        TEXT    NOT NULL,            -- JSON: summed member vectors, pruned
    floor_day     TEXT,                        -- the event is no earlier than this (ISO date)
    ceiling_day   TEXT,                        -- ... and no later than this
    floor_confidence   REAL NOT NULL DEFAULT 0,
    ceiling_confidence REAL NOT NULL DEFAULT 0,
    first_published TEXT,                      -- earliest and latest publication dates of members
    last_published  TEXT,
    first_seq     INTEGER NOT NULL,            -- arrival order of the first and latest member
    last_seq      INTEGER NOT NULL,
    updated_at    TEXT    NOT NULL
);
CREATE INDEX stories_last_seq ON stories (last_seq);
CREATE INDEX stories_thread ON stories (thread_id);

CREATE TABLE story_articles (
    article_id    INTEGER PRIMARY KEY REFERENCES articles (id),
    story_id      INTEGER NOT NULL REFERENCES stories (id),
    similarity    REAL    NOT NULL            -- how well the article matched the story when it joined
);
CREATE INDEX story_articles_story ON story_articles (story_id);
CREATE INDEX stories_merged_into ON stories (merged_into);
