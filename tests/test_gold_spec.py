"""The shipped gold compiler: it rebuilds every gold file of the project from its spec, and checks."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from conftest import ROOT

REG = ROOT / "fixtures" / "regression"


@pytest.mark.parametrize("spec", sorted((REG / "specs").glob("*.spec.json")), ids=lambda p: p.name)
def test_compile_rebuilds_the_regression_gold(spec, tmp_path):
    name = spec.name.replace(".spec.json", "")
    out = tmp_path / "g.json"
    p = subprocess.run([sys.executable, "-m", "h200claims", "gold", "compile", str(spec),
                        str(REG / "articles" / f"{name}.txt"), str(out)], capture_output=True, text=True)
    assert p.returncode == 0, p.stdout + p.stderr
    assert json.loads(out.read_text(encoding="utf-8")) == json.loads((REG / "gold" / f"{name}.gold.json").read_text(encoding="utf-8"))


def test_check_finds_what_is_wrong(tmp_path):
    from h200claims.evaluate.gold_spec import check, compile_spec

    text = "王小明表示，今年營收成長25%。"
    gold = compile_spec({"entities": [{"id": "w", "label": "PERSON", "surfaces": ["王小明"]}]}, text, "a.txt")
    gold["mentions"][0]["start"] = 1
    gold["entities"].append({"id": "x", "label": "THING"})
    errors = check(gold, text)
    assert any("mismatch" in e for e in errors) and any("bad label" in e for e in errors)
    assert any("x has no mention" in e for e in errors)
    f, a = tmp_path / "g.json", tmp_path / "a.txt"
    f.write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    a.write_text(text, encoding="utf-8")
    p = subprocess.run([sys.executable, "-m", "h200claims", "gold", "check", str(f), str(a)], capture_output=True, text=True)
    assert p.returncode == 1 and "ERROR" in p.stdout
