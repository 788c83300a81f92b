"""The corpus dataset's schema: one folder a table, each of Parquet part files, every row keyed
by ``article_id`` and ``batch`` (docs/corpus.md describes every column).

A dataset is plain files any Parquet reader opens (DuckDB, pyarrow, pandas, Spark, Polars); this
module is the one place its columns are declared, and ``SCHEMA_VERSION`` changes with them.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Any

from h200claims.errors import H200ClaimsError

SCHEMA_VERSION = 5

#: the tables extraction writes, in the order a batch writes them (``articles`` last: a batch is
#: committed once its ``articles`` part exists)
TABLES = ("entities", "mentions", "quantities", "quotes", "claims", "errors", "articles")

#: the tables a run writes once, at its end, as ``part-<run>.parquet``: what it did (``runs``, the
#: manifest) and the articles it retired (``replaced``, with ``--replace-changed``)
RUN_TABLES = ("runs", "replaced")

#: the table the corpus derives after a run from every ``entities`` part (actor identity)
DERIVED = ("actor_keys",)


def arrow() -> Any:
    """pyarrow, or a clear error naming the extra that installs it."""
    try:
        import pyarrow as pa
    except ImportError as e:  # pragma: no cover - the test extra installs it
        raise H200ClaimsError("the corpus needs pyarrow and duckdb: pip install 'h200claims[corpus]'") from e
    return pa


@lru_cache(maxsize=1)
def schemas() -> dict[str, Any]:
    """Table name -> ``pyarrow.Schema``.

    >>> s = schemas()
    >>> s["quotes"].field("speaker_key").type, s["articles"].field("date").type
    (DataType(string), DataType(date32[day]))
    """
    pa = arrow()
    s, i32, f64, b, d, ts = pa.string(), pa.int32(), pa.float64(), pa.bool_(), pa.date32(), pa.timestamp("ms", "UTC")
    strs = pa.list_(s)
    key = [("article_id", s), ("batch", s)]
    span = [("start", i32), ("end", i32), ("text", s), ("rule", s)]
    cols: dict[str, list[tuple[str, Any]]] = {
        "articles": key + [
            ("source", s), ("date", d), ("title", s), ("outlet", s), ("outlet_key", s), ("script", s),
            ("chars", i32), ("text", s), ("offsets_refer_to", s), ("body_starts", pa.list_(i32)),
            ("body_ends", pa.list_(i32)), ("warnings", strs), ("entities", i32), ("quantities", i32),
            ("quotes", i32), ("claims", i32)],
        "entities": key + [
            ("entity", s), ("actor_key", s), ("label", s), ("name", s), ("aliases", strs), ("titles", strs),
            ("affiliation", s), ("affiliation_key", s), ("lexicon", b), ("names_folded", strs), ("mentions", i32)],
        "mentions": key + [("entity", s), ("actor_key", s), ("label", s)] + span,
        "quantities": key + [("idx", i32), ("kind", s)] + span + [
            ("value", f64), ("unit", s), ("approx", b), ("bound", s), ("low", f64), ("high", f64),
            ("from_value", f64), ("to_value", f64), ("currency_from", s)],
        "quotes": key + [("idx", i32), ("kind", s)] + span + [
            ("speaker", s), ("speaker_key", s), ("speaker_text", s), ("cue", s), ("via", s), ("via_key", s)],
        "claims": key + [
            ("idx", i32), ("type", s), ("rule", s), ("evidence_start", i32), ("evidence_end", i32),
            ("sentence_start", i32), ("sentence_end", i32), ("speaker", s), ("speaker_key", s), ("speaker_text", s),
            ("content", s), ("kind", s), ("cue", s), ("via", s), ("via_key", s), ("quantity_idx", i32),
            ("quantity_kind", s), ("value", f64), ("unit", s), ("measure", s), ("subject", s), ("subject_key", s),
            ("subject_text", s), ("comparison", s), ("comparison_key", s), ("direction", s), ("basis", s),
            ("direction_text", s), ("period", s), ("measure_key", s), ("content_key", s), ("subject_rule", s),
            ("measure_rule", s)],
        "errors": [("batch", s), ("source", s), ("kind", s), ("message", s)],
        "runs": [("run", s), ("started", ts), ("finished", ts), ("status", s), ("inputs", strs), ("articles", i32),
                 ("claims", i32), ("skipped", i32), ("failures", i32), ("replaced", i32)],
        "replaced": [("article_id", s), ("batch", s), ("source", s), ("replaced_by", s), ("run", s)],
        "actor_keys": [("article_id", s), ("actor_key", s), ("actor", s), ("label", s)],
    }
    return {name: pa.schema(c) for name, c in cols.items()}


def describe() -> dict[str, Any]:
    """The schema as JSON-ready data (written to every dataset as ``_schema.json``).

    >>> d = describe()
    >>> d["schema_version"], d["tables"]["errors"]
    (5, {'batch': 'string', 'source': 'string', 'kind': 'string', 'message': 'string'})
    """
    return {"schema_version": SCHEMA_VERSION,
            "tables": {t: {f.name: str(f.type) for f in sch} for t, sch in schemas().items()}}
