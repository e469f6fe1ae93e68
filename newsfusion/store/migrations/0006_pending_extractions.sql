-- 0006: articles whose extraction is still to be written.
--
-- An article joins its story as soon as it is stored; its extraction is written later, when
-- the extract workers return it. The article's row here is written in the article's own
-- transaction and removed in the extraction's, so a run killed in between leaves it here and
-- the next run extracts it. `revision` is the article text the extraction must be of: an
-- extraction of an older revision is dropped.

CREATE TABLE pending_extractions (
    article_id  INTEGER PRIMARY KEY REFERENCES articles (id),
    revision    INTEGER NOT NULL
);
