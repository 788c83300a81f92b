"""Worker processes: each loads the dictionaries once and extracts many articles."""
from __future__ import annotations

import multiprocessing as mp
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from h200claims.models import ArticleClaims
    from h200claims.pipeline import Extractor

_WORKER: "Extractor | None" = None


def _init(kwargs: dict[str, Any]) -> None:
    global _WORKER
    from h200claims.pipeline import Extractor

    _WORKER = Extractor(**kwargs)


def _extract_text(text: str) -> "ArticleClaims":
    assert _WORKER is not None
    return _WORKER.extract(text)


def _extract_path(path: str) -> tuple[str, str | None, str | None]:
    """(path, JSON line, error): errors are returned, never raised, so one bad file loses nothing."""
    assert _WORKER is not None
    try:
        result = _WORKER.extract_file(path)
        return path, result.model_dump_json(), None
    except Exception as e:  # noqa: BLE001 - reported per file by the batch command
        return path, None, f"{type(e).__name__}: {e}"


def _context() -> Any:
    return mp.get_context("fork") if "fork" in mp.get_all_start_methods() else mp.get_context()


def parallel_map(extractor: "Extractor", texts: Iterable[str], n_process: int, batch_size: int) -> Iterator["ArticleClaims"]:
    with _context().Pool(n_process, initializer=_init, initargs=(extractor.init_kwargs(),)) as pool:
        yield from pool.imap(_extract_text, texts, chunksize=max(1, batch_size // n_process))


def extract_paths(init_kwargs: dict[str, Any], paths: list[str], jobs: int) -> Iterator[tuple[str, str | None, str | None]]:
    """Yield (path, json, error) for each path, as they finish."""
    if jobs <= 1:
        _init(init_kwargs)
        for p in paths:
            yield _extract_path(p)
        return
    with _context().Pool(jobs, initializer=_init, initargs=(init_kwargs,)) as pool:
        yield from pool.imap_unordered(_extract_path, paths, chunksize=1)
