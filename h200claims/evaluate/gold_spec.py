"""Gold by text, not by offsets: compile an annotation spec into a gold file, and check gold files.

The format is the one of ``docs/annotation.md`` (which follows the project's annotation
guidelines). A spec names things by their text; compiling finds the offsets:

- ``entities``: ``[{id, label, canonical, titles, affiliation, surfaces: [...]}]``; every
  occurrence of a surface inside the body becomes a mention (longest surface first, left to
  right, never overlapping); ``not_mentions``: texts whose occurrences block mentions inside them;
- ``quantities``: ``[{text, occurrence: N | "all", kind, value, unit, approx, bound, low, high,
  from_value, to_value, about, subject, measure}]`` (``subject``: the entity id the amount is
  about; ``measure``: the article's words for what is measured; a claim's ``source`` is derived:
  the speaker of the quote that holds the quantity);
- ``quotes``: ``[{text | from + to, occurrence: N, kind, speaker, speaker_text, cue, via}]``
  (``from``/``to``: the first and last characters of the content, ``to`` inclusive);
- ``body``: ``[{from, to, occurrence: N}]``, the article's own text; absent: the whole text;
- ``claims_annotated: true`` once every quantity but dates has its subject and measure; only
  such gold is scored on claims.

Occurrences count from 1 over the whole article. ``h200claims gold compile SPEC ARTICLE OUT`` and
``h200claims gold check GOLD ARTICLE`` run these; ``h200claims eval`` scores what they make.

    >>> spec = {"entities": [{"id": "wang", "label": "PERSON", "canonical": "Wang", "surfaces": ["王小明"]}],
    ...         "quantities": [{"text": "25%", "kind": "percent", "value": 25, "unit": "%"}],
    ...         "quotes": [{"from": "今年", "to": "25%", "kind": "indirect", "speaker": "wang", "cue": "表示"}]}
    >>> gold = compile_spec(spec, "王小明表示，今年營收成長25%。", "a.txt")
    >>> [(m["text"], m["start"]) for m in gold["mentions"]], gold["quotes"][0]["text"]
    ([('王小明', 0)], '今年營收成長25%')
    >>> check(gold, "王小明表示，今年營收成長25%。")
    []
"""
from __future__ import annotations

import hashlib
import re
from typing import Any

from h200claims.errors import H200ClaimsInputError
from h200claims.text.read import article_date

LABELS = {"PERSON", "ORG", "GPE", "PRODUCT"}
KINDS = {"percent", "multiple", "money", "count", "duration", "date", "measure"}
BOUNDS = {None, "gt", "lt", "le", "ge"}
QUANTITY_KEYS = ("kind", "value", "unit", "approx", "bound", "low", "high", "from_value", "to_value", "about",
                 "subject", "measure")


def occurrences(text: str, needle: str) -> list[int]:
    return [m.start() for m in re.finditer(re.escape(needle), text)]


def _range(text: str, r: dict[str, Any], what: str) -> tuple[int, int]:
    occ = occurrences(text, r["from"])
    n = r.get("occurrence", 1)
    if len(occ) < n:
        raise H200ClaimsInputError(f"{what}: start {r['from']!r} occurrence {n} not found")
    s = occ[n - 1]
    e = text.find(r["to"], s)
    if e < 0:
        raise H200ClaimsInputError(f"{what}: end {r['to']!r} not found after its start")
    return s, e + len(r["to"])


def _inside(body: list[list[int]], s: int, e: int) -> bool:
    return any(a <= s and e <= b for a, b in body)


def _mentions(spec: dict[str, Any], text: str, body: list[list[int]]) -> list[dict[str, Any]]:
    taken = [False] * len(text)
    for t in spec.get("not_mentions", []):
        for s in occurrences(text, t):
            taken[s:s + len(t)] = [True] * len(t)
    surfaces = sorted(((s, e["id"], e["label"]) for e in spec["entities"] for s in e["surfaces"]),
                      key=lambda x: -len(x[0]))
    out = []
    for surf, eid, label in surfaces:
        for s in occurrences(text, surf):
            e = s + len(surf)
            if any(taken[s:e]) or not _inside(body, s, e):
                continue
            taken[s:e] = [True] * len(surf)
            out.append({"start": s, "end": e, "text": surf, "entity": eid, "label": label})
    return sorted(out, key=lambda m: m["start"])


def _quantities(spec: dict[str, Any], text: str, body: list[list[int]]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for q in sorted(spec.get("quantities", []), key=lambda q: -len(q["text"])):
        occ = occurrences(text, q["text"])
        if not occ:
            raise H200ClaimsInputError(f"quantity not found: {q['text']!r}")
        want = q.get("occurrence", 1 if len(occ) == 1 else None)
        if want is None:
            raise H200ClaimsInputError(f"quantity {q['text']!r} occurs {len(occ)} times: give its occurrence")
        for s in (occ if want == "all" else [occ[want - 1]]):
            e = s + len(q["text"])
            clash = any(s < x["end"] and x["start"] < e for x in out)
            if want == "all" and (clash or not _inside(body, s, e)):
                continue
            if clash:
                raise H200ClaimsInputError(f"quantity {q['text']!r} overlaps another")
            item: dict[str, Any] = {"start": s, "end": e, "text": q["text"]}
            item.update({k: q.get(k, False if k == "approx" else None) for k in QUANTITY_KEYS})
            out.append(item)
    return sorted(out, key=lambda q: q["start"])


def _quotes(spec: dict[str, Any], text: str) -> list[dict[str, Any]]:
    out = []
    for q in spec.get("quotes", []):
        if "text" in q:
            occ = occurrences(text, q["text"])
            n = q.get("occurrence", 1)
            if len(occ) < n:
                raise H200ClaimsInputError(f"quote not found: {q['text'][:30]!r}")
            s, e = occ[n - 1], occ[n - 1] + len(q["text"])
        else:
            s, e = _range(text, q, "quote")
        out.append({"start": s, "end": e, "text": text[s:e], "kind": q["kind"], "speaker": q.get("speaker"),
                    "speaker_text": q.get("speaker_text"), "cue": q.get("cue"), "via": q.get("via")})
    return sorted(out, key=lambda q: q["start"])


def compile_spec(spec: dict[str, Any], text: str, name: str) -> dict[str, Any]:
    """The gold file (offsets found) for ``spec`` on the article ``text`` named ``name``."""
    body = sorted([list(_range(text, r, "body")) for r in spec.get("body", [])]) or [[0, len(text)]]
    entities = [{k: e.get(k) for k in ("id", "label", "canonical", "titles", "affiliation")} for e in spec["entities"]]
    quotes = _quotes(spec, text)
    quantities = _quantities(spec, text, body)
    for q in quantities:
        q["source"] = None if q["kind"] == "date" else source_from_quotes(q, quotes)
    gold: dict[str, Any] = {"article": name, "sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(), "date": article_date(text),
            "body": body, "entities": entities, "mentions": _mentions(spec, text, body),
            "quantities": quantities, "quotes": quotes}
    if spec.get("claims_annotated"):
        gold["claims_annotated"] = True
    return gold


def source_from_quotes(q: dict[str, Any], quotes: list[dict[str, Any]]) -> str | None:
    """Who states an amount: the speaker of the first quote whose span holds it, else null."""
    holder = next((x for x in quotes if x["start"] <= q["start"] and q["end"] <= x["end"]), None)
    return holder["speaker"] if holder else None


def check(gold: dict[str, Any], text: str) -> list[str]:
    """Every way the gold file disagrees with its article or the format; empty when it is sound."""
    errors = []
    if gold["sha256"] != hashlib.sha256(text.encode("utf-8")).hexdigest():
        errors.append("sha256 differs from the article")
    ids = {e["id"] for e in gold["entities"]}
    for e in gold["entities"]:
        if e["label"] not in LABELS:
            errors.append(f"entity {e['id']}: bad label {e['label']}")
        if e.get("affiliation") and e["affiliation"] not in ids:
            errors.append(f"entity {e['id']}: unknown affiliation {e['affiliation']}")
    errors.extend(f"entity {e} has no mention" for e in sorted(ids - {m["entity"] for m in gold["mentions"]}))
    body = gold.get("body") or [[0, len(text)]]
    for group in ("mentions", "quantities", "quotes"):
        items = gold[group]
        for x in items:
            if not _inside(body, x["start"], x["end"]):
                errors.append(f"{group}: {x['text'][:20]!r} lies outside the body")
            if text[x["start"]:x["end"]] != x["text"]:
                errors.append(f"{group}: text/offset mismatch at {x['start']}")
        errors.extend(f"{group}: overlap at {a['start']}..{b['end']}" for a, b in zip(items, items[1:])
                      if b["start"] < a["end"])
    errors.extend(f"mention {m['text']}: unknown entity {m['entity']}" for m in gold["mentions"] if m["entity"] not in ids)
    for q in gold["quantities"]:
        if q["kind"] not in KINDS:
            errors.append(f"quantity {q['text']}: bad kind {q['kind']}")
        if q["bound"] not in BOUNDS:
            errors.append(f"quantity {q['text']}: bad bound {q['bound']}")
        errors.extend(f"quantity {q['text']} overlaps mention {m['text']}" for m in gold["mentions"]
                      if q["start"] < m["end"] and m["start"] < q["end"])
        errors.extend(f"quantity {q['text']}: unknown {k} {q[k]}" for k in ("subject", "source")
                      if q.get(k) and q[k] not in ids)
    for q in gold["quotes"]:
        if q["kind"] not in ("direct", "indirect"):
            errors.append(f"quote at {q['start']}: bad kind")
        errors.extend(f"quote at {q['start']}: unknown {k} {q[k]}" for k in ("speaker", "via") if q.get(k) and q[k] not in ids)
    return errors
