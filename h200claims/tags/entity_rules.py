"""Entity mention rules. Each is a small named function ``rule(doc) -> list[MentionCandidate]``.

Every rule works on the matching view (Simplified script, half-width ASCII), inside the body
paragraphs, so each name, title and cue is written once in data/ and serves both scripts.
Overlaps are settled afterwards (longest wins) by h200claims/tags/entities.py.
"""
from __future__ import annotations

import bisect

from collections.abc import Callable
from functools import lru_cache
from typing import Any

import regex

from h200claims import data
from h200claims.registry import RuleTable
from h200claims.doc import Doc, MentionCandidate
from h200claims.patterns import alternation, compile_fast
from h200claims.tags.entity_vocab import (
    GENERIC_WORD_FREQ, NUMERALS, _jieba_freq, chinese_name_at, is_cjk, is_latin, name_key,
    person_name_at, translit_name_at, verb_tags, vocab,
)
from h200claims.text.script import simplified_view as v

EntityRule = Callable[[Doc], list[MentionCandidate]]
RULES = RuleTable("entities")
rule = RULES.rule


# ---------------------------------------------------------------- rules


@rule("lexicon")
def lexicon_names(doc: Doc) -> list[MentionCandidate]:
    """Names from the domain lexicon, longest first, Latin names only at word boundaries, and a Han
    name not starting inside a longer word (the 北大 of 華北大學).

    >>> import h200claims
    >>> [(m.text, m.rule) for m in h200claims.extract("他畢業於華北大學，後來到北大任教。").mentions]
    [('華北大學', 'model:crf'), ('北大', 'lexicon')]
    """
    out = []
    names = doc.lexicon.view_names
    by_id = doc.lexicon.by_id
    view = doc.view
    for a, b in doc.paragraphs:
        for s, e in doc.lexicon.find(view, a, b):
            if (is_latin(view[s]) and s > 0 and is_latin(view[s - 1])) or (
                    is_latin(view[e - 1]) and e < len(view) and is_latin(view[e])):
                continue
            if not is_latin(view[s]) and not doc.at_token_boundary(s):
                continue
            eid = names[view[s:e]][0]
            if by_id[eid].whole_word and not whole_word_at(doc, s, e):
                continue  # a listed company's short name only as a whole word (營收達|新台幣 is no 達新)
            out.append(MentionCandidate(s, e, by_id[eid].label, "lexicon", eid, priority=3))
    return out


def whole_word_at(doc: Doc, s: int, e: int) -> bool:
    """Whether ``s:e`` is made of whole tokens, one of them a word of two characters or more (not
    the 宏|正 of 張|宏|正, a name the tokenizer left in single characters), or stands alone between
    characters that are not Han (、旺|宏、, 群|創5萬: nothing else it could be part of)."""
    toks = doc.tokens_in(s, e)
    view = doc.view
    alone = (s == 0 or not is_cjk(view[s - 1])) and (e >= len(view) or not is_cjk(view[e]))
    return doc.at_token_boundary(e) and bool(toks) and toks[0][0] == s and toks[-1][1] == e \
        and (alone or any(b - a >= 2 for a, b in toks))


@rule("title_name")
def title_then_name(doc: Doc) -> list[MentionCandidate]:
    """A title (or an honorific) followed by a name: 研究員孫成昊, 分析師Ray Wang, 主任費斯特（Tim Fist）,
    首相拿督斯里安華."""
    voc = vocab()
    out = []
    view = doc.view
    for a, b in doc.paragraphs:
        starts = [m.end() for m in voc.title_at.finditer(view, a, b)]
        starts += [h.end() for h in voc.honorifics.finditer(view, a, b)]  # 拿督斯里|阿都拉昔
        for s in sorted(set(starts)):
            h = voc.honorifics.match(view, s, b)
            s = h.end() if h else s  # 首相|拿督斯里|安華
            if s >= b:
                continue
            e = person_name_at(view, s, b)
            if not e and (h or voc.honorifics.match(view, max(a, s - 4), s)):
                after = AFTER_HONORIFIC.match(view, s, b)  # 拿督斯里|阿都拉昔|表示: an honorific names a person
                e = after.end() if after else None
            if e and e - s >= 2:
                out.append(MentionCandidate(s, e, "PERSON", "title_name", name_key(view[s:e]), priority=2))
    return out


#: the name after an honorific: up to six Han characters before a reporting verb or punctuation
AFTER_HONORIFIC = regex.compile(r"\p{Han}{2,6}?(?=表示|说|指出|强调|认为|称|透露|[，,。：:、（(\s])")

PAREN = compile_fast(r"\(([A-Za-z][A-Za-z0-9 .,'&\-]{1,80})\)")
WORD_SPLIT = regex.compile(r"[ .,]+")
BOOK_TAIL = regex.compile(r"([^《》\s]{2,12})》")


@rule("paren_alias")
def name_with_english(doc: Doc) -> list[MentionCandidate]:
    """A name followed by its English form in brackets: 費斯特（Tim Fist）, 亞洲集團（The Asia Group）.

    Both parts become mentions of one entity (the key links them).
    """
    voc = vocab()
    out: list[MentionCandidate] = []
    view = doc.view
    known = {(c.start, c.end): c for c in doc.candidates}
    ends = {c.end: c for c in doc.candidates}
    for a, b in doc.paragraphs:
        for m in PAREN.finditer(view, a, b):
            eng = m.group(1).strip()
            ps = m.start()
            if ps == a:
                continue
            prev = ends.get(ps) or (ends.get(ps - 1) if view[ps - 1] in "」』" else None)
            if prev is None and not is_cjk(view[ps - 1]):
                continue
            words = [w for w in WORD_SPLIT.split(eng) if w]
            if words[-1] in voc.en_not or not all(w[:1].isupper() or w in ("of", "and", "for", "the", "on") for w in words):
                continue
            is_org = bool(set(words) & voc.en_org) or view[ps - 1] in voc.paren_org_last
            looks_person = 2 <= len(words) <= 4 and not any(w.isupper() and len(w) > 1 for w in words)
            if not is_org and not looks_person and (ends.get(ps) is None and ends.get(ps - 1) is None):
                continue
            es, ee = m.start(1) + (len(m.group(1)) - len(m.group(1).lstrip())), m.start(1) + len(m.group(1).rstrip())
            if prev is not None:  # the Chinese name is already known: the English is its alias
                label, key = prev.label, prev.key
                cjk: tuple[int, int] | None = None
            else:
                start = org_start(doc, ps, a) if is_org else person_start(view, ps, a)
                if (start is None or ps - start < 2) and not is_org and voc.titles.search(view, max(a, ps - 10), ps):
                    out.append(MentionCandidate(es, ee, "PERSON", "paren_alias", name_key(eng), priority=2))
                    continue  # 部長(Desmond Lee): the English name is the person's only name here
                if start is None or ps - start < 2:
                    continue
                label = "ORG" if is_org else "PERSON"
                key = name_key(view[start:ps])
                cjk = (start, ps)
            if (es, ee) in known:
                key = known[(es, ee)].key if cjk is None else key
                if cjk is not None:
                    out.append(MentionCandidate(cjk[0], cjk[1], known[(es, ee)].label, "paren_alias", known[(es, ee)].key, 2))
                continue
            if cjk is not None:
                out.append(MentionCandidate(cjk[0], cjk[1], label, "paren_alias", key, priority=2))
            out.append(MentionCandidate(es, ee, label, "paren_alias", key, priority=2))
    return out


def person_start(view: str, end: int, floor: int) -> int | None:
    """Start of a person's name that ends at ``end``: right after a title, else a name-shaped run."""
    voc = vocab()
    lo = max(floor, end - 8)
    titles = [m.end() for m in voc.title_at.finditer(view, max(floor, end - 20), end) if lo <= m.end() <= end - 2]
    if titles:
        return max(titles)
    for s in range(lo, end - 1):
        if chinese_name_at(view, s, end) == end or translit_name_at(view, s, end) == end:
            return s
    return None


def org_start(doc: Doc, end: int, floor: int, head: int = 1,
              ends: dict[int, MentionCandidate] | None = None) -> int | None:
    """Start of an organisation name ending at ``end``, extended left over name tokens.

    Stops at punctuation and function words, at verbs that introduce a body (成立, 加入), at the
    end of another ORG/PERSON/PRODUCT name (a parent body stays a mention of its own), and takes
    in an attached place prefix (美國商務部). ``head`` is the length of the ending word itself.
    """
    voc = vocab()
    view = doc.view
    cands = ends if ends is not None else {c.end: c for c in doc.candidates}
    s = end
    while s > floor and end - s < voc.org_max:
        prev = cands.get(s)
        if prev is not None:
            if prev.label == "GPE" and s != end:
                s = prev.start
            break
        ch = view[s - 1]
        if ch in voc.org_stop or (end - s >= 3 and ch in org_parent_last() and s - 1 > floor
                                  and view[s] not in voc.org_function_heads):
            break  # 財政部|關務署: a parent body and its named unit are two names
        if end - s >= head and (voc.long_titles.search(view, max(floor, s - 10), s)
                                or voc.org_left_stops_re.search(view, max(floor, s - 6), s)):
            break
        s -= 1
    return s if s < end else None


@lru_cache(maxsize=1)
def org_parent_last() -> frozenset[str]:
    """Last characters of a parent body's name (部, 署, 局): an unknown name's left edge stops there."""
    return frozenset(v(data.load_json("entity_rules.json")["org_parent_last"]))


@rule("org_suffix")
def organisation_suffix(doc: Doc) -> list[MentionCandidate]:
    """Unknown organisations by their ending: …研究院, …學會, …大學, …委員會, …部, …局, …公司."""
    voc = vocab()
    out = []
    view = doc.view
    taken = {i for c in doc.candidates for i in range(c.start, c.end)}
    gpe_at = {c.start: c.end for c in doc.candidates if c.label == "GPE"}
    ends = {c.end: c for c in doc.candidates}
    for s_tok, e_tok in org_ending_tokens(doc):
        word = view[s_tok:e_tok]
        suffix = next((x for x in voc.org_suffixes if view.endswith(x, 0, e_tok)), None)
        if suffix is None or (word in voc.org_block and word not in voc.org_suffixes
                              and not any(word == x for x in voc.org_institutional)):
            continue
        fused = fused_title(doc, e_tok)  # the title is the evidence: no model veto (rule title_body)
        if e_tok < len(view) and is_cjk(view[e_tok]) and not doc.at_token_boundary(e_tok) \
                and not voc.title_at.match(view, e_tok) and not fused:
            continue
        if e_tok - 1 in taken:  # the ending already belongs to a known name
            continue
        para = doc.paragraph_of(s_tok)
        start = org_start(doc, e_tok, para[0], max(e_tok - s_tok, len(suffix)), ends)
        if start is None:
            continue
        name = view[start:e_tok]
        core_start = gpe_at.get(start, start)
        if not titled_body(doc, core_start, e_tok) if fused \
                else is_generic_org(doc, core_start, e_tok, prefixed=core_start != start):
            continue
        out.append(MentionCandidate(start, e_tok, "ORG", "title_body" if fused else "org_suffix", name_key(name), priority=1))
    return out


class Spans:
    """Spans that may nest or overlap, asked whether any overlaps a range: sorted once, then a
    bisection and a running maximum of ends per question."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        spans = sorted(spans)
        self.starts = [s for s, _ in spans]
        self.max_end: list[int] = []
        for _, e in spans:
            self.max_end.append(max(e, self.max_end[-1]) if self.max_end else e)

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect.bisect_left(self.starts, end)
        return i > 0 and self.max_end[i - 1] > start


def org_ending_tokens(doc: Doc) -> list[tuple[int, int]]:
    """Tokens that may end an organisation's name, and tokens where the ending is fused with a
    title after it (協會會長, 局局長 tokenised as one word: the name ends before the title)."""
    voc = vocab()
    view = doc.view
    out = []
    for s_tok, e_tok in doc.tokens:
        if view[e_tok - 1] in voc.org_suffix_last:
            out.append((s_tok, e_tok))
            continue
        t = voc.long_titles.search(view, s_tok + 1, e_tok)
        if t and t.start() > s_tok and view[t.start() - 1] in voc.org_suffix_last:
            out.append((s_tok, t.start()))
        elif e_tok - s_tok >= 2 and view[e_tok - 2] in voc.org_suffix_last and view[e_tok - 2:e_tok] in voc.title_words \
                and not (e_tok - s_tok == 2 and s_tok > 0 and view[s_tok - 1] == view[s_tok]):  # 協會|會長 ends before it
            out.append((s_tok, e_tok - 1))  # 環境及生態|局長, 旅遊局長: the body's ending is the title's first character
    return out


def fused_title(doc: Doc, end: int) -> bool:
    """Whether a body's ending at ``end`` is the first character of a title token (局|長, 旅遊局|長)."""
    return doc.view[end - 1:end + 1] in vocab().title_words and not doc.at_token_boundary(end)


def titled_body(doc: Doc, start: int, end: int) -> bool:
    """A body whose ending is fused with its head's title (環境及生態|局長): a name when two words or
    more stand before the ending, even common ones (not 警察局長, one word fused with its title)."""
    return sum(1 for a, b in doc.tokens_in(start, end - 1) if b - a >= 2) >= 2


#: characters that open a generic body, not an abbreviation (該分局, 本分處, 各分會)
ABBREVIATION_NOT_FIRST = frozenset("该本各全新总分副每此其")


def is_generic_org(doc: Doc, start: int, end: int, prefixed: bool = False) -> bool:
    """A common noun phrase with an organisation ending (晶片設計公司, 自家公司) is not a name.

    Names with an institutional ending (…研究院, …協會, …委員會) pass; others must hold at least
    one token that is not a common dictionary word.
    """
    voc = vocab()
    core = doc.view[start:end]
    if len(core) < 3 or core in voc.org_block or any(ch.isdigit() for ch in core):
        return True
    words = [doc.view[s:e] for s, e in doc.tokens_in(start, end)] or [core]  # one token may span the prefix
    if core.startswith(voc.generic_org_heads):
        return True  # 相關部門, 新晶圓廠
    if len(words) == 1 and len(core) >= 3 and core[-1] in voc.government_suffixes:
        return False  # 商務部, 財政部: one dictionary word naming a ministry
    if prefixed and len(core) >= 3 and core[-1] in voc.government_suffixes:
        return False  # 馬來西亞|投資發展局, 中國|駐美大使館: a place's own office
    if any(w in ("与", "和", "及") and i > 0 and words[i - 1] in voc.org_type_nouns for i, w in enumerate(words)):
        return True  # 智庫與大學: two kinds of body, not one name
    suffix = next((x for x in voc.org_institutional if core.endswith(x)), None)
    if suffix is not None:  # 國際問題研究院, 第一研究所, 香港+科技大學 are names; 頂尖大學 is not
        return len(core) - len(suffix) < (2 if prefixed else 3) and not core.startswith("第")
    if not prefixed and len(words) > 1 and (verb_tags().get(words[0]) == "v" or words[0] in voc.org_function_heads):
        return True  # 強化|上市公司, 於|強化…公司: a verb phrase before a kind of body
    if any((w in voc.org_function_heads and w not in "及與与和") or w[-1] in "於于的了" for w in words[1:-1]):
        return True  # 優良表現|歸功於|集團: a clause, not a name
    freq = _jieba_freq()
    if len(core) == 3 and len(words) == 3 and core[-1] in voc.government_suffixes and not freq.get(core[:2]) \
            and not any(w in voc.org_function_heads or w in ABBREVIATION_NOT_FIRST for w in words[:2]):
        return False  # 證|期|局: a two-character abbreviation no dictionary knows, and a bureau
    return all(freq.get(w, 0) >= GENERIC_WORD_FREQ or len(w) == 1 for w in words)


BOOK = compile_fast(r"《([^《》\n]{1,24})》")


@rule("book_title")
def book_title_outlet(doc: Doc) -> list[MentionCandidate]:
    """News outlets in book-title marks: 《華爾街日報》 (the marks stay outside the span)."""
    voc = vocab()
    out = []
    view = doc.view
    for a, b in doc.paragraphs:
        for m in BOOK.finditer(view, a, b):
            name = m.group(1)
            if any(name.endswith(x) for x in voc.media_suffixes):
                out.append(MentionCandidate(m.start(1), m.end(1), "ORG", "book_title", name_key(name), priority=1))
        # a scraped paragraph can start after the opening mark was lost: 金融時報》引述
        m2 = BOOK_TAIL.match(view, a, b)
        if m2 and any(m2.group(1).endswith(x) for x in voc.media_suffixes):
            out.append(MentionCandidate(m2.start(1), m2.end(1), "ORG", "book_title", name_key(m2.group(1)), 1))
    return out


@rule("cue_name")
def name_then_cue(doc: Doc) -> list[MentionCandidate]:
    """A Chinese name at the start of a clause followed by a speech cue: 陳莉認為, 趙明昊表示."""
    voc = vocab()
    out = []
    view = doc.view
    for a, b in doc.paragraphs:
        for cue in voc.cues.finditer(view, a, b):
            head = cue.start()
            adv = cue_adverbs().search(view, max(a, head - 4), head)
            if adv:
                head = adv.start()
            for s in range(max(a, head - 12), head - 1):
                if s > a and view[s - 1] not in voc.clause_start and view[s - 1] not in "」』\")":
                    continue
                if person_name_at(view, s, b) == head and view[s:head] not in voc.speaker_words:
                    out.append(MentionCandidate(s, head, "PERSON", "cue_name", name_key(view[s:head]), priority=1))
                    break
    return out


@lru_cache(maxsize=1)
def cue_adverbs() -> Any:
    """Adverbs between a name and its cue (陳莉也表示): the quote stage's list, data/quotes.json."""
    return compile_fast("(?:" + alternation(v(a) for a in data.load_json("quotes.json")["adverbs"]) + ")+$")


@lru_cache(maxsize=1)
def one_char_next() -> frozenset[str]:
    """One-character words that may follow a one-character country as a token of their own (美|將)."""
    return frozenset(v(data.load_json("entity_rules.json")["one_char_next_single"]))


@lru_cache(maxsize=1)
def one_char_fused() -> frozenset[str]:
    return frozenset(v(x) for x in data.load_json("entity_rules.json")["one_char_fused"])


@lru_cache(maxsize=1)
def one_char_after_whole() -> frozenset[str]:
    return frozenset(v(data.load_json("entity_rules.json")["one_char_after_whole"]))


@rule("one_char_country")
def one_character_country(doc: Doc) -> list[MentionCandidate]:
    """One-character country abbreviations standing alone: 對中開放, 赴陸, 美考慮, 陸專家.

    The character must be a token of its own, after a preposition or at the start of a clause,
    and not fused with another country character (中美, 美中 are not mentions).
    """
    voc = vocab()
    out = []
    view = doc.view
    for s, e in doc.tokens:
        if e - s == 2 and view[s] in voc.one_before and view[s + 1] in voc.one_char:
            s += 1  # a preposition fused with the abbreviation: 对华
        elif e - s != 1 or view[s] not in voc.one_char:
            continue
        before = view[s - 1] if s > 0 else "\n"
        after = view[e] if e < len(view) else "\n"
        if after in voc.one_char or (before in voc.one_char and e - s == 1) or view[s:s + 2] in one_char_fused():
            continue  # 中美, 台股
        if is_cjk(after) and doc.tokens_in(e, e + 1) and after not in one_char_next() and (
                _jieba_freq().get(view[s:e + 1]) or (e + 2 <= len(view) and is_cjk(view[e + 1]) and doc.tokens_in(e + 1, e + 2))):
            continue  # 中|電 (a word of the dictionary), 中|再|保: a name the tokenizer left in single characters
        j = s - 1
        while j > s - 4 and j >= 0 and view[j] in " \u3000\u00a0)）":  # 今 (23) 日
            j -= 1
        if j >= 0 and (view[j].isdigit() or view[j] in NUMERALS):
            continue  # 17 日, 三 月: a date written with a space, not Japan
        para = doc.paragraph_of(s)
        if before in voc.one_before or before in voc.clause_start or s == para[0] or (
                before == "全" and view[s] in one_char_after_whole()):  # 全台最多
            out.append(MentionCandidate(s, e, "GPE", "one_char_country", voc.one_char[view[s]], priority=0))
    return out
