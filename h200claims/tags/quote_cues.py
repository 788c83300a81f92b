"""Parts of a sentence: quoted passages, speech cues, relaying outlets, where content starts and ends."""
from __future__ import annotations

import re

from h200claims.doc import Doc
from h200claims.tags.quote_state import State
from h200claims.tags.quote_words import (
    CLAUSE_OR_QUOTE,
    OPEN,
    SENT_END,
    SPEAKER_WINDOW,
    SPEECH_MARK,
    words,
)

# ---------------------------------------------------------------- parts of a sentence


_QUOTE_MARKS = re.compile("[「」『』“”\"]")


def passages(view: str, s: int, e: int) -> list[tuple[int, int]]:
    """Outermost quoted passages in view[s:e] as (open mark offset, close mark offset)."""
    out = []
    stack: list[tuple[str, int]] = []
    for m in _QUOTE_MARKS.finditer(view, s, e):
        i = m.start()
        c = view[i]
        if stack and c == stack[-1][0]:
            close, start = stack.pop()
            if not stack:
                out.append((start, i))
        elif c in OPEN and len(stack) < 32:
            stack.append((OPEN[c], i))
    return out


def inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    return any(a <= pos <= b for a, b in spans)


def adverb_fused(doc: Doc, s: int, cs: int) -> bool:
    """A cue fused with the adverbs before it into one token (一再表示, 再次強調): the adverbs
    start at a token boundary and end where the cue starts."""
    m = words().adverbs.search(doc.view, max(s, cs - 6), cs)
    return m is not None and m.end() == cs and doc.at_token_boundary(m.start())


def when_fused(doc: Doc, cs: int) -> bool:
    """A cue fused with the 'when' ending before it into one token (受訪時說)."""
    return cs > 0 and words().when_end.match(doc.view, cs - 1, cs) is not None and doc.at_token_boundary(cs - 1)


def bare_cue(view: str, s: int, cs: int, speaker_ends: frozenset[int]) -> bool:
    """Whether a weak cue with no comma after it still reports speech: a named speaker, a role
    (分析師) or a pronoun stands right before it, adverbs between allowed (OECD預估2026年…, 她相信旅客…, 里昂料今年…), or
    a connective opens its clause (…，並預估年底前…: the guidelines' second cue); a bare
    …，預計兩年內完工 stays inside the content before it."""
    w = words()
    adv = w.adverbs.search(view, max(s, cs - 6), cs)
    at = adv.start() if adv else cs
    if at in speaker_ends or (adv is not None and (at == s or view[at - 1] in ",;")):
        return True
    if w.role_end.search(view, max(s, at - 8), at):  # 分析師平均預估…: an unnamed speaker by role
        return True
    return any(view.endswith(p, s, at) and (at - len(p) == s or view[at - len(p) - 1] in ",;:。 ")
               for p in w.pronouns if p != "其")


def find_cues(doc: Doc, s: int, e: int, quoted: list[tuple[int, int]], heading: bool = False,
              name_ends: frozenset[int] = frozenset(), speaker_ends: frozenset[int] = frozenset()) -> list[tuple[int, int]]:
    """Speech cues in a sentence: whole tokens from the cue list, outside quoted passages.

    In a headline, the clipped verbs of headline style (業者估…, 某某嗆…) count too, as whole tokens.
    """
    w = words()
    out: list[tuple[int, int]] = []
    view = doc.view
    if heading:
        for m in w.heading_cue_re.finditer(view, s, e):
            cs, ce = m.span()
            if doc.at_token_boundary(cs) and doc.at_token_boundary(ce) and cs > s and ce < e \
                    and not any(view.startswith(x, ce) for x in w.not_before):
                out.append((cs, ce))
    for m in w.cue_re.finditer(view, s, e):
        cs, ce = m.span()
        fused_say = m.group() == "说" and view[ce:ce + 1] in ":：「“"  # 小|明说：「…」: a name's end fused with 說
        if inside(cs, quoted) or not (doc.at_token_boundary(cs) or cs in name_ends or adverb_fused(doc, s, cs)
                                      or when_fused(doc, cs) or fused_say):
            continue  # (a name's last character fused with the cue: 李明说 tokenised 李|明说)
        if ce < len(view) and not doc.at_token_boundary(ce) and view[cs:ce] not in ("说",):
            continue
        if m.group() == "说" and not fused_say and ((not doc.at_token_boundary(ce) and cs not in name_ends)
                                                   or view[ce:ce + 1] in ("服", "明", "法", "是")):
            continue
        if any(view.startswith(x, ce) and doc.at_token_boundary(ce + len(x)) for x in w.not_before) \
                or any(view.endswith(x, s, cs) for x in w.not_after):
            continue  # (a word after the cue blocks it when it ends there: 問|中國 is a question, 說中 is not)
        if m.group() in w.weak and view[ce:ce + 1] not in (",", ":") and not (heading and view[ce:ce + 1] != " ") \
                and not (m.group() in w.bare and bare_cue(view, s, cs, speaker_ends)):
            continue  # 指, 估計 report speech only when a comma or colon follows (or in a headline)
        if out and out[-1][1] == cs:
            if view[out[-1][0]:cs] in w.cue_nouns:  # 分析稱: the analysis is who speaks, 稱 the cue
                out[-1] = (cs, ce)
            else:  # 補充 + 說: one cue
                out[-1] = (out[-1][0], ce)
            continue
        between = view[out[-1][1]:cs] if out else ""
        if out and not CLAUSE_OR_QUOTE.search(between) and w.when_end.search(between):
            out.pop()  # 回應相關進展時指出: the cue of a 'when' clause gives way to the main one
        out.append((cs, ce))
    return sorted(out)


def skip_separators(view: str, i: int, e: int) -> int:
    while i < e and view[i] in ",，:：、 　\n\r\t—－":  # 發言人表示——下半年…
        i += 1
    return i


def strip_end(view: str, s: int, e: int) -> int:
    while e > s and (view[e - 1] in SENT_END or view[e - 1] in ",，、;；:： 　\n\r\t"):
        e -= 1
    return e


def via_in(st: State, s: int, e: int) -> tuple[str | None, int]:
    """An outlet relaying the sentence (據《南華早報》報導, 《金融時報》引述): (entity id, end of the phrase)."""
    view = st.doc.view
    for pat in words().via:
        m = pat.search(view, s, e)
        if not m:
            continue
        os_, oe = m.span("outlet")
        ment = [x for x in st.mentions_in(os_, oe + 1) if x[3] == "ORG"]
        if ment:
            return ment[-1][2], m.end()
    return None, s


def _last_break(view: str, s: int, e: int, heading: bool = False) -> int:
    """Start of the clause that ends at e; in a headline a space separates clauses too."""
    i = e
    s = max(s, e - SPEAKER_WINDOW)
    breaks = ",，;；:：。 　" if heading else ",，;；:：。"
    while i > s and view[i - 1] not in breaks:
        i -= 1
    return i


def _content_end(view: str, start: int, nxt: int, e: int) -> int:
    """Content runs to the sentence end, or to the comma before the next cue that starts a new quote."""
    if nxt >= e:
        return e
    i = nxt
    while i > start and view[i - 1] not in ",，;；":
        i -= 1
    return i if i > start else e


def _trailing_passage(view: str, s: int, e: int, quoted: list[tuple[int, int]], sent_end: int) -> tuple[int, int] | None:
    """A 「…」 of whole sentences closing the sentence after paraphrase: (open, close)."""
    for a, b in quoted:
        if s < a and b < sent_end and view[a - 1] in ",，:：" and not view[b + 1:sent_end].strip(SENT_END + " 　"):
            inner = view[a + 1:b]
            if len(inner) >= words().cfg["speech_like_min"] and (SPEECH_MARK.search(inner) or a > s + 2):
                return a, b
    return None
