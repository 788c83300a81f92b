"""Claims: every quote as a QuoteClaim; every quantity as a QuantityClaim with what it measures
(``claims/measure.py``), whom it is about and what it is compared with (``claims/subject.py``), which
way it moved, for which period, and who states it.

Each piece is a small named function a test can call alone; each rule can be switched off by name.
"""
from __future__ import annotations

from typing import Any

import regex

from h200claims.claims.context import clause_of, on, quantity_index, quote_index, sentence_span, words
from h200claims.claims.measure import SHARE_VERBS, is_change_word, link_start, measure_earlier_clause, measure_of
from h200claims.claims.comparison import comparison_of
from h200claims.claims.subject import SUBJECT_RULES as CLAUSE_SUBJECT_RULES, subject_of
from h200claims.doc import Doc
from h200claims.models import Quantity, QuantityClaim, Quote, QuoteClaim, TextRange

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
    hit = quote_index(doc).containing(q.start, q.end)
    if hit is not None:
        return hit[2].speaker, hit[2].speaker_text
    return "article", None


#: a date right after one of these is what the amount is compared with (比一季度, 較去年同期), not its period
BASE_MARKERS = ("比", "较", "对比", "相较", "相比")


def is_base_date(doc: Doc, d: Quantity) -> bool:
    """Whether a date is a comparison's base (二季度進出口比一季度增長6%: 一季度)."""
    return doc.view[max(0, d.start - 2):d.start].endswith(BASE_MARKERS)


def period_of(doc: Doc, q: Quantity) -> str | None:
    """The period an amount refers to: the ISO unit of the nearest date before it in its clause,
    else of a date after it in the clause, else of the last date before it in its sentence
    (第3季營收年增8.1% → 2025-Q3); never a comparison's base date (比一季度)."""
    if not on(doc, "period"):
        return None
    cs, ce = clause_of(doc, q)
    s, _ = sentence_span(doc, q)
    dates = [x[2] for x in quantity_index(doc).within(s, ce) if x[2].kind == "date" and x[2].unit
             and not is_base_date(doc, x[2])]
    before = [d for d in dates if d.end <= q.start]
    in_clause = [d for d in before if d.start >= cs] or [d for d in dates if d.start >= q.end]
    pick = (in_clause[-1] if in_clause and in_clause[-1].end <= q.start else in_clause[0]) if in_clause else \
        (before[-1] if before else None)
    return pick.unit if pick is not None else None


RATE_KINDS = ("percent", "multiple")


def quantity_claim(doc: Doc, q: Quantity, before: list[QuantityClaim] | None = None) -> QuantityClaim:
    """The claim of one amount; ``before`` are the claims before it: an amount whose clause names no
    measure or subject follows the last of them (see ``follows``), and takes the measure of the
    nearest one in its sentence that has one (月減1.4%、年減8.8% after 營收243.85億元，創63個月新低)."""
    prev = before[-1] if before else None
    comparison = comparison_of(doc, q)
    s, e = doc.sentence_of(q.start)
    direction, basis, direction_text = direction_of(doc, q)
    measure, measure_rule = measure_of(doc, q)
    earlier = measured = earlier_rule = None
    other_way = prev is not None and restates(doc, prev.quantity, q) and on(doc, "inherit_within_sentence")
    if other_way and direction is None and prev is not None:  # 跌180點或1.05%: the same fall, in points and as a share
        direction, basis, direction_text = prev.direction, prev.basis, prev.direction_text
    if prev is not None and follows(prev, q, s, direction, bare_clause(doc, q) or other_way) and on(doc, "inherit_within_sentence"):
        earlier, earlier_rule = (prev.subject, prev.subject_text), prev.subject_rule
        measured = next((c.measure for c in reversed(before or []) if c.sentence.start == s and c.measure
                         and not is_change_word(c.measure) and c.measure not in SHARE_VERBS), None)  # 占 names nothing
    subject, subject_text, subject_rule = subject_of(doc, q, comparison, earlier, earlier_rule, measure or measured)
    # a change word passes the measure on unless its clause names a subject of its own (國巨股價漲3%，華新科漲逾2%);
    # a change by an amount (not a rate) only to a measure of amounts of its kind (用電700度以下，每度調漲0.1元)
    passes = measure is not None and is_change_word(measure) and (
        subject_rule not in CLAUSE_SUBJECT_RULES or (earlier is not None and subject == earlier[0]))
    if passes and measured and q.kind not in RATE_KINDS:
        measured = next((c.measure for c in reversed(before or []) if c.sentence.start == s and c.measure
                         and not is_change_word(c.measure) and c.quantity.kind == q.kind), None)
    # the nearest named measure: a clause of its own that names one and no amount, after the amount
    # before (載客量274萬人次，以座位計算的運力，增21.8% → 運力); else the measure of the amount before
    # (載客量274萬人次，增21.8% → 載客量); else such a clause anywhere before it in the sentence
    if measure is None or passes:
        clause_on = on(doc, "measure_earlier_clause")
        near = measure_earlier_clause(doc, q, prev.quantity.end) if clause_on and measured and prev else None
        named = near or (measure_earlier_clause(doc, q) if clause_on and not measured else None)
        if named:
            measure, measure_rule = named, "measure_earlier_clause"  # 加權指數…，終場大跌513點 → 加權指數
        elif measured:
            measure, measure_rule = measured, "inherit_within_sentence"
    if other_way and measure is None and prev is not None:
        measure, measure_rule = prev.measure, "inherit_within_sentence"
    source, source_text = source_of(doc, q)
    return QuantityClaim(quantity=q, measure=measure, measure_rule=measure_rule, subject=subject,
                         subject_text=subject_text, subject_rule=subject_rule,
                         comparison=comparison, direction=direction, basis=basis, period=period_of(doc, q),
                         direction_text=direction_text, source=source, source_text=source_text,
                         evidence=TextRange(start=q.start, end=q.end), sentence=TextRange(start=s, end=e),
                         rule="quantity_claim")


def follows(prev: QuantityClaim, q: Quantity, sentence_start: int, direction: str | None, bare: bool = False) -> bool:
    """Whether an amount carries on from the one before it in its sentence: one of its kind
    (抽取25%的分潤，較…的15%明顯提高 → 15% is also the cut, by the same side), a change of any
    (稅後淨利達580億元，年增12% → 12% is the rise of that profit), or any amount whose clause is only
    a link to it (淨利增加35%，為78億元)."""
    return prev.sentence.start == sentence_start and (prev.quantity.kind == q.kind or direction is not None or bare)


#: an amount right after another and one of these says the same change another way (跌180點或1.05%)
RESTATE = regex.compile(r"[或即](?:约|近|逾|超过)?")


def restates(doc: Doc, prev: Quantity, q: Quantity) -> bool:
    """Whether ``q`` gives the amount before it another way, joined by 或 or 即 alone (下跌180點或1.05%,
    增加3億元或12%): it has that amount's measure, subject and direction."""
    return prev.kind != q.kind and RESTATE.fullmatch(doc.view, prev.end, q.start) is not None


def bare_clause(doc: Doc, q: Quantity) -> bool:
    """Whether the amount's clause holds nothing before it but link words (，為78億元)."""
    cs, _ = clause_of(doc, q)
    return link_start(doc, q, cs) == cs


def quote_claim(doc: Doc, quote: Quote) -> QuoteClaim:
    s, e = doc.sentence_of(quote.start)
    return QuoteClaim(speaker=quote.speaker, speaker_text=quote.speaker_text, content=quote.text, kind=quote.kind,
                      cue=quote.cue, via=quote.via, evidence=TextRange(start=quote.start, end=quote.end),
                      sentence=TextRange(start=s, end=e), rule="quote_claim")


def build_claims(doc: Doc) -> list[QuoteClaim | QuantityClaim]:
    qclaims: list[QuantityClaim] = []
    for q in doc.quantities:
        if q.kind != "date":
            qclaims.append(quantity_claim(doc, q, qclaims))
    out: list[QuoteClaim | QuantityClaim] = [quote_claim(doc, q) for q in doc.quotes]
    out.extend(qclaims)
    out.sort(key=lambda c: c.evidence.start)
    return out
