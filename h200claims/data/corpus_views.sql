-- The views h200claims.corpus.open() registers over a dataset's raw_<table> sources
-- (docs/corpus.md). One article id is one article: the first committed batch holding it wins;
-- an article a run replaced (--replace-changed, the table replaced) is not seen.

CREATE VIEW articles AS
SELECT * EXCLUDE (_n) FROM (
    SELECT *, row_number() OVER (PARTITION BY article_id ORDER BY batch) AS _n
    FROM raw_articles ANTI JOIN raw_replaced USING (article_id, batch)
) WHERE _n = 1;

CREATE VIEW runs AS SELECT * FROM raw_runs;

CREATE VIEW replaced AS SELECT * FROM raw_replaced;

CREATE VIEW errors AS
SELECT DISTINCT ON (source, kind, message) * FROM raw_errors
ORDER BY source, kind, message, batch;

CREATE VIEW actor_map AS SELECT article_id, actor_key, actor FROM raw_actor_keys;

CREATE VIEW entities AS
SELECT e.*, coalesce(k.actor, e.actor_key) AS actor, coalesce(ka.actor, e.affiliation_key) AS affiliation_actor
FROM (SELECT * FROM raw_entities SEMI JOIN articles USING (article_id, batch)) e
LEFT JOIN actor_map k ON k.article_id = e.article_id AND k.actor_key = e.actor_key
LEFT JOIN actor_map ka ON ka.article_id = e.article_id AND ka.actor_key = e.affiliation_key;

CREATE VIEW mentions AS
SELECT m.*, coalesce(k.actor, m.actor_key) AS actor
FROM (SELECT * FROM raw_mentions SEMI JOIN articles USING (article_id, batch)) m
LEFT JOIN actor_map k ON k.article_id = m.article_id AND k.actor_key = m.actor_key;

CREATE VIEW quantities AS
SELECT * FROM raw_quantities SEMI JOIN articles USING (article_id, batch);

CREATE VIEW quotes AS
SELECT q.*, coalesce(k.actor, q.speaker_key) AS speaker_actor, coalesce(kv.actor, q.via_key) AS via_actor
FROM (SELECT * FROM raw_quotes SEMI JOIN articles USING (article_id, batch)) q
LEFT JOIN actor_map k ON k.article_id = q.article_id AND k.actor_key = q.speaker_key
LEFT JOIN actor_map kv ON kv.article_id = q.article_id AND kv.actor_key = q.via_key;

CREATE VIEW claims AS
SELECT c.*, a.date, a.source, coalesce(ko.actor, a.outlet_key) AS outlet, a.outlet AS outlet_name,
       coalesce(k.actor, c.speaker_key) AS speaker_actor, coalesce(ks.actor, c.subject_key) AS subject_actor,
       coalesce(kc.actor, c.comparison_key) AS comparison_actor, coalesce(kv.actor, c.via_key) AS via_actor
FROM (SELECT * FROM raw_claims SEMI JOIN articles USING (article_id, batch)) c
JOIN articles a USING (article_id, batch)
LEFT JOIN actor_map ko ON ko.article_id = a.article_id AND ko.actor_key = a.outlet_key
LEFT JOIN actor_map k ON k.article_id = c.article_id AND k.actor_key = c.speaker_key
LEFT JOIN actor_map ks ON ks.article_id = c.article_id AND ks.actor_key = c.subject_key
LEFT JOIN actor_map kc ON kc.article_id = c.article_id AND kc.actor_key = c.comparison_key
LEFT JOIN actor_map kv ON kv.article_id = c.article_id AND kv.actor_key = c.via_key;

-- one row an actor: its names as written in each script, English names, aliases, reach, dates
CREATE VIEW actors AS
WITH m AS (
    SELECT m.actor, m.label, m.text, m.article_id, a.script, a.date,
           regexp_matches(m.text, '\p{Han}') AS han
    FROM mentions m JOIN articles a USING (article_id, batch)
), e AS (
    SELECT actor, first(name ORDER BY mentions DESC, name) AS name,
           list_sort(list_distinct(flatten(list(aliases)))) AS aliases,
           list_sort(list_distinct(flatten(list(titles)))) AS titles, bool_or(lexicon) AS lexicon
    FROM entities GROUP BY actor
)
SELECT m.actor, any_value(m.label) AS label, any_value(e.name) AS name,
       coalesce(list_sort(list_distinct(list(m.text) FILTER (WHERE m.han AND m.script = 'hant'))), []::VARCHAR[]) AS names_hant,
       coalesce(list_sort(list_distinct(list(m.text) FILTER (WHERE m.han AND m.script = 'hans'))), []::VARCHAR[]) AS names_hans,
       coalesce(list_sort(list_distinct(list(m.text) FILTER (WHERE NOT m.han))), []::VARCHAR[]) AS english,
       any_value(e.aliases) AS aliases, any_value(e.titles) AS titles, any_value(e.lexicon) AS lexicon,
       count(DISTINCT m.article_id) AS articles, count(*) AS mentions,
       min(m.date) AS first_date, max(m.date) AS last_date
FROM m JOIN e USING (actor)
GROUP BY m.actor;

-- the same quantity claim (subject, measure, value, unit) across articles
CREATE VIEW claim_groups AS
SELECT subject_actor, measure_key, quantity_kind, value, unit,
       any_value(measure) AS measure, any_value(content) AS example,
       count(DISTINCT article_id) AS articles, list_sort(list_distinct(list(article_id))) AS article_ids,
       coalesce(list_sort(list_distinct(list(outlet_name) FILTER (WHERE outlet_name IS NOT NULL))), []::VARCHAR[]) AS outlets,
       coalesce(list_sort(list_distinct(list(speaker_actor) FILTER (WHERE speaker_actor IS NOT NULL))), []::VARCHAR[]) AS speakers,
       min(date) AS first_date, max(date) AS last_date
FROM claims WHERE type = 'quantity' AND value IS NOT NULL AND subject_actor IS NOT NULL AND measure_key IS NOT NULL
GROUP BY subject_actor, measure_key, quantity_kind, value, unit;

-- where articles disagree: the same subject, measure, kind and unit (and period, where both give one)
-- stated with values that differ beyond rounding (0.5 %), one row a pair of claims in two articles
CREATE VIEW claim_conflicts AS
WITH c AS (
    SELECT c.article_id, c.idx, c.subject_actor, c.measure_key, c.measure, c.quantity_kind, c.unit, c.value, c.period,
           c.date, c.outlet_name, c.speaker_actor, c.content,
           substring(a.text, c.sentence_start + 1, c.sentence_end - c.sentence_start) AS sentence
    FROM claims c JOIN articles a USING (article_id)
    WHERE c.type = 'quantity' AND c.value IS NOT NULL AND c.subject_actor IS NOT NULL AND c.measure_key IS NOT NULL
      AND (c.subject_actor, c.measure_key, c.quantity_kind, coalesce(c.unit, '')) IN (
          -- only the groups that hold two values in two articles: the pairs are sought among few rows
          SELECT subject_actor, measure_key, quantity_kind, coalesce(unit, '') FROM claims
          WHERE type = 'quantity' AND value IS NOT NULL AND subject_actor IS NOT NULL AND measure_key IS NOT NULL
          GROUP BY ALL HAVING count(DISTINCT article_id) > 1 AND max(value) > min(value) * 1.005 + 1e-9))
SELECT x.subject_actor, x.measure_key, x.measure, x.quantity_kind, x.unit, coalesce(x.period, y.period) AS period,
       x.article_id AS article_a, y.article_id AS article_b, x.value AS value_a, y.value AS value_b,
       x.content AS said_a, y.content AS said_b, x.outlet_name AS outlet_a, y.outlet_name AS outlet_b,
       x.date AS date_a, y.date AS date_b, x.speaker_actor AS source_a, y.speaker_actor AS source_b,
       x.sentence AS sentence_a, y.sentence AS sentence_b
FROM c x JOIN c y
  ON x.subject_actor = y.subject_actor AND x.measure_key = y.measure_key AND x.quantity_kind = y.quantity_kind
 AND x.unit IS NOT DISTINCT FROM y.unit AND x.article_id < y.article_id
 AND (x.period IS NULL OR y.period IS NULL OR x.period = y.period)
 AND abs(x.value - y.value) > 0.005 * greatest(abs(x.value), abs(y.value));

-- one subject's measure over time: each value it was given, for which period, by how many articles
CREATE VIEW claim_timeline AS
SELECT subject_actor, measure_key, any_value(measure) AS measure, quantity_kind, unit, value, period,
       min(date) AS first_date, max(date) AS last_date, count(DISTINCT article_id) AS articles,
       coalesce(list_sort(list_distinct(list(outlet_name) FILTER (WHERE outlet_name IS NOT NULL))), []::VARCHAR[]) AS outlets
FROM claims WHERE type = 'quantity' AND value IS NOT NULL AND subject_actor IS NOT NULL AND measure_key IS NOT NULL
GROUP BY subject_actor, measure_key, quantity_kind, unit, value, period;

-- the same quote of one speaker on one day across articles
CREATE VIEW quote_groups AS
SELECT speaker_actor, date, content_key, any_value(content) AS content,
       count(DISTINCT article_id) AS articles, list_sort(list_distinct(list(article_id))) AS article_ids,
       coalesce(list_sort(list_distinct(list(outlet_name) FILTER (WHERE outlet_name IS NOT NULL))), []::VARCHAR[]) AS outlets,
       coalesce(list_sort(list_distinct(list(via_actor) FILTER (WHERE via_actor IS NOT NULL))), []::VARCHAR[]) AS via
FROM claims WHERE type = 'quote' AND speaker_actor IS NOT NULL
GROUP BY speaker_actor, date, content_key;

-- actors named in the same article
CREATE VIEW actor_pairs AS
WITH ea AS (SELECT DISTINCT article_id, actor FROM entities)
SELECT x.actor AS actor_a, y.actor AS actor_b, count(*) AS articles
FROM ea x JOIN ea y ON x.article_id = y.article_id AND x.actor < y.actor
GROUP BY x.actor, y.actor;
