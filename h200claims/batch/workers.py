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


_DATE: str | None = None  # the batch's --date, for files that give none


def extractor_args(init_kwargs: dict[str, Any]) -> dict[str, Any]:
    """A batch's settings without its ``date`` (the date for undated files is the batch's, not
    the Extractor's)."""
    return {k: v for k, v in init_kwargs.items() if k != "date"}


def _init(kwargs: dict[str, Any]) -> None:
    global _WORKER, _DATE
    from h200claims.pipeline import Extractor

    _DATE = kwargs.get("date")
    _WORKER = Extractor(**extractor_args(kwargs))


def _init_pool(kwargs: dict[str, Any]) -> None:
    _init(kwargs)


def _die_with_parent() -> None:
    """Ask Linux to kill this process when its parent ends, however it ends (Ctrl-C, SIGTERM, the
    OOM killer): a worker is never left blocked on a pipe to a parent that is gone. Elsewhere a
    no-op; the parent's ``finally`` terminates its workers too."""
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):  # pragma: no cover - not Linux
        pass


def _start_worker(initializer: Any, initargs: tuple[Any, ...]) -> None:
    """Every pool worker: Ctrl-C is the parent's to handle (it stops the run and says so in one
    line), and the worker ends with its parent; then the pool's own initializer."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _die_with_parent()
    if initializer is not None:
        initializer(*initargs)


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
    try:
        result = _WORKER.extract_file(path, default_date=_DATE)
        return path, result.model_dump_json(), None, (len(result.claims), result.warnings)
    except Exception as e:  # noqa: BLE001 - reported per file, typed, by the batch command
        return path, None, failure_of(e), (0, [])


def _context() -> Any:
    return mp.get_context("fork") if "fork" in mp.get_all_start_methods() else mp.get_context()


def parallel_map(extractor: "Extractor", texts: Iterable[str], n_process: int, batch_size: int) -> Iterator["ArticleClaims"]:
    with _context().Pool(n_process, initializer=_start_worker,
                               initargs=(_init_pool, (extractor.init_kwargs(),))) as pool:
        yield from pool.imap(_extract_text, texts, chunksize=max(1, batch_size // n_process))


def extract_paths(init_kwargs: dict[str, Any], paths: list[str],
                  jobs: int) -> Iterator[tuple[str, str | None, Failure | None, tuple[int, list[str]]]]:
    """Yield (path, json, failure, claims) for each path, as they finish."""
    if jobs <= 1:
        _init(init_kwargs)
        for p in paths:
            yield _extract_path(p)
        return
    yield from run_resilient(paths, jobs, _extract_path,
                             lambda p, why: (p, None, Failure("worker", why), (0, [])),
                             initializer=_init_pool, initargs=(init_kwargs,))


def run_resilient(units: list[Any], jobs: int, task: Callable[[Any], Any], died: Callable[[Any, str], Any],
                  split: Callable[[Any], list[Any]] | None = None, initializer: Any = None,
                  initargs: tuple[Any, ...] = ()) -> Iterator[Any]:
    """``task(unit)`` for every unit on a pool of ``jobs`` processes, yielding results as they
    finish. The units in flight when a worker died (``split`` into single articles first) are run
    again each alone, in a fresh process; ``died(unit, why)`` is the result for one that kills its
    worker again, or for units a pool that cannot even start never ran."""
    todo = list(units)
    suspects: list[Any] = []
    stalls = 0
    while todo:
        before = len(todo)
        todo, lost = yield from run_in_pool(todo, jobs, task, initializer, initargs)
        suspects.extend(x for u in lost for x in (split(u) if split else [u]))
        stalls = stalls + 1 if len(todo) == before and not lost else 0
        if stalls >= 3:  # the pool cannot even start: report, do not spin
            for u in todo:
                yield died(u, "worker processes could not be started")
            return
    for u in suspects:
        _, again = yield from run_in_pool([u], 1, task, initializer, initargs)
        if again:
            yield died(u, "worker process died while extracting this article")


def run_in_pool(units: list[Any], jobs: int, task: Callable[[Any], Any], initializer: Any = None,
                initargs: tuple[Any, ...] = ()):  # type: ignore[no-untyped-def]
    """Run ``task(unit)`` for each unit in a pool of ``jobs`` processes, at most 2 tasks a worker
    in flight, yielding results as they finish (the path batch and the corpus batches share it).

    Returns (units never started, units in flight when a worker died): both empty on success.
    """
    todo = list(reversed(units))
    running: dict[Future[Any], Any] = {}
    lost: list[Any] = []
    pool = ProcessPoolExecutor(jobs, mp_context=_context(), initializer=_start_worker,
                               initargs=(initializer, initargs))
    finished = False
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
        finished = True
    finally:
        lost.extend(running.values())
        if not finished:  # cut short (Ctrl-C, a signal, the consumer stopped): end the workers now
            _terminate(pool)
        pool.shutdown(wait=not lost and finished, cancel_futures=True)
    return list(reversed(todo)), lost


def _terminate(pool: ProcessPoolExecutor) -> None:
    """End a pool's worker processes at once (they may be blocked writing a large result)."""
    for p in list(getattr(pool, "_processes", {}).values()):
        try:
            p.terminate()
        except (OSError, ValueError):  # already gone
            pass
