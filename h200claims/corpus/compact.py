"""Compaction: many small part files merged into few large ones, atomically, rows unchanged.

Every run writes one part a batch and table, so a corpus grown by many runs is many small files
(3,000 articles in batches of 100 make 30 a table, a million make ten thousand), and each query
opens them all. ``compact(ds)`` merges the committed parts of each table into parts of at most
``target`` articles: a merged part holds exactly the rows of the parts it replaces (their
``batch`` values too), so every view and every ``raw_`` table answers as before.

It commits like a batch: ``_compactions/<id>.json`` names the parts it supersedes, then the merged
part of every table is written (each to a temporary name, then renamed), ``articles`` last; from
that moment readers see the merged part and not the old ones (``Dataset.committed``); the old
files are deleted after. Cut short anywhere, the dataset reads the same (the next run tidies up).
Run it when no other run writes to the dataset.
"""
from __future__ import annotations

import hashlib
import json
from typing import Any

from h200claims.corpus.schema import TABLES
from h200claims.corpus.store import Dataset

#: articles a merged part holds at most
TARGET = 50_000
#: a run compacts its dataset when the ``articles`` table has more parts than this
THRESHOLD = 64


def _sizes(ds: Dataset, ids: set[str]) -> dict[str, int]:
    """Committed part id -> its number of articles (from the Parquet footers only)."""
    import pyarrow.parquet as pq

    out = {}
    for p in ds.committed_parts("articles", ids):
        with ds.fs.open(p, "rb") as f:
            out[ds.batch_of(p)] = pq.ParquetFile(f).metadata.num_rows
    return out


def groups(sizes: dict[str, int], target: int) -> list[list[str]]:
    """Small parts, in id order, gathered into groups of at most ``target`` articles; a group of
    one part is left as it is.

    >>> groups({"a": 10, "b": 10, "c": 95, "d": 10}, 30)
    [['a', 'b', 'd']]
    """
    out: list[list[str]] = [[]]
    total = 0
    for pid in sorted(sizes):
        n = sizes[pid]
        if n >= target:
            continue
        if out[-1] and total + n > target:
            out.append([])
            total = 0
        out[-1].append(pid)
        total += n
    return [g for g in out if len(g) > 1]


def merge(ds: Dataset, ids: list[str]) -> str:
    """Merge the parts ``ids`` into one per table; returns the merged part's id."""
    import pyarrow.parquet as pq

    from h200claims.corpus.schema import arrow

    pa = arrow()
    new = "c" + hashlib.sha256("\n".join(sorted(ids)).encode("utf-8")).hexdigest()[:15]
    ds.fs.makedirs(ds.path("_compactions"), exist_ok=True)
    with ds.fs.open(ds.path("_compactions", f"{new}.json"), "w") as f:
        json.dump({"replaces": sorted(ids)}, f)
    for t in TABLES:  # articles last: the merge is committed once its articles part exists
        tables = []
        for pid in ids:
            if ds.fs.exists(ds.part(t, pid)):
                with ds.fs.open(ds.part(t, pid), "rb") as f:
                    tables.append(pq.read_table(f))
        ds.put_table(ds.part(t, new), pa.concat_tables(tables) if tables else [], t)
    for t in TABLES:  # the old parts are superseded now: no reader sees them
        for pid in ids:
            if ds.fs.exists(ds.part(t, pid)):
                ds.fs.rm(ds.part(t, pid))
    ds.fs.rm(ds.path("_compactions", f"{new}.json"))
    return new


def compact(ds: Dataset, target: int = TARGET) -> dict[str, Any]:
    """Merge the dataset's small parts; returns ``{"parts_before", "parts_after", "merged"}``."""
    ds.remove_uncommitted()
    ids = ds.committed()
    before = len(ids)
    merged = [merge(ds, g) for g in groups(_sizes(ds, ids), target)]
    return {"parts_before": before, "parts_after": len(ds.committed()), "merged": len(merged)}


def needs_compaction(ds: Dataset, threshold: int = THRESHOLD) -> bool:
    return len(ds.parts("articles")) > threshold
