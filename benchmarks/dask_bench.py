"""Dask benchmark: 1 against 2 Dask workers on this machine, the local pool beside them, and a
paper estimate for 1 million articles on 64 workers.

    python benchmarks/dask_bench.py [--articles 2000] [--batch-size 25]

Uses the generated articles of ``corpus_bench.py`` (the same templates). Each run writes a fresh
dataset; the cluster start is timed apart from the extraction, as a user pays it once. The
per-article overhead is the Dask run's time per article minus the local pool's at the same
number of processes. Every pipeline (this process's, each pool or Dask worker's) is loaded once
before the clock starts, except the local pool's: its workers start with each run, as they do
for a user.
"""
from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=2000)
    ap.add_argument("--batch-size", type=int, default=25)
    args = ap.parse_args()
    from dask.distributed import Client, LocalCluster

    from corpus_bench import generate
    from h200claims.batch.run import run_dataset

    tmp = Path(tempfile.mkdtemp())
    generate(tmp / "articles", args.articles)
    chars = sum(len(p.read_text(encoding="utf-8")) for p in (tmp / "articles").glob("*.txt"))
    print(f"{args.articles} generated articles, {chars / 1e6:.2f} M characters, batches of {args.batch_size}")
    rates: dict[str, float] = {}
    from h200claims.corpus.batch import _extractor, extract_batch

    extract_batch([("warm", "王小明表示，今年營收成長25%。")], {})  # this process's pipeline, loaded before timing
    for jobs in (1, 2):
        out = tmp / f"local{jobs}"
        t = time.perf_counter()
        s = run_dataset([str(tmp / "articles")], str(out), jobs, {}, batch_size=args.batch_size, progress=False)
        dt = time.perf_counter() - t
        rates[f"local{jobs}"] = s.articles / dt
        print(f"local pool --jobs {jobs}: {dt:6.1f} s, {s.articles / dt:6.1f} articles/s")
    for workers in (1, 2):
        t = time.perf_counter()
        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, host="127.0.0.1",
                               dashboard_address=":0", silence_logs=50)
        client = Client(cluster)
        client.run(_extractor, {})  # each worker loads the pipeline once, before timing (as on a long run)
        start = time.perf_counter() - t
        out = tmp / f"dask{workers}"
        t = time.perf_counter()
        s = run_dataset([str(tmp / "articles")], str(out), 1, {}, batch_size=args.batch_size, engine="dask",
                        client=client, progress=False)
        dt = time.perf_counter() - t
        client.close()
        cluster.close()
        rates[f"dask{workers}"] = s.articles / dt
        print(f"dask {workers} worker(s): {dt:6.1f} s, {s.articles / dt:6.1f} articles/s (cluster start {start:.1f} s)")
        shutil.rmtree(out, ignore_errors=True)
    print(f"speed-up 2 vs 1 Dask workers: {rates['dask2'] / rates['dask1']:.2f}x "
          f"(local pool 2 vs 1: {rates['local2'] / rates['local1']:.2f}x)")
    for n in (1, 2):
        over = 1 / rates[f"dask{n}"] - 1 / rates[f"local{n}"]
        print(f"per-article overhead of Dask at {n} process(es): {over * 1000:+.1f} ms")
    per_worker = rates["dask1"]
    hours = 1_000_000 / (per_worker * 64) / 3600
    print(f"estimate: 1,000,000 articles like these on 64 workers at {per_worker:.1f} articles/s each: "
          f"{hours:.2f} h (linear scaling assumed; articles of 2,000 characters take about "
          f"{2000 / (chars / args.articles):.1f}x longer each)")
    shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
