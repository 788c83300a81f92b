"""The Dask engine on a LocalCluster of 2 workers on loopback: the same dataset as the local run,
every article exactly once after a worker is killed mid-run, and a bad file in ``errors``."""
import os
import shutil
import signal
import threading

import pytest

pytest.importorskip("dask.distributed", reason="the dask extra is not installed")
pytest.importorskip("duckdb", reason="the corpus extra is not installed")
from dask.distributed import Client, LocalCluster  # noqa: E402

import h200claims.corpus as corpus  # noqa: E402
from conftest import ARTICLES, ROOT  # noqa: E402
from h200claims.batch.run import run_dataset  # noqa: E402
from h200claims.distributed import extract_to_parquet  # noqa: E402

REGRESSION = ROOT / "fixtures" / "regression" / "articles"
TABLES = ("articles", "entities", "mentions", "quantities", "quotes", "claims")


@pytest.fixture(scope="module")
def client():
    cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                           dashboard_address=":0", silence_logs=50)
    c = Client(cluster)
    yield c
    c.close()
    cluster.close()


def rows(dataset, table):
    """A table's rows as a set, without the batch column (batches differ between engines)."""
    con = corpus.open(str(dataset))
    cur = con.execute(f"SELECT * FROM {table}")
    names = [d[0] for d in cur.description]
    out = set()
    for r in cur.fetchall():
        out.add(tuple((n, tuple(v) if isinstance(v, list) else v) for n, v in zip(names, r) if n != "batch"))
    return out


@pytest.fixture(scope="module")
def local_run(tmp_path_factory):
    ds = tmp_path_factory.mktemp("local") / "ds"
    s = run_dataset([str(ARTICLES), str(REGRESSION)], str(ds), 1, {}, batch_size=4, progress=False)
    assert s.articles == 15 and not s.failures
    return ds


def test_dask_dataset_equals_the_local_run(client, local_run, tmp_path):
    ds = tmp_path / "ds"
    s = extract_to_parquet([str(ARTICLES), str(REGRESSION)], str(ds), client=client, batch_size=3)
    assert s.articles == 15 and not s.failures
    for table in TABLES:
        assert rows(ds, table) == rows(local_run, table), table
    assert rows(ds, "actors") == rows(local_run, "actors")
    again = extract_to_parquet([str(ARTICLES), str(REGRESSION)], str(ds), client=client, batch_size=3)
    assert again.articles == 0 and again.skipped == 15


def test_a_killed_worker_leaves_every_article_exactly_once(client, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(4):  # 60 articles, one a batch: the run is long enough to kill a worker inside it
        for src in sorted(ARTICLES.glob("*.txt")) + sorted(REGRESSION.glob("*.txt")):
            (folder / f"{i}_{src.name}").write_text(src.read_text(encoding="utf-8") + f"\n（第{i}版）\n", encoding="utf-8")
    pids = sorted(client.run(os.getpid).values())
    done = threading.Event()

    def killer():
        import time
        while not list((tmp_path / "ds" / "articles").glob("part-*.parquet")) and not done.is_set():
            time.sleep(0.05)
        time.sleep(0.3)
        os.kill(pids[0], signal.SIGKILL)

    t = threading.Thread(target=killer)
    t.start()
    try:
        s = extract_to_parquet([str(folder)], str(tmp_path / "ds"), client=client, batch_size=1)
    finally:
        done.set()
        t.join()
    assert not s.failures
    assert pids[0] not in client.run(os.getpid).values(), "the worker was not killed"
    con = corpus.open(str(tmp_path / "ds"))
    n, distinct = con.execute("SELECT count(*), count(DISTINCT article_id) FROM raw_articles").fetchall()[0]
    assert n == distinct == 60
    q, dq = con.execute("SELECT count(*), count(DISTINCT (article_id, idx)) FROM raw_quotes").fetchall()[0]
    assert q == dq


def test_a_bad_file_lands_in_errors_and_the_rest_is_written(client, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for src in sorted(ARTICLES.glob("*.txt"))[:3]:
        shutil.copy(src, folder)
    (folder / "bad.txt").write_bytes(b"\x00\xff\xfe\x00" * 100)
    s = extract_to_parquet([str(folder)], str(tmp_path / "ds"), client=client, batch_size=2)
    assert s.articles == 3 and len(s.failures) == 1
    con = corpus.open(str(tmp_path / "ds"))
    assert con.execute("SELECT count(*) FROM articles").fetchall()[0][0] == 3
    (source, kind), = con.execute("SELECT source, kind FROM errors").fetchall()
    assert source.endswith("bad.txt") and kind == "input"


def test_texts_with_ids(client, tmp_path):
    texts = [("wire-1", "經濟部長王美花表示，今年出口將成長12%。"), ("wire-2", "这不是新闻。"), ("wire-3", 7)]
    s = extract_to_parquet(texts, str(tmp_path / "ds"), client=client, batch_size=2)
    assert s.articles == 2 and [f[0] for f in s.failures] == ["wire-3"]
    con = corpus.open(str(tmp_path / "ds"))
    assert sorted(r[0] for r in con.execute("SELECT source FROM articles").fetchall()) == ["wire-1", "wire-2"]


def test_the_cli_engine_flag_starts_its_own_cluster(tmp_path):
    import subprocess
    import sys

    ds = tmp_path / "ds"
    p = subprocess.run([sys.executable, "-m", "h200claims", "extract", str(ARTICLES), "--format", "parquet",
                        "-o", str(ds), "--engine", "dask", "--workers", "2", "--batch-size", "2"],
                       capture_output=True, text=True, timeout=600)
    assert p.returncode == 0, p.stderr
    assert "5 articles" in p.stderr
    p = subprocess.run([sys.executable, "-m", "h200claims", "extract", str(ARTICLES), "--engine", "dask"],
                       capture_output=True, text=True)
    assert p.returncode == 2 and "--format parquet" in p.stderr


def test_ctrl_c_cancels_cleanly_and_keeps_what_is_committed(tmp_path):
    import subprocess
    import sys
    import time

    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(6):
        for src in sorted(ARTICLES.glob("*.txt")):
            (folder / f"{i}_{src.name}").write_text(src.read_text(encoding="utf-8") + f"\n（{i}）\n", encoding="utf-8")
    ds = tmp_path / "ds"
    proc = subprocess.Popen([sys.executable, "-m", "h200claims", "extract", str(folder), "--format", "parquet",
                             "-o", str(ds), "--engine", "dask", "--workers", "2", "--batch-size", "1"],
                            stderr=subprocess.PIPE, text=True)
    deadline = time.time() + 300
    while not list((ds / "articles").glob("part-*.parquet")) and time.time() < deadline:
        time.sleep(0.1)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 130, err
    assert "interrupted" in err and "Traceback" not in err
    con = corpus.open(str(ds))
    n = con.execute("SELECT count(*) FROM articles").fetchall()[0][0]
    assert 1 <= n < 30
    p = subprocess.run([sys.executable, "-m", "h200claims", "extract", str(folder), "--format", "parquet", "-o", str(ds)],
                       capture_output=True, text=True, timeout=600)
    assert p.returncode == 0 and f"{n} skipped" in p.stderr, p.stderr
    assert corpus.open(str(ds)).execute("SELECT count(*) FROM raw_articles").fetchall()[0][0] == 30


def test_the_cli_joins_a_running_scheduler(client, tmp_path):
    import subprocess
    import sys

    address = client.scheduler.address
    ds = tmp_path / "ds"
    p = subprocess.run([sys.executable, "-m", "h200claims", "extract", str(ARTICLES), "--format", "parquet",
                        "-o", str(ds), "--engine", "dask", "--scheduler", address, "--batch-size", "2"],
                       capture_output=True, text=True, timeout=600)
    assert p.returncode == 0 and "5 articles" in p.stderr, p.stderr
    assert client.run(os.getpid), "the running cluster is left running"


def test_an_fsspec_url_as_the_dataset(client, tmp_path):
    url = (tmp_path / "ds").as_uri()  # file:///…: any fsspec URL the workers' environment supports
    s = extract_to_parquet([str(ARTICLES)], url, client=client, batch_size=2)
    assert s.articles == 5
    assert corpus.open(url).execute("SELECT count(*) FROM articles").fetchall()[0][0] == 5
