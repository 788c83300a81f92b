"""The corpus stage: claims across many articles, as a Parquet dataset queried with DuckDB.

>>> import h200claims.corpus as corpus          # doctest: +SKIP
>>> con = corpus.open("claims.parquet")          # doctest: +SKIP
>>> con.sql("SELECT speaker_actor, count(*) FROM quotes GROUP BY 1 ORDER BY 2 DESC").df()  # doctest: +SKIP

Files: ``schema.py`` (the tables), ``rows.py`` (an article as rows), ``identity.py`` (one id an
actor), ``batch.py`` (the engine-neutral batch function), ``store.py`` (part files), ``query.py``
(DuckDB views), ``report.py`` (the HTML report), ``dask_engine.py`` (the same batches on Dask).
"""
from h200claims.corpus.query import open
from h200claims.corpus.store import Dataset

__all__ = ["open", "Dataset"]
