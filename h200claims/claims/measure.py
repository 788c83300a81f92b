"""What an amount measures, as the article writes it: the rules, in the order ``measure_of`` tries them.

- ``measure_after``: the noun the amount is 'of' (25%的分潤, 12%的規費);
- ``measure_phrase``: the nouns before the amount's link words, read from the tokens and jieba's
  tagged nouns, whole words only (毛利率|預估介於41%, 稅後|淨利|達580億元, 資本|支出|約2至3億美元);
- ``measure_counted``: for a count by a classifier, the noun it counts after a name (4架波音777貨機);
  before the listed nouns, which it is more specific than (訂單包含了273架空客A320客機 → 客機);
- ``measure_listed``: a measure noun of ``data/claims.json`` earlier in the clause, with the topic
  it is 'of' (在AI運算力上的差距 → AI運算力差距);
- ``measure_following``: the words right after the amount, where no verb before it but a light one
  (有, 完成, 造成) carries it (10億令吉損失, 完成66宗IPO, 約兩萬名勞工受惠);
- ``measure_verb``: where no noun names it, the verb that carries the amount (裁員兩千人, 交付3.1萬輛).

``measure_earlier_clause`` (called by ``claims/build.py`` after the measure inherited from an earlier
amount): where the clause names nothing or only a change word, a measure noun of an earlier clause
of the sentence (加權指數盤中走高，終場大跌513點 → 加權指數).

    >>> from h200claims import extract
    >>> [c.measure for c in extract("該公司毛利率預估介於41%至43%之間。").claims]
    ['毛利率']
"""
from __future__ import annotations

from functools import lru_cache
from typing import Any, NamedTuple

import regex

from h200claims import data
from h200claims.claims.context import (CLAUSE_BREAK, clause_of, mentions_between, on, quantity_index,
                                       sentence_span, token_ending_at, words)
from h200claims.doc import Doc
from h200claims.models import Quantity
from h200claims.text.script import simplified_view as v
from h200claims.tags.entity_vocab import _jieba_freq

HAN_WORD = regex.compile(r"\p{Han}{2,}")
ACRONYM = regex.compile(r"[A-Z]{2,8}")
DIGIT = regex.compile(r"\d")
NOUN_MAX = 4
GLOSS_AT = regex.compile(r"[(（][^()（）,，。;；]{1,12}[)）]")  # (CET1), （相當於營業收益）
GLOSS = regex.compile(GLOSS_AT.pattern + "$")
GLOSS_MAX = 14
MODEL_NUMBER = regex.compile(r"\s?[A-Za-z]{0,3}[-\s]?\d[\dA-Za-z-]*\s?")


#: at most this many characters in a comparison's base between a measure and its change (較一年前同期)
BASIS_MAX = 12


@lru_cache(maxsize=1)
def basis_phrase() -> Any:
    """A period a change is measured against, ending where the link words go on (較前一季度, 比2019年同期,
    與去年相比): a marker of ``data/claims.json`` basis_phrases, then a period word or a comparing verb at its end."""
    cfg = data.load_json("claims.json")["basis_phrases"]
    alt = lambda xs: "|".join(regex.escape(v(x)) for x in sorted(xs, key=len, reverse=True))  # noqa: E731
    return regex.compile(rf"(?:{alt(cfg['markers'])})[^\s，,。；;：:、「」()（）]{{0,{BASIS_MAX - 3}}}?(?:{alt(cfg['ends'])})$")


PER_UNIT = regex.compile(r"每(?![周週月年日天季])\p{Han}{1,2}$")  # not how often: 每周|三班


def per_unit(doc: Doc, pos: int, floor: int) -> Any:
    """The unit an amount is per, right before it (每度電|140.6仙, 每股|0.5元, 每桶|80美元), unless it
    ends a measure noun (每股|淨值); not before a change word (每度|調漲0.1元 keeps 調漲)."""
    hit = PER_UNIT.search(doc.view, max(floor, pos - 3), pos)
    return hit if hit and not longest_ending_at(doc.view, pos, floor, words().measure_nouns) else None


class MeasureWords(NamedTuple):
    stops: frozenset[str]  # words after an amount that name nothing measured (以上, 水準, 以及, 透露)
    light_verbs: frozenset[str]  # verbs that only say there is, was done or caused (有, 完成, 造成)
    pass_words: frozenset[str]  # forecast words and level verbs that pass the measure on (原預測, 收報)
    levels: frozenset[str]  # a market report's level verbs (收報, 低見): the measure where nothing names one
    not_measures: frozenset[str]  # words that only point at what was named (兩者, 整體)
    change_adverbs: frozenset[str]  # adverbs before a change word (略, 大幅)
    populations: frozenset[str]  # what a share can be of when it is a population (企業, 員工)
    modals: str  # one character between a population and what it does (可, 獲)


@lru_cache(maxsize=1)
def measure_words() -> MeasureWords:
    """The words of ``data/claims.json`` only the measure rules read: measure_following (its stops
    with the function words, 以及, and the reporting verbs that are no nouns, 透露 but not 預測),
    measure_pass_words, not_measures, change_adverbs and population_nouns."""
    cfg = data.load_json("claims.json")
    function = (ln.split("\t", 1)[0] for ln in data.read_text("function_words.txt").splitlines() if ln[:1] != "#")
    cues = (row[0] for row in data.read_tsv("quote_cues.tsv") if row and row[0] and v(row[0]) not in words().nouns)

    def table(*rows: Any) -> frozenset[str]:
        return frozenset(v(x) for row in rows for x in row)
    return MeasureWords(stops=table(cfg["measure_following"]["stops"], function, cues),
                        light_verbs=table(cfg["measure_following"]["light_verbs"]),
                        pass_words=table(cfg["measure_pass_words"]["words"], cfg["level_verbs"]["words"]),
                        levels=table(cfg["level_verbs"]["words"]),
                        not_measures=table(cfg["not_measures"]["words"]),
                        change_adverbs=table(cfg["change_adverbs"]["words"]),
                        populations=table(cfg["population_nouns"]["words"]),
                        modals=v(cfg["population_nouns"]["modals"]))


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


def measure_after(doc: Doc, q: Quantity) -> str | None:
    """The noun right after the amount (25%的分潤 → 分潤, 約12%的規費 → 規費), unless it ends in a
    stop of ``measure_following`` that only says where the amount stands (18.5%的舒適水平, 的新高點)."""
    w = words()
    _, ce = clause_of(doc, q)
    of = 1 if doc.view[q.end:q.end + 1] == "的" else 0
    after = w.measure_re.match(doc.view, q.end + of, ce)
    if after:
        return doc.text[after.start():after.end()]
    if of and q.kind == "percent":
        share = share_predicate(doc, q.end + 1, ce)
        if share:
            return share
    noun = noun_after(doc, q.end + 1, ce) if of else None
    stops = measure_words().stops
    return None if noun and any(v(noun)[-n:] in stops for n in (2, 3)) else noun


def share_predicate(doc: Doc, start: int, ce: int) -> str | None:
    """For a share of a population (7成3的企業|適用僱用安定措施, 98%的IPO|獲|超額認購), what that
    share does: the words after the population noun (``population_nouns``), past one modal
    character (可, 獲); None where no population noun, or nothing, follows."""
    mw = measure_words()
    first = doc.tokens_in(start, ce)[:1]
    if not first or first[0][0] != start or doc.view[start:first[0][1]] not in mw.populations:
        return None
    pos = first[0][1]
    pos += 1 if doc.view[pos:pos + 1] in mw.modals else 0
    found = words_from(doc, pos, ce)
    return doc.text[found[0]:found[1]] if found else None


def longest_ending_at(view: str, pos: int, floor: int, table: frozenset[str]) -> str | None:
    """The longest word of ``table`` that ends at ``pos`` and starts at ``floor`` or after: a look-up
    per length (at most eight), not a scan of the table."""
    for n in range(min(8, pos - floor), 0, -1):
        if view[pos - n:pos] in table:
            return view[pos - n:pos]
    return None


def link_start(doc: Doc, q: Quantity, floor: int) -> int:
    """Where the words linking a measure to its amount begin: 將季減, 預估介於, 達, 年增約 are read
    back from the amount; the amount itself when nothing links it (營收成長3%: 成長 links, the 收 of
    營收 does not)."""
    return links_back(doc, q.start, floor)


def links_back(doc: Doc, pos: int, floor: int) -> int:
    """Where the link words that end at ``pos`` begin (``link_start`` from any position), a gloss in
    brackets and the period a change is measured against (GDP|較前一季度|增長2.1%: ``BASIS_PHRASE``)
    among them."""
    view, start = doc.view, pos
    links = words().link_words
    while pos > floor:
        if view[pos - 1] in " \u3000\u00a0":  # 共裁罰 11 件: spaces as scraped pages write them
            pos -= 1
            continue
        gloss = GLOSS.search(view, max(floor, pos - GLOSS_MAX), pos)
        if gloss:  # 普通股權益第一類資本(CET1)|提高至14.79%: a gloss in brackets links too
            pos = gloss.start()
            continue
        basis = basis_phrase().search(view, max(floor, pos - BASIS_MAX), pos) or (
            per_unit(doc, pos, floor) if pos == start else None)
        if basis:  # 貨運量|較2019年同期|增長8.2%, 淨電費為|每度電|140.6仙: a base, or a unit right before, links too
            pos = basis.start()
            continue
        hit = link_ending_at(doc, pos, floor, links)
        if hit is None or view[pos - len(hit) - 1:pos - len(hit)] in words().link_not_after.get(hit, "\0"):
            break
        pos -= len(hit)
    return pos


def link_ending_at(doc: Doc, pos: int, floor: int, links: frozenset[str]) -> str | None:
    """The longest link word that ends at ``pos``, is not the tail of a measure noun (營收) and starts
    where a token starts (今年|成長, not 今|年成長); the longest of any start where none does (占|比達)."""
    noun = longest_ending_at(doc.view, pos, floor, words().measure_nouns)
    found = [doc.view[pos - n:pos] for n in range(min(8, pos - floor), 0, -1)
             if doc.view[pos - n:pos] in links and not (noun and len(noun) > n)]  # the 收 of 營收 is no link
    return next((w for w in found if doc.at_token_boundary(pos - len(w))), found[0] if found else None)


def is_noun(doc: Doc, word: str) -> bool:
    """A token that can be part of a measure: one of jieba's tagged nouns, a word of two Han
    characters or more that jieba's dictionary does not know (a domain noun it built: 淨利) and
    that is no verb, a word ending in a noun piece (生產指數), or an acronym (EBITDA)."""
    w = words()
    if word in w.nouns or ACRONYM.fullmatch(word):  # EBITDA, RASK, GDP
        return True
    if len(word) >= 2 and word[-1] in w.piece_chars and HAN_WORD.fullmatch(word) and word not in w.verbs:
        return True  # 生產指數, 用電量: a word ending in a noun piece
    if len(word) >= 3 and word[-2:] in w.nouns and HAN_WORD.fullmatch(word) and word not in w.verbs:
        return True  # 國內|航線: a word whose last two characters are a noun is one (its head comes last)
    return bool(HAN_WORD.fullmatch(word)) and word not in w.verbs and word not in _jieba_freq() \
        and not w.description_re.fullmatch(word)


def piece_word(doc: Doc, piece_start: int, floor: int) -> int:
    """Where the word a noun piece (率, 額, 量) completes begins: the word of two Han characters or
    more right before it (入住|率 → 入住率, 退租|率 → 退租率), not a description (該公司|額); the piece
    itself when there is none."""
    tok = token_ending_at(doc, piece_start)
    if tok and tok[0] >= floor:
        word = doc.view[tok[0]:piece_start]
        if HAN_WORD.fullmatch(word) and not words().description_re.fullmatch(word):
            return tok[0]
    return piece_start + 1


def phrase_before(doc: Doc, end: int, floor: int) -> int:
    """Where the noun phrase ending at ``end`` starts: at most ``phrase_max`` measure nouns or
    tagged nouns (or a word and the noun piece that ends it: 入住率), never into a name, an amount or a
    description (該公司); ``end`` when there is none."""
    w = words()
    view, pos, taken = doc.view, end, 0
    names = {m[1] for m in mentions_between(doc, floor, end)}
    amounts = {x[1] for x in quantity_index(doc).within(floor, end)}
    while pos > floor and taken < w.phrase_max and pos not in names and pos not in amounts:
        listed = len(longest_ending_at(view, pos, floor, w.measure_nouns) or "")
        tok = token_ending_at(doc, pos)
        noun = pos - tok[0] if tok and tok[0] >= floor and is_noun(doc, view[tok[0]:pos]) else 0
        if not noun and not taken and tok and view[tok[0]:pos] in w.piece_chars:
            noun = pos - piece_word(doc, tok[0], floor)  # 入住|率, 失業|率: a word and its noun piece
        step = max(listed if pos - listed >= floor else 0, noun)  # the longer: 毛利率, not its 利率
        if not step:
            break
        if w.description_re.fullmatch(view, pos - step, pos):
            break
        pos -= step
        taken += 1
    return pos


SHARE_VERBS = ("占", "佔")


def measure_phrase(doc: Doc, q: Quantity) -> str | None:
    """The nouns right before the amount's link words (毛利率預估介於41%, 稅後淨利達580億元). A noun
    right after 占 is the whole a share is taken of: the measure is what comes before 占 (住宅戶數占
    整體93% → 住宅戶數), or 占 itself where nothing does (新加坡占144億令吉 → 占)."""
    cs, _ = clause_of(doc, q)
    end = link_start(doc, q, cs)
    start = phrase_before(doc, end, cs)
    if doc.view[end:end + 1] in SHARE_VERBS:  # 新加坡占144億令吉: 占 opens the link
        return with_topic(doc, cs, start, end) if start < end else doc.text[end:end + 1]
    if start == end and doc.view[end - 1:end] == "的":  # 出口訂單占|全部訂單|的|四成
        start = phrase_before(doc, end - 1, cs)
        if not (start < end - 1 and start > cs and doc.view[start - 1] in SHARE_VERBS):
            return None
    if start < end and start > cs and doc.view[start - 1] in SHARE_VERBS:  # 住宅戶數占|整體|93%
        before = phrase_before(doc, start - 1, cs)
        return with_topic(doc, cs, before, start - 1) if before < start - 1 else doc.text[start - 1:start]
    return with_topic(doc, cs, start, end) if start < end else None


def measure_candidates(doc: Doc, q: Quantity) -> list[tuple[int, int]]:
    """Measure nouns before the amount in its clause that head their phrase (not 運算力 in
    運算力上的差距), each widened to the whole token it sits in (毛利率, not 利率)."""
    w = words()
    cs, _ = clause_of(doc, q)
    view = doc.view
    out = []
    for m in w.measure_re.finditer(view, cs, q.start):
        nxt = view[m.end():m.end() + 2]
        if w.measure_re.match(view, m.end()) or (nxt.startswith(("的", "上的")) and not
                                                  (view[m.end():q.start] == "的")):
            continue
        s = m.start()
        for ts, te in doc.tokens_in(max(cs, s - 3), m.end()):
            if ts < s < te and te <= m.end():
                s = ts
        out.append((s, m.end()))
    return out


def with_topic(doc: Doc, cs: int, ms: int, me: int) -> str:
    """The measure ``ms:me`` with the topic it is 'of' before it in the clause (在AI運算力上的差距 →
    AI運算力差距; 晶片產能上的差距 → 晶片產能差距), names and descriptions left out (H200的效能 → 效能)."""
    w = words()
    link = w.link_re.search(doc.view, cs, me)
    if not link or link.end("measure") != me or link.start("measure") < ms:
        return doc.text[ms:me]
    ts = link.start("topic")
    for _, end, _, _ in mentions_between(doc, link.start("topic"), link.end("topic")):
        ts = max(ts, end)  # keep the topic words after any name (H200的效能 → 效能)
    for d in w.description_re.finditer(doc.view, ts, link.end("topic") + 1):
        ts = max(ts, min(d.end(), link.end("topic")))  # and after a description (他的支持度 → 支持度)
    topic = doc.view[ts:link.end("topic")]
    cut = max(topic.rfind(x) for x in ("在", "对", "于"))
    ts += cut + 1 if cut >= 0 else 0
    topic = doc.text[ts:link.end("topic")]
    return topic + doc.text[ms:me] if topic and not DIGIT.search(topic) else doc.text[ms:me]


def measure_listed(doc: Doc, q: Quantity) -> str | None:
    """The first measure noun of the clause, with the topic it is 'of' (AI運算力上的差距 → AI運算力差距)."""
    cands = measure_candidates(doc, q)
    if not cands:
        return None
    cs, _ = clause_of(doc, q)
    return with_topic(doc, cs, *cands[0])


def verb_before(doc: Doc, end: int, floor: int) -> int | None:
    """Where the verb that ends at ``end`` starts: a verb of jieba's (交付), a word of two Han
    characters that jieba does not know (賣超, 裁罰), or two one-character words that make one
    (遭|罰, 狂|賺); None when there is none."""
    w = words()
    tok = token_ending_at(doc, end)
    if not tok or tok[0] < floor:
        return None
    word = doc.view[tok[0]:end]
    if quantity_index(doc).overlaps(tok[0], end):
        return None  # 1924億令|吉: no verb inside an amount
    if word in w.verbs or (len(word) >= 2 and HAN_WORD.fullmatch(word) and word not in _jieba_freq()
                           and not w.description_re.fullmatch(word)):
        return tok[0]
    before = token_ending_at(doc, tok[0])
    if len(word) == 1 and HAN_WORD.fullmatch(word + word):  # a one-character Han word
        if before and before[0] >= floor and tok[0] - before[0] == 1 and HAN_WORD.fullmatch(doc.view[before[0]:end]) \
                and not {doc.view[before[0]], word} & w.verb_piece_stops and not in_name(doc, before[0], end):
            return before[0]
    return None


def in_name(doc: Doc, s: int, e: int) -> bool:
    return bool(mentions_between(doc, max(0, s - 8), e + 8)) and any(
        a < e and s < b for a, b, _, _ in mentions_between(doc, max(0, s - 8), e + 8))


def measure_verb(doc: Doc, q: Quantity) -> str | None:
    """Where no noun names the measure: the verb right before the amount's link words (裁員兩千人,
    交付3.1萬輛), else the change word that opens the link (降至9.98萬元 → 降至, 漲逾2% → 漲)."""
    cs, _ = clause_of(doc, q)
    end = link_start(doc, q, cs)
    start = verb_before(doc, end, cs)
    if start is not None:
        return light_verb_noun(doc, start, end, cs) or doc.text[start:end]
    gloss = GLOSS_AT.match(doc.view, end, q.start)
    end = gloss.end() if gloss else end  # 寒武紀（Cambricon）|漲逾1%
    link = doc.view[end:q.start]
    adverb = max((x for x in measure_words().change_adverbs if link.startswith(x)), key=len, default="")  # 略|增1%
    change = max((x for x in words().directions if link.startswith(x, len(adverb))), key=len, default=None)
    if change is None:  # 收報0.59元: a level verb, where no noun of the sentence names what stands there
        return doc.text[end:q.start] if link in measure_words().levels else None
    stop = end + len(adverb) + len(change)
    stop += 1 if doc.view[stop:stop + 1] in ("至", "到") else 0
    return doc.text[end + len(adverb):stop]


def light_verb_noun(doc: Doc, start: int, end: int, floor: int) -> str | None:
    """For a light verb (完成, 錄得, 有: ``measure_following``'s light_verbs) that only says the amount
    was done or is there, the nouns before it and its link words (貨運量|完成|200.7萬噸 → 貨運量,
    國內航線|共完成|1.6億人次 → 國內航線); None where it is no light verb or no noun precedes it."""
    if doc.view[start:end] not in measure_words().light_verbs:
        return None
    stop = links_back(doc, start, floor)
    begin = phrase_before(doc, stop, floor)
    return doc.text[begin:stop] if begin < stop else None


def measure_counted(doc: Doc, q: Quantity) -> str | None:
    """For a count by a classifier alone, the noun it counts after a name (4架|波音777|貨機 → 貨機)."""
    if q.kind != "count" or v(q.unit or "") not in _classifiers():
        return None
    _, ce = clause_of(doc, q)
    after = mentions_between(doc, q.end, min(ce, q.end + 12))
    if not after or after[0][0] != q.end:
        return None
    model = MODEL_NUMBER.match(doc.view, after[0][1], ce)  # 波音|777|貨機, 空客|A321|客機
    return noun_after(doc, model.end() if model else after[0][1], ce)


@lru_cache(maxsize=1)
def _classifiers() -> frozenset[str]:
    """The classifiers a counted noun may follow: those whose noun is the count's unit (名, 家) and the
    one-character ones that name the kind themselves (架, 輛: 20架|空客A350|客機 still counts 客機)."""
    from h200claims.tags.quantity_grammar import grammar
    cfg = grammar().cfg
    return frozenset(cfg["count_noun_classifiers"]) | {c for c in cfg["classifiers"] if len(c) == 1}


FOLLOWING_MAX = 6


def words_after(doc: Doc, q: Quantity) -> tuple[int, int] | None:
    """(start, end) of the words right after the amount in its clause: whole tokens of two Han
    characters or more (or an acronym), at most ``FOLLOWING_MAX`` characters, up to a verb after a
    noun (境外債務|實現), a stop word (以上, 左右), a name, an amount, a description or a change
    word; None when the amount is followed by none, or by a change word (15%明顯提高). A light verb
    right after the amount is passed over (87%獲得|超額認購)."""
    _, ce = clause_of(doc, q)
    return words_from(doc, q.end + (1 if doc.view[q.end:q.end + 1] == " " else 0), ce)


def words_from(doc: Doc, start: int, ce: int) -> tuple[int, int] | None:
    """The words of ``words_after`` from ``start`` to at most the clause end ``ce``."""
    w, mw = words(), measure_words()
    pos = start
    first = doc.tokens_in(start, ce)[:1]
    if first and first[0][0] == start and doc.view[start:first[0][1]] in mw.light_verbs:
        start = pos = first[0][1]
    names = {m[0] for m in mentions_between(doc, start, ce)} | {x[0] for x in quantity_index(doc).within(start, ce)}
    verbs: list[bool] = []
    for s, e in doc.tokens_in(start, ce):
        word = doc.view[s:e]
        if any(word.endswith(d) for d in w.directions if len(d) > 1 or d == word):
            if pos == start:
                return None  # 15%明顯提高: the words after say how the amount changed
            break
        if s != pos or s in names or e - start > FOLLOWING_MAX or word in mw.stops:
            break
        if not ((len(word) >= 2 and HAN_WORD.fullmatch(word)) or ACRONYM.fullmatch(word)) \
                or w.description_re.fullmatch(word):
            break
        verb = word in w.verbs
        if verbs and verb and not verbs[-1]:
            break
        verbs.append(verb)
        pos = e
    return (start, pos) if pos > start else None


def measure_following(doc: Doc, q: Quantity) -> str | None:
    """The words right after the amount (10億令吉損失, 約兩萬名勞工受惠), unless a verb before the
    amount carries it (交付7649輛理想ONE車型 → 交付, 投入3億元創業 → 投入): a light verb only says
    that there is, was done or caused what the words after name (完成66宗IPO → IPO, 共有300家企業
    實施減班 → 實施減班)."""
    found = words_after(doc, q)
    if found is None:
        return None
    cs, _ = clause_of(doc, q)
    link = link_start(doc, q, cs)
    before = verb_before(doc, link, cs)
    if before is not None and doc.view[before:link] not in measure_words().light_verbs:
        return None
    return doc.text[found[0]:found[1]]


def measure_earlier_clause(doc: Doc, q: Quantity, after: int = 0) -> str | None:
    """For an amount whose own clause names nothing measured, or only a change word: the measure noun
    of ``data/claims.json`` nearest before it in an earlier clause of its sentence that heads its
    phrase, with the nouns before it (加權指數盤中下挫，終場大跌513點 → 加權指數). A clause with an
    amount of its own is left to ``inherit_within_sentence`` (淨利達4,523億元，年增39%)."""
    w = words()
    cs, _ = clause_of(doc, q)
    ss, _ = sentence_span(doc, q)
    for m in reversed(list(w.measure_re.finditer(doc.view, max(ss, after), cs))):
        if doc.view[m.end():m.end() + 2].startswith(("的", "上的")) or w.measure_re.match(doc.view, m.end()):
            continue  # 運算力上的差距: not the head
        floor = max([b.end() for b in CLAUSE_BREAK.finditer(doc.view, ss, m.start())] or [ss])
        end = next((b.start() for b in CLAUSE_BREAK.finditer(doc.view, m.end(), cs)
                    if not DIGIT.match(doc.view, b.start() - 1) or not DIGIT.match(doc.view, b.end())), cs)  # 4,523
        if any(x[0] < end and x[2].kind != "date" for x in quantity_index(doc).within(floor, cs)):
            continue
        start = next((ts for ts, te in doc.tokens_in(max(floor, m.start() - 3), m.end()) if ts < m.start() < te),
                     m.start())
        return doc.text[phrase_before(doc, start, floor):m.end()]
    return None


MEASURE_RULES = (("measure_after", measure_after), ("measure_phrase", measure_phrase),
                 ("measure_counted", measure_counted), ("measure_listed", measure_listed),
                 ("measure_following", measure_following), ("measure_verb", measure_verb))


def measure_of(doc: Doc, q: Quantity) -> tuple[str | None, str | None]:
    """What is measured, and the rule that found it: the first of ``MEASURE_RULES`` (switched on)
    that finds it, where it is none of the words that only point at what was named (兩者, 整體:
    ``not_measures``)."""
    for name, rule in MEASURE_RULES:
        if on(doc, name):
            found = rule(doc, q)
            if found and v(found) not in measure_words().not_measures:
                return found, name
    return None, None


def is_change_word(measure: str) -> bool:
    """Whether a measure is only a change word (增, 下降, 降至) or a forecast word (原預測, 預估:
    ``measure_pass_words``): what changes, or was forecast, is named elsewhere."""
    w = words()
    word = v(measure)
    return word in w.directions or (word[-1:] in "至到" and word[:-1] in w.directions) \
        or word in measure_words().pass_words

