-- 0002: how many articles of each outlet printed a given short line, to spot its page template.

CREATE TABLE outlet_lines (
    outlet     TEXT    NOT NULL,
    line_key   INTEGER NOT NULL,   -- 64-bit hash of the normalised line
    articles   INTEGER NOT NULL,
    PRIMARY KEY (outlet, line_key)
) WITHOUT ROWID;
