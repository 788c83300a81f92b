"""Quantity rules: each a small named function ``rule(doc) -> list[Quantity]`` over the body.

Patterns run on the matching view, so one grammar serves both scripts (``quantity_grammar.py``);
spans and texts are taken from the original. Overlaps are settled by h200claims/tags/quantities.py
(longest wins). Dates are in ``quantity_dates.py``.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Any

import regex

from h200claims.doc import Doc
from h200claims.models import Quantity
from h200claims.tags.numbers import chinese_to_number, numeral_pair, well_formed_prefix
from h200claims.patterns import alternation
from h200claims.tags.numbers import NUMBER
from h200claims.tags.quantity_nouns import noun_before, nothing_counted_after, rest_of_word
from h200claims.tags.quantity_grammar import (CLAUSE_END, _noun_stops, after_first, ONE_DIGIT, RULES, bare_currency, blocked, count_noun, grammar,
                                              is_bare, is_vague, make, number, qualifiers, rule, scaled_numbers, spaced_unit,
                                              unit_of)
from h200claims.text.script import simplified_view as v

__all__ = ["RULES", "grammar"]

# ---------------------------------------------------------------- rules


@rule("change")
def change(doc: Doc) -> list[Quantity]:
    """From one amount to another: 從原本約10倍縮小至最多5倍, 由15%提高至25%, 10倍縮至5倍."""
    g = grammar()
    out = []
    for a, b in doc.paragraphs:
        for m in g.change.finditer(doc.view, a, b):
            if not m.group("from") and not m.group("verb"):
                continue  # 2到3年 is a range, not a change
            first = g.amount.fullmatch(m.group("a"))
            last = g.amount.match(m.group("b"))
            if not first or not last:
                continue
            kind, unit = unit_of(last.group("unit"), last.group("cur"), doc)
            kind_a, _ = unit_of(first.group("unit"), first.group("cur"), doc)
            if kind != kind_a or kind in ("count", "date"):
                continue
            s, e = m.start("a"), m.end("b")
            if blocked(doc, m.start("a") + (len(first.group("pre") or "")), e):
                continue
            ap1, _ = qualifiers(first.group("pre"), None, first.group("inner"))
            ap2, bound = qualifiers(last.group("pre"), last.group("post"), last.group("inner"))
            fv, tv = number(first.group("num")), number(last.group("num"))
            out.append(make(doc, s, e, "change", kind, value=tv, unit=unit, approx=ap1 or ap2, bound=bound,
                            from_value=fv, to_value=tv))
    return out


BIG_TAIL = regex.compile(r"[万亿兆]+$")


def shared_scale(low: str, high: str) -> str:
    """The low figure of a range with the scale the high one ends in, where it has none of its own
    (2至3億美元 → 2億; 兩到三千 → 兩千; 十八至三十萬 → 十八萬; 兩到三千萬 → 兩千萬).

    >>> shared_scale("2", "3亿"), shared_scale("两", "三千"), shared_scale("十八", "三十万"), shared_scale("两", "三千万")
    ('2亿', '两千', '十八万', '两千万')
    >>> shared_scale("两千", "三千万"), shared_scale("两亿", "三亿")
    ('两千万', '两亿')
    """
    if BIG_TAIL.search(low):
        return low  # 兩億至三億: the low has its own scale
    big = BIG_TAIL.search(high)
    tail = big.group() if big else ""
    head = high[:len(high) - len(tail)]
    if head and head[-1] in "千百" and len(head) >= 2 and low[-1:] not in ("千", "百"):
        tail = head[-1] + tail  # 兩到三千(萬): the low digit counts in the same place
    return low + tail  # 兩千至三千萬: only the 萬


@rule("range")
def value_range(doc: Doc) -> list[Quantity]:
    """Two bounds and one unit: 2到3年, 3至6個月, 15%-25%."""
    g = grammar()
    out = []
    for a, b in doc.paragraphs:
        for m in g.range.finditer(doc.view, a, b):
            last = g.amount.match(m.group("b"))
            lo_m = g.range_low.match(m.group("a"))
            if not last or not lo_m:
                continue
            kind, unit = unit_of(last.group("unit"), last.group("cur"), doc)
            if (kind == "count" and (m.start() > 0 and doc.view[m.start() - 1] in "第前")) or (
                    m.group("join") in "-~－—～" and kind == "duration" and unit == "year"):
                continue  # 第3到5名 is a rank
            if m.group("aunit") and unit_of(m.group("aunit"), None, doc)[0] != kind:
                continue  # 上升11%至70億港元: a percentage and an amount, not a range
            lo, hi = number(shared_scale(lo_m.group(2), last.group("num"))), number(last.group("num"))
            if lo is None or hi is None or lo >= hi:
                continue
            s, e = m.start(), m.start("b") + last.end()
            if blocked(doc, s + len(lo_m.group(1) or ""), e):
                continue
            approx, bound = qualifiers(lo_m.group(1), last.group("post"), last.group("inner"))
            if kind == "duration" and unit == "year" and 1900 <= lo < hi <= 2100 and lo == int(lo) and hi == int(hi):
                out.append(make(doc, s, e, "range", "date", unit=f"{lo:.0f}/{hi:.0f}"))  # 2027至2028年: years
                continue
            out.append(make(doc, s, e, "range", kind, value=None, unit=unit, approx=approx, bound=bound, low=lo, high=hi))
    return out


#: an amount with its unit and counted noun is never longer than this (a re-match reads no further)
_AMOUNT_MAX = 80


def _amounts_at_words(doc: Doc, pattern: Any, a: int, b: int) -> Any:
    """``pattern``'s matches in [a, b); one whose Chinese numeral starts inside a word (統|一三家: 統一
    is the word) is tried again from the next token boundary inside the numeral (三家)."""
    for m in pattern.finditer(doc.view, a, b):
        ns = m.start("num")
        if not m.group("pre") and not m.group("cur") and "\u4e00" <= doc.view[ns] <= "\u9fff" and \
                not doc.at_token_boundary(ns) and not after_first(doc, ns):
            p = next((i for i in range(ns + 1, m.end("num")) if doc.at_token_boundary(i)), None)
            if p is not None:
                again = pattern.match(doc.view[p:min(b, p + _AMOUNT_MAX)])  # a short slice: the look-behinds see no 一
                if again is not None:
                    yield _Shifted(again, p)
            continue
        yield m


class _Shifted:
    """A match on a slice of the view, with its offsets moved back to the view's."""

    def __init__(self, m: Any, offset: int) -> None:
        self.m, self.offset = m, offset

    def group(self, name: str | int = 0) -> Any:
        return self.m.group(name)

    def start(self, name: str | int = 0) -> int:
        return int(self.m.start(name)) + self.offset

    def end(self, name: str | int = 0) -> int:
        return int(self.m.end(name)) + self.offset


#: numerals with no value: a bare 億 after one of them is no 1億 (數億元)
VAGUE_DIGITS = frozenset("数几多余")


@rule("amount")
def amount(doc: Doc) -> list[Quantity]:
    """One number with its unit: 25%, 6倍, 約新台幣16.2億元, 30個月, 逾6200家, 兩名知情人士."""
    g = grammar()
    cfg = g.cfg
    out = []
    for a, b in doc.paragraphs:
        for m in _amounts_at_words(doc, g.amount, a, b):
            num = m.group("num")
            ns = m.start("num") - len(m.group("cur") or "")
            if num == "亿" and doc.view[ns - 1:ns] in VAGUE_DIGITS:
                continue  # 身家|數億元 read again past 家數: 億元 alone is 1億, but not here
            kind, unit = unit_of(m.group("unit"), m.group("cur"), doc)
            value = number(num)
            cent = cfg["cent_units"]["units"].get(m.group("unit").strip())
            if cent is not None:  # 140.6仙 = 1.406 of the bare currency, where it has cents
                if unit not in cfg["cent_units"]["currencies"] or value is None:
                    continue
                value = round(value * cent, 6)
            sub_end = m.end()
            if kind == "money" and value is not None and not m.group("post"):
                sub_end, sub_value = with_subunits(doc, m.group("unit").strip(), m.end(), value)
            if ORDINAL_NUMERAL.fullmatch(num) and any(doc.view.startswith(w, m.start("unit")) for w in cfg["not_after"]):
                continue  # 十四屆|全國人大, 二次會議: a session's ordinal (not 兩次會議, 3次會議), its unit a word of not_after
            if blocked(doc, m.start("cur") if m.group("cur") else m.start("num"), sub_end, letter_before=kind != "money") or \
                    not spaced_unit(doc, m.start("num"), m.start("unit"), m.end("unit")):
                continue
            pre = m.group("pre") if m.group("pre") and doc.at_token_boundary(m.start("pre")) else None
            approx, bound = qualifiers(pre, m.group("post"), m.group("inner"))  # 逼|近: 近 ends a word, no qualifier
            approx = approx or is_vague(num)
            pair = numeral_pair(num)  # 三四百人: 300 to 400, roughly
            if pair is not None:
                value, approx = None, True
            e = m.end()
            if kind == "count":
                if is_rank(doc, m.start(), m.group("unit")) or decimal_point(doc, m.group("unit"), m.end("unit")):
                    continue
                if value in (0, 1) or (value == 2 and unit in cfg["both_words"]) or (
                        value is None and pair is None and not m.group("pre")):
                    continue
                if unit in cfg["count_noun_classifiers"]:
                    noun_end = count_noun(doc, m.end("unit"))
                    if unit == "大" and noun_end == m.end("unit"):
                        noun_end = rest_of_word(doc, m.start("unit"), m.end("unit"))  # 三|大航: 航 is counted
                    if noun_end > m.end("unit"):
                        unit = doc.text[m.end("unit"):noun_end]
                        e = noun_end if not m.group("post") else e
                    elif nothing_counted_after(doc, m.end()):
                        before = noun_before(doc, m.start(), _noun_stops())
                        unit = doc.text[before[0]:before[1]] if before else unit
                elif unit == "大":
                    continue
                unit = doc.text[m.start("unit"):m.end("unit")] if unit == m.group("unit") else unit
            if kind == "duration" and unit == "year" and value is not None and 1900 <= value <= 2100 and num[0] not in "数几":
                continue  # a calendar year: the date rules take it
            if kind == "duration" and unit == "year" and doc.view[e:e + 1] == "度":
                continue  # 27年度: a (fiscal) year's name, no span of years
            if sub_end > m.end():  # 五元三毛
                e, value = sub_end, sub_value
            s = (m.start("pre") if pre else m.start("cur")) if (pre or m.group("cur")) else ns
            how = doc.cache["bare_yuan"][1] if kind == "money" and not m.group("cur") and (is_bare(m.group("unit")) or cent) else None
            out.append(make(doc, s, e, "amount", kind, value=value, unit=unit, approx=approx, bound=bound,
                            low=pair[0] if pair else None, high=pair[1] if pair else None, currency_from=how))
    return out


#: a numeral an ordinal can be written in with no 第 (十四屆, 二次會議): Chinese digits, not 兩 (兩次 counts)
ORDINAL_NUMERAL = regex.compile(r"[一二三四五六七八九十百]+")


def is_rank(doc: Doc, s: int, unit: str) -> bool:
    """Whether a count is a rank among the top: 前3名, 前十名, 前三大 (賣超前3名依序為…), 首二十強.

    >>> import h200claims
    >>> [q.text for q in h200claims.extract("外資賣超前3名依序為友達、群創。").quantities]
    []
    """
    cfg = grammar().cfg
    return unit.strip() in cfg["rank_classifiers"] and s > 0 and doc.view[s - 1] in cfg["rank_before"]


def decimal_point(doc: Doc, unit: str, e: int) -> bool:
    """Whether a 點 after a numeral is its decimal point (一四六點四八 is 146.48, an index level),
    not a classifier: a numeral digit follows it.

    >>> import h200claims
    >>> [q.text for q in h200claims.extract("價格指數升至一四六點四八，創新高。").quantities]
    []
    """
    return unit.strip() == "点" and doc.view[e:e + 1] in DIGITS


#: numeral digits (a 點 before one is a decimal point)
DIGITS = frozenset("〇零一二三四五六七八九")


def with_subunits(doc: Doc, main: str, e: int, value: float) -> tuple[int, float]:
    """A money amount's smaller units after it (五元三毛 = 5.3, 50元6角三分 = 50.63, 兩美元又三美分 =
    2.03): the end and value, each subunit below ten (角) or a hundred (分) of the one before."""
    g = grammar()
    prev = main
    tenths = regex.match(ONE_DIGIT + CLAUSE_END, doc.view[e:e + 2] + "。")
    if main == "块" and tenths:  # 三塊五 = 3.5
        return e + 1, round(value + chinese_to_number(tenths.group()) * 0.1, 6)
    for _ in range(2):
        m = g.subunit.match(doc.view, e)
        if not m:
            break
        worth, after = g.subunits[m.group("u")]
        n = number(m.group("n"))
        if n is None or prev not in after or n >= round(1 / worth) or n != int(n):
            break
        if prev in ("角", "毛") and m.group("u") != "分":
            break
        value = round(value + n * worth, 6)
        e, prev = m.end(), m.group("u")
    return e, value


@rule("currency_symbol")
def currency_symbol(doc: Doc) -> list[Quantity]:
    """A currency symbol before a number: ￥300, NT$1,200, HK$5億, €5 (a unit after the number is the
    amount rule's: ￥300元)."""
    g = grammar()
    symbols = g.cfg["currency_symbols"]
    out = []
    for a, b in doc.paragraphs:
        for m in g.symbol.finditer(doc.view, a, b):
            if blocked(doc, m.start("num"), m.end()):
                continue
            num = m.group("num")
            approx, bound = qualifiers(m.group("pre"), None)
            out.append(make(doc, m.start() if m.group("pre") else m.start("sym"), m.end(), "currency_symbol", "money",
                            value=number(num), unit=symbols[m.group("sym")], approx=approx or is_vague(num),
                            bound=bound))
    return out


@rule("measure")
def measures(doc: Doc) -> list[Quantity]:
    """Physical and technical amounts, the value in the unit as written: 28奈米 (28 nm), 12吋 (12 in),
    1.1萬噸 (11000 t), 每秒48公尺 (48 m/s), 時速300公里 (km/h), 攝氏35度 (°C), 5GW, 32GB. A unit
    that needs a frame (度 needs 攝氏) is a measure only with it: 180度轉彎 is not one."""
    g = grammar()
    cfg = g.cfg
    units = {v(k): u for k, u in cfg["measure_units"].items()}
    frames = {v(f): {v(w): u for w, u in m.items()} for f, m in cfg["measure_frames"].items() if not f.startswith("_")}
    outside = {v(f) for f in cfg["measure_frames"]["_outside"]}  # 用電|700度: the frame names the measure
    out = []
    for a, b in doc.paragraphs:
        for m in g.measure.finditer(doc.view, a, b):
            written, frame = m.group("unit"), m.group("frame")
            symbol = frames[frame].get(written) if frame else None
            symbol = symbol or units.get(written) or (None if frame else in_context(doc, m.start(), written))
            if symbol is None or blocked(doc, m.start("num"), m.end("unit")):
                continue
            approx, bound = qualifiers(m.group("pre"), m.group("post"))
            num = m.group("num")
            inside = frame and frame not in outside
            s = m.start() if (m.group("pre") or inside) else m.start("num")
            low = None if (m.group("pre") or frame) else measure_low(doc, a, s, written)
            if low is not None and low[1] < (number(num) or 0):  # 701度至1000度: one range
                out.append(make(doc, low[0], m.end(), "measure", "measure", value=None, unit=symbol,
                                approx=approx, bound=bound, low=low[1], high=number(num)))
                continue
            out.append(make(doc, s, m.end(), "measure", "measure", value=number(num), unit=symbol,
                            approx=approx or is_vague(num), bound=bound))
    return out


#: how far before a measure the low end of its range is sought
MEASURE_LOW_REACH = 24


def measure_low(doc: Doc, a: int, s: int, written: str) -> tuple[int, float] | None:
    """(start, value) of the low end of a range of measures ending where the high one starts, its
    unit written again or not (701度至1000度, 3至5公里), or None.

    >>> import h200claims
    >>> [(q.text, q.low, q.high, q.unit) for q in h200claims.extract("用電701度至1000度者，每度調漲0.2元。").quantities][:1]
    [('701度至1000度', 701.0, 1000.0, 'kWh')]
    """
    g = grammar()
    window = doc.view[max(a, s - MEASURE_LOW_REACH):s]
    m = regex.search(rf"(?<![\d.,])(?P<n>{NUMBER})\s?(?:{regex.escape(written)})?\s*(?:{alternation(g.cfg['range_joiners'])})\s*$", window)
    if m is None:
        return None
    start = s - len(window) + m.start()
    value = number(m.group("n"))
    if value is None or blocked(doc, start, start + len(m.group("n"))):
        return None
    return start, value


@lru_cache(maxsize=1)
def _context_units() -> dict[str, tuple[str, tuple[str, ...]]]:
    ctx = grammar().cfg["measure_frames"]["_context"]
    return {v(k): (x[0], tuple(v(w) for w in x[1])) for k, x in ctx.items() if not k.startswith("_")}


def in_context(doc: Doc, pos: int, written: str) -> str | None:
    """The unit of a framed unit written with no frame, where its sentence names what frames it
    (每月用電約700度, 700度以下用戶每月電費 → kWh); None elsewhere (180度轉彎)."""
    found = _context_units().get(written)
    if found is None:
        return None
    s, e = doc.sentence_of(pos)
    if s == e:
        s, e = doc.paragraph_of(pos)
    return found[0] if any(w in doc.view[s:e] for w in found[1]) else None


@rule("percent_words")
def percent_words(doc: Doc) -> list[Quantity]:
    """Percentages in words: 百分之四十, 百分之百, 一半, 兩成, 四成六, 2.5成, 三成半, 半成."""
    g = grammar()
    out = []
    for a, b in doc.paragraphs:
        for m in g.percent_words.finditer(doc.view, a, b):
            if m.group("lo"):  # 三成至四成, 三四成: a range of tenths
                joined = doc.view[m.start("lo") + 1] in "成到至-~"  # 三成至四成, 三到五成; 三四成 is a rough pair
                if not joined and chinese_to_number(m.group("hi")) != chinese_to_number(m.group("lo")) + 1:
                    continue
                approx, bound = qualifiers(m.group("pre"), m.group("post"))
                approx = approx or not joined
                out.append(make(doc, m.start(), m.end(), "percent_words", "percent", value=None, unit="%", approx=approx,
                                bound=bound, low=chinese_to_number(m.group("lo")) * 10,
                                high=chinese_to_number(m.group("hi")) * 10))
                continue
            value: float | None
            if m.group("den"):  # 三分之一 = 33.3%
                den, num = number(m.group("den")), number(m.group("num"))
                if not den or num is None or m.group("den") == "百":
                    continue
                value = round(num / den * 100, 3)
            elif m.group("pct"):
                pct = well_formed_prefix(m.group("pct"))
                if pct != m.group("pct"):  # 百分之七十百分位: the numeral ends at 七十
                    out.append(make(doc, m.start(), m.start("pct") + len(pct), "percent_words", "percent",
                                    value=number(pct), unit="%"))
                    continue
                pair = numeral_pair(pct)
                if pair is not None:  # 百分之二三十: 20 to 30 per cent
                    approx, bound = qualifiers(m.group("pre"), m.group("post"))
                    out.append(make(doc, m.start(), m.end(), "percent_words", "percent", value=None, unit="%",
                                    approx=True, bound=bound, low=pair[0], high=pair[1]))
                    continue
                value = 100.0 if m.group("pct") == "百" else number(m.group("pct"))
            elif m.group("halftenth"):  # 半成: half of a tenth
                value = 5.0
            elif m.group("half"):
                if doc.view[m.end("half"):m.end("half") + 1] in ("天", "年", "个"):
                    continue
                value = 50.0
            else:  # 兩成, 四成六, 2.5成, 八點五成, 三成半
                t, extra = m.group("tenths").replace(" ", ""), m.group("extra")
                tenths = float(t) if t[0].isdigit() else chinese_to_number(t)
                more = 5 if extra == "半" else (float(extra) if extra.isdigit() else chinese_to_number(extra)) if extra else 0
                value = round(tenths * 10 + more, 6)  # 四成六, 7成3: the tenths and a digit more
            approx, bound = qualifiers(m.group("pre"), m.group("post"))
            out.append(make(doc, m.start(), m.end(), "percent_words", "percent", value=value, unit="%", approx=approx, bound=bound))
    return out


#: how far before a bare 億 amount its money word is sought
MONEY_WORD_REACH = 40
BIG_SCALE_END = regex.compile(r"(?:亿|兆|万亿)$")
UNIT_LESS = regex.compile(r"(?=[，。、；;,.:：)）!?！？\s]|$)")


@lru_cache(maxsize=1)
def _money_nouns() -> Any:
    return regex.compile(alternation(v(w) for w in grammar().cfg["money_nouns"]))


@rule("bare_scale_money")
def bare_scale_money(doc: Doc) -> list[Quantity]:
    """A number in 億 or 兆 with no unit after it is money in the article's bare currency when a
    money word stands before it in its clause (賭收2474億，; 儲備近1800億。; 營收達9.76萬億) or right
    after it (近1800億結餘, 逾6億公帑), or in the
    currency of a money amount joined to it (9.76萬億和10.34萬億元); a population (人口14億，) is none."""
    out = []
    for m, a, b in scaled_numbers(doc):
        num = m.group("num")
        if not BIG_SCALE_END.search(num):
            continue
        unit, said = shared_currency(doc, m.end(), b)
        named_after = _money_nouns().match(doc.view, m.end()) is not None  # 近1800億結餘, 逾6億公帑
        if unit is None and not named_after and not UNIT_LESS.match(doc.view, m.end()):
            continue
        lo = max(a, m.start() - MONEY_WORD_REACH)  # bounded: linear on run-on text
        clause = max(doc.view.rfind(c, lo, m.start()) for c in "，,。；;：:") + 1
        if unit is None and not named_after and not _money_nouns().search(doc.view, max(lo, clause), m.start()):
            continue
        if blocked(doc, m.start("num"), m.end()):
            continue
        value = number(num)
        approx, bound = qualifiers(m.group("pre"), m.group("post"))
        s = m.start() if m.group("pre") else m.start("num")
        out.append(make(doc, s, m.end(), "bare_scale_money", "money", value=value, unit=unit or bare_currency(doc),
                        approx=approx or is_vague(num), bound=bound,
                        currency_from=said or doc.cache["bare_yuan"][1]))
    return out


JOINED = regex.compile(r"\s?(?:和|与|及|或|、|至|到)\s?")


def shared_currency(doc: Doc, e: int, b: int) -> tuple[str | None, str | None]:
    """The currency of the money amount joined to a bare number after it (9.76萬億和10.34萬億元: CNY,
    read as that amount's 元 is), and how it was chosen; (None, None) where no such amount follows."""
    j = JOINED.match(doc.view, e, b)
    m = grammar().amount.match(doc.view, j.end(), b) if j else None
    if m is None:
        return None, None
    kind, unit = unit_of(m.group("unit"), m.group("cur"), doc)
    return (unit, f"joined to: {doc.text[m.start():m.end()]}") if kind == "money" else (None, None)


COMPOUND_DURATION = regex.compile(r"(?P<y>[0-9]{1,3}|[一二两三四五六七八九十]{1,3})\s?年\s?(?:又|零)?(?P<m>[0-9]{1,2}|[一二两三四五六七八九十]{1,3})\s?个?月")


@rule("compound_duration")
def compound_duration(doc: Doc) -> list[Quantity]:
    """Years and months of one span: 七年六個月 = 7.5 years, 1年3個月 = 1.25 years (a sentence, a term)."""
    out = []
    for a, b in doc.paragraphs:
        for m in COMPOUND_DURATION.finditer(doc.view, a, b):
            y, mo = number(m.group("y")), number(m.group("m"))
            if y is None or mo is None or not 0 < mo < 12 or blocked(doc, m.start(), m.end()):
                continue
            out.append(make(doc, m.start(), m.end(), "compound_duration", "duration", value=round(y + mo / 12, 4),
                            unit="year"))
    return out
