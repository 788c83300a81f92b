"""An outlet named only where a page credits it is no actor: an agency credit in brackets
((中央社), 【財新網】, (德國之聲中文網)), a dateline (中新社北京7月5日電) or a byline line (聯合早報 新加坡 2022-12-17).

The copyright, reprint and disclaimer lines are already out of the body (``text/body.py``); these
credits stay in it because they share a line with the story. An outlet the story names anywhere
else (據中央社報導) keeps every mention.

    >>> import h200claims
    >>> [m.text for m in h200claims.extract("【財新網】8月22日晚，五家企業公布財報，台積電營收成長。").mentions]
    ['台積電']
"""
from __future__ import annotations

import regex

from h200claims.doc import Doc, MentionCandidate

#: brackets an agency credit stands alone in
OPENERS, CLOSERS = "(（【[〔", ")）】]〕"
#: what may stand between a bracketed outlet and its closing bracket (中文網)
CLOSED = regex.compile(r"\p{Han}{0,3}[" + regex.escape(CLOSERS) + "]")
#: after an outlet opening a paragraph: a dateline (北京7月5日電, 吉隆坡26日訊) or a byline's date
DATELINE = regex.compile(r"\s*(?:\p{Han}{0,8}\s*)?(?:\d{1,2}月)?\d{1,2}日\s*[電电訊讯]|\s*\p{Han}{0,8}\s*\d{4}-\d{1,2}-\d{1,2}")


def is_credit(doc: Doc, m: MentionCandidate) -> bool:
    """Whether a mention sits where a page credits an outlet: alone in brackets, or opening a
    paragraph before a dateline or a byline's date."""
    view = doc.view
    if m.start > 0 and view[m.start - 1] in OPENERS and CLOSED.match(view, m.end):
        return True  # (中央社), (德國之聲中文網)
    a, _ = doc.paragraph_of(m.start)
    opens = not view[a:m.start].strip()
    return opens and DATELINE.match(view, m.end) is not None


def outlet_credits(doc: Doc, mentions: list[MentionCandidate]) -> list[MentionCandidate]:
    """Drop the mentions of an outlet (lexicon kind ``outlet``) whose every mention is a credit."""
    by_id = doc.lexicon.by_id
    outlets: dict[str, list[MentionCandidate]] = {}
    for m in mentions:
        lex = by_id.get(m.key)
        if lex is not None and lex.kind == "outlet":
            outlets.setdefault(m.key, []).append(m)
    credited = {k for k, ms in outlets.items() if all(is_credit(doc, m) for m in ms)}
    return [m for m in mentions if m.key not in credited] if credited else mentions
