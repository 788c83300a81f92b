"""The entity stage's vocabulary and name shapes: data compiled once, and tests of what a name looks like.

``vocab()`` compiles data/entity_rules.json (titles, surnames, suffixes, cue words); the ``*_name_at``
functions say where a Chinese, transliterated or Latin name starting at a position ends.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any


from h200claims import data
from h200claims.data import lexicon
from h200claims.patterns import alternation, compile_fast
from h200claims.text.script import simplified_view as v

# ---------------------------------------------------------------- data, compiled once


@dataclass(frozen=True)
class Vocab:
    titles: Any  # regex: a title ending at the end of the searched text
    title_at: Any  # regex: a title at a position
    surnames: frozenset[str]
    multi_surnames: Any  # pattern: a surname of two or more characters at a position
    government_suffixes: tuple[str, ...]
    generic_org_heads: tuple[str, ...]  # 相關部門, 各局, 新晶圓廠: an ending after these names no body
    place_units: frozenset[str]  # 市, 省, 州: an administrative unit written after a place's name
    currency_after_place: tuple[str, ...]  # 元, 幣: 澳門元, 新加坡幣 name a currency, not the place
    place_unit_not_before: frozenset[str]  # 市|場, 市|長: the unit character starting another word
    company_suffixes: tuple[str, ...]  # 公司, 集團: written after a company's name, part of it (微軟|公司)
    company_industry: tuple[str, ...]  # 汽車, 證券: part of it where no noun follows (豐田|汽車; 台積電|科技論壇 no)
    company_follow: frozenset[str]  # what may follow an unknown company's industry word (零跑汽車|表示)
    company_industry_re: Any  # regex: any industry word
    company_follow_measures: frozenset[str]  # what may follow an unknown name's industry word too (晶澳科技|虧損)
    change_chars: frozenset[str]  # a name ending in one is a verb phrase (調降|鋼鐵)
    org_function_heads: frozenset[str]  # words no name starts with (於, 雖, 以)
    name_time_tails: frozenset[str]  # 昨, 今: a time word glued to a name (彭金隆昨（3）日)
    name_tails: tuple[str, ...]  # words a model's name never ends in (星展|星期一, 星展|淨利)
    honorifics: Any  # regex: 拿督斯里, 丹斯里 — between a title and a name, not part of it
    title_words: frozenset[str]  # every title, for what may follow a company's industry word (野村證券|分析師)
    translit: frozenset[str]
    joiners: str
    name_stops_re: Any
    org_suffix_last: frozenset[str]
    cues: Any
    org_suffixes: tuple[str, ...]
    org_block: frozenset[str]
    org_institutional: tuple[str, ...]
    org_left_stops_re: Any
    long_titles: Any
    org_type_nouns: frozenset[str]
    org_max: int
    org_stop: frozenset[str]
    one_char: dict[str, str]
    one_before: frozenset[str]
    clause_start: frozenset[str]
    media_suffixes: tuple[str, ...]
    en_org: frozenset[str]
    en_not: frozenset[str]
    title_mod_max: int
    title_stop: frozenset[str]  # a title's modifiers stop at these (的, 在, 與)
    speaker_words: frozenset[str]  # unnamed sources and descriptions (官媒, 分析師): never a name
    paren_org_last: frozenset[str]  # a Chinese name ending so, before an English alias, is a body's


@lru_cache(maxsize=1)
def vocab() -> Vocab:
    cfg = data.load_json("entity_rules.json")
    quote_cfg = data.load_json("quotes.json")
    titles = {v(t) for t in cfg["titles"]}
    title_alt = alternation(titles)
    return Vocab(
        titles=compile_fast(f"{title_alt}$"),
        title_at=compile_fast(title_alt),
        surnames=frozenset(v(cfg["surnames"])),
        multi_surnames=compile_fast(alternation(
            v(s) for s in cfg["compound_surnames"] + cfg["japanese_surnames"] if len(v(s)) > 1)),
        government_suffixes=tuple(v(s) for s in cfg["government_suffixes"]),
        generic_org_heads=tuple(v(s) for s in cfg["generic_org_heads"]),
        place_units=frozenset(v(x) for x in cfg["place_unit_suffixes"]),
        currency_after_place=tuple(v(x) for x in cfg["currency_after_place"]),
        place_unit_not_before=frozenset(v(x) for x in cfg["place_unit_not_before"]),
        company_suffixes=tuple(sorted((v(x) for x in cfg["company_name_suffixes"]), key=len, reverse=True)),
        company_industry=tuple(sorted((v(x) for x in cfg["company_industry_words"]), key=len, reverse=True)),
        company_follow=frozenset(v(x) for x in cfg["company_follow_words"]),
        company_follow_measures=frozenset(v(x) for x in cfg["company_follow_measures"]),
        change_chars=frozenset(v(cfg["company_name_not_last"])),
        org_function_heads=frozenset(v(x) for x in cfg["org_function_heads"]),
        name_time_tails=frozenset(v(cfg["name_time_tails"])),
        name_tails=tuple(sorted((v(x) for x in cfg["name_tails_not_part"]), key=len, reverse=True)),
        honorifics=compile_fast(alternation(v(x) for x in cfg["honorifics"])),
        company_industry_re=compile_fast(alternation(v(x) for x in cfg["company_industry_words"])),
        title_words=frozenset(titles),
        translit=frozenset(v(cfg["translit_chars"])),
        joiners=v(cfg["name_joiners"]),
        name_stops_re=compile_fast(alternation(v(s) for s in cfg["name_stops"])),
        org_suffix_last=frozenset(v(s)[-1] for s in cfg["org_suffixes"]),
        cues=compile_fast(alternation(v(c) for c in cfg["person_cue_after"])),
        org_suffixes=tuple(sorted({v(s) for s in cfg["org_suffixes"]}, key=len, reverse=True)),
        org_block=frozenset(v(s) for s in cfg["org_suffix_blocklist"]),
        org_institutional=tuple(v(s) for s in cfg["org_institutional_suffixes"]),
        org_left_stops_re=compile_fast(alternation(v(s) for s in cfg["org_left_stops"]) + "$"),
        long_titles=compile_fast(alternation(t for t in titles if len(t) > 1) + "$"),
        org_type_nouns=frozenset(v(s) for s in cfg["org_type_nouns"]),
        org_max=cfg["org_name_max"],
        org_stop=frozenset(v(cfg["org_stop_chars"])),
        one_char={v(k): val for k, val in cfg["one_char_countries"].items()},
        one_before=frozenset(v(s) for s in cfg["one_char_before"]),
        clause_start=frozenset(v(cfg["one_char_clause_start"])),
        media_suffixes=tuple(v(s) for s in cfg["book_title_org_suffixes"]),
        en_org=frozenset(cfg["english_org_words"]),
        en_not=frozenset(cfg["english_not_entity_words"]),
        title_mod_max=cfg["title_modifiers_max"],
        title_stop=frozenset(v(cfg["title_stop_chars"])),
        speaker_words=frozenset(v(x) for x in quote_cfg["role_nouns"] + quote_cfg["singular_descriptions"]
                                + list(quote_cfg["descriptions"]) + list(quote_cfg["pronouns"])),
        paren_org_last=frozenset(v(cfg["paren_org_last_chars"])),
    )


def is_cjk(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf"


def is_latin(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


@lru_cache(maxsize=1)
def _jieba_freq() -> dict[str, int]:
    from h200claims.tokens.segmenter import _jieba_tokenizer

    return _jieba_tokenizer().FREQ  # type: ignore[no-any-return]


@lru_cache(maxsize=1)
def verb_tags() -> dict[str, str]:
    """jieba's verbs and their tags, v or vn (``data/verbs.txt``, built by ``tools/build_word_tags.py``)."""
    return dict(ln.split("\t", 1) for ln in data.read_text("verbs.txt").splitlines() if ln and not ln.startswith("#"))


def company_suffix_chain(view: str, pos: int) -> tuple[int, bool]:
    """(end, legal) of the company words written from ``pos`` on: an industry word, then a legal
    suffix, each at most once (科技|集團, 汽車, 公司); ``legal`` when the last is a legal suffix."""
    voc = vocab()
    end, legal = pos, False
    industry = next((x for x in voc.company_industry if view.startswith(x, end)), None)
    if industry:
        end += len(industry)
    suffix = next((x for x in voc.company_suffixes if view.startswith(x, end)), None)
    if suffix:
        end, legal = end + len(suffix), True
    return end, legal


COMMON_WORD_FREQ = 300  # a dictionary word this frequent is not an unknown person's name
GENERIC_WORD_FREQ = 20  # an organisation name made only of dictionary words this frequent is generic


def is_common_word(name: str) -> bool:
    """A frequent dictionary word (公司, 文件) is not taken for an unknown person's name."""
    return _jieba_freq().get(name, 0) >= COMMON_WORD_FREQ and name not in lexicon.view_names()


def occurrences(view: str, word: str, start: int = 0, end: int | None = None) -> list[int]:
    """Every start of ``word`` in ``view[start:end]``, overlapping ones too.

    >>> occurrences("中電中電中", "中電"), occurrences("中電中電中", "中電", 1)
    ([0, 2], [2])
    """
    end = len(view) if end is None else end
    out, i = [], view.find(word, start, end)
    while i >= 0:
        out.append(i)
        i = view.find(word, i + 1, end)
    return out


def name_key(view_text: str) -> str:
    return "name:" + view_text


# ---------------------------------------------------------------- name shapes


LATIN_NAME = compile_fast(r"[A-Z][a-zA-Z'\-]+(?:[ .][A-Z][a-zA-Z'\-]*\.?){0,3}")


def stops_at(view: str, pos: int) -> bool:
    return vocab().name_stops_re.match(view, pos) is not None


def chinese_name_at(view: str, pos: int, end: int) -> int | None:
    """End of a Chinese personal name (surname + 1-2 given characters) starting at pos."""
    voc = vocab()
    multi = voc.multi_surnames.match(view, pos)
    sur = multi.end() - pos if multi else 0
    if not sur and pos < end and view[pos] in voc.surnames:
        sur = 1
    if not sur:
        return None
    n = pos + sur
    given = 0
    while given < 2 and n + given < end and is_cjk(view[n + given]) and not stops_at(view, n + given):
        given += 1
    if given == 0 or (view[n] in NUMERALS and view[n + given:n + given + 1] in ("月", "日", "年", "号")):
        return None
    name = view[pos:n + given]
    if is_common_word(name) or (len(name) == 2 and _jieba_freq().get(name, 0) > 0 and name not in lexicon.view_names()):
        if given == 2 and not is_common_word(view[pos:n + 1]):
            return n + 1
        return None
    return n + given


NUMERALS = frozenset("零一二两三四五六七八九十百千")


def translit_name_at(view: str, pos: int, end: int) -> int | None:
    """End of a transliterated foreign name (克拉齊奧斯, 喬治．陳) starting at pos."""
    voc = vocab()
    i = pos
    while i < end and i - pos < 8:
        ch = view[i]
        if ch in voc.joiners and i > pos and i + 1 < end and is_cjk(view[i + 1]):
            i += 1
            continue
        if ch not in voc.translit and not (ch in voc.surnames and i > pos and view[i - 1] in voc.joiners):
            break
        if i > pos + 1 and stops_at(view, i):
            break
        i += 1
    if i - pos < 2 or is_common_word(view[pos:i]):
        return None
    return i


NAME_BEFORE_PAREN = compile_fast(r"[^\s()]{2,8}\(")


def person_name_at(view: str, pos: int, end: int) -> int | None:
    if pos < end and view[pos].isascii() and view[pos].isupper():
        m = LATIN_NAME.match(view, pos, end)
        if m and " " in m.group() and not set(m.group().replace(".", " ").split()) & vocab().en_org:
            return m.end()
        return None
    paren = NAME_BEFORE_PAREN.match(view, pos, end)
    if paren:
        inner = view[pos:paren.end() - 1]
        if all(is_cjk(c) or c in vocab().joiners for c in inner) and inner[-1] not in vocab().joiners:
            return paren.end() - 1
    a = chinese_name_at(view, pos, end)
    b = translit_name_at(view, pos, end)
    if a and b:
        return max(a, b) if view[pos] in vocab().translit and b - pos > 3 else a
    return a or b
