"""An outlet named only where a page credits it is no actor: an agency credit in brackets
((中央社), 【財新網】, (德國之聲中文網)), a dateline (中新社北京7月5日電) or a byline line (聯合早報 新加坡 2022-12-17).

The copyright, reprint and disclaimer lines are already out of the body (``text/body.py``); these
credits stay in it because they share a line with the story, and so does a photo credit whose words
the body's caption patterns do not know (攝影：南洋商報). An outlet the story names anywhere else
(據中央社報導) keeps every mention.

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
DATELINE = regex.compile(r"\s*(?:\p{Han}{0,8}\s*)?(?:\d{1,2}月)?\d{1,2}日\s*[電电訊讯]|\s*\p{Han}{0,8}\s*\d{4}-\d{1,2}-\d{1,2}"
                          r"|\s*[電电訊讯]\s*[,，:：]")  # 智通財經APP訊，
#: a photo credit before an outlet, at the start of its line (照片來源：南洋商報, 圖／中央社)
PHOTO_CREDIT = regex.compile(r"(?:照片|图片|相片|图|摄影|影片|视频|资料照)(?:来源|提供|)?\s*[:：/／]\s*$")


def is_credit(doc: Doc, m: MentionCandidate, brackets: bool = True) -> bool:
    """Whether a mention sits where a page credits an outlet: alone in brackets (where
    ``brackets``), after a photo credit's words, or opening a paragraph before a dateline or a
    byline's date."""
    view = doc.view
    if brackets and m.start > 0 and view[m.start - 1] in OPENERS and CLOSED.match(view, m.end):
        return True  # (中央社), (德國之聲中文網)
    a, _ = doc.paragraph_of(m.start)
    line = view.rfind("\n", a, m.start) + 1 or a
    if PHOTO_CREDIT.search(view[line:m.start]):
        return True
    opens = not view[a:m.start].strip()
    return opens and DATELINE.match(view, m.end) is not None


def outlet_credits(doc: Doc, mentions: list[MentionCandidate]) -> list[MentionCandidate]:
    """Drop the mentions of an outlet (lexicon kind ``outlet``, or a body no lexicon lists) whose
    every mention is a credit."""
    by_id = doc.lexicon.by_id
    outlets: dict[str, list[MentionCandidate]] = {}
    for m in mentions:
        lex = by_id.get(m.key)
        if (lex is not None and lex.kind == "outlet") or (lex is None and m.label == "ORG"):
            outlets.setdefault(m.key, []).append(m)
    credited = {k for k, ms in outlets.items()  # a bracketed name no lexicon lists is an alias (能源委員會(ST))
                if all(is_credit(doc, m, brackets=k in by_id) for m in ms)}
    return [m for m in mentions if m.key not in credited] if credited else mentions
