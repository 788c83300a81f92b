"""The evaluation harness: run the extractor over articles, score against gold files, print tables."""
from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

from h200claims.evaluate.score import PRF, score_article
from h200claims.pipeline import Extractor
from h200claims.text.read import read_file

TASKS = ("mentions_strict", "mentions_partial", "actors", "quantities", "quotes", "speakers")
#: scored on gold marked ``claims_annotated``; the last three are accuracies over matched quantities
CLAIM_TASKS = ("claims", "claim_subject", "claim_source", "claim_measure")


def load_pairs(gold_dir: Path, articles_dir: Path) -> list[tuple[str, dict[str, Any], str]]:
    pairs = []
    for g in sorted(gold_dir.glob("*.gold.json")):
        gold = json.loads(g.read_text(encoding="utf-8"))
        name = gold.get("article") or g.name.replace(".gold.json", ".txt")
        pairs.append((name, gold, read_file(articles_dir / name)))
    if not pairs:
        raise FileNotFoundError(f"no *.gold.json files in {gold_dir}")
    return pairs


def evaluate(gold_dir: Path, articles_dir: Path, extractor: Extractor | None = None) -> dict[str, Any]:
    """Scores per article and in total (micro-averaged), as plain data."""
    ex = extractor or Extractor()
    totals: dict[str, PRF] = {}
    per_article: dict[str, dict[str, Any]] = {}
    details: dict[str, dict[str, PRF]] = {}
    worst_body = 0
    rules: Counter[str] = Counter()
    for name, gold, text in load_pairs(gold_dir, articles_dir):
        result = ex.extract(text, source=name)
        rules.update(rule_names_in(result))
        pred = result.to_gold()
        scores = score_article(gold, pred)
        edge = scores.pop("body_edge_chars")
        assert isinstance(edge, int)
        worst_body = max(worst_body, edge)
        details[name] = scores  # type: ignore[assignment]
        per_article[name] = {k: v.as_dict() for k, v in scores.items() if isinstance(v, PRF)}
        for k, v in scores.items():
            assert isinstance(v, PRF)
            totals.setdefault(k, type(v)()).add(v)
    return {"total": {k: v.as_dict() for k, v in totals.items()}, "articles": per_article,
            "body_edge_chars": worst_body, "rules": dict(sorted(rules.items())), "_details": details}


def rule_names_in(result: Any) -> Counter[str]:
    """How many mentions, quantities and quotes each rule made (``model:crf`` counts for ``model``, ``model:lac`` for ``lac``)."""
    c: Counter[str] = Counter()
    for item in [*result.mentions, *result.quantities, *result.quotes]:
        c[item.rule] += 1
        if item.rule.startswith("model:lac"):
            c["lac"] += 1
        elif item.rule.startswith("model:"):
            c["model"] += 1
    return c


def ablation_note(name: str, full: dict[str, Any], without: dict[str, Any]) -> str | None:
    """A line saying why an ablation's scores equal the full run's, or None when they differ."""
    if full["total"] != without["total"]:
        return None
    made = full["rules"].get(name, 0)
    if not made:
        return f"{name}: found nothing on these articles (scores unchanged)"
    return f"{name}: made {made} items, all found the same way without it (scores unchanged)"


def table(result: dict[str, Any], tasks: tuple[str, ...] = TASKS + CLAIM_TASKS) -> str:
    """The totals; an accuracy row (claim_subject, …) gives the accuracy once, with right and wrong."""
    rows = [f"{'task':<22}{'P':>7}{'R':>7}{'F1':>7}{'tp':>6}{'fp':>6}{'fn':>6}"]
    for t in (t for t in tasks if t in result["total"]):
        s = result["total"][t]
        if t in CLAIM_TASKS[1:]:
            rows.append(f"{t:<22}{'accuracy':>14}{s['f1']:>7.3f}{s['tp']:>6}{'':>6}{s['fn']:>6}")
            continue
        rows.append(f"{t:<22}{s['precision']:>7.3f}{s['recall']:>7.3f}{s['f1']:>7.3f}{s['tp']:>6}{s['fp']:>6}{s['fn']:>6}")
    rows.append(f"body: worst edge off by {result['body_edge_chars']} chars")
    return "\n".join(rows)


def label_table(result: dict[str, Any]) -> str:
    rows = [f"{'label':<10}{'strict F1':>10}{'partial F1':>11}"]
    for label in ("PERSON", "ORG", "GPE", "PRODUCT"):
        s = result["total"][f"mentions_strict_{label}"]["f1"]
        p = result["total"][f"mentions_partial_{label}"]["f1"]
        rows.append(f"{label:<10}{s:>10.3f}{p:>11.3f}")
    return "\n".join(rows)


def article_table(result: dict[str, Any]) -> str:
    """F1 per article (claims columns where the gold has them, '-' where not)."""
    tasks = TASKS + tuple(t for t in CLAIM_TASKS if t in result["total"])
    head = f"{'article':<28}" + "".join(f"{t.removeprefix('claim_')[:10]:>11}" for t in tasks)
    rows = [head]
    for name, s in result["articles"].items():
        rows.append(f"{name[:27]:<28}" + "".join(f"{s[t]['f1']:>11.3f}" if t in s else f"{'-':>11}" for t in tasks))
    return "\n".join(rows)


def debug_listing(result: dict[str, Any], article: str) -> str:
    """Misses and false hits of one article, per task."""
    details = result["_details"]
    key = next((k for k in details if k.startswith(article)), None)
    if key is None:
        raise KeyError(f"no article {article!r}; have {', '.join(details)}")
    out = [f"== {key}"]
    for task in ("mentions_strict", "actors", "quantities", "quotes", "speakers", *CLAIM_TASKS):
        if task not in details[key]:
            continue
        prf = details[key][task]
        out.append(f"-- {task}: {len(prf.misses)} misses, {len(prf.false_hits)} false hits")
        for m in prf.misses:
            out.append("  MISS  " + _short(m))
        for m in prf.false_hits:
            out.append("  FALSE " + _short(m))
    return "\n".join(out)


def _short(item: dict[str, Any]) -> str:
    if "field" in item:
        f = item["field"]
        return f"{item['gold']['text']}: gold {f} {item['gold'].get(f)} / pred {item['pred'].get(f)}"
    if "gold" in item:
        return f"gold speaker {item['gold'].get('speaker')} / pred {item['pred'].get('speaker')}: {item['gold']['text'][:30]}"
    keep = {k: v for k, v in item.items() if k not in ("about", "sha256") and v not in (None, False, [])}
    if "text" in keep and len(keep["text"]) > 40:
        keep["text"] = keep["text"][:40] + "…"
    return json.dumps(keep, ensure_ascii=False)
