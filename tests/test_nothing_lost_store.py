"""The store under compaction, and every output format under random sequences of extract, edit a
file, add a file, kill mid-run and resume (hypothesis, bounded and derandomized)."""
import csv
import hashlib
import json
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pytest.importorskip("duckdb")
import h200claims.corpus as corpus  # noqa: E402
from conftest import ARTICLES  # noqa: E402
from h200claims.batch import run as batch_run  # noqa: E402
from h200claims.batch.run import run_dataset  # noqa: E402
from h200claims.cli import main  # noqa: E402
from h200claims.corpus.compact import compact  # noqa: E402
from h200claims.corpus.query import VIEWS  # noqa: E402
from h200claims.corpus.schema import TABLES  # noqa: E402
from h200claims.corpus.store import Dataset  # noqa: E402


def snapshot(ds):
    """Every view's and raw table's rows, sorted."""
    con = corpus.open(str(ds))
    out = {}
    for name in VIEWS + tuple(f"raw_{t}" for t in TABLES):
        rows = con.execute(f"SELECT * FROM {name}").fetchall()
        out[name] = sorted(rows, key=repr)
    return out


@pytest.fixture(scope="module")
def small_parts(tmp_path_factory):
    ds = tmp_path_factory.mktemp("compact") / "ds"
    s = run_dataset([str(ARTICLES)], str(ds), 1, {}, batch_size=1, progress=False, compact_at=0)
    assert s.articles == 5
    extra = ds.parent / "extra.txt"
    extra.write_text("研究員王大明表示，今年出口將增加25%。", encoding="utf-8")
    run_dataset([str(extra)], str(ds), 1, {}, batch_size=1, progress=False, compact_at=0)
    return ds


def test_compaction_leaves_every_view_as_it_was(small_parts, tmp_path):
    ds = tmp_path / "ds"
    shutil.copytree(small_parts, ds)
    before = snapshot(ds)
    assert len(list((ds / "articles").glob("part-*.parquet"))) == 6
    got = compact(Dataset(str(ds)))
    assert got == {"parts_before": 6, "parts_after": 1, "merged": 1}
    for t in TABLES:
        assert len(list((ds / t).glob("part-*.parquet"))) == 1, t
    assert snapshot(ds) == before
    assert not (ds / "_compactions").exists() or not list((ds / "_compactions").iterdir())


@pytest.mark.parametrize("cut_at", ["quotes", "articles", "delete"])
def test_a_compaction_cut_short_reads_the_same(small_parts, tmp_path, monkeypatch, cut_at):
    ds = tmp_path / "ds"
    shutil.copytree(small_parts, ds)
    before = snapshot(ds)
    store = Dataset(str(ds))
    if cut_at == "delete":  # committed, the old parts not yet deleted
        monkeypatch.setattr(store.fs, "rm", lambda *a, **k: (_ for _ in ()).throw(KeyboardInterrupt()))
    else:
        put = store.put_table

        def put_until(target, rows, table):
            if table == cut_at:
                raise KeyboardInterrupt
            put(target, rows, table)
        monkeypatch.setattr(store, "put_table", put_until)
    with pytest.raises(KeyboardInterrupt):
        compact(store)
    monkeypatch.undo()
    assert snapshot(ds) == before
    Dataset(str(ds)).prepare()  # the next run tidies up
    assert snapshot(ds) == before
    assert len(list((ds / "articles").glob("part-*.parquet"))) == (1 if cut_at == "delete" else 6)


def test_a_run_past_the_threshold_compacts(tmp_path):
    ds = tmp_path / "ds"
    run_dataset([str(ARTICLES)], str(ds), 1, {}, batch_size=1, progress=False, compact_at=3)
    assert len(list((ds / "articles").glob("part-*.parquet"))) == 1
    assert corpus.open(str(ds)).execute("SELECT count(*) FROM articles").fetchone()[0] == 5


# ---------------------------------------------------------------- the property test

def text(i, version):
    return f"研究員王{i}明表示，第{version}版說，出口將增加{version % 90 + 1}%。"


class Killer:
    """Makes the k-th write of a run raise KeyboardInterrupt, after writing half of it for the
    appending formats (a torn record), before writing it for the others."""

    def __init__(self, monkeypatch, fmt, k):
        self.left = k
        if fmt in ("jsonl", "csv"):
            emit = batch_run.Writer._emit

            def torn(writer, chunk):
                if self.fire():
                    data = chunk.encode("utf-8")
                    __import__("os").write(writer.fd, data[:len(data) // 2])
                    raise KeyboardInterrupt
                emit(writer, chunk)
            monkeypatch.setattr(batch_run.Writer, "_emit", torn)
        elif fmt == "gold":
            write = batch_run.Writer.write
            monkeypatch.setattr(batch_run.Writer, "write",
                                lambda w, line, n: self.stop() if self.fire() else write(w, line, n))
        else:
            put = Dataset.put_table
            monkeypatch.setattr(Dataset, "put_table",
                                lambda d, target, rows, t: self.stop() if self.fire() else put(d, target, rows, t))

    def fire(self):
        self.left -= 1
        return self.left == 0

    @staticmethod
    def stop():
        raise KeyboardInterrupt


def check_output(fmt, out, inputs):
    """Every input file's last text appears exactly once, and nothing else."""
    want = {str(p.resolve()): p.read_text(encoding="utf-8") for p in inputs}
    if fmt == "jsonl":
        got = [(r["source"], r["text"]) for r in map(json.loads, out.read_text(encoding="utf-8").splitlines())]
        assert sorted((str(Path(s).resolve()), t) for s, t in got) == sorted(want.items())
    elif fmt == "csv":
        with out.open(encoding="utf-8", newline="") as f:
            rows = list(csv.DictReader(f))
        aid = {s: hashlib.sha256(t.encode()).hexdigest()[:16] for s, t in want.items()}
        groups = {}
        for r in rows:
            groups.setdefault((r["source"], r["article_id"]), []).append(r)
        assert sorted(groups) == sorted(aid.items())
        assert all(len(g) == int(g[0]["claims"]) for g in groups.values())
    elif fmt == "gold":
        got = {p.name: json.loads(p.read_text(encoding="utf-8"))["sha256"] for p in out.rglob("*.gold.json")}
        assert got == {Path(s).stem + ".gold.json": hashlib.sha256(t.encode()).hexdigest() for s, t in want.items()}
    else:
        texts = [r[0] for r in corpus.open(str(out)).execute("SELECT text FROM articles").fetchall()]
        assert sorted(texts) == sorted(set(want.values()))


STEP = st.one_of(st.just(("extract",)), st.just(("resume",)), st.tuples(st.just("edit"), st.integers(0, 3)),
                 st.just(("add",)), st.tuples(st.just("kill"), st.integers(1, 6)))


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "gold", "parquet"])
@settings(max_examples=6, derandomize=True, deadline=None, database=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(steps=st.lists(STEP, min_size=1, max_size=6))
def test_property_every_last_text_exactly_once(tmp_path_factory, monkeypatch, capsys, fmt, steps):
    root = tmp_path_factory.mktemp("prop")
    folder = root / "in"
    folder.mkdir()
    files = [folder / f"a{i}.txt" for i in range(2)]
    version = 0
    for i, f in enumerate(files):
        f.write_text(text(i, version), encoding="utf-8")
    out = root / ("out" if fmt in ("gold", "parquet") else f"o.{fmt}")
    base = ["extract", str(folder), "-o", str(out), "--format", fmt]
    for step in steps:
        if step[0] == "edit":
            version += 1
            f = files[step[1] % len(files)]
            f.write_text(text(files.index(f), version), encoding="utf-8")
        elif step[0] == "add":
            files.append(folder / f"a{len(files)}.txt")
            files[-1].write_text(text(len(files) - 1, version), encoding="utf-8")
        elif step[0] == "kill":
            with monkeypatch.context() as m:
                Killer(m, fmt, step[1])
                assert main(base + ["--resume", "--replace-changed"]) in (0, 130)
        else:
            extra = ["--resume", "--replace-changed"] if step[0] == "resume" else []
            assert main(base + extra) == 0
    assert main(base + ["--resume", "--replace-changed"]) == 0  # the last resume completes it
    capsys.readouterr()
    check_output(fmt, out, files)
