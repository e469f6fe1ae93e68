-- 0003: exact and near-duplicate groups (syndicated copies of one story).

CREATE TABLE dedupe (
    article_id   INTEGER PRIMARY KEY REFERENCES articles (id),
    group_id     INTEGER NOT NULL,          -- article id of the group's first article (its original)
    exact_hash   TEXT    NOT NULL,          -- hash of the normalised word sequence
    shingles     INTEGER NOT NULL,          -- distinct word shingles in the text
    minhash      BLOB,                      -- MinHash signature (uint32 x permutations)
    similarity   REAL    NOT NULL           -- estimated containment in the original; 1 for itself
);
CREATE INDEX dedupe_group ON dedupe (group_id);
CREATE INDEX dedupe_exact ON dedupe (exact_hash);
