"""Bad, odd, huge and hostile input: never a crash, never a hang, never a lost result."""
import json
import signal
import subprocess
import sys
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import read_seed, seed_names
from h200claims import ArticleClaims, Extractor, H200ClaimsInputError, read_file
from h200claims.testing import extractor


def check(result: ArticleClaims, text: str) -> None:
    assert result.text == text
    for item in result.spans():
        assert 0 <= item.start <= item.end <= len(text)
        assert text[item.start:item.end] == item.text
    for a, b in result.body:
        assert 0 <= a <= b <= len(text)


@pytest.mark.parametrize("text", ["", " ", "\n\n\t  \u3000", "中", "a", "Hello world, no Chinese here at all. 42%.",
                                  "。，、！？「」『』（）……——", "!!!???...,,,"])
def test_trivial_inputs(text):
    r = extractor().extract(text)
    check(r, text)
    assert r.quotes == []
    # a number with a unit is a claim even in English text; nothing else here states an amount
    assert len(r.claims) == (1 if "42%" in text else 0)


@pytest.mark.parametrize("text", [
    "他說「這是開頭『還有巢狀」但沒有關好。川普表示，晶片出口將增加25%。",
    "她說「從來沒有結束的引號，美國商務部長盧特尼克表示，這段話沒有結尾",
    "」」」反過來的引號「「「，他說：『』。",
    "".join("「" * 20) + "川普說，晶片很好。" + "".join("」" * 20),
    "“英文引號”與\"半形引號\"混用，他表示：\"這是一句話。\"",
])
def test_unbalanced_and_nested_quote_marks(text):
    check(extractor().extract(text), text)


def test_a_quote_of_50000_characters():
    text = "研究員林大明表示：「" + "這是一段很長的話，" * 5000 + "」之後。"
    r = extractor().extract(text)
    check(r, text)
    assert any(q.kind == "direct" and len(q.text) >= 45000 for q in r.quotes)


def test_a_paragraph_of_100000_characters_without_punctuation():
    text = "美國商務部長盧特尼克表示輝達晶片出口中國" * 5000
    r = extractor().extract(text)
    check(r, text)


@pytest.mark.parametrize("text", [
    "川普😀表示，晶片出口將增加25%🚀。",
    "美國\u200b商務部\u200d長盧特\ufeff尼克表示，出口增加\u00a025%。",
    "控制字元\x01\x02\x1b[31m紅色\x7f，他說，好。",
    "NUL\x00位元組\x00川普表示，這樣也行。",
    "組合字元e\u0301\u0308與中文混合，黃仁勳表示，晶片很好。",
    "Ｈ２００晶片的效能約為Ｈ２０的６倍，售價５０００萬美元。",
    "\U0002a6a5\U0002b820 罕見字與𠀀𡀀，川普說，晶片。",
    "\u202e反向文字\u202c與\ufffd替代字元，他表示，好。",
])
def test_odd_unicode(text):
    check(extractor().extract(text), text)


def test_full_width_and_half_width_digits_agree():
    a = extractor().extract("營收成長２５％，達５０００萬美元。").quantities
    b = extractor().extract("營收成長25%，達5000萬美元。").quantities
    assert [(q.kind, q.value, q.unit) for q in a] == [(q.kind, q.value, q.unit) for q in b]


@pytest.mark.parametrize("enc,bom", [("utf-8", b"\xef\xbb\xbf"), ("utf-16-le", b"\xff\xfe"), ("big5", b""),
                                     ("gb18030", b"")])
def test_file_encodings_end_to_end(tmp_path, enc, bom):
    text = read_seed(seed_names()[4]) if enc != "gb18030" else "美国商务部长卢特尼克表示，美方将抽取25%的分润，这是事实。"
    if enc == "big5":
        text = text.encode("big5", errors="ignore").decode("big5")
    p = tmp_path / "a.txt"
    p.write_bytes(bom + text.encode(enc))
    r = Extractor().extract_file(p)
    check(r, text)


def test_unreadable_path_is_a_clear_error(tmp_path):
    d = tmp_path / "looks_like_a_file.txt"
    d.mkdir()
    with pytest.raises(H200ClaimsInputError, match="cannot read"):
        read_file(d)


def test_max_chars_refuses_clearly_and_default_is_generous():
    with pytest.raises(H200ClaimsInputError, match="max_chars"):
        Extractor(max_chars=1000).extract("中" * 1001)
    assert Extractor().max_chars >= 1_000_000


VOCAB = ["川普", "輝達", "黃仁勳", "表示", "指出", "他說", "她認為", "「", "」", "『", "』", "“", "”", "，", "。", "：",
         "25%", "6倍", "約", "逾", "不到", "從", "縮小至", "最多", "5000萬美元", "新台幣", "2到3年", "2027年第4季", "12月9日",
         "兩名知情人士", "據《南華早報》報導", "研究員", "王小明", "（Tim Fist）", "\n", " ", "H200", "百分之四十", "一半",
         "美國商務部", "該智庫", "記者", "▲", "（圖／路透）", "延伸閱讀"]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.text(max_size=300), st.lists(st.sampled_from(VOCAB), max_size=80).map("".join)))
def test_property_never_crashes_and_is_deterministic(text):
    r1 = extractor().extract(text)
    check(r1, text)
    r2 = extractor().extract(text)
    assert r1.model_dump() == r2.model_dump()


# ---------------------------------------------------------------- batch


def cli(*args, **kw):
    return subprocess.run([sys.executable, "-m", "h200claims.cli", *args], capture_output=True, text=True, **kw)


def make_folder(root, n, bad_every=0, full=False):
    root.mkdir()
    seeds = [read_seed(s) for s in seed_names()]
    for i in range(n):
        p = root / f"a{i:04d}.txt"
        if bad_every and i % bad_every == 0:
            p.write_bytes(b"\x00\x01\x02" * 100)
        elif full:  # whole articles: slow enough that a run can be caught half-way
            p.write_text(seeds[i % len(seeds)], encoding="utf-8")
        else:
            body = seeds[i % len(seeds)][:400] if i % 2 else f"研究員王{i}明表示，出口將增加{i % 90 + 1}%，影響深遠。"
            p.write_text(body, encoding="utf-8")
    return root


def test_a_thousand_files_some_bad(tmp_path):
    folder = make_folder(tmp_path / "in", 1000, bad_every=97)
    out = tmp_path / "o.jsonl"
    p = cli("extract", str(folder), "-o", str(out), "--jobs", "2")
    assert p.returncode == 1
    bad = len(range(0, 1000, 97))
    assert f"{bad} failures" in p.stderr and f"{1000 - bad} articles" in p.stderr
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 1000 - bad
    assert len({json.loads(x)["source"] for x in lines}) == 1000 - bad


def test_killed_run_leaves_valid_file_and_resume_completes_it(tmp_path):
    folder = make_folder(tmp_path / "in", 150, full=True)
    out = tmp_path / "o.jsonl"
    proc = subprocess.Popen([sys.executable, "-m", "h200claims.cli", "extract", str(folder), "-o", str(out)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 120
    while time.time() < deadline and (not out.exists() or out.read_bytes().count(b"\n") < 10):
        time.sleep(0.005)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    partial = out.read_text(encoding="utf-8").splitlines()
    assert 10 <= len(partial) < 150
    for line in partial:  # every record written is whole
        json.loads(line)
    p = cli("extract", str(folder), "-o", str(out), "--resume")
    assert p.returncode == 0, p.stderr
    sources = [json.loads(x)["source"] for x in out.read_text(encoding="utf-8").splitlines()]
    assert len(sources) == len(set(sources)) == 150


CRASH_ON = """
import os, sys
from h200claims.pipeline import Extractor
# the fault is injected here, by the test (a monkeypatch the forked workers inherit), not in the package
_extract = Extractor.extract
def crash(self, text, **kw):
    if {marker!r} in str(kw.get("source")):
        os._exit(70)
    return _extract(self, text, **kw)
Extractor.extract = crash
from h200claims.cli import main
sys.exit(main({args!r}))
"""


def test_a_worker_crash_loses_only_its_article(tmp_path):
    folder = make_folder(tmp_path / "in", 30)
    out = tmp_path / "o.jsonl"
    code = CRASH_ON.format(marker="a0007", args=["extract", str(folder), "-o", str(out), "--jobs", "2"])
    p = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert p.returncode == 1
    assert "a0007.txt" in p.stderr and "worker process died" in p.stderr
    sources = {json.loads(x)["source"] for x in out.read_text(encoding="utf-8").splitlines()}
    assert len(sources) == 29 and not any("a0007" in s for s in sources)


def test_a_worker_crash_in_a_parquet_batch_loses_only_its_article(tmp_path):
    """--format parquet --jobs 2: the batch whose worker dies is split and rerun article by article;
    the one that kills its worker again is an error row, the rest of its batch is stored."""
    pytest.importorskip("duckdb")
    import h200claims.corpus as corpus

    folder = make_folder(tmp_path / "in", 30)
    ds = tmp_path / "ds"
    args = ["extract", str(folder), "--format", "parquet", "-o", str(ds), "--jobs", "2", "--batch-size", "5"]
    p = subprocess.run([sys.executable, "-c", CRASH_ON.format(marker="a0007", args=args)], capture_output=True, text=True)
    assert p.returncode == 1 and "a0007.txt" in p.stderr and "worker process died" in p.stderr, p.stderr
    from h200claims.corpus.rows import article_id

    con = corpus.open(str(ds))
    ids = [r[0] for r in con.execute("SELECT article_id FROM raw_articles").fetchall()]
    texts = {article_id(f.read_text(encoding="utf-8")) for f in folder.glob("*.txt")}  # some files share a text
    assert len(ids) == len(set(ids)) and set(ids) == texts  # a0007's text is stored through its twins
    sources = [r[0] for r in con.execute("SELECT source FROM raw_articles").fetchall()]
    assert not any("a0007" in s for s in sources)
    (kind, source), = con.execute("SELECT kind, source FROM errors").fetchall()
    assert kind == "worker" and source.endswith("a0007.txt")
