"""The dataset as an embedded DuckDB database: every table and view registered by name.

The part files of committed batches are ``raw_<table>``; the views (``data/corpus_views.sql``) keep committed batches
only, one copy of each article, and add corpus-wide actor ids (``actor``, ``speaker_actor`` …).
"""
from __future__ import annotations

from typing import Any

from h200claims import data
from h200claims.corpus.schema import DERIVED, RUN_TABLES, TABLES, schemas
from h200claims.corpus.store import Dataset
from h200claims.errors import H200ClaimsError

VIEWS = ("articles", "entities", "mentions", "quantities", "quotes", "claims", "errors", "actors", "actor_map",
         "claim_groups", "claim_conflicts", "claim_timeline", "quote_groups", "actor_pairs", "runs", "replaced")


def open(dataset: str, threads: int | None = None) -> Any:  # noqa: A001 - the name users expect
    """A DuckDB connection over ``dataset`` with its tables and views registered.

    >>> import tempfile, h200claims.corpus as corpus
    >>> from h200claims.corpus.batch import extract_batch
    >>> ds = corpus.Dataset(tempfile.mkdtemp() + "/c"); ds.prepare()
    >>> ds.write(extract_batch([("n1", "王小明表示，今年營收成長25%。")], {})); _ = ds.update_actors()
    >>> con = corpus.open(ds.url)
    >>> con.sql("SELECT speaker_text, text FROM quotes").fetchall()
    [('王小明', '今年營收成長25%')]
    >>> con.sql("SELECT actor, names_hant FROM actors").fetchall()
    [('person:王小明', ['王小明'])]
    """
    try:
        import duckdb
    except ImportError as e:  # pragma: no cover - the test extra installs it
        raise H200ClaimsError("the corpus needs duckdb: pip install 'h200claims[corpus]'") from e
    ds = Dataset(dataset)
    if not ds.fs.exists(ds.path("_schema.json")):
        raise H200ClaimsError(f"{dataset}: not an h200claims dataset (no _schema.json); "
                              "write one with: h200claims extract PATH --format parquet -o DATASET")
    con = duckdb.connect(":memory:")
    if threads:
        con.execute(f"SET threads = {int(threads)}")
    protocol = ds.fs.protocol if isinstance(ds.fs.protocol, str) else ds.fs.protocol[0]
    local = protocol in ("file", "local")
    if not local:
        con.register_filesystem(ds.fs)
    committed = ds.committed()
    for t in TABLES + RUN_TABLES + DERIVED:  # parts of committed batches only: an interrupted run's are not read
        parts = ds.committed_parts(t, committed)
        if parts:
            files = ", ".join("'" + (p if local else f"{protocol}://{p}").replace("'", "''") + "'" for p in parts)
            con.execute(f"CREATE VIEW raw_{t} AS SELECT * FROM read_parquet([{files}])")
        else:
            con.register(f"_empty_{t}", schemas()[t].empty_table())
            con.execute(f"CREATE VIEW raw_{t} AS SELECT * FROM _empty_{t}")
    con.execute(data.read_text("corpus_views.sql"))  # one string: DuckDB parses the statements (a ';' in a
    return con                                         # literal or a comment is not a separator)
