"""The claims across a corpus: claim groups with a subject and a measure, the places where articles
disagree (claim_conflicts), one subject's measure over time (claim_timeline), and the report."""
from __future__ import annotations

import subprocess
import sys

import pytest

pytest.importorskip("duckdb", reason="the corpus extra: pip install 'h200claims[corpus]'")

ARTICLES = {
    "a.txt": " date 2025-11-10 鴻海公布營收\n\n鴻海表示，第3季營收2.06兆元，年增11%。",
    "b.txt": " date 2025-11-11 鴻海營收創新高\n\n據報導，鴻海第3季營收2.16兆元，年增11%。",
    "c.txt": " date 2025-11-12 台積電營收\n\n台積電第3季營收9,870億元，年增30%。",
}


@pytest.fixture(scope="module")
def dataset(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("claims")
    folder = tmp / "in"
    folder.mkdir()
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    p = subprocess.run([sys.executable, "-m", "h200claims", "extract", str(folder), "--format", "parquet",
                        "-o", str(tmp / "ds")], capture_output=True, text=True)
    assert p.returncode == 0, p.stderr
    return tmp / "ds"


def rows(dataset, sql):
    import h200claims.corpus as corpus
    con = corpus.open(str(dataset))
    cur = con.execute(sql)
    return [dict(zip([d[0] for d in cur.description], r)) for r in cur.fetchall()]


def test_two_articles_that_disagree_are_a_conflict(dataset):
    (c,) = rows(dataset, "SELECT * FROM claim_conflicts")
    assert (c["subject_actor"], c["measure"], c["period"], c["unit"]) == ("foxconn", "營收", "2025-Q3", "TWD")
    assert {c["said_a"], c["said_b"]} == {"2.06兆元", "2.16兆元"}
    assert {c["date_a"].isoformat(), c["date_b"].isoformat()} == {"2025-11-10", "2025-11-11"}
    assert "營收" in c["sentence_a"] and "營收" in c["sentence_b"]


def test_the_same_value_in_two_articles_is_a_group_not_a_conflict(dataset):
    groups = rows(dataset, "SELECT * FROM claim_groups WHERE articles > 1")
    assert [(g["subject_actor"], g["value"], g["unit"]) for g in groups] == [("foxconn", 11.0, "%")]
    assert not rows(dataset, "SELECT * FROM claim_conflicts WHERE unit = '%'")
    assert all(g["subject_actor"] and g["measure_key"] for g in rows(dataset, "SELECT * FROM claim_groups"))


def test_the_timeline_lists_each_value_of_a_subjects_measure(dataset):
    t = rows(dataset, "SELECT value, period, articles FROM claim_timeline WHERE subject_actor = 'foxconn' "
                      "AND quantity_kind = 'money' ORDER BY value")
    assert [(round(r["value"] / 1e12, 2), r["period"], r["articles"]) for r in t] == [(2.06, "2025-Q3", 1),
                                                                                       (2.16, "2025-Q3", 1)]


def test_the_report_has_the_disagreements_section(dataset, tmp_path):
    out = tmp_path / "r.html"
    p = subprocess.run([sys.executable, "-m", "h200claims", "report", str(dataset), "--html", str(out)],
                       capture_output=True, text=True)
    assert p.returncode == 0, p.stderr
    page = out.read_text(encoding="utf-8")
    section = page.split("Where the articles disagree", 1)[1].split("<h2", 1)[0]
    assert "2.06兆元" in section and "2.16兆元" in section and "foxconn" in section
    names = page.split("<h2 id='actors'>", 1)[1].split("</table>", 1)[0]
    assert "鴻海" in names and "<td>foxconn</td>" not in names  # names as written, not ids


def test_the_disagreements_section_is_drawn(dataset, tmp_path):
    from browser import _dark, _shot, chromium
    chromium()
    out = tmp_path / "r.html"
    subprocess.run([sys.executable, "-m", "h200claims", "report", str(dataset), "--html", str(out)], check=True)
    page = out.read_text(encoding="utf-8")
    section = "<html><meta charset='utf-8'><body>" + page.split("<h2 id='conflicts'>", 1)[1].split("<h2", 1)[0]
    section = "<h2 id='conflicts'>" + section
    empty = section.replace("2.06兆元", "").replace("2.16兆元", "")
    assert len(_dark(_shot(tmp_path, section, "c", size="900,300")) ^ _dark(_shot(tmp_path, empty, "e", size="900,300"))) > 50
