"""Extraction past one machine, on Dask: ``extract_to_parquet`` (the same dataset as
``h200claims extract --format parquet``; docs/distributed.md). Needs ``h200claims[dask]``.
"""
from __future__ import annotations

from typing import Any

from h200claims.batch.run import Summary


def extract_to_parquet(paths: list[Any], dataset: str, client: Any = None, batch_size: int = 100,
                       workers: int | None = None, scheduler: str | None = None, **extractor: Any) -> Summary:
    """Extract files and folders (or ``(id, text)`` pairs) into a corpus dataset on Dask.

    ``client``: a ``dask.distributed.Client`` to use (left open); else ``scheduler``'s address;
    else a local cluster of ``workers`` processes, closed at the end. ``extractor``: Extractor
    arguments (``lexicon=``, ``date=`` for undated files …). Returns the run's summary; errors
    are rows of the dataset's ``errors`` table.

    >>> from h200claims.distributed import extract_to_parquet       # doctest: +SKIP
    >>> extract_to_parquet(["news/"], "corpus/", workers=2).line()   # doctest: +SKIP
    '120 articles, 1830 claims, 0 failures, 0 skipped, 41.2s'
    """
    from h200claims.batch.run import run_dataset

    return run_dataset(list(paths), dataset, 1, dict(extractor), batch_size=batch_size, engine="dask",
                       scheduler=scheduler, workers=workers, client=client, progress=False)
