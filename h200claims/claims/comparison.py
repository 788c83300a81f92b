"""What an amount is compared with: the name after a comparing verb right before the amount (僅落後蔚來13輛
→ 蔚來), or, for multiples and percentages, the name after a comparison cue (H200約為H20晶片的6倍 → H20, 比H20高3倍).
The subject rules pass over it (claims/subject.py).

    >>> from h200claims import extract
    >>> [c.comparison for c in extract("小鵬10月交付3654輛，僅落後蔚來13輛。").claims if c.quantity.text == "13輛"]
    ['nio']
"""
from __future__ import annotations

import regex

from h200claims.claims.context import clause_of, mentions_between, words
from h200claims.doc import Doc
from h200claims.models import Quantity


#: at most this many characters between the compared name and the amount (落後蔚來|約|13輛), no space
#: among them (the clause's own bounds already keep punctuation out)
VERB_COMPARED_GAP = 2
SPACE = regex.compile(r"\s")


def compared_by_verb(doc: Doc, q: Quantity, clause_start: int) -> str | None:
    """The name right after a comparing verb and right before the amount (落後蔚來13輛, 領先對手2席)."""
    names = mentions_between(doc, clause_start, q.start)
    if not names or q.start - names[-1][1] > VERB_COMPARED_GAP:
        return None
    last = names[-1]
    if SPACE.search(doc.view, last[1], q.start):
        return None
    return last[2] if doc.view[clause_start:last[0]].endswith(words().comparison_verbs) else None


#: 最高的是…, 最多的為…: the cue after it names who ranks so, not what is compared with
SUPERLATIVE = regex.compile(r"最[^\s,，。]{1,3}的$")

COMPARED = regex.compile(r"^[^\s,，。；;：:]{0,8}的$")


def comparison_of(doc: Doc, q: Quantity) -> str | None:
    """The entity compared with: for any amount, the name between a comparing verb and the amount
    (僅落後蔚來13輛 → 蔚來); for multiples and percentages, also after a comparison cue
    (H200約為…H20晶片的6倍 → H20, 比H20高3倍)."""
    cs, _ = clause_of(doc, q)
    by_verb = compared_by_verb(doc, q, cs)
    if by_verb is not None or q.kind not in ("multiple", "percent"):
        return by_verb
    view = doc.view
    cue = None
    for c in words().comparison:
        i = view.rfind(c, cs, q.start)
        if i >= 0 and (cue is None or i > cue):
            cue = i
    if cue is None or SUPERLATIVE.search(view, max(cs, cue - 6), cue):
        return None  # 最高的是臺北市的70.69%: who ranks first, no comparison
    between = mentions_between(doc, cue, q.start)
    if not between:
        return None
    last = between[-1]
    if COMPARED.match(view[last[1]:q.start]) or view[cue] in ("比", "较") and view.startswith(view[cue], last[0] - 1):
        return last[2]
    return None
