"""Quantity rules: each a small named function ``rule(doc) -> list[Quantity]`` over the body.

Patterns run on the matching view, so one grammar serves both scripts; spans and texts are
taken from the original. Overlaps are settled by h200claims/tags/quantities.py (longest wins).
"""
from __future__ import annotations

import calendar
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import regex


from h200claims import data
from h200claims.registry import RuleTable
from h200claims.patterns import alternation as alt
from h200claims.text.script import is_traditional, simplified_view as v
from h200claims.doc import Doc
from h200claims.models import Quantity
from h200claims.tags.entity_vocab import verb_tags
from h200claims.tags.numbers import NUMBER, chinese_to_number, numeral_pair, parse_number, well_formed_prefix

QuantityRule = Callable[[Doc], list[Quantity]]
RULES = RuleTable("quantities")
rule = RULES.rule


@dataclass(frozen=True)
class Grammar:
    cfg: dict[str, Any]
    pre: str  # qualifier before a number
    post: str  # qualifier after a unit
    amount: Any  # one amount with its unit
    change: Any
    range: Any
    percent_words: Any
    date_full: Any
    date_day: Any
    date_year: Any
    date_quarter: Any
    range_low: Any
    measure: Any  # a physical or technical amount: 28奈米, 每秒48公尺, 攝氏35度, 5GW
    symbol: Any  # a currency symbol before a number: ￥300, NT$1,200, €5
    subunit: Any  # a smaller money unit after the main one: 三毛, 6角, 三美分
    subunits: dict[str, tuple[float, frozenset[str]]]  # unit -> (worth in the main unit, main units it follows)


@lru_cache(maxsize=1)
def grammar() -> Grammar:
    cfg = data.load_json("quantities.json")
    pre = alt(list(cfg["bound_pre"]) + cfg["approx_pre"])
    post = alt(list(cfg["bound_post"]) + cfg["approx_post"])
    cur_pre = alt(cfg["currencies_pre"])
    cur_post = alt(list(cfg["currencies_post"]) + [cfg["currency_bare"]])
    dur = alt(cfg["durations"])
    cls = alt(cfg["classifiers"])
    colloquial = alt(v(x) for x in cfg["currency_bare_words"])
    # spaced-out text too (个 百 分 点, 2021 美元); 十塊錢 and a clause-final 三塊 are money in the
    # article's own currency (三塊蛋糕 is a count)
    unit = (rf"(?P<unit>%|\s*个\s*百\s*分\s*点|\s*百\s*分\s*点|倍|\s?(?:{cur_post})|{colloquial}|块(?=[\s，。,.!?！？、；;]|$)"
            rf"|(?:(?<=[零一二两三四五六七八九十百千万亿]) )?(?:{dur}|{cls}))")  # 一 百 五 十 人; not 16 台灣
    inner = alt(cfg["approx_inner"])
    scale_pre = alt(list(cfg["bound_pre"]) + cfg["approx_pre"] + cfg["approx_pre_scale"])
    amount = (rf"(?P<pre>{scale_pre}(?=[百千万])|{pre})?(?P<cur>{cur_pre})?(?P<num>{NUMBER}|(?<={scale_pre})[百千万][万亿]?|(?<![\d零〇一二两三四五六七八九十百千万亿])(?:[百千][万亿]|万亿))(?P<inner>{inner})?{unit}"
              rf"(?P<post>{post})?")
    one = rf"(?:{pre})?(?:{cur_pre})?{NUMBER}(?:{inner})?(?:%|倍|{cur_post}|{dur})"
    units = {v(k): u for k, u in cfg["measure_units"].items()}
    framed = {v(w) for f, m in cfg["measure_frames"].items() if not f.startswith("_") for w in m}
    frames = alt(v(f) for f in cfg["measure_frames"] if not f.startswith("_"))
    measure = (rf"(?P<pre>{pre})?(?P<frame>{frames})?(?P<num>{NUMBER})\s?"
               rf"(?P<unit>{alt(list(units) + sorted(framed))})(?![A-Za-z])(?P<post>{post})?")
    symbols = alt(cfg["currency_symbols"])
    subs = alt(v(k) for k in cfg["subunits"] if not k.startswith("_"))
    return Grammar(
        cfg=cfg, pre=pre, post=post, measure=regex.compile(measure),
        symbol=regex.compile(rf"(?P<pre>{pre})?(?<![A-Za-z])(?P<sym>{symbols})\s?(?P<num>{NUMBER})"),
        subunits={v(k): (x[0], frozenset(v(a) for a in x[1])) for k, x in cfg["subunits"].items() if not k.startswith("_")},
        subunit=regex.compile(rf"(?:{alt(v(j) for j in cfg['subunit_joiners'])})?(?P<n>{NUMBER})(?P<u>{subs})(?![钟鐘之析别享子数秒])"),
        amount=regex.compile(amount),
        change=regex.compile(
            rf"(?P<from>[从由](?:原本|原先|原来)?)?(?P<a>{one})(?P<verb>{alt(cfg['change_verbs'])})?"
            rf"(?P<to>{alt(cfg['change_to'])})(?P<b>{one}(?:{post})?)"),
        range=regex.compile(
            rf"(?P<a>(?:{pre})?(?:{cur_pre})?{NUMBER})(?P<aunit>%|倍|{cur_post})?(?P<join>{alt(cfg['range_joiners'])})"
            rf"(?P<b>{NUMBER}(?:{inner})?(?:%|倍|{cur_post}|{dur}|{cls})(?:{post})?)"),
        percent_words=regex.compile(
            rf"(?P<pre>{pre})?(?:(?P<den>{NUMBER})分之(?P<num>{NUMBER})|(?P<lo>[一二两三四五六七八九])(?:成?(?:到|至|-|~)|(?=[二三四五六七八九]成))(?P<hi>[一二两三四五六七八九十])成(?!群)|"
            rf"[百佰]\s*分\s*之\s*(?P<pct>{NUMBER}|百)|(?P<half>一半)|(?P<halftenth>半成)|"
            rf"(?P<tenths>[一二两三四五六七八九十](?: ?点 ?[一二三四五六七八九])?|(?<![\d.])\d{{1,2}}(?:\.\d)?) ?成"
            rf"(?![员本长功为立交果就绩熟型品份群])(?: ?(?P<extra>[一二三四五六七八九](?![成倍%])|半))?)"
            rf"(?P<post>{post})?"),
        date_full=regex.compile(
            rf"(?:(?P<year>\d{{4}})\s*年\s*|(?P<rel>{alt(cfg['year_relative'])}))?"
            rf"(?P<month>\d{{1,2}}|[一二三四五六七八九十]{{1,3}})\s*月"
            rf"(?:\s*(?P<day>\d{{1,2}}|[一二三四五六七八九十]{{1,3}})\s*[日号])?(?P<part>{alt(cfg['month_parts'])})?"),
        date_day=regex.compile(rf"(?P<rel>{alt(cfg['month_relative'])})?(?P<day>\d{{1,2}}|[一二三四五六七八九十廿卅]{{1,3}})\s*[日号]"),
        date_year=regex.compile(r"(?P<year>(?:19|20)\d{2})\s*年(?P<part>底|初|中|末)?"),
        range_low=regex.compile(rf"({pre})?(?:{cur_pre})?({NUMBER})$"),
        date_quarter=regex.compile(
            rf"(?:(?:(?P<year>\d{{4}})\s*年|(?P<rel>{alt(cfg['year_relative'])}))\s*(?:第\s*(?P<q>[1-4一二三四])\s*季(?:度)?|(?P<q2>Q[1-4]))"
            rf"|(?<![\d个個连連续續前])(?:第\s*(?P<q3>[1-4一二三四])\s*季(?:度)?|(?P<q4>[1-4一二三四])\s*季度))"),
    )


# ---------------------------------------------------------------- helpers


def qualifiers(pre: str | None, post: str | None, inner: str | None = None) -> tuple[bool, str | None]:
    """(approx, bound) from the words around a number."""
    cfg = grammar().cfg
    approx = bool(inner) or (pre in cfg["approx_pre"]) or (pre in cfg["approx_pre_scale"]) or (post in cfg["approx_post"])
    bound = cfg["bound_pre"].get(pre or "") or cfg["bound_post"].get(post or "")
    return approx, bound


def is_bare(unit: str) -> bool:
    """Whether a money unit word is the article's own currency left unnamed (元, 塊錢, 圓, 三塊)."""
    cfg = grammar().cfg
    unit = unit.strip()
    return unit == cfg["currency_bare"] or unit in cfg["currency_bare_words"] or unit == "块"


def unit_of(unit: str, cur: str | None, doc: Doc) -> tuple[str, str | None]:
    """(kind, normalised unit) of a unit word."""
    cfg = grammar().cfg
    unit = "".join(unit.split())  # 个 百 分 点, written spaced out
    if unit in ("%",):
        return "percent", "%"
    if unit in ("个百分点", "百分点"):
        return "percent", "pp"
    if unit == "倍":
        return "multiple", "x"
    if cur:
        return "money", cfg["currencies_pre"][cur]
    if unit in cfg["currencies_post"]:
        return "money", cfg["currencies_post"][unit]
    if is_bare(unit):
        return "money", bare_currency(doc)
    if unit in cfg["durations"]:
        return "duration", cfg["durations"][unit]
    return "count", unit


def bare_currency(doc: Doc) -> str:
    """What 元 alone means in this article (cached on the Doc under ``bare_yuan`` with the reason,
    which every such amount carries as ``currency_from``): a currency word the article writes (新台幣,
    港元, 人民幣), else an outlet in its first lines (中央社 → TWD, 明報 → HKD), else the place it
    names most often (香港 → HKD, 台灣 → TWD), else its script."""
    if "bare_yuan" not in doc.cache:
        doc.cache["bare_yuan"] = infer_bare_yuan(doc.text, doc.view)
    return doc.cache["bare_yuan"][0]  # type: ignore[no-any-return]


def infer_bare_yuan(text: str, view: str) -> tuple[str, str]:
    """(currency, how it was decided).

    >>> infer_bare_yuan("港府宣布派發5000元，港府稱…", "港府宣布派发5000元，港府称…")
    ('HKD', 'place: 港府')
    >>> infer_bare_yuan("每人可領5000元，台灣與台北市府。", "每人可领5000元，台湾与台北市府。")[0]
    'TWD'
    >>> infer_bare_yuan("（明報）\\n政府派發5000元。", "（明报）\\n政府派发5000元。")
    ('HKD', 'outlet: 明报')
    """
    cfg = grammar().cfg["bare_yuan"]
    words = {v(k): val for k, val in cfg["currency_words"].items()}
    found = [(view.find(w), w) for w in words if w in view]
    if found:
        _, w = min(found)
        return words[w], f"currency word: {w}"
    head = "\n".join([ln for ln in view.splitlines() if ln.strip()][:cfg["outlet_lines"]])
    outlets = [(head.find(v(o)), v(o), c) for o, c in cfg["outlets"].items() if v(o) in head]
    if outlets:
        _, o, c = min(outlets)
        return c, f"outlet: {o}"
    places = {v(k): val for k, val in cfg["places"].items()}
    counts = {p: view.count(p) for p in places}
    best = max(counts, key=lambda p: counts[p]) if counts else None
    if best is not None and counts[best] >= cfg["place_min"]:
        return places[best], f"place: {best}"
    return ("TWD", "script: Traditional") if is_traditional(text) else ("CNY", "script: Simplified")


def make(doc: Doc, s: int, e: int, rule_name: str, kind: str, **kw: Any) -> Quantity:
    """A quantity, built unvalidated: the result validates every span against the text at the edge."""
    fields = {"value": None, "unit": None, "approx": False, "bound": None, "low": None, "high": None,
              "from_value": None, "to_value": None, "currency_from": None, **kw}
    return Quantity.model_construct(start=s, end=e, text=doc.text[s:e], rule=rule_name, kind=kind, **fields)


def number(s: str) -> float | None:
    return parse_number(s)[0]


def is_vague(s: str) -> bool:
    """數十億, 幾: no value; 300多萬, 1萬餘: a value, approximate."""
    return s[:1] in "数几" or (s[:1].isdigit() and ("多" in s or "余" in s))


def blocked(doc: Doc, s: int, e: int) -> bool:
    """Model numbers, ordinals, 'both', 'a', and numbers inside names are not quantities."""
    view = doc.view
    before = view[s - 1] if s > 0 else ""
    after = view[e] if e < len(view) else ""
    last = view[e - 1] if e > s else ""
    han_end = "\u4e00" <= last <= "\u9fff"  # 500元5分鐘: a digit after a Chinese unit starts the next amount
    if (before.isascii() and before.isalpha()) or (after.isascii() and after.isalpha() and not han_end) or before == "第":
        return True  # A100, 5G; but 12層|HBM: after a Chinese unit a letter starts the next word
    if view[s:s + 1] == "一" and before in grammar().cfg["one_after"]:
        return True  # 上一交易日, 另一家: a determiner
    if after.isdigit() and not han_end:
        return True
    if before and (before.isdigit() or before in ".-/:"):
        return True
    if any(view.startswith(w, e) for w in grammar().cfg["not_after"]):
        return True
    return False


@lru_cache(maxsize=1)
def _noun_stops() -> frozenset[str]:
    """Words that end a counted noun: the list in quantities.json and every reporting verb of the
    quote stage's cue table (三家企業表示 counts 企業)."""
    from h200claims.tags.quote_words import cue_table

    return frozenset(v(w) for w in grammar().cfg["count_noun_stops"]) | {v(c.word) for c in cue_table()}


def _word_follows(doc: Doc, toks: list[tuple[int, int]], k: int) -> bool:
    """Whether a Han word of two or more characters comes right after token ``k``."""
    if k + 1 >= len(toks) or toks[k + 1][0] != toks[k][1]:
        return False
    word = doc.view[toks[k + 1][0]:toks[k + 1][1]]
    return len(word) >= 2 and all("\u4e00" <= c <= "\u9fff" for c in word)


def count_noun(doc: Doc, e: int) -> int:
    """End of the counted noun after a classifier (兩名|知情人士), or ``e`` when there is none. A
    verb ends it once it has a word (十幾家銀行|跟進), a verbal noun only where no word follows it
    (上萬台機器|運轉。, but 晶片設計企業); a verb first is a modifier (三家|製造|企業)."""
    cfg = grammar().cfg
    stops = _noun_stops()
    verbs = verb_tags()
    names = doc.cache.get("mention_starts")
    if names is None:  # once per article: counting nouns must stay linear in its length
        names = doc.cache["mention_starts"] = {m.start for ent in doc.entities for m in ent.mentions}
    end = e
    toks = doc.tokens_in(e, e + cfg["count_noun_max"] + 8)
    for k, (s_tok, e_tok) in enumerate(toks):
        if s_tok < end:
            continue
        if s_tok > end or s_tok in names:  # 兩名|美國官員: a name is no counted noun (and keeps the count)
            break
        word = doc.view[s_tok:e_tok]
        if word in stops or not all("\u4e00" <= c <= "\u9fff" for c in word):
            break
        tag = verbs.get(word) if end > e else None
        if tag == "v" or (tag == "vn" and not _word_follows(doc, toks, k)):
            break
        if e_tok - e > cfg["count_noun_max"]:
            break
        end = e_tok
    return end


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


SCALE_TAIL = regex.compile(r"[十百千萬億兆万亿]+$")


def shared_scale(low: str, high: str) -> str:
    """The low figure of a range with the scale the high one ends in, where it has none of its own
    (2至3億美元 → 2億; 兩到三千 → 兩千; 十八至三十萬 → 十八萬)."""
    tail = SCALE_TAIL.search(high)
    if tail is None or SCALE_TAIL.search(low):
        return low
    return low + tail.group()


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
            if kind == "count" or (m.group("join") in "-~－—～" and kind == "duration" and unit == "year"):
                continue
            if m.group("aunit") and unit_of(m.group("aunit"), None, doc)[0] != kind:
                continue  # 上升11%至70億港元: a percentage and an amount, not a range
            lo, hi = number(shared_scale(lo_m.group(2), last.group("num"))), number(last.group("num"))
            if lo is None or hi is None or lo >= hi:
                continue
            s, e = m.start(), m.start("b") + last.end()
            if blocked(doc, s + len(lo_m.group(1) or ""), e):
                continue
            approx, bound = qualifiers(lo_m.group(1), last.group("post"), last.group("inner"))
            out.append(make(doc, s, e, "range", kind, value=None, unit=unit, approx=approx, bound=bound, low=lo, high=hi))
    return out


#: an amount with its unit and counted noun is never longer than this (a re-match reads no further)
_AMOUNT_MAX = 80


def _amounts_at_words(doc: Doc, pattern: Any, a: int, b: int) -> Any:
    """``pattern``'s matches in [a, b); one whose Chinese numeral starts inside a word (統|一三家: 統一
    is the word) is tried again from the next token boundary inside the numeral (三家)."""
    for m in pattern.finditer(doc.view, a, b):
        ns = m.start("num")
        if not m.group("pre") and not m.group("cur") and "\u4e00" <= doc.view[ns] <= "\u9fff" and not doc.at_token_boundary(ns):
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
            kind, unit = unit_of(m.group("unit"), m.group("cur"), doc)
            value = number(num)
            sub_end = m.end()
            if kind == "money" and value is not None and not m.group("post"):
                sub_end, sub_value = with_subunits(doc, m.group("unit").strip(), m.end(), value)
            if blocked(doc, m.start("cur") if m.group("cur") else m.start("num"), sub_end):
                continue
            approx, bound = qualifiers(m.group("pre"), m.group("post"), m.group("inner"))
            approx = approx or is_vague(num)
            pair = numeral_pair(num)  # 三四百人: 300 to 400, roughly
            if pair is not None:
                value, approx = None, True
            e = m.end()
            if kind == "count":
                if value in (0, 1) or (value == 2 and unit in cfg["both_words"]) or (
                        value is None and pair is None and not m.group("pre")):
                    continue
                if unit in cfg["count_noun_classifiers"]:
                    noun_end = count_noun(doc, m.end("unit"))
                    if noun_end > m.end("unit"):
                        unit = doc.text[m.end("unit"):noun_end]
                        e = noun_end if not m.group("post") else e
                elif unit == "大":
                    continue
                unit = doc.text[m.start("unit"):m.end("unit")] if unit == m.group("unit") else unit
            if kind == "duration" and unit == "year" and value is not None and 1900 <= value <= 2100 and num[0] not in "数几":
                continue  # a calendar year: the date rules take it
            if sub_end > m.end():  # 五元三毛
                e, value = sub_end, sub_value
            s = m.start() if (m.group("pre") or m.group("cur")) else ns
            how = doc.cache["bare_yuan"][1] if kind == "money" and not m.group("cur") and is_bare(m.group("unit")) else None
            out.append(make(doc, s, e, "amount", kind, value=value, unit=unit, approx=approx, bound=bound,
                            low=pair[0] if pair else None, high=pair[1] if pair else None, currency_from=how))
    return out


def with_subunits(doc: Doc, main: str, e: int, value: float) -> tuple[int, float]:
    """A money amount's smaller units after it (五元三毛 = 5.3, 50元6角三分 = 50.63, 兩美元又三美分 =
    2.03): the end and value, each subunit below ten (角) or a hundred (分) of the one before."""
    g = grammar()
    prev = main
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
    out = []
    for a, b in doc.paragraphs:
        for m in g.measure.finditer(doc.view, a, b):
            written, frame = m.group("unit"), m.group("frame")
            symbol = frames[frame].get(written) if frame else None
            symbol = symbol or units.get(written)
            if symbol is None or blocked(doc, m.start("num"), m.end("unit")):
                continue
            approx, bound = qualifiers(m.group("pre"), m.group("post"))
            num = m.group("num")
            s = m.start() if (m.group("pre") or frame) else m.start("num")
            out.append(make(doc, s, m.end(), "measure", "measure", value=number(num), unit=symbol,
                            approx=approx or is_vague(num), bound=bound))
    return out


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
                value = round(tenths * 10 + (5 if extra == "半" else chinese_to_number(extra) if extra else 0), 6)
            approx, bound = qualifiers(m.group("pre"), m.group("post"))
            out.append(make(doc, m.start(), m.end(), "percent_words", "percent", value=value, unit="%", approx=approx, bound=bound))
    return out


# ---------------------------------------------------------------- dates


def chinese_day(doc: Doc, m: Any) -> bool:
    """Whether a day written in Chinese numerals (九日, 廿一日) is a day of the month: not 一日 (one
    day), not inside a longer numeral (一百二十日), not a span (三日內, 五日後, 十日來), and starting a word."""
    s, e, day = m.start("day"), m.end(), m.group("day")
    if day == "一" or (s > 0 and doc.view[s - 1] in "零〇一二两三四五六七八九十百千万亿廿卅"):
        return False
    if doc.view.startswith(_day_span_after(), e):
        return False
    return doc.at_token_boundary(s)


@lru_cache(maxsize=1)
def _day_span_after() -> tuple[str, ...]:
    return tuple(v(w) for w in grammar().cfg["day_span_after"])


def _int(s: str) -> int:
    return int(s) if s.isdigit() else int(chinese_to_number(s))


def _article_ym(doc: Doc) -> tuple[int, int, int] | None:
    if not doc.date:
        return None
    y, mth, d = (int(x) for x in doc.date.split("-"))
    return y, mth, d


@rule("date")
def dates(doc: Doc) -> list[Quantity]:
    """Dates to ISO: 2027年第4季 → 2027-Q4, 去年12月9日 → 2025-12-09, 2024年底 → 2024, 8日 → the article's month."""
    g = grammar()
    out = []
    ref = _article_ym(doc)
    for a, b in doc.paragraphs:
        for m in g.date_quarter.finditer(doc.view, a, b):
            q = m.group("q") or m.group("q3") or m.group("q4") or m.group("q2")[1]
            qyear: int | None = None
            if m.group("year"):
                qyear = int(m.group("year"))
            elif ref is not None:  # 今年第三季, or 二季度 in the article's year
                qyear = ref[0] + (g.cfg["year_relative"][m.group("rel")] if m.group("rel") else 0)
            unit = f"{qyear}-Q{_int(q)}" if qyear is not None else None
            out.append(make(doc, m.start(), m.end(), "date", "date", unit=unit))
        for m in g.date_full.finditer(doc.view, a, b):
            month = _int(m.group("month"))
            day = _int(m.group("day")) if m.group("day") else None
            if not 1 <= month <= 12 or (day is not None and not 1 <= day <= 31):
                continue
            if m.start() > 0 and (doc.view[m.start() - 1].isdigit() or doc.view[m.start() - 1] in "个第"):
                continue
            year: int | None = None
            if m.group("year"):
                year = int(m.group("year"))
            elif ref and m.group("rel"):
                year = ref[0] + g.cfg["year_relative"][m.group("rel")]
            elif ref:
                year = ref[0] - (1 if month > ref[1] + 1 else 0)
            unit = None
            if year is not None:
                unit = f"{year:04d}-{month:02d}" + (f"-{day:02d}" if day else "")
            out.append(make(doc, m.start(), m.end(), "date", "date", unit=unit))
        for m in g.date_year.finditer(doc.view, a, b):
            if blocked(doc, m.start(), m.end()):
                continue
            e = m.end()
            if m.group("part") and not doc.at_token_boundary(e):  # 2025年|中超: 中 starts a word, no part of the date
                e = m.start("part")
            out.append(make(doc, m.start(), e, "date", "date", unit=m.group("year")))
        for m in g.date_day.finditer(doc.view, a, b):
            s = m.start()
            if not m.group("rel") and s > 0 and (doc.view[s - 1].isdigit() or doc.view[s - 1] in "月第个"):
                continue
            written = m.group("day")
            if not written.isdigit() and not chinese_day(doc, m):
                continue
            day = int(written) if written.isdigit() else int(chinese_to_number(written))
            if not 1 <= day <= 31 or doc.view[m.end():m.end() + 1] == "电":
                continue
            span = next((w for w in g.cfg["day_span_before"] if doc.view.endswith(v(w), max(0, s - 3), s)), None)
            if span and not m.group("rel"):  # 連續5日, 長達3日: days counted, not a date
                out.append(make(doc, s, m.end(), "date", "duration", value=float(day), unit="day"))
                continue
            unit = None
            if ref:
                y, mth = ref[0], ref[1]
                if m.group("rel"):  # 上月28日: the month before the article's
                    mth += g.cfg["month_relative"][m.group("rel")]
                elif day > ref[2]:  # 28日 in an article of the 24th: last month
                    mth -= 1
                y, mth = y + (mth - 1) // 12, (mth - 1) % 12 + 1
                if day > calendar.monthrange(y, mth)[1]:  # 30日 in an article of 20 March: no 30 February
                    y, mth = ref[0], ref[1]
                unit = f"{y:04d}-{mth:02d}-{day:02d}" if day <= calendar.monthrange(y, mth)[1] else None
            out.append(make(doc, s, m.end(), "date", "date", unit=unit))
    return out
