-- 0007: one row per change a reader of the store may want to hear of: an input stored, or an
-- article's extraction written (which follows its article by seconds). The newest id is the
-- store's version, which `GET /api/changes` and the live pages compare. The rows of the inputs
-- stored so far keep their documents' ids, so versions handed out before stay valid.

CREATE TABLE change_log (
    id         INTEGER PRIMARY KEY,
    source_id  TEXT    NOT NULL
);

INSERT INTO change_log (id, source_id) SELECT id, source_id FROM documents;
