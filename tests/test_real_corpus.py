"""The real-page dev corpus: its tool on a corpus made here, and the corpus itself where its texts
have been restored (they are third-party text, never in git: CI has none and skips those tests)."""
from __future__ import annotations

import hashlib
import importlib.util
import json

import pytest

from conftest import ROOT

REAL = ROOT / "fixtures" / "real"
spec = importlib.util.spec_from_file_location("real_corpus", ROOT / "tools" / "real_corpus.py")
real_corpus = importlib.util.module_from_spec(spec)
spec.loader.exec_module(real_corpus)

TEXT = " date 2025-12-01 鴻海表示，第3季營收年增8.1%。\n\n延伸閱讀：台積電營收創新高"
SPEC = {"body": [{"from": "鴻海表示", "to": "8.1%。"}],
        "entities": [{"id": "foxconn", "label": "ORG", "canonical": "Foxconn", "surfaces": ["鴻海"]}],
        "quantities": [{"text": "第3季", "kind": "date", "unit": "2025-Q3"},
                       {"text": "8.1%", "kind": "percent", "value": 8.1, "unit": "%", "subject": "foxconn", "measure": "營收"}],
        "quotes": [{"from": "第3季", "to": "8.1%", "kind": "indirect", "speaker": "foxconn", "speaker_text": "鴻海", "cue": "表示"}],
        "claims_annotated": True}


@pytest.fixture
def corpus(tmp_path):
    root = tmp_path / "real"
    for d in ("texts", "specs", "specs2", "manifest.d"):
        (root / d).mkdir(parents=True)
    (root / "texts" / "p1.txt").write_bytes(TEXT.encode("utf-8"))
    (root / "specs" / "p1.spec.json").write_text(json.dumps(SPEC, ensure_ascii=False), encoding="utf-8")
    second = json.loads(json.dumps(SPEC))
    second["quantities"][1]["subject"] = None  # the second annotator saw no subject
    (root / "specs2" / "p1.spec.json").write_text(json.dumps(second, ensure_ascii=False), encoding="utf-8")
    (root / "manifest.d" / "a.json").write_text(json.dumps([{
        "id": "p1", "url": "https://example.com/p1", "query": "鴻海 營收", "rank": 2, "corpus": "pages",
        "script": "Traditional", "region": "TW", "outlet": "Example", "topic": "results", "beat": "company_results"}]),
        encoding="utf-8")
    return root


def run(root, *args):
    return real_corpus.main(["--root", str(root), *args])


def test_manifest_records_sha256_and_length_of_the_saved_text(corpus):
    assert run(corpus, "manifest") == 0
    (page,) = json.loads((corpus / "manifest.json").read_text(encoding="utf-8"))["pages"]
    assert page["sha256"] == hashlib.sha256(TEXT.encode("utf-8")).hexdigest() and page["chars"] == len(TEXT)
    assert run(corpus, "check") == 0


def test_restore_takes_the_excerpt_from_a_saved_search_answer_and_refuses_a_changed_one(corpus, tmp_path):
    run(corpus, "manifest")
    (corpus / "texts" / "p1.txt").unlink()
    assert run(corpus, "check") == 1
    answer = tmp_path / "answer.json"
    answer.write_text(json.dumps({"results": [{"rank": 1, "url": "https://other", "excerpt": "x"},
                                              {"rank": 2, "url": "https://example.com/p1", "excerpt": TEXT}]},
                                 ensure_ascii=False), encoding="utf-8")
    assert run(corpus, "restore", "p1", str(answer)) == 0
    assert (corpus / "texts" / "p1.txt").read_bytes() == TEXT.encode("utf-8")
    answer.write_text(json.dumps({"results": [{"url": "https://example.com/p1", "excerpt": TEXT + "!"}]}), encoding="utf-8")
    with pytest.raises(SystemExit, match="sha256"):
        run(corpus, "restore", "p1", str(answer))


def test_compile_then_agreement_reports_each_metric(corpus, capsys):
    run(corpus, "manifest")
    assert run(corpus, "compile") == 0 and run(corpus, "compile", "--second") == 0
    gold = json.loads((corpus / "gold" / "p1.gold.json").read_text(encoding="utf-8"))
    assert gold["body"] == [[17, 34]] and gold["quantities"][1]["source"] == "foxconn"
    capsys.readouterr()
    run(corpus, "agree")
    rows = {ln.split()[0]: ln.split()[1:] for ln in capsys.readouterr().out.splitlines()[2:]}
    assert rows["quantities"] == ["1.000", "1.000", "1.000"]
    assert rows["claims"] == ["0.000", "0.000", "0.000"] and rows["claim_subject"][2] == "0.000"


def test_a_spec_that_does_not_fit_its_text_is_reported(corpus, capsys):
    run(corpus, "manifest")
    bad = json.loads(json.dumps(SPEC))
    bad["quantities"][1]["text"] = "9.9%"
    (corpus / "specs" / "p1.spec.json").write_text(json.dumps(bad), encoding="utf-8")
    assert run(corpus, "compile") == 1
    assert "not found" in capsys.readouterr().out


PAGES = json.loads((REAL / "manifest.json").read_text(encoding="utf-8"))["pages"] if (REAL / "manifest.json").exists() else []


def test_the_manifest_meets_the_corpus_bar():
    if not PAGES:
        pytest.skip("fixtures/real/manifest.json not written yet")
    scripts = [p["script"] for p in PAGES]
    assert len(PAGES) >= 40 and scripts.count("Traditional") >= 15 and scripts.count("Simplified") >= 15
    assert len({p["outlet"] for p in PAGES}) >= 12
    assert {"TW", "HK", "CN", "INTL"} <= {p["region"] for p in PAGES} and {"SG", "MY"} & {p["region"] for p in PAGES}
    assert all((REAL / "specs" / f"{p['id']}.spec.json").exists() for p in PAGES)
    assert len({p["url"] for p in PAGES}) == len(PAGES)


@pytest.mark.parametrize("page", PAGES, ids=[p["id"] for p in PAGES])
def test_each_spec_compiles_and_checks_against_its_restored_text(page):
    text_path = REAL / "texts" / f"{page['id']}.txt"
    if not text_path.exists():
        pytest.skip("page text not restored (fixtures/real/README.md says how)")
    text = real_corpus.read_text(text_path)
    if hashlib.sha256(text.encode("utf-8")).hexdigest() != page["sha256"]:
        pytest.fail(f"{page['id']}: the restored text differs from the manifest's sha256")
    from h200claims.evaluate.gold_spec import check, compile_spec
    gold = compile_spec(json.loads((REAL / "specs" / f"{page['id']}.spec.json").read_text(encoding="utf-8")), text,
                        text_path.name)
    assert check(gold, text) == []
    counts = real_corpus.page_counts(gold)
    assert counts["quotes"] >= 1 and counts["quantities"] >= 3 and counts["actors"] >= 4, counts
