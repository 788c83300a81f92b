"""Claims: every quote as a QuoteClaim; every quantity as a QuantityClaim with what it measures,
whom it is about, what it is compared with and who states it.

Each piece is a small named function a test can call alone.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import regex


from h200claims import data
from h200claims.doc import Doc, SpanIndex
from h200claims.patterns import alternation
from h200claims.models import Quantity, QuantityClaim, Quote, QuoteClaim, TextRange
from h200claims.text.script import simplified_view as v

CLAUSE_BREAK = regex.compile(r"[,，;；:：。!?！？\n]")
HAN_WORD = regex.compile(r"\p{Han}{2,}")
DIGIT = regex.compile(r"\d")


@dataclass(frozen=True)
class ClaimWords:
    measure_re: Any
    link_re: Any
    comparison: tuple[str, ...]
    direction_re: Any  # a direction word (up or down) at the end of the text before an amount
    directions: dict[str, str]
    basis_re: Any
    bases: dict[str, str]
    direction_reach: int
    basis_reach: int
    between: Any  # words that may stand between a direction word and its amount (年增約22.3%, 下降了5.5%)


@lru_cache(maxsize=1)
def words() -> ClaimWords:
    cfg = data.load_json("claims.json")
    alt = alternation(v(m) for m in cfg["measure_nouns"])
    return ClaimWords(
        measure_re=regex.compile(alt),
        link_re=regex.compile(v(cfg["measure_link"]).replace("MEASURE", alt) + "$"),
        comparison=tuple(sorted({v(c) for c in cfg["comparison_cues"]}, key=len, reverse=True)),
        direction_re=regex.compile(alternation(v(w) for w in cfg["direction_up"] + cfg["direction_down"])),
        directions={**{v(w): "up" for w in cfg["direction_up"]}, **{v(w): "down" for w in cfg["direction_down"]}},
        basis_re=regex.compile(alternation(v(w) for w in cfg["basis_year_on_year"] + cfg["basis_previous_period"])),
        bases={**{v(w): "year_on_year" for w in cfg["basis_year_on_year"]},
               **{v(w): "previous_period" for w in cfg["basis_previous_period"]}},
        direction_reach=cfg["direction_reach"], basis_reach=cfg["basis_reach"],
        between=regex.compile("^" + alternation(v(x) for x in cfg["direction_between"]) + "*$"),
    )


#: how far a clause reaches on each side of a quantity: text with no punctuation for thousands of
#: characters (a scrape's run-on line) must not make every quantity read all of it
CLAUSE_REACH = 200


def clause_of(doc: Doc, q: Quantity) -> tuple[int, int]:
    """The clause around a quantity: between the clause breaks before and after it, and at most
    ``CLAUSE_REACH`` characters from it on either side."""
    s, e = doc.sentence_of(q.start)
    if s == e:
        s, e = doc.paragraph_of(q.start)
    s, e = max(s, q.start - CLAUSE_REACH), min(e, q.end + CLAUSE_REACH)
    before = list(CLAUSE_BREAK.finditer(doc.view, s, q.start))
    after = CLAUSE_BREAK.search(doc.view, q.end, e)
    return (before[-1].end() if before else s), (after.start() if after else e)


def mention_index(doc: Doc) -> SpanIndex:
    """All mentions, indexed once per Doc (cached on it)."""
    if "mentions" not in doc.cache:
        doc.cache["mentions"] = SpanIndex([(m.start, m.end, (m.start, m.end, m.entity, m.label))
                                           for ent in doc.entities for m in ent.mentions])
    return doc.cache["mentions"]  # type: ignore[no-any-return]


def mentions_between(doc: Doc, s: int, e: int) -> list[tuple[int, int, str, str]]:
    return [x[2] for x in mention_index(doc).within(s, e)]


def measure_candidates(doc: Doc, q: Quantity) -> list[Any]:
    """Measure nouns before the amount in its clause that head their phrase (not 運算力 in 運算力上的差距)."""
    w = words()
    cs, _ = clause_of(doc, q)
    view = doc.view
    out = []
    for m in w.measure_re.finditer(view, cs, q.start):
        nxt = view[m.end():m.end() + 2]
        if w.measure_re.match(view, m.end()) or (nxt.startswith(("的", "上的")) and not
                                                  (view[m.end():q.start] == "的")):
            continue
        out.append(m)
    return out


NOUN_MAX = 4


def noun_after(doc: Doc, start: int, end: int) -> str | None:
    """The word (up to four characters of Han tokens) starting at ``start``."""
    stop = start
    for s, e in doc.tokens_in(start, end):
        if s < stop:
            continue
        if s > stop or e > end or e - start > NOUN_MAX or not HAN_WORD.fullmatch(doc.view[s:e]):
            break
        stop = e
    return doc.text[start:stop] if stop > start else None


def measure_of(doc: Doc, q: Quantity) -> str | None:
    """What is measured: 25%的分潤 → 分潤; 在AI運算力上的差距 → AI運算力差距; H200的效能 → 效能."""
    w = words()
    cs, ce = clause_of(doc, q)
    after = w.measure_re.match(doc.view, q.end + (1 if doc.view[q.end:q.end + 1] == "的" else 0), ce)
    if after:
        return doc.text[after.start():after.end()]
    if doc.view[q.end:q.end + 1] == "的":  # 12%的規費: the noun the amount is 'of'
        noun = noun_after(doc, q.end + 1, ce)
        if noun:
            return noun
    cands = measure_candidates(doc, q)
    if not cands:
        return None
    m = cands[0]
    link = w.link_re.search(doc.view, cs, m.end())
    if link and link.end("measure") == m.end():
        ts = link.start("topic")
        for _, me, _, _ in mentions_between(doc, link.start("topic"), link.end("topic")):
            ts = max(ts, me)  # keep the topic words after any name (H200的效能 → 效能)
        topic = doc.view[ts:link.end("topic")]
        cut = max(topic.rfind(x) for x in ("在", "对", "于"))
        ts += cut + 1 if cut >= 0 else 0
        topic = doc.text[ts:link.end("topic")]
        if topic and not DIGIT.search(topic):
            return topic + doc.text[m.start():m.end()]
    return doc.text[m.start():m.end()]


def subject_of(doc: Doc, q: Quantity) -> tuple[str | None, str | None]:
    """The entity the amount is about: the name right before its measure (美方抽成, H200的效能),
    else the first name in its clause (美國政府將抽取…25%), else the name right after it."""
    cs, ce = clause_of(doc, q)
    comp = comparison_of(doc, q)
    before = [m for m in mentions_between(doc, cs, q.start) if m[2] != comp]
    cands = measure_candidates(doc, q)
    if cands:
        ms = cands[0].start()
        attached = [m for m in before if 0 <= ms - m[1] <= 1 and doc.view[m[1]:ms] in ("", "的")]
        if attached:
            return attached[0][2], doc.text[attached[0][0]:attached[0][1]]
    if before:
        return before[0][2], doc.text[before[0][0]:before[0][1]]
    after = mentions_between(doc, q.end, min(ce, q.end + 6))
    if after:
        return after[0][2], doc.text[after[0][0]:after[0][1]]
    return None, None


COMPARED = regex.compile(r"^[^\s,，。]{0,4}的$")


def comparison_of(doc: Doc, q: Quantity) -> str | None:
    """For multiples and percentages: the entity compared with (H200約為…H20晶片的6倍 → H20, 比H20高3倍)."""
    if q.kind not in ("multiple", "percent"):
        return None
    cs, _ = clause_of(doc, q)
    view = doc.view
    cue = None
    for c in words().comparison:
        i = view.rfind(c, cs, q.start)
        if i >= 0 and (cue is None or i > cue):
            cue = i
    if cue is None:
        return None
    between = mentions_between(doc, cue, q.start)
    if not between:
        return None
    last = between[-1]
    if COMPARED.match(view[last[1]:q.start]) or view[cue] in ("比", "较") and view.startswith(view[cue], last[0] - 1):
        return last[2]
    return None




def direction_of(doc: Doc, q: Quantity) -> tuple[Any, Any, str | None]:
    """(direction, basis, the words): which way a change goes and against what.

    A change with a from and a to value goes the way its numbers go (從15%提高至25% up); otherwise
    a direction word right before the amount, with only qualifiers between (年增22.3%, 下降了5.5%),
    and a basis word earlier in the clause (同比, 環比, 較去年同期). 翻倍 alone is an amount's
    direction too.
    """
    w = words()
    a, _ = clause_of(doc, q)
    view = doc.view
    direction: str | None = None
    said: list[str] = []
    if q.from_value is not None and q.to_value is not None and q.from_value != q.to_value:
        direction = "up" if q.to_value > q.from_value else "down"
    else:
        lo = max(a, q.start - w.direction_reach)
        fits = [m for m in w.direction_re.finditer(view, lo, q.start, overlapped=True)
                if w.between.match(view[m.end():q.start])]
        if fits:  # the word nearest the amount, in its longest form (下降, not 降)
            best = max(fits, key=lambda m: (m.end(), -m.start()))
            direction = w.directions[best.group()]
            said = [doc.text[best.start():best.end()]]
    basis: str | None = None
    hits = list(w.basis_re.finditer(view, max(a, q.start - w.basis_reach), q.start))
    if hits and (direction is not None or q.from_value is not None):
        basis = w.bases[hits[-1].group()]
        word = doc.text[hits[-1].start():hits[-1].end()]
        said = [word] + [x for x in said if x not in word]  # 年增: one word gives both
    return direction, basis, " ".join(said) or None


def source_of(doc: Doc, q: Quantity) -> tuple[str | None, str | None]:
    """Who states it: the speaker when the quantity sits inside a quote, else the article."""
    if "quotes" not in doc.cache:
        doc.cache["quotes"] = SpanIndex([(x.start, x.end, x) for x in doc.quotes])
    hit = doc.cache["quotes"].containing(q.start, q.end)
    if hit is not None:
        return hit[2].speaker, hit[2].speaker_text
    return "article", None


def quantity_claim(doc: Doc, q: Quantity) -> QuantityClaim:
    subject, subject_text = subject_of(doc, q)
    source, source_text = source_of(doc, q)
    s, e = doc.sentence_of(q.start)
    direction, basis, direction_text = direction_of(doc, q)
    return QuantityClaim(quantity=q, measure=measure_of(doc, q), subject=subject, subject_text=subject_text,
                         comparison=comparison_of(doc, q), direction=direction, basis=basis,
                         direction_text=direction_text, source=source, source_text=source_text,
                         evidence=TextRange(start=q.start, end=q.end), sentence=TextRange(start=s, end=e),
                         rule="quantity_claim")


def inherit_within_sentence(claims: list[QuantityClaim]) -> None:
    """A bare amount next to another of its kind in one sentence shares its measure and subject
    (抽取25%的分潤，較…的15%明顯提高 → 15% is also the cut, by the same side)."""
    for prev, cur in zip(claims, claims[1:]):
        if cur.sentence == prev.sentence and cur.quantity.kind == prev.quantity.kind:
            if cur.measure is None:
                cur.measure = prev.measure
            if cur.subject is None:
                cur.subject, cur.subject_text = prev.subject, prev.subject_text


def quote_claim(doc: Doc, quote: Quote) -> QuoteClaim:
    s, e = doc.sentence_of(quote.start)
    return QuoteClaim(speaker=quote.speaker, speaker_text=quote.speaker_text, content=quote.text, kind=quote.kind,
                      cue=quote.cue, via=quote.via, evidence=TextRange(start=quote.start, end=quote.end),
                      sentence=TextRange(start=s, end=e), rule="quote_claim")


def build_claims(doc: Doc) -> list[QuoteClaim | QuantityClaim]:
    qclaims = [quantity_claim(doc, q) for q in doc.quantities if q.kind != "date"]
    inherit_within_sentence(qclaims)
    out: list[QuoteClaim | QuantityClaim] = [quote_claim(doc, q) for q in doc.quotes]
    out.extend(qclaims)
    out.sort(key=lambda c: c.evidence.start)
    return out
