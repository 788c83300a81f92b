"""One article's result as rows of the corpus tables, and back (the rows lose nothing).

``rows_of(result, batch, lexicon)`` gives ``{table: [row dict]}`` in the columns of
``corpus/schema.py``; ``result_of(rows)`` rebuilds the ``ArticleClaims``.
"""
from __future__ import annotations

import datetime
import hashlib
import re
from functools import lru_cache
from typing import Any

from h200claims.corpus.identity import actor_key, fold
from h200claims.models import ArticleClaims, Entity, Mention, Quantity, QuantityClaim, Quote, QuoteClaim
from h200claims.text.script import is_traditional


def article_id(text: str) -> str:
    """The stable id of an article: the first 16 hex digits of the sha256 of its text (UTF-8).

    >>> article_id("王小明表示，今年營收成長25%。")
    '8655ce690c64f3a5'
    """
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def content_key(text: str) -> str:
    """What two articles must share for their claims to group: the words folded (script, width,
    case), punctuation and spaces dropped.

    >>> content_key("「今年營收成長25%」"), content_key("今年营收成长 25%。")
    ('今年营收成长25%', '今年营收成长25%')
    """
    return "".join(ch for ch in fold(text) if ch.isalnum() or ch in "%.·")


def _title(result: ArticleClaims) -> str | None:
    """The first non-empty line of the text that is not the ' date' line, cut to 200 characters."""
    for line in result.text.splitlines():
        line = line.strip()
        if line and not line.startswith("date "):
            return line[:200]
    return None


def _outlet(result: ArticleClaims, lexicon: Any) -> tuple[str | None, str | None]:
    """(outlet, its corpus key): the first outlet (a lexicon entity of kind ``outlet``) named
    outside the body, in a byline or dateline (〔中央社記者…〕, 新华社北京4月2日电); else the name a
    source line above the body gives (来源：东方财经网), keyed like any organisation."""
    def in_body(start: int) -> bool:
        return any(s <= start < e for s, e in result.body)

    found = [(m.start, e.id) for e in result.entities for m in e.mentions
             if getattr(lexicon.by_id.get(e.id), "kind", "") == "outlet" and not in_body(m.start)]
    if found:
        return min(found)[1], min(found)[1]
    head = result.text[:min((s for s, _ in result.body), default=0)]  # the page's header, above the body
    m = _source_line().search(head)
    if m:
        return m.group(1), actor_key(m.group(1), "ORG", False)
    return None, None


@lru_cache(maxsize=1)
def _source_line() -> "re.Pattern[str]":
    from h200claims import data

    labels = "|".join(map(re.escape, sorted(data.load_json("boilerplate.json")["source_labels"], key=len, reverse=True)))
    return re.compile(rf"(?:{labels})\s*[:：]\s*([^\s，,。|｜/]{{2,20}})")


def rows_of(result: ArticleClaims, batch: str, lexicon: Any) -> dict[str, list[dict[str, Any]]]:
    """The article as table rows; every row carries ``article_id`` and ``batch``."""
    aid = article_id(result.text)
    keys = {e.id: actor_key(e.id, e.label, e.id in lexicon.by_id) for e in result.entities}

    def key(local: str | None) -> str | None:
        if local is None:
            return None
        return keys.get(local, local)  # 'article' (no one quoted) stays as it is

    base = {"article_id": aid, "batch": batch}
    out: dict[str, list[dict[str, Any]]] = {"entities": [], "mentions": [], "quantities": [], "quotes": [],
                                            "claims": []}
    for e in result.entities:
        names = dict.fromkeys(fold(n) for n in [e.name, *e.aliases, *(m.text for m in e.mentions)])
        out["entities"].append({**base, "entity": e.id, "actor_key": keys[e.id], "label": e.label, "name": e.name,
                                "aliases": e.aliases, "titles": e.titles, "affiliation": e.affiliation,
                                "affiliation_key": key(e.affiliation), "lexicon": e.id in lexicon.by_id,
                                "names_folded": list(names), "mentions": len(e.mentions)})
        out["mentions"].extend({**base, "entity": e.id, "actor_key": keys[e.id], "label": m.label, "start": m.start,
                                "end": m.end, "text": m.text, "rule": m.rule} for m in e.mentions)
    qidx = {}
    for i, q in enumerate(result.quantities):
        qidx[(q.start, q.end, q.kind)] = i
        out["quantities"].append({**base, "idx": i, **q.model_dump()})
    for i, qt in enumerate(result.quotes):
        d = qt.model_dump()
        out["quotes"].append({**base, "idx": i, **d, "speaker_key": key(qt.speaker), "via_key": key(qt.via)})
    for i, c in enumerate(result.claims):
        row: dict[str, Any] = {**base, "idx": i, "type": c.type, "rule": c.rule, "evidence_start": c.evidence.start,
                               "evidence_end": c.evidence.end, "sentence_start": c.sentence.start,
                               "sentence_end": c.sentence.end}
        if isinstance(c, QuoteClaim):
            row.update(speaker=c.speaker, speaker_key=key(c.speaker), speaker_text=c.speaker_text, content=c.content,
                       kind=c.kind, cue=c.cue, via=c.via, via_key=key(c.via))
        else:
            q = c.quantity
            row.update(speaker=c.source, speaker_key=key(c.source), speaker_text=c.source_text, content=q.text,
                       quantity_idx=qidx.get((q.start, q.end, q.kind)), quantity_kind=q.kind, value=q.value,
                       unit=q.unit, measure=c.measure, subject=c.subject, subject_key=key(c.subject),
                       subject_text=c.subject_text, comparison=c.comparison, comparison_key=key(c.comparison),
                       direction=c.direction, basis=c.basis, direction_text=c.direction_text, period=c.period,
                       subject_rule=c.subject_rule, measure_rule=c.measure_rule)
            if row["quantity_idx"] is None:  # a claim's amount that is not in the article's list: keep it whole
                row["quantity_idx"] = len(out["quantities"])
                out["quantities"].append({**base, "idx": row["quantity_idx"], **q.model_dump()})
        row["measure_key"] = content_key(row["measure"]) if row.get("measure") else None
        row["content_key"] = content_key(row["content"])
        out["claims"].append(row)
    outlet, outlet_key = _outlet(result, lexicon)
    out["articles"] = [{
        **base, "source": result.source,
        "date": datetime.date.fromisoformat(result.date) if result.date else None,
        "title": _title(result), "outlet": outlet, "outlet_key": outlet_key,
        "script": "hant" if is_traditional(result.text) else "hans", "chars": len(result.text), "text": result.text,
        "offsets_refer_to": result.offsets_refer_to, "body_starts": [s for s, _ in result.body],
        "body_ends": [e for _, e in result.body], "warnings": result.warnings, "entities": len(result.entities),
        "quantities": len(result.quantities), "quotes": len(result.quotes), "claims": len(result.claims)}]
    return out


def _pick(row: dict[str, Any], fields: Any) -> dict[str, Any]:
    return {f: row[f] for f in fields if f in row}


def result_of(tables: dict[str, list[dict[str, Any]]]) -> ArticleClaims:
    """Rebuild one article's ``ArticleClaims`` from its rows (one article's rows of each table).

    >>> import h200claims
    >>> from h200claims.data import lexicon
    >>> r = h200claims.extract("王小明表示，今年營收成長25%。", date="2025-12-10")
    >>> result_of(rows_of(r, "b0", lexicon.default())) == r
    True
    """
    (a,) = tables["articles"]
    by_entity: dict[str, list[Mention]] = {}
    for m in sorted(tables["mentions"], key=lambda r: r["start"]):
        by_entity.setdefault(m["entity"], []).append(Mention(**_pick(m, Mention.model_fields)))
    entities = [Entity(id=e["entity"], label=e["label"], name=e["name"], aliases=list(e["aliases"]),
                       titles=list(e["titles"]), affiliation=e["affiliation"], mentions=by_entity.get(e["entity"], []))
                for e in tables["entities"]]
    quantities = {q["idx"]: Quantity(**_pick(q, Quantity.model_fields)) for q in tables["quantities"]}
    claims: list[QuoteClaim | QuantityClaim] = []
    for c in sorted(tables["claims"], key=lambda r: r["idx"]):
        ranges = {"evidence": {"start": c["evidence_start"], "end": c["evidence_end"]},
                  "sentence": {"start": c["sentence_start"], "end": c["sentence_end"]}, "rule": c["rule"]}
        if c["type"] == "quote":
            claims.append(QuoteClaim(**_pick(c, ("speaker", "speaker_text", "content", "kind", "cue", "via")), **ranges))
        else:
            claims.append(QuantityClaim(
                quantity=quantities[c["quantity_idx"]], source=c["speaker"], source_text=c["speaker_text"],
                **_pick(c, ("measure", "subject", "subject_text", "comparison", "direction", "basis", "direction_text",
                            "period", "subject_rule", "measure_rule")),
                **ranges))
    n_listed = a["quantities"]
    date = a["date"]
    return ArticleClaims(
        source=a["source"], date=date.isoformat() if date else None, text=a["text"],
        offsets_refer_to=a["offsets_refer_to"], body=list(zip(a["body_starts"], a["body_ends"])),
        entities=entities, quantities=[quantities[i] for i in sorted(quantities) if i < n_listed],
        quotes=[Quote(**_pick(q, Quote.model_fields)) for q in sorted(tables["quotes"], key=lambda r: r["idx"])],
        claims=claims, warnings=list(a["warnings"]))
