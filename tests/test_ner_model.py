"""The trained NER model: its features, train/run agreement, and what it finds in the pipeline."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, read_seed, seed_names
from h200claims import Extractor, to_simplified
from h200claims.tags import ner_model
from h200claims.tokens.segmenter import make_segmenter

SHARED = ROOT.parent / "shared" / "external"


def both(text):
    return [text, to_simplified(text)]


@pytest.mark.parametrize("name", seed_names())
def test_train_time_and_run_time_tokens_agree(name):
    """The trainer segments each sentence alone (tools/train_ner.py); the pipeline segments whole
    paragraphs. The model sees the same tokens either way, in both scripts."""
    from h200claims.tags.entity_model import _tiling

    seg = make_segmenter("jieba")
    ex = Extractor()
    for text in both(read_seed(name)):
        doc = ex.run(ex.make_doc(text))
        for s, e in doc.sentences:
            assert _tiling(doc.tokens_in(s, e), s, e) == seg(doc.view[s:e]), doc.text[s:e]


def test_features_are_deterministic_and_one_list_per_character():
    view = "美国商务部长卢特尼克表示"
    toks = make_segmenter("jieba")(view)
    f1, f2 = ner_model.features(view, toks), ner_model.features(view, toks)
    assert f1 == f2 and len(f1) == len(view)
    assert all(f[0] == "c0=" + ch for f, ch in zip(f1, view))


@pytest.mark.parametrize("text,name,label", [
    # invented names, in no lexicon, in sentences with no speech cue after them
    ("這份報告由馮柏翰與同事共同撰寫。", "馮柏翰", "PERSON"),
    ("昨天下午，蔡雅婷在記者會上回應外界質疑。", "蔡雅婷", "PERSON"),
])
def test_model_finds_names_outside_the_lexicon(text, name, label):
    for t in both(text):
        got = [(m.text, m.label) for m in Extractor().extract(t).mentions]
        expect = name if t == text else to_simplified(name)
        assert (expect, label) in got, got
        assert (expect, label) not in [(m.text, m.label) for m in Extractor(disable=["model"]).extract(t).mentions]


def test_an_unknown_company_is_found_by_the_model_and_by_its_shape():
    text = "新成立的鈺翔半導體公司將在苗栗設廠。"
    assert ("鈺翔半導體公司", "ORG", "model:crf") in [(m.text, m.label, m.rule) for m in Extractor().extract(text).mentions]
    without = [(m.text, m.label, m.rule) for m in Extractor(disable=["model", "lac"]).extract(text).mentions]
    assert ("鈺翔半導體公司", "ORG", "company_industry") in without  # with both models off (LAC finds it too)


def test_model_mentions_carry_the_model_rule_and_get_titles():
    r = Extractor().extract("該公司執行長鄧韋廷昨天宣布，將擴大在德州的投資。")
    ent = next(e for e in r.entities if any(m.text == "鄧韋廷" for m in e.mentions))
    assert {m.rule for m in ent.mentions} == {"model:crf"}
    assert "執行長" in ent.titles[0]


def test_eval_ner_command_on_a_file_we_wrote(tmp_path):
    rows = []
    for ch, tag in zip("王小明在台北說", ["B-PER", "I-PER", "I-PER", "O", "B-LOC", "I-LOC", "O"]):
        rows.append(f"{ch} {tag}")
    f = tmp_path / "tiny.txt"
    f.write_text("\n".join(rows) + "\n\n", encoding="utf-8")
    p = subprocess.run([sys.executable, "-m", "h200claims", "eval-ner", str(f), "--json"], capture_output=True, text=True)
    assert p.returncode == 0, p.stderr
    res = json.loads(p.stdout)[str(f)]
    assert res["sentences"] == 1 and set(res) >= {"h200claims", "model only", "jieba.posseg"}
    assert res["h200claims"]["all"]["tp"] + res["h200claims"]["all"]["fn"] == 2


def test_shipped_model_card_matches_the_recipe():
    cfg = ner_model.config()
    recipe = json.loads((ROOT / "tools" / "ner_train.json").read_text(encoding="utf-8"))
    assert cfg["params"]["c1"] == recipe["crfsuite"]["c1"] and cfg["labels"] == ["PER", "ORG", "LOC"]
    size = sum(p.stat().st_size for p in (ROOT / "h200claims" / "data" / "models").iterdir())
    assert size <= 30_000_000


# ---------------------------------------------------------------- external dev sets (need ../shared)

def _external(rel: str) -> Path:
    p = SHARED / rel
    if not p.exists():
        pytest.skip(f"{p} not present: the public NER sets live in ../shared/external (as in CI)")
    return p


#: today's figures (eval-ner, the full pipeline, strict spans), less 0.02: a drop beyond that fails
DEV_FLOORS = {
    "uner_zh_gsd/zh_gsd-ud-dev.iob2": {"all": 0.586, "PER": 0.715},
    "msra_ner_train/train.txt": {"all": 0.798, "PER": 0.882},  # its first 1,000 held-out sentences
}


@pytest.mark.parametrize("rel", sorted(DEV_FLOORS))
def test_external_dev_scores_hold(rel):
    from h200claims.evaluate.ner_eval import evaluate_ner

    path = _external(rel)
    every = 20 if rel.startswith("msra") else 1  # MSRA: the trainer's held-out slice
    res = evaluate_ner([str(path)], baseline=False, every=every, limit=1000)[str(path)]["h200claims"]
    for label, today in DEV_FLOORS[rel].items():
        assert res[label]["f1"] >= today - 0.02, (label, res[label])
