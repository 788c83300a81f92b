"""Worker processes: each loads the dictionaries once and extracts many articles.

A worker that dies (a crash in native code, the OOM killer) takes down only the articles it held:
they are retried one by one in fresh processes, the article that kills its worker again is
reported as failed, and every other result is kept.
"""
from __future__ import annotations

import multiprocessing as mp
import signal
from dataclasses import dataclass
from collections.abc import Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from typing import TYPE_CHECKING, Any, Callable

if TYPE_CHECKING:
    from h200claims.models import ArticleClaims
    from h200claims.pipeline import Extractor

_WORKER: "Extractor | None" = None


@dataclass(frozen=True)
class Failure:
    """Why one article has no result. ``kind``: ``input`` (unreadable or not an article),
    ``component`` (a pipeline component failed; the message names it), ``io`` (the system could
    not read the file), ``worker`` (the process extracting it died), ``internal`` (a bug)."""

    kind: str
    message: str

    def __str__(self) -> str:
        return f"{self.kind} error: {self.message}"


#: a test may set this to a callable(path) run before each article in a worker (fault injection)
BEFORE_ARTICLE: "Callable[[str], None] | None" = None


_DATE: str | None = None  # the batch's --date, for files that give none


def _init(kwargs: dict[str, Any]) -> None:
    global _WORKER, _DATE
    from h200claims.pipeline import Extractor

    kwargs = dict(kwargs)
    _DATE = kwargs.pop("date", None)
    _WORKER = Extractor(**kwargs)


def _init_pool(kwargs: dict[str, Any]) -> None:
    """A pool worker leaves Ctrl-C to the parent, which stops the run and reports it in one line."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _init(kwargs)


def _extract_text(text: str) -> "ArticleClaims":
    assert _WORKER is not None
    return _WORKER.extract(text)


def failure_of(e: BaseException) -> Failure:
    from h200claims.errors import H200ClaimsComponentError, H200ClaimsInputError

    if isinstance(e, H200ClaimsInputError):
        return Failure("input", str(e))
    if isinstance(e, H200ClaimsComponentError):
        return Failure("component", str(e))
    if isinstance(e, OSError):
        return Failure("io", f"{type(e).__name__}: {e}")
    return Failure("internal", f"{type(e).__name__}: {e}")


def _extract_path(path: str) -> tuple[str, str | None, Failure | None, tuple[int, list[str]]]:
    """(path, JSON line, failure, (number of claims, warnings)): failures are returned, never
    raised, so one bad file loses nothing; the count spares the parent from parsing the line again."""
    assert _WORKER is not None
    if BEFORE_ARTICLE is not None:
        BEFORE_ARTICLE(path)
    try:
        result = _WORKER.extract_file(path, default_date=_DATE)
        return path, result.model_dump_json(), None, (len(result.claims), result.warnings)
    except Exception as e:  # noqa: BLE001 - reported per file, typed, by the batch command
        return path, None, failure_of(e), (0, [])


def _context() -> Any:
    return mp.get_context("fork") if "fork" in mp.get_all_start_methods() else mp.get_context()


def parallel_map(extractor: "Extractor", texts: Iterable[str], n_process: int, batch_size: int) -> Iterator["ArticleClaims"]:
    with _context().Pool(n_process, initializer=_init_pool, initargs=(extractor.init_kwargs(),)) as pool:
        yield from pool.imap(_extract_text, texts, chunksize=max(1, batch_size // n_process))


def extract_paths(init_kwargs: dict[str, Any], paths: list[str],
                  jobs: int) -> Iterator[tuple[str, str | None, Failure | None, tuple[int, list[str]]]]:
    """Yield (path, json, failure, claims) for each path, as they finish."""
    if jobs <= 1:
        _init(init_kwargs)
        for p in paths:
            yield _extract_path(p)
        return
    todo = list(paths)
    suspects: list[str] = []
    stalls = 0
    while todo:
        before = len(todo)
        todo, lost = yield from _pool_run(init_kwargs, todo, jobs)
        suspects.extend(lost)
        stalls = stalls + 1 if len(todo) == before and not lost else 0
        if stalls >= 3:  # the pool cannot even start: report, do not spin
            for p in todo:
                yield p, None, Failure("worker", "worker processes could not be started"), (0, [])
            return
    for p in suspects:  # the articles in flight when a worker died: each alone, in a fresh process
        _, again = yield from _pool_run(init_kwargs, [p], 1)
        if again:
            yield p, None, Failure("worker", "worker process died while extracting this article"), (0, [])


def _pool_run(init_kwargs: dict[str, Any], paths: list[str], jobs: int):  # type: ignore[no-untyped-def]
    """Run paths in a pool (see ``run_in_pool``) with pipelines built by ``_init_pool``."""
    return (yield from run_in_pool(paths, jobs, _extract_path, _init_pool, (init_kwargs,)))


def run_in_pool(units: list[Any], jobs: int, task: Callable[[Any], Any], initializer: Any = None,
                initargs: tuple[Any, ...] = ()):  # type: ignore[no-untyped-def]
    """Run ``task(unit)`` for each unit in a pool of ``jobs`` processes, at most 2 tasks a worker
    in flight, yielding results as they finish (the path batch and the corpus batches share it).

    Returns (units never started, units in flight when a worker died): both empty on success.
    """
    todo = list(reversed(units))
    running: dict[Future[Any], Any] = {}
    lost: list[Any] = []
    pool = ProcessPoolExecutor(jobs, mp_context=_context(), initializer=initializer, initargs=initargs)
    try:
        while (todo or running) and not lost:
            while todo and len(running) < 2 * jobs:
                try:
                    running[pool.submit(task, todo[-1])] = todo[-1]
                except BrokenProcessPool:  # a worker died since the last wait
                    break
                todo.pop()
            if not running:
                break
            done, _ = wait(running, return_when=FIRST_COMPLETED)
            for fut in done:
                unit = running.pop(fut)
                try:
                    result = fut.result()
                except BrokenProcessPool:
                    lost.append(unit)
                    continue
                yield result
    finally:
        lost.extend(running.values())
        pool.shutdown(wait=not lost, cancel_futures=True)
    return list(reversed(todo)), lost
