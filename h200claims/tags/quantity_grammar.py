"""The quantity grammar the rules share: the patterns built from ``data/quantities.json``, the rule
table, and the helpers that read a match (qualifiers, units, currencies, counted nouns).

The rules themselves are in ``quantity_rules.py`` (amounts, ranges, changes, percentages in words)
and ``quantity_dates.py`` (dates).
"""
from __future__ import annotations

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
from h200claims.tags.entity_vocab import _jieba_freq, verb_tags
from h200claims.tags.numbers import NUMBER, parse_number

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


#: one numeral, and the end of a clause: 三塊五 is 3.5 (a colloquial 塊 and its tenths)
ONE_DIGIT = "[一二两三四五六七八九]"
CLAUSE_END = r"(?=[\s，。,.!?！？、；;]|$)"


@lru_cache(maxsize=1)
def grammar() -> Grammar:
    cfg = data.load_json("quantities.json")
    guarded = {w: f"(?<![{regex.escape(chars)}]){regex.escape(w)}" for w, chars in cfg["bound_pre_not_after"].items()}
    pre = "(?:" + "|".join([g for g in guarded.values()] + [alt(w for w in list(cfg["bound_pre"]) + cfg["approx_pre"]
                                                                 if w not in guarded)]) + ")"  # not 賣|超
    post = alt(list(cfg["bound_post"]) + cfg["approx_post"])
    cur_pre = alt(cfg["currencies_pre"])
    cur_post = alt(list(cfg["currencies_post"]) + [cfg["currency_bare"]])
    dur = alt(cfg["durations"])
    cls = alt(cfg["classifiers"])
    colloquial = alt(v(x) for x in cfg["currency_bare_words"])
    cents = rf"(?<=\d)(?:{alt(v(x) for x in cfg['cent_units']['units'] if not x.startswith('_'))})(?![{cfg['cent_units']['not_before']}])"
    # spaced-out text too (个 百 分 点, 2021 美元); 十塊錢 and a clause-final 三塊 are money in the
    # article's own currency (三塊蛋糕 is a count)
    pct = alt(k for k in cfg["percent_units"] if k != "厘") + "|厘(?!米)"  # 3厘 is 3 %, 3厘米 a length
    unit = (rf"(?P<unit>%|\s*个\s*百\s*分\s*点|\s*百\s*分\s*点|{pct}|倍|\s?(?:{cur_post})|{colloquial}|{cents}|块(?=[\s，。,.!?！？、；;]|$|[\d一二两三四五六七八九][毛角]|{ONE_DIGIT}{CLAUSE_END})"
            rf"|(?:(?<=[零一二两三四五六七八九十百千万亿]) |(?<=\d) (?=(?:{dur}|{cls})))?(?:{dur}|{cls}))")
    # 一 百 五 十 人, and 11 件， or 2 家投信 (spaced_unit decides); not 16 台灣
    inner = alt(cfg["approx_inner"])
    scale_pre = alt(list(cfg["bound_pre"]) + cfg["approx_pre"] + cfg["approx_pre_scale"])
    scale_lead = alt(cfg["scale_lead"])  # 突破萬輛: a bare scale after these is a number; 億元罰單 is 1億
    amount = (rf"(?P<pre>{scale_pre}(?=[百千万])|{pre})?(?P<cur>{cur_pre})?(?P<num>{NUMBER}|(?<={scale_pre}|{scale_lead})[百千万][万亿]?|(?<![\d零〇一二两三四五六七八九十百千万亿])(?:[百千][万亿]|万亿|(?<![数几多余])亿(?={cur_post})))(?P<inner>{inner})?{unit}"
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
            rf"(?P<from>[从由](?:原本|原先|原来)?)?(?P<a>{one})(?(from)[，,]?\s?)(?P<verb>{alt(cfg['change_verbs'])})?"
            rf"(?P<to>{alt(cfg['change_to'])})(?P<b>{one}(?:{post})?)"),
        range=regex.compile(
            rf"(?P<a>(?:{pre})?(?:{cur_pre})?{NUMBER})(?P<aunit>%|倍|{cur_post})?(?P<join>{alt(cfg['range_joiners'])})"
            rf"(?P<b>{NUMBER}(?:{inner})?(?:%|倍|{cur_post}|{dur}|{cls})(?:{post})?)"),
        percent_words=regex.compile(
            rf"(?P<pre>{pre})?(?:(?P<den>{NUMBER})分之(?P<num>{NUMBER})|(?P<lo>[一二两三四五六七八九])(?:成?(?:到|至|-|~)|(?=[二三四五六七八九]成))(?P<hi>[一二两三四五六七八九十])成(?!群)|"
            rf"[百佰]\s*分\s*之\s*(?P<pct>{NUMBER}|百)|(?P<half>一半)|(?P<halftenth>半成)|"
            rf"(?P<tenths>[一二两三四五六七八九十](?: ?点 ?[一二三四五六七八九])?|(?<![\d.])\d{{1,2}}(?:\.\d)?) ?成"
            rf"(?![员本长功为立交果就绩熟型品份群])(?: ?(?P<extra>[一二三四五六七八九](?![成倍%])|(?<=\d ?成 ?)[1-9](?![\d成倍%.,])|半))?)"
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
    if unit in cfg["percent_units"]:
        return "percent", cfg["percent_units"][unit]
    if unit == "倍":
        return "multiple", "x"
    if cur:
        return "money", cfg["currencies_pre"][cur]
    if unit in cfg["currencies_post"]:
        return "money", cfg["currencies_post"][unit]
    if is_bare(unit) or unit in cfg["cent_units"]["units"]:  # 元; 140.6仙 (the amount rule scales it)
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
    >>> infer_bare_yuan("恒地（0012）旗下紅磡項目套現60億元。", "恒地（0012）旗下红磡项目套现60亿元。")[0]
    'HKD'
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
    totals: dict[str, int] = {}
    for p, n in counts.items():
        totals[places[p]] = totals.get(places[p], 0) + n
    for cur, pattern in cfg.get("place_patterns", {}).items():  # 恒地（0012）: a Hong Kong stock code
        if not cur.startswith("_"):
            totals[cur] = totals.get(cur, 0) + len(regex.findall(pattern, view))
    best = max(totals, key=lambda c: totals[c]) if totals else None
    if best is not None and totals[best] >= cfg["place_min"]:
        top = max((p for p in counts if places[p] == best and counts[p]), key=lambda p: counts[p], default="stock code")
        return best, f"place: {top}"
    cents = "|".join(regex.escape(v(u)) for u in grammar().cfg["cent_units"]["units"] if not u.startswith("_"))
    if regex.search(rf"\d(?:{cents})", view):  # 每度電140.6仙: Hong Kong's cents (Malaysia's in Simplified)
        script = "traditional" if is_traditional(text) else "simplified"
        return cfg["cents"][script], f"cents: {script}"
    return ("TWD", "script: Traditional") if is_traditional(text) else ("CNY", "script: Simplified")


def make(doc: Doc, s: int, e: int, rule_name: str, kind: str, **kw: Any) -> Quantity:
    """A quantity, validated as it is built (a wrong kind or type fails here, not in a reader's hands)."""
    return Quantity.model_validate({"start": s, "end": e, "text": doc.text[s:e], "rule": rule_name, "kind": kind, **kw})


def number(s: str) -> float | None:
    return parse_number(s)[0]


def is_vague(s: str) -> bool:
    """數十億, 幾: no value; 300多萬, 1萬餘: a value, approximate."""
    return s[:1] in "数几" or "几" in s or (s[:1].isdigit() and ("多" in s or "余" in s))


def blocked(doc: Doc, s: int, e: int, letter_before: bool = True) -> bool:
    """Model numbers, ordinals, 'both', 'a', and numbers inside names are not quantities. With
    ``letter_before`` False a Latin letter may touch the number (EPS4.77元: a money unit after it
    makes it no model number)."""
    view = doc.view
    before = view[s - 1] if s > 0 else ""
    if not letter_before and before.isascii() and before.isalpha():
        before = ""
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
    """Words that end a counted noun: the list in quantities.json, the qualifiers that open an amount
    (約, 逾), every reporting verb of the quote stage's cue table (三家企業表示 counts 企業) and jieba's
    function words (350張|以及大量: ``data/function_words.txt``)."""
    from h200claims.tags.quote_words import cue_table

    cfg = grammar().cfg
    function = {ln.split("\t", 1)[0] for ln in data.read_text("function_words.txt").splitlines()
                if ln and not ln.startswith("#")}
    return (frozenset(v(w) for w in cfg["count_noun_stops"]) | set(_qualifiers())  # 四十餘名投資人|約1.2億元
            | {v(c.word) for c in cue_table()} | function)


def _word_follows(doc: Doc, toks: list[tuple[int, int]], k: int) -> bool:
    """Whether a Han word of two or more characters comes right after token ``k``."""
    if k + 1 >= len(toks) or toks[k + 1][0] != toks[k][1]:
        return False
    word = doc.view[toks[k + 1][0]:toks[k + 1][1]]
    return len(word) >= 2 and all("\u4e00" <= c <= "\u9fff" for c in word)


def _amount_follows(doc: Doc, pos: int) -> bool:
    """Whether an amount starts at ``pos``, after a qualifier at most (吸金|約1.2億元, 月薪|3萬元)."""
    view = doc.view
    for q in _qualifiers():
        if view.startswith(q, pos):
            pos += len(q)
            break
    return pos < len(view) and view[pos].isdigit()


@lru_cache(maxsize=1)
def _qualifiers() -> tuple[str, ...]:
    cfg = grammar().cfg
    return tuple(sorted({v(w) for w in list(cfg["bound_pre"]) + cfg["approx_pre"]}, key=len, reverse=True))


#: characters that close a duration rather than start a word with its unit: 3 年內, 5 年後
SPAN_SUFFIXES = frozenset("内后前来间")


def spaced_unit(doc: Doc, num_start: int, unit_start: int, unit_end: int) -> bool:
    """Whether a unit a space parts from its digits still belongs to them: in text that sets ASCII
    numbers off with spaces on both sides (為 2 家投信, 連續 4 年), or before a classifier that ends
    its word (11 件，); not 16 台灣 (台灣 is one word) nor a number glued to the word before it.

    >>> import h200claims
    >>> [q.text for q in h200claims.extract("代表案例為 2 家投信，恐將連續 4 年未達標。").quantities]
    ['2 家投信', '4 年']
    >>> [q.text for q in h200claims.extract("名單有 16 台灣廠商。").quantities]
    []
    >>> [(q.text, q.kind) for q in h200claims.extract("澳門去年賭收2474億 年增9%。").quantities][:1]
    [('2474億', 'money')]
    """
    view = doc.view
    if view[unit_start:unit_start + 1] != " ":
        return True
    if not view[unit_start - 1:unit_start].isdigit():  # 一 百 五 十 人, but not 2474億 年增 (a scale, then a new word)
        return not any(c.isdigit() for c in view[num_start:unit_start])
    after = view[unit_end:unit_end + 1]
    if not ("\u4e00" <= after <= "\u9fff" or after.isascii() and after.isalpha()):
        return True  # 11 件，
    before = view[num_start - 1:num_start] if num_start > 0 else "\n"
    if before.isalnum() or "\u4e00" <= before <= "\u9fff":
        return False  # 第 3 季 style glue on the left: no spaced-out number
    word = view[unit_start + 1:unit_end + 1]  # the unit and the next character: 台灣 is a word, 家投 none
    return after in SPAN_SUFFIXES or word not in _jieba_freq()


def after_first(doc: Doc, pos: int) -> bool:
    """Whether a numeral at ``pos`` follows a 前 or 首 the segmenter joined to it (前三|季, 首五|個月):
    the first N of something, a numeral all the same though it starts inside a word."""
    return pos > 0 and doc.view[pos - 1] in "前首" and doc.at_token_boundary(pos - 1)


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
    first = 0  # where the noun's first word ends
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
        if end > e and len(word) > 1 and (word not in _jieba_freq() or _amount_follows(doc, e_tok)):
            break  # 投資人|吸金約1.2億元: a word no dictionary knows, or one an amount follows, is the verb
        if e_tok - e > cfg["count_noun_max"]:
            break
        end = e_tok
        first = first or e_tok
    if first and end > first and _amount_follows(doc, end):
        return first  # 5080名被害人|財損超過157億元: the words an amount follows are its measure
    return end


@lru_cache(maxsize=1)
def _number_re() -> Any:
    g = grammar()
    return regex.compile(rf"(?P<pre>{g.pre})?(?P<num>{NUMBER})(?P<post>{g.post})?")


SCALE_CHARS = regex.compile(r"[万亿兆]")


def scaled_numbers(doc: Doc) -> list[tuple[Any, int, int]]:
    """The numbers written with a scale (萬, 億, 兆), with their qualifiers and the paragraph each is
    in, found in one pass and kept on the Doc: bare_scale_money and scaled_count both read them."""
    found = doc.cache.get("scaled_numbers")
    if found is None:
        found = doc.cache["scaled_numbers"] = [(m, a, b) for a, b in doc.paragraphs
                                               for m in _number_re().finditer(doc.view, a, b)
                                               if SCALE_CHARS.search(m.group("num"))]
    return found  # type: ignore[no-any-return]
