"""Scoring predicted gold-format dicts against gold files, as docs/annotation.md describes.

All functions take and return plain dicts so any extractor's output can be scored.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from h200claims.text.script import to_simplified

LABELS = ("PERSON", "ORG", "GPE", "PRODUCT")
VALUE_KEYS = ("value", "low", "high", "from_value", "to_value")


@dataclass
class PRF:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    misses: list[Any] = field(default_factory=list)
    false_hits: list[Any] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0 if not self.fn else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: "PRF") -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn
        self.misses += other.misses
        self.false_hits += other.false_hits

    def as_dict(self) -> dict[str, float | int]:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": round(self.precision, 4),
                "recall": round(self.recall, 4), "f1": round(self.f1, 4)}


class Accuracy(PRF):
    """Right out of judged (``tp`` right, ``fn`` wrong): precision, recall and F1 all give the accuracy."""

    @property
    def precision(self) -> float:
        return self.recall


def overlaps(a: dict[str, Any], b: dict[str, Any]) -> bool:
    return a["start"] < b["end"] and b["start"] < a["end"]


def match_one_to_one(gold: list[dict[str, Any]], pred: list[dict[str, Any]], ok: Any) -> PRF:
    """Greedy one-to-one matching in text order; ``ok(g, p)`` says whether a pair matches."""
    used: set[int] = set()
    r = PRF()
    for g in gold:
        hit = next((i for i, p in enumerate(pred) if i not in used and ok(g, p)), None)
        if hit is None:
            r.fn += 1
            r.misses.append(g)
        else:
            used.add(hit)
            r.tp += 1
    r.fp = len(pred) - len(used)
    r.false_hits = [p for i, p in enumerate(pred) if i not in used]
    return r


def score_mentions(gold: dict[str, Any], pred: dict[str, Any], strict: bool = True,
                   label: str | None = None) -> PRF:
    gm = [m for m in gold["mentions"] if label in (None, m["label"])]
    pm = [m for m in pred["mentions"] if label in (None, m["label"])]
    if strict:
        return match_one_to_one(gm, pm, lambda g, p: (g["start"], g["end"], g["label"]) == (p["start"], p["end"], p["label"]))
    return match_one_to_one(gm, pm, lambda g, p: overlaps(g, p) and g["label"] == p["label"])


def score_actors(gold: dict[str, Any], pred: dict[str, Any]) -> PRF:
    """PERSON and ORG entities: matched when one of their mentions overlap with the same label."""
    def entity_mentions(d: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
        out: dict[str, list[dict[str, Any]]] = {}
        for m in d["mentions"]:
            out.setdefault(m["entity"], []).append(m)
        return out

    gme, pme = entity_mentions(gold), entity_mentions(pred)
    ge = [dict(e, _m=gme.get(e["id"], [])) for e in gold["entities"] if e["label"] in ("PERSON", "ORG")]
    pe = [dict(e, _m=pme.get(e["id"], [])) for e in pred["entities"] if e["label"] in ("PERSON", "ORG")]

    def ok(g: dict[str, Any], p: dict[str, Any]) -> bool:
        return g["label"] == p["label"] and any(overlaps(a, b) for a in g["_m"] for b in p["_m"])

    r = match_one_to_one(ge, pe, ok)
    r.misses = [{k: v for k, v in e.items() if k != "_m"} for e in r.misses]
    r.false_hits = [{k: v for k, v in e.items() if k != "_m"} for e in r.false_hits]
    return r


def _close(a: Any, b: Any) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return abs(a - b) <= 0.005 * max(abs(a), abs(b)) or a == b


def quantity_matches(g: dict[str, Any], p: dict[str, Any]) -> bool:
    if not overlaps(g, p) or g["kind"] != p["kind"]:
        return False
    if g["kind"] == "date":
        return g["unit"] is None or g["unit"] == p["unit"]
    return all(_close(g.get(k), p.get(k)) for k in VALUE_KEYS) and g["unit"] == p["unit"]


def score_quantities(gold: dict[str, Any], pred: dict[str, Any]) -> PRF:
    return match_one_to_one(gold["quantities"], pred["quantities"], quantity_matches)


def quote_span_matches(g: dict[str, Any], p: dict[str, Any]) -> bool:
    inter = min(g["end"], p["end"]) - max(g["start"], p["start"])
    if inter <= 0:
        return False
    return inter >= 0.5 * (g["end"] - g["start"]) and inter >= 0.5 * (p["end"] - p["start"])


def same_entity(gs: str | None, ps: str | None, gold: dict[str, Any], pred: dict[str, Any]) -> bool:
    """Two entity ids (gold, predicted) agree when both are null or their entities share a mention.

    Entity ids differ between extractors, so a predicted id matches a gold id when the two
    entities have overlapping mention spans in the article.
    """
    if gs is None or ps is None:
        return gs is None and ps is None
    gm = [m for m in gold["mentions"] if m["entity"] == gs]
    pm = [m for m in pred["mentions"] if m["entity"] == ps]
    return any(overlaps(a, b) for a in gm for b in pm)


def speaker_matches(g: dict[str, Any], p: dict[str, Any], gold: dict[str, Any], pred: dict[str, Any]) -> bool:
    """Speakers agree when both are null, or the predicted speaker entity is the gold one."""
    return same_entity(g.get("speaker"), p.get("speaker"), gold, pred)


def measure_matches(g: str | None, p: str | None) -> bool:
    """Lenient: in the Simplified view the two texts are equal or one contains the other."""
    if not g or not p:
        return False
    a, b = to_simplified(g), to_simplified(p)
    return a in b or b in a


def score_claims(gold: dict[str, Any], pred: dict[str, Any]) -> dict[str, PRF]:
    """Claims P/R/F (quantity, subject and source all right, dates left out) and the accuracy of
    subject, source and measure over the quantities that match, as the guidelines define them."""
    def claims(d: dict[str, Any]) -> list[dict[str, Any]]:
        return [q for q in d["quantities"] if q["kind"] != "date"]

    gq, pq = claims(gold), claims(pred)
    out = {"claims": match_one_to_one(gq, pq, lambda g, p: quantity_matches(g, p)
                                      and same_entity(g.get("subject"), p.get("subject"), gold, pred)
                                      and same_entity(g.get("source"), p.get("source"), gold, pred)),
           "claim_subject": Accuracy(), "claim_source": Accuracy(), "claim_measure": Accuracy()}
    used: set[int] = set()
    for g in gq:
        hit = next((i for i, p in enumerate(pq) if i not in used and quantity_matches(g, p)), None)
        if hit is None:
            continue
        used.add(hit)
        p = pq[hit]
        judged = [("claim_subject", same_entity(g.get("subject"), p.get("subject"), gold, pred)),
                  ("claim_source", same_entity(g.get("source"), p.get("source"), gold, pred))]
        if g.get("measure"):
            judged.append(("claim_measure", measure_matches(g["measure"], p.get("measure"))))
        for task, right in judged:
            acc = out[task]
            if right:
                acc.tp += 1
            else:
                acc.fn += 1
                acc.misses.append({"gold": g, "pred": p, "field": task.removeprefix("claim_")})
    return out


def score_quotes(gold: dict[str, Any], pred: dict[str, Any]) -> tuple[PRF, PRF]:
    """(quote P/R/F, speaker P/R/F over span-matched quotes).

    On each span-matched pair: the same speaker (or both unnamed) is a tp; a predicted speaker
    that is wrong is a fp (a false speaker), and also a fn when gold names someone; no speaker
    where gold names one is a fn. So speaker precision falls when speakers are invented.
    """
    quotes = match_one_to_one(
        gold["quotes"], pred["quotes"],
        lambda g, p: quote_span_matches(g, p) and g["kind"] == p["kind"] and speaker_matches(g, p, gold, pred))
    speakers = PRF()
    used: set[int] = set()
    for g in gold["quotes"]:
        hit = next((i for i, p in enumerate(pred["quotes"]) if i not in used and quote_span_matches(g, p)), None)
        if hit is None:
            continue
        used.add(hit)
        p = pred["quotes"][hit]
        if speaker_matches(g, p, gold, pred):
            speakers.tp += 1
            continue
        if p.get("speaker") is not None:
            speakers.fp += 1
            speakers.false_hits.append({"gold": g, "pred": p})
        if g.get("speaker") is not None:
            speakers.fn += 1
            speakers.misses.append({"gold": g, "pred": p})
    return quotes, speakers


def _merged(ranges: list[list[int]], gap: int = 2) -> list[list[int]]:
    """Ranges separated by no more than a line break or two count as one."""
    out: list[list[int]] = []
    for a, b in sorted(ranges):
        if out and a - out[-1][1] <= gap:
            out[-1][1] = max(out[-1][1], b)
        else:
            out.append([a, b])
    return out


def body_edges(gold: dict[str, Any], pred: dict[str, Any]) -> int:
    """Largest distance between a gold body edge and the nearest predicted edge (chars)."""
    gold = dict(gold, body=_merged([list(r) for r in gold.get("body", [])]))
    pred = dict(pred, body=_merged([list(r) for r in pred.get("body", [])]))
    gb = [x for r in gold["body"] for x in r]
    pb = [x for r in pred["body"] for x in r]
    if not gb:
        return 0
    if not pb:
        return max(gb)
    worst = max(min(abs(g - p) for p in pb) for g in gb)
    if len(gold["body"]) != len(pred["body"]):
        worst = max(worst, max(min(abs(g - p) for g in gb) for p in pb))
    return worst


def score_article(gold: dict[str, Any], pred: dict[str, Any]) -> dict[str, PRF | int]:
    quotes, speakers = score_quotes(gold, pred)
    out: dict[str, PRF | int] = {
        "mentions_strict": score_mentions(gold, pred, strict=True),
        "mentions_partial": score_mentions(gold, pred, strict=False),
        "actors": score_actors(gold, pred),
        "quantities": score_quantities(gold, pred),
        "quotes": quotes,
        "speakers": speakers,
        "body_edge_chars": body_edges(gold, pred),
    }
    if gold.get("claims_annotated"):
        out.update(score_claims(gold, pred))
    for label in LABELS:
        out[f"mentions_strict_{label}"] = score_mentions(gold, pred, True, label)
        out[f"mentions_partial_{label}"] = score_mentions(gold, pred, False, label)
    return out
