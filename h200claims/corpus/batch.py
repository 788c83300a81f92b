"""The engine-neutral batch function: a batch of articles in, the rows of every table out.

``extract_batch`` is what each unit of work runs, whoever schedules it: the local ``--jobs``
pool (``run_local`` below) and a Dask task (``corpus/dask_engine.py``). A file that cannot be
extracted becomes a row of ``errors``; it never stops the batch.
"""
from __future__ import annotations

import hashlib
import json
from collections.abc import Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Union

from h200claims.batch.workers import Failure, extractor_args, failure_of

#: a path, or (id, text) for an article that is not a file
Item = Union[str, tuple[str, str]]

_EXTRACTORS: dict[str, Any] = {}


@dataclass
class BatchResult:
    """What one batch gives: its rows per table, counts for the summary line, and ``sources``:
    (source, article id) of every item read, stored or skipped (what ``--replace-changed`` needs)."""

    batch: str
    rows: dict[str, list[dict[str, Any]]]
    articles: int = 0
    claims: int = 0
    skipped: int = 0
    failures: list[tuple[str, Failure]] = field(default_factory=list)
    warnings: list[tuple[str, str]] = field(default_factory=list)
    sources: list[tuple[str, str]] = field(default_factory=list)

    def fail(self, source: str, failure: Failure, stored: Collection[tuple[str, str, str]] = ()) -> None:
        """Count a failure, and make its ``errors`` row unless the same one is ``stored`` already."""
        self.failures.append((source, failure))
        if (source, failure.kind, failure.message) not in stored:
            self.rows["errors"].append({"batch": self.batch, "source": source, "kind": failure.kind,
                                        "message": failure.message})

    def drop_articles(self, ids: set[str], run: str = "") -> None:
        """Leave out the rows of these articles (written by an earlier batch of the same run: the
        same text in two files), and name the batch by what is left."""
        dup = {r["article_id"] for r in self.rows["articles"]} & ids
        if dup:
            self.claims -= sum(1 for r in self.rows["claims"] if r["article_id"] in dup)
            for t, rows in self.rows.items():
                if t != "errors":
                    self.rows[t] = [r for r in rows if r["article_id"] not in dup]
            self.articles -= len(dup)
            self.skipped += len(dup)
            self.seal(run)

    def seal(self, run: str = "") -> None:
        """Name the batch by its content (``content_id``) and stamp every row with the name."""
        self.batch = content_id(run, [r["article_id"] for r in self.rows["articles"]],
                                [(r["source"], r["kind"], r["message"]) for r in self.rows["errors"]])
        for rows in self.rows.values():
            for r in rows:
                r["batch"] = self.batch


def item_name(item: Item) -> str:
    """How an item is named in ``source``: a resolved path, or its id."""
    return str(Path(item).resolve()) if isinstance(item, str) else item[0]


def content_id(run: str, article_ids: Iterable[str], errors: Iterable[tuple[str, str, str]] = ()) -> str:
    """A batch's id: a hash of the run and of what the batch stores (its article ids and error
    rows), so its part files never overwrite another batch's, and a retried task (a Dask worker
    died) writes the same names again, never a second copy.

    >>> content_id("r1", ["b", "a"]) == content_id("r1", ["a", "b"]) != content_id("r2", ["a", "b"])
    True
    """
    keys = sorted(article_ids) + sorted("\t".join(e) for e in errors)
    return hashlib.sha256("\n".join([run, *keys]).encode("utf-8")).hexdigest()[:16]


def batch_id(items: Sequence[Item]) -> str:
    """A name for a batch of items before it is run (a Dask task's key); never a part file's.

    >>> batch_id([("a", "甲"), ("b", "乙")]) == batch_id([("a", "x"), ("b", "y")])
    True
    """
    return hashlib.sha256("\n".join(item_name(i) for i in items).encode("utf-8")).hexdigest()[:16]


def _extractor(init_kwargs: dict[str, Any]) -> Any:
    """One Extractor per process and config (a Dask worker runs many batches)."""
    from h200claims.pipeline import Extractor

    k = json.dumps(init_kwargs, sort_keys=True, default=str)
    if k not in _EXTRACTORS:
        _EXTRACTORS[k] = Extractor(**extractor_args(init_kwargs))
    return _EXTRACTORS[k]


def extract_batch(items: Sequence[Item], init_kwargs: dict[str, Any], skip: Collection[str] = (),
                  skip_errors: Collection[tuple[str, str, str]] = (), run: str = "") -> BatchResult:
    """Extract a batch. ``skip``: article ids already stored (their rows are not made again);
    ``skip_errors``: (source, kind, message) error rows already stored; ``run``: the run's id,
    part of the batch's name (``content_id``).

    >>> r = extract_batch([("n1", "王小明表示，今年營收成長25%。"), ("n2", 42)], {})  # type: ignore[list-item]
    >>> r.articles, len(r.rows["quotes"]), [(e["source"], e["kind"]) for e in r.rows["errors"]]
    (1, 1, [('n2', 'input')])
    """
    from h200claims.corpus.rows import article_id, rows_of
    from h200claims.corpus.schema import TABLES
    from h200claims.text.read import article_date, read_article

    ex = _extractor(init_kwargs)
    default_date = init_kwargs.get("date")
    out = BatchResult("", {t: [] for t in TABLES})
    seen = set(skip)
    for item in items:
        source = item_name(item) if isinstance(item, str) else str(item[0])
        try:
            text, html = read_article(item) if isinstance(item, str) else (item[1], False)
            if not isinstance(text, str):
                raise TypeError(f"text must be str, not {type(text).__name__}")
            aid = article_id(text)
            if aid in seen:
                out.skipped += 1
                out.sources.append((source, aid))
                continue
            date = default_date if default_date and article_date(text) is None else None
            result = ex.extract(text, date=date, source=source)
            if html:
                result = result.model_copy(update={"offsets_refer_to": "html_text"})
            rows = rows_of(result, "", ex.lexicon)
        except Exception as e:  # noqa: BLE001 - one bad article becomes an error row, typed
            out.fail(source, Failure("input", str(e)) if isinstance(e, TypeError) else failure_of(e), skip_errors)
            continue
        seen.add(aid)
        out.sources.append((source, aid))
        for table, table_rows in rows.items():
            out.rows[table].extend(table_rows)
        out.articles += 1
        out.claims += len(result.claims)
        out.warnings.extend((source, w) for w in result.warnings)
    out.seal(run)
    return out


def _run_in_worker(batch: list[Item], init_kwargs: dict[str, Any], skip: frozenset[str],
                   skip_errors: frozenset[tuple[str, str, str]], run: str = "") -> BatchResult:
    return extract_batch(batch, init_kwargs, skip, skip_errors, run)


def run_local(batches: list[list[Item]], init_kwargs: dict[str, Any], jobs: int, skip: Collection[str] = (),
              skip_errors: Collection[tuple[str, str, str]] = (), run: str = "") -> Iterator[BatchResult]:
    """Run batches in this process (``jobs <= 1``) or in a pool of ``jobs`` processes, yielding
    each batch's result as it finishes. A batch whose worker dies is split and its articles are
    run one by one; the one that kills its worker again becomes a ``worker`` error row."""
    import functools

    from h200claims.batch.workers import run_resilient

    skip, skip_errors = frozenset(skip), frozenset(skip_errors)
    if jobs <= 1:
        for b in batches:
            yield extract_batch(b, init_kwargs, skip, skip_errors, run)
        return
    task = functools.partial(_run_in_worker, init_kwargs=init_kwargs, skip=skip, skip_errors=skip_errors, run=run)
    died = functools.partial(_worker_died, run=run)
    yield from run_resilient(batches, jobs, task, died, split=lambda b: [[i] for i in b])


def _worker_died(batch: list[Item], why: str = "worker process died while extracting this article",
                 run: str = "") -> BatchResult:
    from h200claims.corpus.schema import TABLES

    out = BatchResult("", {t: [] for t in TABLES})
    for item in batch:
        out.fail(item_name(item) if isinstance(item, str) else item[0], Failure("worker", why))
    out.seal(run)
    return out
