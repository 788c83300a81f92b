import json
import subprocess
import sys

from conftest import ARTICLES, seed_names


def run(*args, **kw):
    return subprocess.run([sys.executable, "-m", "h200claims.output.cli", *args], capture_output=True, text=True, **kw)


def test_extract_folder_to_jsonl(tmp_path):
    out = tmp_path / "claims.jsonl"
    p = run("extract", str(ARTICLES), "-o", str(out))
    assert p.returncode == 0, p.stderr
    lines = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert sorted(x["source"].rsplit("/", 1)[-1] for x in lines) == seed_names()
    assert "5 articles" in p.stderr and "0 failures" in p.stderr


def test_bad_file_is_reported_and_others_written(tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    (d / "good.txt").write_text("美國商務部長盧特尼克表示，此事將由總統決定，各方都在等待結果。", encoding="utf-8")
    (d / "bad.txt").write_bytes(bytes(range(256)) * 8)
    out = tmp_path / "o.jsonl"
    p = run("extract", str(d), "-o", str(out))
    assert p.returncode == 1
    assert "bad.txt" in p.stderr and "1 failures" in p.stderr
    assert len(out.read_text(encoding="utf-8").splitlines()) == 1


def test_resume_skips_done_and_drops_torn_line(tmp_path):
    out = tmp_path / "o.jsonl"
    assert run("extract", str(ARTICLES / seed_names()[0]), "-o", str(out)).returncode == 0
    with out.open("a", encoding="utf-8") as f:
        f.write('{"source": "torn')
    p = run("extract", str(ARTICLES), "-o", str(out), "--resume")
    assert p.returncode == 0, p.stderr
    sources = [json.loads(x)["source"] for x in out.read_text(encoding="utf-8").splitlines()]
    assert len(sources) == len(set(sources)) == 5
    assert "1 skipped" in p.stderr
