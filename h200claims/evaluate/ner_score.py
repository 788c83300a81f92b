"""Strict span scoring for NER: a predicted span counts only with the exact edges and label.

    >>> t = score_spans([[(0, 2, "PER")]], [[(0, 2, "PER"), (3, 5, "LOC")]])
    >>> t["PER"]["f1"], t["all"]["precision"]
    (1.0, 0.5)
"""
from __future__ import annotations

from collections import Counter


def _prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(2 * p * r / (p + r) if p + r else 0.0, 4),
            "tp": tp, "fp": fp, "fn": fn}


def score_spans(gold: list[list[tuple[int, int, str]]],
                pred: list[list[tuple[int, int, str]]]) -> dict[str, dict[str, float]]:
    """Per-label and overall P/R/F1 over parallel lists of sentences' spans."""
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    for g, p in zip(gold, pred, strict=True):
        gs, ps = set(g), set(p)
        for s in ps & gs:
            tp[s[2]] += 1
        for s in ps - gs:
            fp[s[2]] += 1
        for s in gs - ps:
            fn[s[2]] += 1
    labels = sorted(set(tp) | set(fp) | set(fn))
    out = {lab: _prf(tp[lab], fp[lab], fn[lab]) for lab in labels}
    out["all"] = _prf(sum(tp.values()), sum(fp.values()), sum(fn.values()))
    return out
