"""The quantities component: run the quantity rules, drop what overlaps names, settle overlaps."""
from __future__ import annotations

import regex


from h200claims.doc import Doc, SpanIndex, longest_first
from h200claims.models import Quantity
from h200claims.registry import component
from h200claims.tags.quantity_rules import RULES, grammar

CLAUSE_BREAK = regex.compile(r"[,，。;；:：!?！？\n]")


def distant_qualifiers(doc: Doc, items: list[Quantity]) -> None:
    """A qualifier earlier in the clause still applies: 約為…的6倍 (approx), 不得超過…的一半 (le)."""
    cues = grammar().cfg["distant_cues"]
    pattern = regex.compile("|".join(regex.escape(c) for c in sorted(cues, key=len, reverse=True)))
    prev_end = 0
    for q in items:
        para = doc.paragraph_of(q.start)
        lo = max(para[0], prev_end)
        window = doc.view[lo:q.start]
        brk = list(CLAUSE_BREAK.finditer(window))
        if brk:
            window = window[brk[-1].end():]
        hits = list(pattern.finditer(window))
        prev_end = q.end
        if not hits:
            continue
        effect = cues[hits[-1].group()]
        if effect == "approx":
            q.approx = True
        elif q.bound is None:
            q.bound = effect  # type: ignore[assignment]


@component("quantities", requires=["tokens", "entities"], assigns=["quantities"])
def quantities(doc: Doc) -> None:
    disabled = doc.settings["disabled"]
    found: list[Quantity] = []
    names = SpanIndex([(m.start, m.end, None) for e in doc.entities for m in e.mentions])
    for name in doc.settings["quantity_rules"]:
        if name not in disabled:
            found.extend(q for q in RULES[name](doc) if doc.in_body(q.start, q.end) and not names.overlaps(q.start, q.end))
    items = longest_first(found)
    distant_qualifiers(doc, items)
    doc.quantities = items
