"""The quantities component: run the quantity rules, drop what overlaps names, settle overlaps."""
from __future__ import annotations

import regex

from h200claims.doc import Doc, SpanIndex, longest_first
from h200claims.models import Quantity
from h200claims.registry import component
from h200claims.tags import quantity_dates, quantity_nouns  # noqa: F401  (register the date and scaled_count rules)
from h200claims.tags.quantity_grammar import after_first
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


URL = regex.compile(r"(?:https?://|www\.)[^\s，。「」（）]+")


def with_fullwidth_commas(text: str, view: str) -> str:
    """The view with the input's full-width commas kept: in Chinese text ， is punctuation, never a
    thousands separator between ASCII digits, and the number grammar must not read across it or
    take it for the comma before a number (，25% was no amount); between full-width digits (９，９９９)
    it separates thousands. Same length as the view.

    >>> with_fullwidth_commas("20，300元", "20,300元"), with_fullwidth_commas("９，９９９", "9,999")
    ('20，300元', '9,999')
    """
    if "，" not in text:
        return view
    out = list(view)
    for i in (i for i, t in enumerate(text) if t == "，"):
        wide = 0 < i < len(text) - 1 and "０" <= text[i - 1] <= "９" and "０" <= text[i + 1] <= "９"
        if not wide:  # ９，９９９ in full-width digits is a thousands separator; 20，300 is two numbers
            out[i] = "，"
    return "".join(out)


def inside_a_word(doc: Doc, q: Quantity) -> bool:
    """A quantity written in Han characters that starts inside a token is part of a word: the 數年
    of 指|數年|增 (指數 is the word), the 百家 of 上百|家.

    >>> import h200claims
    >>> [q.text for q in h200claims.extract("上證指數年增12%，過去數年表現平平。").quantities]
    ['12%', '數年']
    """
    return "\u4e00" <= doc.view[q.start] <= "\u9fff" and not doc.at_token_boundary(q.start) and not after_first(doc, q.start)


@component("quantities", requires=["tokens", "entities"], assigns=["quantities"])
def quantities(doc: Doc) -> None:
    disabled = doc.settings["disabled"]
    found: list[Quantity] = []
    names = SpanIndex([(m.start, m.end, None) for e in doc.entities for m in e.mentions]
                      + [(m.start(), m.end(), None) for m in URL.finditer(doc.text)])  # ?q=30%25: no amount
    view = doc.view
    doc.view = with_fullwidth_commas(doc.text, view)  # 20，300美圓 is 20 and 300, not 20,300
    try:
        for name in doc.settings["quantity_rules"]:
            if name not in disabled:
                found.extend(q for q in RULES[name](doc) if doc.in_body(q.start, q.end) and not names.overlaps(q.start, q.end))
    finally:
        doc.view = view
    items = longest_first([q for q in found if not inside_a_word(doc, q)])
    distant_qualifiers(doc, items)
    doc.quantities = items
