-- 0005: what the extract stage found in each article (entities, quotes, figures, dates, places).

CREATE TABLE extractions (
    article_id    INTEGER PRIMARY KEY REFERENCES articles (id),
    data          TEXT    NOT NULL,          -- JSON, see newsfusion.extract.Extraction.as_dict
    extracted_at  TEXT    NOT NULL
);
