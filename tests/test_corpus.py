"""The corpus: a Parquet dataset from the batch command, DuckDB queries over it, actor identity
across articles and scripts, claim groups, and the HTML report in a real browser."""
import json
import shutil
import subprocess
import sys

import pytest

pytest.importorskip("duckdb", reason="the corpus extra (duckdb, pyarrow) is not installed")
import pyarrow.parquet as pq  # noqa: E402

import h200claims.corpus as corpus  # noqa: E402
from browser import _dark, _shot, chromium, hex_rgb  # noqa: E402
from conftest import ARTICLES, ROOT  # noqa: E402
from h200claims.corpus.batch import extract_batch  # noqa: E402
from h200claims.corpus.identity import Occurrence, fold, resolve  # noqa: E402
from h200claims.corpus.rows import article_id, result_of, rows_of  # noqa: E402
from h200claims.corpus.schema import SCHEMA_VERSION, TABLES, describe, schemas  # noqa: E402
from h200claims.corpus.store import Dataset  # noqa: E402
from h200claims.models import ArticleClaims  # noqa: E402

REGRESSION = ROOT / "fixtures" / "regression" / "articles"


def cli(*args):
    return subprocess.run([sys.executable, "-m", "h200claims", *args], capture_output=True, text=True)


def count(con, sql):
    return con.execute(sql).fetchall()[0][0]


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """The fixtures (seeds and regression articles) as JSONL and as a dataset (batches of 4)."""
    tmp = tmp_path_factory.mktemp("corpus")
    jsonl, ds = tmp / "claims.jsonl", tmp / "ds"
    p = cli("extract", str(ARTICLES), str(REGRESSION), "-o", str(jsonl))
    assert p.returncode == 0, p.stderr
    p = cli("extract", str(ARTICLES), str(REGRESSION), "--format", "parquet", "-o", str(ds), "--batch-size", "4")
    assert p.returncode == 0, p.stderr
    records = [json.loads(line) for line in jsonl.read_text(encoding="utf-8").splitlines()]
    return records, ds, p.stderr


def test_query_counts_equal_the_jsonl_counts(built):
    records, ds, _ = built
    con = corpus.open(str(ds))
    assert count(con, "SELECT count(*) FROM articles") == len(records) == 15
    assert count(con, "SELECT count(*) FROM entities") == sum(len(r["entities"]) for r in records)
    assert count(con, "SELECT count(*) FROM mentions") == sum(len(e["mentions"]) for r in records for e in r["entities"])
    assert count(con, "SELECT count(*) FROM quotes") == sum(len(r["quotes"]) for r in records)
    assert count(con, "SELECT count(*) FROM quantities") == sum(len(r["quantities"]) for r in records)
    assert count(con, "SELECT count(*) FROM claims") == sum(len(r["claims"]) for r in records)
    assert count(con, "SELECT count(*) FROM errors") == 0


def test_rerun_adds_nothing_and_rewrites_nothing(built, tmp_path):
    records, ds, _ = built
    copy = tmp_path / "ds"
    shutil.copytree(ds, copy)
    def parts():  # the batch tables' parts (a run adds its row to runs; actor_keys is derived)
        return sorted(p.relative_to(copy) for p in copy.rglob("part-*.parquet") if p.parent.name in TABLES)

    before = parts()
    p = cli("extract", str(ARTICLES), str(REGRESSION), "--format", "parquet", "-o", str(copy), "--resume")
    assert p.returncode == 0 and "0 articles" in p.stderr and "15 skipped" in p.stderr, p.stderr
    assert before == parts()
    con = corpus.open(str(copy))
    assert count(con, "SELECT count(*) FROM raw_articles") == len(records)
    assert con.execute("SELECT status, articles, skipped FROM runs ORDER BY started, run").fetchall() == [
        ("done", 15, 0), ("done", 0, 15)]
    # a new article later: only it is added
    extra = tmp_path / "new.txt"
    extra.write_text("鄭偉倫表示，明年營收將成長12%。", encoding="utf-8")
    p = cli("extract", str(ARTICLES), str(extra), "--format", "parquet", "-o", str(copy))
    assert p.returncode == 0 and "1 articles" in p.stderr, p.stderr
    con = corpus.open(str(copy))
    assert count(con, "SELECT count(*) FROM raw_articles") == len(records) + 1
    assert count(con, "SELECT count(*) FROM (SELECT article_id FROM raw_articles GROUP BY 1 HAVING count(*) > 1)") == 0


def test_the_dataset_keeps_every_field(built):
    """Each article's rows rebuild exactly the record the JSONL output holds."""
    records, ds, _ = built
    con = corpus.open(str(ds))
    for rec in records:
        aid = article_id(rec["text"])
        tables = {}
        for t in ("articles", "entities", "mentions", "quantities", "quotes", "claims"):
            cur = con.execute(f"SELECT * FROM raw_{t} WHERE article_id = ?", [aid])
            names = [d[0] for d in cur.description]
            tables[t] = [dict(zip(names, row)) for row in cur.fetchall()]
        expected = ArticleClaims.model_validate(rec).model_copy(update={"source": tables["articles"][0]["source"]})
        assert result_of(tables) == expected, rec["source"]


def test_schema_is_versioned_documented_and_what_is_written(built):
    _, ds, _ = built
    assert json.loads((ds / "_schema.json").read_text()) == describe()
    assert describe()["schema_version"] == SCHEMA_VERSION
    doc = (ROOT / "docs" / "corpus.md").read_text(encoding="utf-8")
    assert f"schema version {SCHEMA_VERSION}" in doc
    for table in TABLES + ("runs", "actor_keys", "replaced"):
        part = next((ds / table).glob("part-*.parquet"), None)
        assert part or table == "replaced", table
        assert not part or pq.read_schema(part).remove_metadata().equals(schemas()[table]), table
        section = doc.split(f"### `{table}`", 1)[1].split("###", 1)[0]
        for field in schemas()[table].names:
            assert f"`{field}`" in section, f"docs/corpus.md: {table}.{field} is not documented"


def test_article_id_is_the_texts_sha256(built):
    records, ds, _ = built
    con = corpus.open(str(ds))
    ids = {r[0] for r in con.sql("SELECT article_id FROM articles").fetchall()}
    assert ids == {article_id(r["text"]) for r in records}
    import hashlib
    assert article_id("甲") == hashlib.sha256("甲".encode()).hexdigest()[:16]


# --- identity -------------------------------------------------------------------------------

def test_fold_joins_scripts_widths_and_cases():
    assert fold("鄭偉倫") == fold("郑伟伦")
    assert fold("ＮＶＩＤＩＡ") == fold("nvidia")
    assert fold("唐納．川普") == fold("唐纳·川普")


def occ(aid, key, label, lexicon, names, aliases=()):
    return Occurrence(aid, key, label, lexicon, names[0], tuple(aliases), (), None, tuple(names))


def test_resolve_keeps_lexicon_ids_and_never_joins_two():
    got = resolve([occ("a", "nvidia", "ORG", True, ["nvidia", "辉达"]), occ("a", "amd", "ORG", True, ["amd", "超微"]),
                   occ("b", "org:辉达公司", "ORG", False, ["辉达公司", "辉达"]),
                   occ("c", "org:两家", "ORG", False, ["两家", "辉达", "超微"])])
    assert got[("a", "nvidia")] == "nvidia" and got[("a", "amd")] == "amd"
    assert got[("b", "org:辉达公司")] == "nvidia"
    assert got[("c", "org:两家")] in ("nvidia", "amd")  # reaches both: joins one, never merges the two


def test_resolve_keeps_labels_apart():
    got = resolve([occ("a", "person:华夏", "PERSON", False, ["华夏"], ["Hua Xia"]),
                   occ("a", "org:华夏", "ORG", False, ["华夏"])])
    assert got[("a", "person:华夏")] != got[("a", "org:华夏")]


def test_one_actor_across_scripts_and_an_alias(tmp_path):
    """An invented name, in no lexicon: Traditional in one article, Simplified in another, and an
    English alias in a third that names it only as 'Wei-lun Cheng' elsewhere."""
    texts = [("t1", "立法委員鄭偉倫昨天表示，政府應該加快審查。"),
             ("t2", "立法委员郑伟伦（Wei-lun Cheng）说，审查进度太慢。"),
             ("t3", "鄭偉倫（Wei-lun Cheng）週五再度批評，審查流程拖延。")]
    ds = Dataset(str(tmp_path / "ds"))
    ds.prepare()
    ds.write(extract_batch(texts, {}))
    ds.update_actors()
    con = corpus.open(ds.url)
    rows = con.sql("SELECT actor, articles, names_hant, names_hans FROM actors WHERE label = 'PERSON'").fetchall()
    cheng = [r for r in rows if "鄭偉倫" in r[2]]
    assert len(cheng) == 1, rows
    actor, n_articles, hant, hans = cheng[0]
    assert n_articles == 3 and "郑伟伦" in hans
    speakers = {r[0] for r in con.sql("SELECT speaker_actor FROM quotes").fetchall()}
    assert speakers == {actor}


# --- groups, errors, commits ----------------------------------------------------------------

def test_claim_groups_and_quote_groups_across_outlets(tmp_path):
    a = "來源：甲報\n\n經濟部長王美花表示，台灣今年出口將成長12%。"  # a group needs a subject and a measure
    b = "来源：乙网\n\n经济部长王美花表示，台湾今年出口将成长12%。"
    c = "來源：丙台\n\n王美花另指出，台灣進口減少3%。"
    ds = Dataset(str(tmp_path / "ds"))
    ds.prepare()
    ds.write(extract_batch([("a", " date 2026-03-02\n" + a), ("b", " date 2026-03-01\n" + b),
                            ("c", " date 2026-03-05\n" + c)], {}))
    ds.update_actors()
    con = corpus.open(ds.url)
    groups = con.sql("SELECT value, unit, articles, outlets, first_date::VARCHAR FROM claim_groups "
                     "WHERE quantity_kind = 'percent' ORDER BY value").fetchall()
    assert (12.0, "%", 2, ["乙网", "甲報"], "2026-03-01") in groups, groups
    assert any(g[0] == 3.0 and g[2] == 1 for g in groups)
    quotes = con.sql("SELECT articles, outlets FROM quote_groups ORDER BY articles DESC").fetchall()
    assert quotes[0][0] == 1  # different days: 3-01 and 3-02 are not one group
    outlets = {r[0] for r in con.sql("SELECT outlet FROM articles").fetchall()}
    assert outlets == {"甲報", "乙网", "丙台"}


def test_a_bad_file_is_an_error_row_and_the_rest_is_written(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(ARTICLES / "004_460d789331464ea6.txt", folder)
    (folder / "broken.txt").write_bytes(b"\x00\x01\x02 not text \xff\xfe" * 50)
    ds = tmp_path / "ds"
    p = cli("extract", str(folder), "--format", "parquet", "-o", str(ds))
    assert p.returncode == 1 and "broken.txt" in p.stderr
    con = corpus.open(str(ds))
    assert count(con, "SELECT count(*) FROM articles") == 1
    assert con.sql("SELECT kind, source FROM errors").fetchall()[0][1].endswith("broken.txt")
    p = cli("extract", str(folder), "--format", "parquet", "-o", str(ds))  # retried, same error: not stored twice
    assert count(corpus.open(str(ds)), "SELECT count(*) FROM raw_errors") == 1


def test_an_uncommitted_batch_is_invisible_and_removed(built, tmp_path):
    _, ds, _ = built
    copy = tmp_path / "ds"
    shutil.copytree(ds, copy)
    con = corpus.open(str(copy))
    n = count(con, "SELECT count(*) FROM quotes")
    part = next((copy / "quotes").glob("part-*.parquet"))
    shutil.copy(part, copy / "quotes" / "part-0000000000000000.parquet")  # a batch cut short before its articles
    assert count(corpus.open(str(copy)), "SELECT count(*) FROM quotes") == n
    Dataset(str(copy)).prepare()
    assert not (copy / "quotes" / "part-0000000000000000.parquet").exists()


def test_a_folder_that_is_not_a_dataset_is_refused(tmp_path):
    (tmp_path / "x").mkdir()
    (tmp_path / "x" / "notes.txt").write_text("mine")
    p = cli("extract", str(ARTICLES / "004_460d789331464ea6.txt"), "--format", "parquet", "-o", str(tmp_path / "x"))
    assert p.returncode == 2 and "not an h200claims dataset" in p.stderr
    p = cli("query", str(tmp_path / "x"), "SELECT 1")
    assert p.returncode == 2 and "not an h200claims dataset" in p.stderr


# --- the query command ----------------------------------------------------------------------

def test_query_command_table_csv_json_and_bad_sql(built):
    _, ds, _ = built
    p = cli("query", str(ds), "SELECT count(*) AS n FROM articles")
    assert p.returncode == 0 and "15" in p.stdout
    p = cli("query", str(ds), "SELECT actor, articles FROM actors ORDER BY articles DESC, actor LIMIT 2", "--csv")
    assert p.stdout.splitlines()[0] == "actor,articles" and len(p.stdout.splitlines()) == 3
    p = cli("query", str(ds), "SELECT speaker_actor, count(*) AS n FROM quotes GROUP BY 1 ORDER BY 2 DESC LIMIT 1",
            "--json")
    rows = json.loads(p.stdout)
    assert rows[0]["n"] >= 5
    p = cli("query", str(ds), "SELECT nope FROM articles")
    assert p.returncode == 2 and p.stderr.count("\n") == 1 and "query failed" in p.stderr


def test_the_five_typical_queries_run(built):
    """The benchmark's queries (benchmarks/corpus.py) give sensible answers on the fixtures."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from corpus_bench import QUERIES

    con = corpus.open(str(built[1]))
    results = {name: con.execute(sql, params).fetchall() for name, (sql, params) in QUERIES.items()}
    assert results["top speakers"][0][0] in ("trump", "jensen_huang", "wei_shaojun")
    assert len(results["quotes of one actor"]) == dict(results["top speakers"])["trump"]
    assert results["actors per month"] and results["co-occurring actors"][0][2] >= 5
    assert results["claim groups"]


# --- the report -----------------------------------------------------------------------------

def test_report_renders_charts_and_chinese_in_chromium(built, tmp_path):
    _, ds, _ = built
    out = tmp_path / "report.html"
    p = cli("report", str(ds), "--html", str(out))
    assert p.returncode == 0, p.stderr
    page = out.read_text(encoding="utf-8")
    assert page.count("<svg") == 2 and "http://" not in page.split("<svg", 1)[0] and "<script src" not in page
    assert "Top actors" in page and "Who said what" in page and "Claim groups" in page and "Claims by" in page
    assert 'href="#a-' in page and "<details id='a-" in page
    from h200claims.corpus.report import BAR, QUOTE

    shot = read_png_of(tmp_path, page, "report")
    seen = {px for row in shot for px in row}
    assert hex_rgb(BAR) in seen and hex_rgb(QUOTE) in seen, "the charts are not drawn"
    # glyphs, not boxes: the same page with every Han character replaced by one character
    # draws differently only if the browser has the glyphs
    import re
    flat = re.sub(r"[\u4e00-\u9fff]", "口", page)
    a, b = _dark(shot), _dark(read_png_of(tmp_path, flat, "flat"))
    assert len(a ^ b) > 0.05 * len(a | b), "Chinese text renders as identical boxes"


def read_png_of(tmp_path, html_text, name):
    chromium()
    return _shot(tmp_path, html_text, name, size="1200,1800")


def test_report_rows_link_to_article_views_that_exist(built, tmp_path):
    _, ds, _ = built
    out = tmp_path / "r.html"
    assert cli("report", str(ds), "--html", str(out)).returncode == 0
    page = out.read_text(encoding="utf-8")
    import re
    targets = set(re.findall(r'href="#a-([0-9a-f]+)"', page))
    views = set(re.findall(r"<details id='a-([0-9a-f]+)'", page))
    assert targets and targets <= views


def test_rows_of_a_result_rebuild_it(extractor):
    r = extractor.extract((ARTICLES / "000_e12bd51840db5040.txt").read_text(encoding="utf-8"), source="x")
    assert result_of(rows_of(r, "b", extractor.lexicon)) == r
