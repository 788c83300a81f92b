"""The first hour of a new user (issue 24): the corpus path from a plain install, folder input,
the small edges of the command line, user vocabulary."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from conftest import ARTICLES, ROOT

BLOCKED = "import sys; sys.modules[{mod!r}] = None; from h200claims.cli import main; sys.exit(main())"


def run(*args: str, **kw):
    return subprocess.run([sys.executable, "-m", "h200claims.cli", *args], capture_output=True, text=True, **kw)


def run_without(module: str, *args: str):
    """The command line as if ``module`` were not installed."""
    return subprocess.run([sys.executable, "-c", BLOCKED.format(mod=module), *args], capture_output=True, text=True)


@pytest.mark.parametrize("module", ["fsspec", "pyarrow"])
def test_parquet_without_the_corpus_extra_says_which_extra(tmp_path, module):
    p = run_without(module, "extract", str(ARTICLES), "--format", "parquet", "-o", str(tmp_path / "ds"))
    assert p.returncode == 2
    assert "Traceback" not in p.stderr
    assert p.stderr.strip().splitlines() == [p.stderr.strip()]  # one line
    assert "pip install 'h200claims[corpus]'" in p.stderr


def test_readme_corpus_section_starts_with_the_extra():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## The corpus", 1)[1].split("\n## ", 1)[0]
    first = next(ln.strip() for ln in section.splitlines()[1:] if ln.strip())
    assert first.startswith("pip install 'h200claims[corpus]'")


# folder input ---------------------------------------------------------------------------------

def folder(tmp_path):
    d = tmp_path / "in"
    (d / "drafts").mkdir(parents=True)
    (d / ".git").mkdir()
    for name in ("a.txt", "b.md", "drafts/c.txt", ".git/d.txt", "notes.rst"):  # distinct texts: distinct articles
        (d / name).write_text(f"美國商務部長盧特尼克表示，{name}一事將由總統決定。", encoding="utf-8")
    for name in ("README.md", "LICENSE.txt", "CHANGELOG.md", "contributing.md", "sub/README.zh.md"):
        (d / name).parent.mkdir(exist_ok=True)
        (d / name).write_text("# 說明\n本專案表示，這是說明文件。", encoding="utf-8")
    (d / "empty.txt").write_text("", encoding="utf-8")
    (d / "blank.txt").write_text("\ufeff \n\n", encoding="utf-8")
    return d


def sources(out):
    return sorted(json.loads(x)["source"].split("/in/", 1)[1] for x in out.read_text(encoding="utf-8").splitlines())


def test_folder_defaults_leave_out_readmes_and_empty_files_and_say_so(tmp_path):
    d = folder(tmp_path)
    out = tmp_path / "o.jsonl"
    p = run("extract", str(d), "-o", str(out))
    assert p.returncode == 0, p.stderr
    assert sources(out) == ["a.txt", "b.md", "drafts/c.txt"]
    assert "3 articles" in p.stderr
    assert "7 files left out (5 named README, LICENSE, …, 2 empty)" in p.stderr
    assert p.stderr.count("warning: empty file") == 2
    # a README named on the command line is read: the user asked for it
    p = run("extract", str(d / "README.md"), "-o", str(out))
    assert p.returncode == 0 and "1 articles" in p.stderr


def test_include_and_exclude_globs(tmp_path):
    d = folder(tmp_path)
    out = tmp_path / "o.jsonl"
    p = run("extract", str(d), "--exclude", "drafts/*", "--exclude", "*.md", "-o", str(out))
    assert p.returncode == 0, p.stderr
    assert sources(out) == ["a.txt"]
    assert "(6 --exclude" in p.stderr  # b.md, drafts/c.txt and the four *.md documents
    p = run("extract", str(d), "--include", "*.rst", "-o", str(out))
    assert sources(out) == ["notes.rst"]


def test_parquet_folder_input_leaves_out_readmes(tmp_path):
    d = folder(tmp_path)
    p = run("extract", str(d), "--format", "parquet", "-o", str(tmp_path / "ds"))
    assert p.returncode == 0, p.stderr
    assert "3 articles" in p.stderr and "7 files left out" in p.stderr


def test_extract_help_describes_paths_and_query_help_lists_the_views():
    extract = run("extract", "--help").stdout
    assert "README" in extract and "*.txt" in extract and "--include" in extract and "--exclude" in extract
    query = " ".join(run("query", "--help").stdout.split())
    for view in ("actors", "claim_groups", "quote_groups", "actor_pairs", "claims", "quotes"):
        assert view in query


# the small edges ------------------------------------------------------------------------------

def test_error_names_the_file_once(tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    (d / "bad.txt").write_bytes(bytes(range(256)) * 8)
    p = run("extract", str(d), "-o", str(tmp_path / "o.jsonl"))
    line = next(ln for ln in p.stderr.splitlines() if "bad.txt" in ln)
    assert line.count("bad.txt") == 1, line


def test_show_reads_stdin_and_takes_a_date():
    p = run("show", "-", "--date", "2025-12-10", input="王小明表示，明年營收將成長25%。")
    assert p.returncode == 0, p.stderr
    assert "<stdin> 2025-12-10" in p.stdout and "王小明" in p.stdout
    p = run("show", "-", "--date", "2025-13-45", input="王小明表示。")
    assert p.returncode == 2 and "not a calendar date" in p.stderr


def test_show_warns_of_an_empty_file(tmp_path):
    f = tmp_path / "empty.txt"
    f.write_text("", encoding="utf-8")
    p = run("show", str(f))
    assert p.returncode == 0 and "warning: empty" in p.stderr


# user vocabulary --------------------------------------------------------------------------------

VOCAB = {"quantities.json": {"measure_units": {"海浬": "nmi"}},
         "quote_cues.tsv": ["嗆聲\tstrong\tafter,direct"],
         "entity_rules.json": {"titles": ["村長"]},
         "boilerplate.json": {"end_markers": ["^本文結束"]}}
TEXTS = {"unit": "中國海警船距離台灣僅12海浬。", "cue": "王大明嗆聲，這次選舉並不公平。",
         "title": "大林村村長王大明表示，這次選舉並不公平。",
         "end": "王大明表示，這次選舉並不公平，各界都在關注結果。\n本文結束\n李小華表示，下次一定會更好，大家拭目以待。"}


def what(r, kind):
    return {"unit": [(q.text, q.unit) for q in r.quantities], "cue": [(q.cue, q.speaker) for q in r.quotes],
            "title": [t for e in r.entities for t in e.titles], "end": [q.speaker for q in r.quotes]}[kind]


def test_vocabulary_adds_units_cues_titles_and_end_markers(tmp_path):
    from h200claims import Extractor

    f = tmp_path / "vocab.json"
    f.write_text(json.dumps(VOCAB, ensure_ascii=False), encoding="utf-8")
    plain, mine = Extractor(), Extractor(vocabulary=f)
    for _ in range(2):  # the two take turns in one process: each gets its own data every time
        got = {k: (what(plain.extract(t), k), what(mine.extract(t), k)) for k, t in TEXTS.items()}
        assert got["unit"] == ([], [("12海浬", "nmi")])
        assert got["cue"] == ([], [("嗆聲", "王大明")])
        assert got["title"] == ([], ["村長"])
        assert got["end"] == (["王大明", "李小华"], ["王大明"])


def test_vocabulary_folder_in_the_package_formats(tmp_path):
    from h200claims import Extractor

    (tmp_path / "quote_cues.tsv").write_text("# my cues\n嗆聲\tstrong\tafter,direct\n", encoding="utf-8")
    (tmp_path / "quantities.json").write_text(json.dumps({"measure_units": {"海浬": "nmi"}}), encoding="utf-8")
    ex = Extractor(vocabulary=tmp_path)
    assert what(ex.extract(TEXTS["cue"]), "cue") == [("嗆聲", "王大明")]
    assert what(ex.extract(TEXTS["unit"]), "unit") == [("12海浬", "nmi")]


@pytest.mark.parametrize("vocab, message", [
    ({"quantities.json": {"clasifiers": ["票"]}}, "quantities.json: unknown key 'clasifiers' (did you mean 'classifiers'?)"),
    ({"quantity.json": {}}, "unknown data file 'quantity.json' (did you mean 'quantities.json'?)"),
    ({"quantities.json": {"classifiers": "票"}}, "classifiers is a list; give a list of items to add"),
    ({"quantities.json": {"classifiers": [3]}}, "classifiers[0]: 3 is not a str"),
    ({"quantities.json": {"count_noun_max": 9}}, "count_noun_max is a single int, which a vocabulary cannot change"),
    ({"quantities.json": {"measure_units": {"海浬": 1}}}, "measure_units['海浬']: 1 is not a str"),
    ({"boilerplate.json": {"end_markers": ["^(本文"]}}, "end_markers[0]: not a valid pattern"),
    ({"quote_cues.tsv": ["嗆聲\tloud\tafter"]}, "line 1: '嗆聲\\tloud\\tafter': expected cue <TAB> strength"),
])
def test_vocabulary_errors_are_clear(tmp_path, vocab, message):
    from h200claims import Extractor
    from h200claims.errors import H200ClaimsConfigError

    f = tmp_path / "v.json"
    f.write_text(json.dumps(vocab, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(H200ClaimsConfigError) as e:
        Extractor(vocabulary=f)
    assert message in str(e.value) and str(f) in str(e.value)


def test_vocabulary_on_the_command_line_and_in_workers(tmp_path):
    f = tmp_path / "vocab.json"
    f.write_text(json.dumps(VOCAB, ensure_ascii=False), encoding="utf-8")
    d = tmp_path / "in"
    d.mkdir()
    for k, t in TEXTS.items():
        (d / f"{k}.txt").write_text(t, encoding="utf-8")
    out = tmp_path / "o.jsonl"
    p = run("extract", str(d), "--vocabulary", str(f), "--jobs", "2", "-o", str(out))
    assert p.returncode == 0, p.stderr
    cues = [q["cue"] for x in out.read_text(encoding="utf-8").splitlines() for q in json.loads(x)["quotes"]]
    assert "嗆聲" in cues
    p = run("show", "-", "--vocabulary", str(f), input=TEXTS["unit"])
    assert "nmi" in p.stdout, p.stderr
    bad = tmp_path / "bad.json"
    bad.write_text('{"quantities.json": {"clasifiers": ["票"]}}', encoding="utf-8")
    p = run("extract", str(d), "--vocabulary", str(bad))
    assert p.returncode == 2 and "Traceback" not in p.stderr and "did you mean 'classifiers'" in p.stderr


# figures ---------------------------------------------------------------------------------------

def test_readme_figures_are_what_the_commands_print():
    """The README's example commands run as written, and print the figures the README shows
    (tools/readme_figures.py rewrites them after a change of behaviour)."""
    p = subprocess.run([sys.executable, str(ROOT / "tools" / "readme_figures.py"), "--check"], capture_output=True,
                       text=True)
    assert p.returncode == 0, "README figures drifted (python tools/readme_figures.py rewrites them):\n" + p.stdout + p.stderr


def test_cjk_font_found_when_matplotlib_cache_predates_it():
    """A font installed after matplotlib cached its list is found all the same (the notebook's
    plot then shows Chinese, not boxes)."""
    from matplotlib import font_manager

    from h200claims import data
    from h200claims.corpus.fonts import find_cjk_font

    if find_cjk_font() is None:
        pytest.skip("no CJK font on this system (CI installs fonts-wqy-zenhei)")
    fm = font_manager.fontManager
    kept = list(fm.ttflist)
    cjk = set(data.load_json("fonts.json")["cjk"])
    try:
        files = {f.fname for f in kept if f.name in cjk}
        fm.ttflist = [f for f in kept if f.fname not in files]  # the stale cache: no CJK font file in it
        assert find_cjk_font() in cjk
    finally:
        fm.ttflist = kept


def test_readme_vocabulary_example_is_a_valid_vocabulary():
    from h200claims.data.vocabulary import load

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("## Your own names and words", 1)[1].split("```json", 1)[1].split("```", 1)[0]
    voc = load(json.loads(block))
    assert voc is not None and set(voc.added) == {"quantities.json", "quote_cues.tsv", "entity_rules.json",
                                                  "boilerplate.json"}
