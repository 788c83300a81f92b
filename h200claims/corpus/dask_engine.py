"""The batches on Dask (``--engine dask``): each task runs ``extract_batch`` on a worker and writes
its part files straight into the dataset, so rows never travel back to the client.

Part names come from the run and what the batch stores (``content_id``), so a task that Dask
retries (its worker died) overwrites its own files with the same rows; a batch is committed by its ``articles`` part, written last (``corpus/store.py``).
Workers load the pipeline from the installed h200claims package: install it where they run.
"""
from __future__ import annotations

from collections.abc import Collection, Iterator
from typing import Any

from h200claims.corpus.batch import BatchResult, Item, batch_id, extract_batch
from h200claims.errors import H200ClaimsError


def _task(items: list[Item], dataset: str, init_kwargs: dict[str, Any], skip: Collection[str],
          skip_errors: Collection[tuple[str, str, str]], run: str = "") -> BatchResult:
    """One Dask task: extract, write the parts, return the counts only."""
    from h200claims.corpus.store import Dataset

    result = extract_batch(items, init_kwargs, skip, skip_errors, run)
    Dataset(dataset).write(result)
    result.rows = {}
    return result


def client_for(scheduler: str | None, workers: int | None) -> tuple[Any, Any]:
    """(client, the cluster we started or None): a running scheduler's address, or a
    ``LocalCluster`` of ``workers`` single-threaded worker processes on loopback."""
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError as e:
        raise H200ClaimsError("--engine dask needs dask.distributed: pip install 'h200claims[dask]'") from e
    if scheduler:
        return Client(scheduler), None
    cluster = LocalCluster(n_workers=max(1, workers or 1), threads_per_worker=1, processes=True, host="127.0.0.1",
                           dashboard_address=":0", silence_logs=50)  # any free port: 8787 may be taken
    return Client(cluster), cluster


def run_dask(batches: list[list[Item]], dataset: str, init_kwargs: dict[str, Any], skip: Collection[str],
             skip_errors: Collection[tuple[str, str, str]], scheduler: str | None = None, workers: int | None = None,
             client: Any = None, run: str = "") -> Iterator[BatchResult]:
    """Submit every batch as a task (retried up to 3 times elsewhere if its worker dies) and yield
    each batch's counts as it finishes. Ctrl-C cancels what is still queued."""
    from dask.distributed import as_completed

    own = client is None
    cluster = None
    if own:
        client, cluster = client_for(scheduler, workers)
    futures = []
    try:
        # one copy of what is stored a worker, not one a task (a list: scatter() unpacks a bare set)
        skip_f, errors_f = client.scatter([frozenset(skip), frozenset(skip_errors)], broadcast=True, hash=False)
        futures = [client.submit(_task, b, dataset, init_kwargs, skip_f, errors_f, run,
                                 key=f"h200claims-{run}-{batch_id(b)}", retries=3, pure=False) for b in batches]
        for fut in as_completed(futures):
            yield fut.result()
    finally:
        if futures:
            client.cancel(futures)
        if own:
            client.close()
            if cluster is not None:
                cluster.close()
