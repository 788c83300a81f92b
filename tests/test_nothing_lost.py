"""Nothing lost, nothing glued: the six cases of the batch/store review, each reproduced, and
identity across the corpus. Every test here failed on the code before the fix."""
import csv
import json
import os
import signal
import subprocess
import sys
import time

import pytest

from h200claims.cli import main

pytest.importorskip("duckdb")
import h200claims.corpus as corpus  # noqa: E402

A = "研究員王大明表示，今年出口將增加25%，影響深遠。"
B = "經濟部長林小華指出，明年營收將成長12%，外界關注。"
C = "分析師陳志明說，訂單預計減少8%，須留意需求。"


def run(capsys, *args):
    rc = main([str(a) for a in args])
    return rc, capsys.readouterr().err


def stored_texts(ds):
    return sorted(r[0] for r in corpus.open(str(ds)).execute("SELECT text FROM articles").fetchall())


# 1. parquet: editing one file of a batch must not delete the others -----------------------------

def test_parquet_edit_one_file_keeps_the_others(tmp_path, capsys):
    d = tmp_path / "in"
    d.mkdir()
    (d / "a.txt").write_text(A, encoding="utf-8")
    (d / "b.txt").write_text(B, encoding="utf-8")
    ds = tmp_path / "ds"
    assert run(capsys, "extract", d, "--format", "parquet", "-o", ds)[0] == 0
    (d / "b.txt").write_text(C, encoding="utf-8")
    rc, err = run(capsys, "extract", d, "--format", "parquet", "-o", ds)
    assert rc == 0 and "1 articles" in err and "1 skipped" in err, err
    assert stored_texts(ds) == sorted([A, B, C])  # the old text is kept by default
    (d / "c.txt").write_text(A + "補充。", encoding="utf-8")
    rc, err = run(capsys, "extract", d, "--format", "parquet", "-o", ds, "--replace-changed")
    assert rc == 0, err
    assert stored_texts(ds) == sorted([A, C, A + "補充。"])  # b.txt's old text is replaced


# 2. CSV --resume: a torn last row is dropped (with a warning), never glued ------------------------

def _csv_rows(path):
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


@pytest.mark.parametrize("cut", [7, "multibyte"])
def test_csv_resume_drops_a_torn_last_row(tmp_path, capsys, cut):
    d = tmp_path / "in"
    d.mkdir()
    (d / "a.txt").write_text(A, encoding="utf-8")
    out = tmp_path / "o.csv"
    assert run(capsys, "extract", d / "a.txt", "-o", out, "--format", "csv")[0] == 0
    whole = _csv_rows(out)
    data = out.read_bytes()
    if cut == "multibyte":  # cut one byte into a three-byte character of the last row
        at = data.rindex("%".encode()) - 1
        while data[at] < 0x80:
            at -= 1
        data = data[:at]
    else:
        data = data[:-cut]
    out.write_bytes(data)
    (d / "b.txt").write_text(B, encoding="utf-8")
    rc, err = run(capsys, "extract", d, "-o", out, "--format", "csv", "--resume")
    assert rc == 0 and "Traceback" not in err, err
    assert "torn" in err and "a.txt" in err, err
    rows = _csv_rows(out)
    assert all(None not in r and len(r) == len(whole[0]) for r in rows)  # nothing glued
    by = {}
    for r in rows:
        by.setdefault(os.path.basename(r["source"]), []).append(r)
    assert by["a.txt"] == whole and len(by["b.txt"]) >= 1


# 3. gold: two files with the same name in two folders are two gold files ------------------------

def test_gold_output_is_named_by_relative_path(tmp_path, capsys):
    for sub, text in (("x", A), ("y", B)):
        (tmp_path / "in" / sub).mkdir(parents=True)
        (tmp_path / "in" / sub / "a.txt").write_text(text, encoding="utf-8")
    out = tmp_path / "gold"
    rc, err = run(capsys, "extract", tmp_path / "in" / "x", tmp_path / "in" / "y", "-o", out, "--format", "gold")
    assert rc == 0 and "2 articles" in err, err
    files = sorted(str(p.relative_to(out)) for p in out.rglob("*.gold.json"))
    assert files == ["x/a.gold.json", "y/a.gold.json"]
    os.remove(out / "y" / "a.gold.json")
    rc, err = run(capsys, "extract", tmp_path / "in" / "x", tmp_path / "in" / "y", "-o", out, "--format", "gold",
                  "--resume")
    assert rc == 0 and "1 articles" in err and "1 skipped" in err, err
    (tmp_path / "in" / "x" / "a.txt").write_text(C, encoding="utf-8")  # an edited file is not 'done'
    rc, err = run(capsys, "extract", tmp_path / "in", "-o", out, "--format", "gold", "--resume")
    assert "1 articles" in err and "1 skipped" in err, err
    gold = json.loads((out / "x" / "a.gold.json").read_text(encoding="utf-8"))
    import hashlib
    assert gold["sha256"] == hashlib.sha256(C.encode()).hexdigest()


# 4. JSONL --resume: an unreadable line in the middle stops the run and loses nothing -------------

def test_jsonl_resume_stops_on_a_bad_middle_line(tmp_path, capsys):
    d = tmp_path / "in"
    d.mkdir()
    for name, text in (("a.txt", A), ("b.txt", B)):
        (d / name).write_text(text, encoding="utf-8")
    out = tmp_path / "o.jsonl"
    assert run(capsys, "extract", d, "-o", out)[0] == 0
    first, second = out.read_text(encoding="utf-8").splitlines()
    out.write_text(first + "\n" + "not json\n" + second + "\n", encoding="utf-8")
    before = out.read_bytes()
    (d / "c.txt").write_text(C, encoding="utf-8")
    rc, err = run(capsys, "extract", d, "-o", out, "--resume")
    assert rc == 2 and "line 2" in err and "Traceback" not in err, err
    assert out.read_bytes() == before
    out.write_text(first + "\n" + second + "\n" + second[:50], encoding="utf-8")  # a torn last line is dropped
    rc, err = run(capsys, "extract", d, "-o", out, "--resume")
    assert rc == 0 and "torn" in err and "line 3" in err, err
    assert len(out.read_text(encoding="utf-8").splitlines()) == 3


# 5. an impossible date line is an input error of that file only ---------------------------------

@pytest.mark.parametrize("date", ["2025-13-14", "2025-00-14"])
def test_an_impossible_date_line_is_one_error(tmp_path, capsys, date):
    d = tmp_path / "in"
    d.mkdir()
    (d / "a.txt").write_text(A, encoding="utf-8")
    (d / "bad.txt").write_text(f" date {date}\n研究員王大明表示，5月31日出口將增加25%。", encoding="utf-8")
    ds = tmp_path / "ds"
    rc, err = run(capsys, "extract", d, "--format", "parquet", "-o", ds)
    assert rc == 1 and "Traceback" not in err and "bad.txt" in err, err
    assert stored_texts(ds) == [A]
    kind, = corpus.open(str(ds)).execute("SELECT kind FROM errors").fetchone()
    assert kind == "input"
    out = tmp_path / "o.jsonl"
    rc, err = run(capsys, "extract", d, "-o", out)
    assert rc == 1 and "input error" in err and "bad.txt" in err, err
    assert [json.loads(x)["text"] for x in out.read_text(encoding="utf-8").splitlines()] == [A]


# 6. Ctrl-C on a parquet run with two jobs: the workers end with the run --------------------------

def test_ctrl_c_on_parquet_jobs_2_leaves_no_worker(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(200):
        (folder / f"a{i:03d}.txt").write_text(f"研究員王{i}明表示，出口將增加25%。" * 40, encoding="utf-8")
    ds = tmp_path / "ds"
    proc = subprocess.Popen([sys.executable, "-m", "h200claims", "extract", str(folder), "--format", "parquet",
                             "-o", str(ds), "--jobs", "2", "--batch-size", "20"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)  # children inherit both pipes
    deadline = time.time() + 120
    while time.time() < deadline and len(list((ds / "articles").glob("part-*.parquet"))) < 1:
        time.sleep(0.05)
    import psutil
    children = psutil.Process(proc.pid).children(recursive=True)
    assert children
    proc.send_signal(signal.SIGINT)
    try:
        _, err = proc.communicate(timeout=60)  # EOF only once every process holding the pipes is gone
    except subprocess.TimeoutExpired:
        for c in children:
            c.kill()
        proc.kill()
        pytest.fail("a worker process outlived the run")
    assert proc.returncode == 130 and b"Traceback" not in err, err
    _, alive = psutil.wait_procs(children, timeout=15)  # killed with the parent; a moment to be reaped
    assert not [c for c in alive if c.status() != psutil.STATUS_ZOMBIE], alive


# identity: two different 王明 are two actors; the same title and body make one -------------------

def test_two_people_with_the_same_short_name_stay_apart():
    from h200claims.corpus.identity import Occurrence, resolve

    def wang(aid, titles=(), body=None):
        return Occurrence(aid, "person:王明", "PERSON", False, "王明", (), titles, body, ("王明",))

    got = resolve([wang("a1", ("教授",), "ntu_tw"), wang("a2"), wang("a3", ("次長",), "taiwan_moea"),
                   wang("a4", ("次長",), "taiwan_moea"), wang("a5", ("教授",), "ntu_tw")])
    actor = {aid: a for (aid, _), a in got.items()}
    assert len({actor["a1"], actor["a2"], actor["a3"]}) == 3
    assert actor["a3"] == actor["a4"] and actor["a1"] == actor["a5"]


def test_two_people_with_the_same_name_in_two_articles_stay_two_actors(tmp_path):
    """End to end: the extractor finds 王小明 in each article (the NER leaves a bare 王明 out)."""
    from h200claims.corpus.batch import extract_batch

    texts = [("n1", "台大教授王小明表示，今年出口將增加25%。"), ("n2", "小店老闆王小明說，營收減少一成。"),
             ("n3", "經濟部次長王小明昨天表示，明年營收將成長12%。"), ("n4", "經濟部次長王小明強調，進口將減少3%。")]
    ds = corpus.Dataset(str(tmp_path / "ds"))
    ds.prepare()
    ds.write(extract_batch(texts, {}))
    ds.update_actors()
    con = corpus.open(ds.url)
    actor = dict(con.execute("SELECT a.source, q.speaker_actor FROM quotes q JOIN articles a USING (article_id, batch)"
                             ).fetchall())
    assert len(actor) == 4 and None not in actor.values(), actor
    assert len({actor["n1"], actor["n2"], actor["n3"]}) == 3
    assert actor["n3"] == actor["n4"]  # same full name, same title and body
    assert con.execute("SELECT count(*) FROM actors WHERE label = 'PERSON'").fetchone()[0] == 3


# validation at the edge: a wrong field fails here, not in a user's notebook ---------------------

def test_a_wrong_field_fails_at_the_edge_and_is_one_error(tmp_path, capsys, monkeypatch):
    import pydantic

    from h200claims.models import ArticleClaims, Mention
    from h200claims.pipeline import Extractor

    run_components = Extractor.run

    def bad(self, doc):  # a component that builds an item unvalidated, with a label that does not exist
        doc = run_components(self, doc)
        doc.entities[0].mentions.append(Mention.model_construct(start=0, end=1, text=doc.text[0], rule="x",
                                                                label="LOC", entity=doc.entities[0].id))
        return doc

    good = Extractor().extract(A)
    assert ArticleClaims.model_validate_json(good.model_dump_json()) == good
    monkeypatch.setattr(Extractor, "run", bad)
    with pytest.raises(pydantic.ValidationError):
        Extractor().extract(A)
    (tmp_path / "a.txt").write_text(A, encoding="utf-8")
    out = tmp_path / "o.jsonl"
    rc, err = run(capsys, "extract", tmp_path / "a.txt", "-o", out)
    assert rc == 1 and "internal error" in err and "LOC" not in out.read_text(encoding="utf-8")


def test_no_test_hook_in_the_package():
    from h200claims.batch import workers

    assert not hasattr(workers, "BEFORE_ARTICLE")
